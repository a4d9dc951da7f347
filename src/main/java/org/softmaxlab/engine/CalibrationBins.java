package org.softmaxlab.engine;

import java.util.Arrays;
import org.softmaxlab.engine.Calibration.Bin;

/** {@link Calibration}'s bins: which bin a confidence falls in, the uniform and adaptive bins, ECE and MCE of them. */
final class CalibrationBins {
    private CalibrationBins() {
    }

    /**
     * The uniform bin (1..M) of a probability: the smallest m with p <= m/M, the double; 0 in the first. The edges
     * b/M come divided out already ({@link #edges}).
     */
    static int uniformBin(double p, int m, double[] edges) {
        int b = (int) (p * m) + 1;
        b = Math.max(1, Math.min(m, b));
        while (b > 1 && p <= edges[b - 1]) {
            b--;
        }
        while (b < m && p > edges[b]) {
            b++;
        }
        return b;
    }

    /** The uniform bins' edges b/M, b = 0..M, each the double nearest the fraction. */
    static double[] edges(int m) {
        double[] edges = new double[m + 1];
        for (int b = 0; b <= m; b++) {
            edges[b] = (double) b / m;
        }
        return edges;
    }

    static Bin[] uniform(double[] value, boolean[] hit, int m) {
        double[] edges = edges(m);
        int[] count = new int[m];
        double[] sum = new double[m];
        int[] hits = new int[m];
        for (int i = 0; i < value.length; i++) {
            int b = uniformBin(value[i], m, edges) - 1;
            count[b]++;
            sum[b] += value[i];
            hits[b] += hit[i] ? 1 : 0;
        }
        Bin[] bins = new Bin[m];
        for (int b = 0; b < m; b++) {
            bins[b] = new Bin((double) b / m, (double) (b + 1) / m, count[b], count[b] == 0 ? Double.NaN
                    : sum[b] / count[b], count[b] == 0 ? Double.NaN : (double) hits[b] / count[b]);
        }
        return bins;
    }

    static Bin[] adaptive(double[] value, boolean[] hit, int m) {
        int n = value.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // A stable sort: equal confidences keep their row order.
        Arrays.sort(order, (a, b) -> Double.compare(value[a], value[b]));
        Bin[] bins = new Bin[m];
        int start = 0;
        for (int b = 0; b < m; b++) {
            int size = n / m + (b < n % m ? 1 : 0);
            double sum = 0;
            int hits = 0;
            for (int j = start; j < start + size; j++) {
                sum += value[order[j]];
                hits += hit[order[j]] ? 1 : 0;
            }
            bins[b] = new Bin(value[order[start]], value[order[start + size - 1]], size, sum / size,
                    (double) hits / size);
            start += size;
        }
        return bins;
    }

    static double ece(Bin[] bins, int n) {
        double e = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                e += (double) b.count() / n * Math.abs(b.accuracy() - b.confidence());
            }
        }
        return e;
    }

    static double mce(Bin[] bins) {
        double worst = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                worst = Math.max(worst, Math.abs(b.accuracy() - b.confidence()));
            }
        }
        return worst;
    }
}
