package org.softmaxlab.engine;

import java.util.SplittableRandom;

/** Seeded datasets for training demonstrations; the same arguments always give the same points. */
public final class Datasets {
    private Datasets() {
    }

    /** The notebook's single sample: x = [1, 0, 0] with target class 2 of 3. */
    public static Dataset notebookSample() {
        return new Dataset("Notebook example C", new double[][] {{1, 0, 0}}, new int[] {2}, 3);
    }

    /**
     * K Gaussian blobs in 2-D, centres evenly spaced on a circle of radius 2, {@code perClass} points each with
     * standard deviation {@code noise}.
     */
    public static Dataset blobs(int classes, int perClass, double noise, long seed) {
        int[] counts = new int[classes];
        java.util.Arrays.fill(counts, perClass);
        return blobs("2-D blobs", counts, noise, seed);
    }

    /**
     * Blobs where class 0 has ten times fewer points than the others (at least one), to show what class weights do.
     */
    public static Dataset imbalancedBlobs(int classes, int perClass, double noise, long seed) {
        int[] counts = new int[classes];
        java.util.Arrays.fill(counts, perClass);
        counts[0] = Math.max(1, perClass / 10);
        return blobs("Imbalanced blobs", counts, noise, seed);
    }

    /** K interleaved spiral arms in 2-D, {@code perClass} points each, radius 0..1, angular noise {@code noise}. */
    public static Dataset spiral(int classes, int perClass, double noise, long seed) {
        checkSizes(classes, perClass, noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[classes * perClass][];
        int[] labels = new int[x.length];
        int i = 0;
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < perClass; j++) {
                double r = perClass == 1 ? 1 : (double) j / (perClass - 1);
                double angle = k * 2 * Math.PI / classes + 4 * r + noise * gaussian(random);
                x[i] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
                labels[i++] = k;
            }
        }
        return new Dataset("2-D spiral", x, labels, classes);
    }

    private static Dataset blobs(String name, int[] counts, double noise, long seed) {
        checkSizes(counts.length, counts[counts.length - 1], noise);
        SplittableRandom random = new SplittableRandom(seed);
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double[][] x = new double[total][];
        int[] labels = new int[total];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            double angle = 2 * Math.PI * k / counts.length;
            double cx = 2 * Math.cos(angle);
            double cy = 2 * Math.sin(angle);
            for (int j = 0; j < counts[k]; j++) {
                x[i] = new double[] {cx + noise * gaussian(random), cy + noise * gaussian(random)};
                labels[i++] = k;
            }
        }
        return new Dataset(name, x, labels, counts.length);
    }

    private static void checkSizes(int classes, int perClass, double noise) {
        Checks.require(classes >= 2, "a 2-D dataset needs at least 2 classes, got " + classes);
        Checks.require(perClass >= 1, "each class needs at least one point, got " + perClass);
        Checks.require(noise >= 0 && Double.isFinite(noise), "noise must be a finite number >= 0, got " + noise);
    }

    /** A standard normal draw (Box-Muller), so the datasets depend on nothing but the seed. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
