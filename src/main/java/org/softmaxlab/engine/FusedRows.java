package org.softmaxlab.engine;

/**
 * The plain cross-entropy's rows, fused (no weights, smoothing or temperature): the path the trainer and large
 * batches take, and the exact log(1 + x) it relies on.
 */
final class FusedRows {
    private FusedRows() {
    }

    /** Below this, {@code log(1 + x)} is taken from its series rather than by forming {@code 1 + x}. */
    static final double SMALL = 1e-3;

    /**
     * {@code log(1 + x)} for x >= 0: the series where forming 1 + x would lose digits (x < 1e-3), the much faster
     * {@code Math.log} elsewhere (relative error there below 2e-13).
     */
    static double logOnePlus(double x) {
        return x < SMALL ? logOnePlusSmall(x) : Math.log(1.0 + x);
    }

    /**
     * {@code log(1 + x)} for 0 <= x < 1e-3 from six terms of its series: the first left out is below x^7 / 7, a
     * relative 2e-19, so this is as exact as {@code Math.log1p} (a software routine on Java 17) at a fraction of its
     * cost, which counts in training, where most rows are confidently right.
     */
    static double logOnePlusSmall(double x) {
        return x * (1 - x * (1.0 / 2 - x * (1.0 / 3 - x * (1.0 / 4 - x * (1.0 / 5 - x * (1.0 / 6))))));
    }

    /**
     * Rows {@code [from, to)} of the plain loss (no weights, smoothing or temperature), fused: one pass for the max,
     * one for the exponentials ({@link Exponential}, inline; written straight into the gradient), one to scale them.
     * Returns the rows' summed loss, or NaN as soon as a row holds a non-finite logit. A row whose target is
     * {@code ignored} (the ignore_index) adds nothing and gets a zero gradient; each gradient is multiplied by
     * {@code scale}.
     */
    static double sum(double[] z, int from, int to, int classes, int[] targets, int ignored, double[] g, double scale) {
        double sum = 0;
        // Sum of log(1 + rest) over rows, as the log of a product flushed every 32 factors: one log per 32 rows
        // (32 roundings bound the relative error by 4e-15); tiny rests take log(1 + x)'s series to keep their digits.
        double product = 1;
        int factors = 0;
        for (int i = from; i < to; i++) {
            int o = i * classes;
            int y = targets[i];
            if (y == ignored) {
                java.util.Arrays.fill(g, o, o + classes, 0.0);
                continue;
            }
            int top = o;
            boolean finite = Double.isFinite(z[o]);
            for (int k = o + 1; k < o + classes; k++) {
                finite &= Double.isFinite(z[k]);
                if (z[k] > z[top]) {
                    top = k;
                }
            }
            if (!finite) {
                return Double.NaN;
            }
            double m = z[top];
            double rest = 0;
            for (int k = o; k < top; k++) {
                double e = Exponential.exp(z[k] - m);
                g[k] = e;
                rest += e;
            }
            g[top] = 1.0;
            for (int k = top + 1; k < o + classes; k++) {
                double e = Exponential.exp(z[k] - m);
                g[k] = e;
                rest += e;
            }
            double total = 1.0 + rest;
            double inv = 1.0 / total;
            double py = g[o + y] * inv;
            double factor = scale * inv;
            for (int k = o; k < o + classes; k++) {
                g[k] *= factor;
            }
            // As in evaluate: p_y - 1 without cancellation when y is the top class.
            g[o + y] = py > 0.5 ? -scale * (rest * inv) : scale * (py - 1);
            sum -= z[o + y] - m;
            if (rest < SMALL) {
                sum += logOnePlusSmall(rest);
            } else {
                product *= total;
                if (++factors == 32) {
                    sum += Math.log(product);
                    product = 1;
                    factors = 0;
                }
            }
        }
        return sum + Math.log(product);
    }
}
