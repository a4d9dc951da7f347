package org.softmaxlab.model;

import org.softmaxlab.engine.Attention;

/**
 * Saturation against d: for each d of {@link AttentionState#SWEEP_DIMS}, the mean row entropy and the mean Frobenius
 * norm of the softmax Jacobian diag(p) - p p^T over the queries, with the scale 1/sqrt(d) and with 1, from the same
 * random vectors (the first d entries of each) under the tab's mask and temperature. With 1/sqrt(d) the scores keep
 * their spread and the curves stay flat; with 1 they spread as sqrt(d) and the softmax saturates.
 *
 * @param dims the d of each point
 */
public record AttentionSweep(int[] dims, double[] entropyScaled, double[] entropyUnscaled, double[] normScaled,
                             double[] normUnscaled) {

    /** What the sweep depends on: two states with the same key have the same sweep. */
    public record Key(int n, long seed, double spread, AttentionMask maskMode, String clicked, double temperature) {
        public static Key of(AttentionState s) {
            return new Key(s.size(), s.seed(), s.spread(), s.maskMode(),
                    s.maskMode() == AttentionMask.CLICKED ? java.util.Arrays.deepToString(s.clicked()) : "",
                    s.temperature());
        }
    }

    /** The sweep for {@code s}'s tokens, seed, spread, mask and temperature. */
    public static AttentionSweep of(AttentionState s) {
        int largest = AttentionState.SWEEP_DIMS[AttentionState.SWEEP_DIMS.length - 1];
        double[][] q = AttentionState.vectors(s.seed(), 0, s.size(), largest, s.spread());
        double[][] k = AttentionState.vectors(s.seed(), 1, s.size(), largest, s.spread());
        int points = AttentionState.SWEEP_DIMS.length;
        AttentionSweep sweep = new AttentionSweep(AttentionState.SWEEP_DIMS.clone(), new double[points],
                new double[points], new double[points], new double[points]);
        double[][] v = identity(s.size());
        boolean[][] mask = s.mask();
        for (int p = 0; p < points; p++) {
            int d = AttentionState.SWEEP_DIMS[p];
            double[][] qd = prefix(q, d);
            double[][] kd = prefix(k, d);
            Attention.Result scaled = Attention.compute(qd, kd, v, Double.NaN, mask, s.temperature(), null);
            Attention.Result unscaled = Attention.compute(qd, kd, v, 1, mask, s.temperature(), null);
            sweep.entropyScaled[p] = meanEntropy(scaled);
            sweep.entropyUnscaled[p] = meanEntropy(unscaled);
            sweep.normScaled[p] = meanJacobianNorm(scaled);
            sweep.normUnscaled[p] = meanJacobianNorm(unscaled);
        }
        return sweep;
    }

    /** The mean of the rows' entropies, over the rows that see at least one key (NaN when none do). */
    public static double meanEntropy(Attention.Result r) {
        double sum = 0;
        int n = 0;
        for (double h : r.entropy()) {
            if (!Double.isNaN(h)) {
                sum += h;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The mean Frobenius norm of diag(p) - p p^T over the rows that see at least one key. */
    public static double meanJacobianNorm(Attention.Result r) {
        double sum = 0;
        int n = 0;
        for (double[] p : r.weights()) {
            if (!Double.isNaN(p[0])) {
                sum += frobenius(jacobian(p));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The softmax Jacobian diag(p) - p p^T: d p_i / d s_j. */
    public static double[][] jacobian(double[] p) {
        double[][] j = new double[p.length][p.length];
        for (int a = 0; a < p.length; a++) {
            for (int b = 0; b < p.length; b++) {
                j[a][b] = (a == b ? p[a] : 0) - p[a] * p[b];
            }
        }
        return j;
    }

    static double frobenius(double[][] m) {
        double sum = 0;
        for (double[] row : m) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    /** The n x n identity: as values, attention's output is its weights. */
    static double[][] identity(int n) {
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        return v;
    }

    private static double[][] prefix(double[][] m, int d) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = java.util.Arrays.copyOf(m[i], d);
        }
        return out;
    }
}
