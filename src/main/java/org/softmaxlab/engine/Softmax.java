package org.softmaxlab.engine;

/**
 * Softmax and log-softmax of one row of logits, with a temperature.
 *
 * <p>With temperature {@code T > 0}: {@code softmax(z)_i = exp(z_i/T) / sum_j exp(z_j/T)}. The stable forms subtract
 * the row maximum first ({@code d_i = (z_i - max z)/T <= 0}), so no exponential can overflow; the log-sum-exp is
 * {@code log1p(sum_{j != argmax} exp(d_j))}, which keeps full precision when one class dominates.
 *
 * <p>{@link #naiveSoftmax} omits the shift on purpose: {@code exp(1000)} is {@code Infinity} and the row becomes
 * {@code NaN}. The Explorer shows it beside the stable form.
 *
 * <p>Every method throws {@link IllegalArgumentException} for an empty row, a non-finite logit, or a temperature that
 * is not a finite number greater than 0.
 */
public final class Softmax {
    private Softmax() {
    }

    /** Stable softmax at temperature 1; the result has the row's length, entries in [0, 1] summing to 1. */
    public static double[] softmax(double[] logits) {
        return softmax(logits, 1.0);
    }

    /** Stable softmax of {@code logits / temperature}. */
    public static double[] softmax(double[] logits, double temperature) {
        double[] shifted = shifted(logits, temperature);
        double sum = 0;
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = Math.exp(shifted[i]);
            sum += shifted[i];
        }
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] /= sum;
        }
        return shifted;
    }

    /** Stable log-softmax of {@code logits / temperature}: {@code d_i - logSumExp(d)}; every entry is <= 0. */
    public static double[] logSoftmax(double[] logits, double temperature) {
        double[] shifted = shifted(logits, temperature);
        double lse = shiftedLogSumExp(shifted);
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] -= lse;
        }
        return shifted;
    }

    /** {@code log(sum_i exp(z_i / T))}, computed without overflow. */
    public static double logSumExp(double[] logits, double temperature) {
        double[] shifted = shifted(logits, temperature);
        return max(logits) / temperature + shiftedLogSumExp(shifted);
    }

    /**
     * The textbook formula {@code exp(z_i) / sum_j exp(z_j)} with no shift, kept to show why the shift matters:
     * once a logit passes about 709.78, {@code exp} overflows to Infinity and the row turns into NaN.
     */
    public static double[] naiveSoftmax(double[] logits) {
        Checks.require(logits != null && logits.length > 0, "logits are empty: there must be at least one class");
        Checks.finite(logits, "logits");
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Index of the largest logit (the first one on ties). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code (z_i - max z) / T}, after checking the row and the temperature. */
    private static double[] shifted(double[] logits, double temperature) {
        Checks.require(logits != null && logits.length > 0, "logits are empty: there must be at least one class");
        Checks.finite(logits, "logits");
        Checks.temperature(temperature);
        double m = max(logits);
        double[] d = new double[logits.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (logits[i] - m) / temperature;
        }
        return d;
    }

    /** log-sum-exp of values whose maximum is exactly 0 (one exp is exactly 1; log1p keeps the rest). */
    static double shiftedLogSumExp(double[] d) {
        int top = argmax(d);
        double rest = 0;
        for (int i = 0; i < d.length; i++) {
            if (i != top) {
                rest += Math.exp(d[i]);
            }
        }
        return Math.log1p(rest);
    }

    static double max(double[] values) {
        double m = values[0];
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
