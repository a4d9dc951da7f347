package org.softmaxlab.model;

import java.util.SplittableRandom;

/**
 * The Calibration tab's shipped examples: seeded synthetic validation sets of {@link #ROWS} rows of {@link #CLASSES}
 * classes whose labels are drawn from softmax(z / T_true). With T_true = 2 the model's own softmax(z) is over-confident
 * (the fitted temperature comes out near 2); with T_true = 0.5 it is under-confident (near 0.5).
 */
public final class CalibrationExamples {
    public static final int ROWS = 5000;
    public static final int CLASSES = 10;
    /** The spread of the logits: a standard normal times this. */
    private static final double SPREAD = 2.5;

    /** Logits and the labels drawn for them. */
    public record Data(double[][] logits, int[] targets) {
    }

    private CalibrationExamples() {
    }

    /** The example of {@code source} (an example source only). */
    public static Data of(CalibrationSource source) {
        return switch (source) {
            case OVERCONFIDENT -> synthetic(2.0, 11);
            case UNDERCONFIDENT -> synthetic(0.5, 12);
            default -> throw new IllegalArgumentException(source.label() + " is not an example");
        };
    }

    /** {@link #ROWS} rows of normal logits, each labelled by a draw from softmax(z / trueTemperature). */
    static Data synthetic(double trueTemperature, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[ROWS][CLASSES];
        int[] y = new int[ROWS];
        double[] p = new double[CLASSES];
        for (int i = 0; i < ROWS; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                z[i][c] = SPREAD * gaussian(r);
                max = Math.max(max, z[i][c]);
            }
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                p[c] = Math.exp((z[i][c] - max) / trueTemperature);
                sum += p[c];
            }
            double u = r.nextDouble() * sum;
            int c = 0;
            while (c < CLASSES - 1 && u >= p[c]) {
                u -= p[c];
                c++;
            }
            y[i] = c;
        }
        return new Data(z, y);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
