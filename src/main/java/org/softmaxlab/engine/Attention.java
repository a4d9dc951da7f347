package org.softmaxlab.engine;

/**
 * Scaled dot-product attention, forward and backward, as PyTorch's autograd computes the formula written out:
 * <pre>
 *   s = scale * (q k^T)                     L x S   (scale default 1/sqrt(d))
 *   s = s.masked_fill(mask, -inf)           mask[i][j] true: query i may not see key j
 *   w = softmax(s / T, over keys)           a row with every key masked is NaN, as torch.softmax gives
 *   out = w v                               L x dv
 * </pre>
 * {@code "causal"} masks key j for query i when j > i (PyTorch's {@code is_causal} alignment, also for L != S).
 * Backward from {@code dOut} (L x dv): dv = w^T dOut; dw = dOut v^T; ds = w (dw - sum_j w_j dw_j) / T, then 0 where
 * masked (masked_fill passes no gradient there: an all-masked row's dq row is 0, while its NaN weights make every
 * entry of dv NaN); dq = scale ds k, dk = scale ds^T q. Entropy per row in nats with 0 log 0 = 0, NaN for an
 * undefined row.
 *
 * <p>Invalid shapes, non-finite inputs, scale <= 0 and T <= 0 throw {@link IllegalArgumentException} naming the field.
 */
public final class Attention {
    private Attention() {
    }

    /** The forward pass and, with {@code gradOutput}, the gradients. */
    public record Result(double[][] scores, double[][] weights, double[][] output, double[] entropy,
                         int[] undefinedRows, double[][] gradQ, double[][] gradK, double[][] gradV) {
    }

    /** The causal mask of L queries over S keys: key j hidden from query i when j > i. */
    public static boolean[][] causal(int l, int s) {
        boolean[][] m = new boolean[l][s];
        for (int i = 0; i < l; i++) {
            for (int j = i + 1; j < s; j++) {
                m[i][j] = true;
            }
        }
        return m;
    }

    /**
     * @param scale      the factor of q k^T, or NaN for 1/sqrt(d)
     * @param mask       L x S, true where masked, or null for none
     * @param gradOutput L x dv, or null for the forward pass only
     */
    public static Result compute(double[][] q, double[][] k, double[][] v, double scale, boolean[][] mask,
                                 double temperature, double[][] gradOutput) {
        int d = Checks.columns(q, "q", true);
        int dk = Checks.columns(k, "k", true);
        int dv = Checks.columns(v, "v", true);
        int l = q.length;
        int s = k.length;
        Checks.require(dk == d, "k has " + dk + " columns but q has " + d + ": queries and keys share d");
        Checks.require(v.length == s, "v has " + v.length + " rows but k has " + s + ": one value per key");
        double a = Double.isNaN(scale) ? 1 / Math.sqrt(d) : scale;
        Checks.require(Double.isFinite(a) && a > 0, "scale is " + scale + "; it must be a positive number (or null "
                + "for 1/sqrt(d))");
        Checks.require(Double.isFinite(temperature) && temperature > 0, "temperature is " + temperature
                + "; it must be a positive number");
        checkShapes(mask, gradOutput, l, s, dv);
        double[][] scores = new double[l][s];
        double[][] weights = new double[l][s];
        double[] entropy = new double[l];
        java.util.List<Integer> undefined = new java.util.ArrayList<>();
        for (int i = 0; i < l; i++) {
            boolean any = false;
            for (int j = 0; j < s; j++) {
                boolean hidden = mask != null && mask[i][j];
                scores[i][j] = hidden ? Double.NEGATIVE_INFINITY : a * dot(q[i], k[j]);
                any |= !hidden;
            }
            if (!any) {
                java.util.Arrays.fill(weights[i], Double.NaN);
                entropy[i] = Double.NaN;
                undefined.add(i);
                continue;
            }
            softmaxRow(scores[i], temperature, weights[i]);
            entropy[i] = entropy(weights[i]);
        }
        double[][] output = multiply(weights, v);
        if (gradOutput == null) {
            return new Result(scores, weights, output, entropy, undefined.stream().mapToInt(Integer::intValue)
                    .toArray(), null, null, null);
        }
        double[][] gradV = multiply(transpose(weights), gradOutput);
        double[][] gradS = gradScores(weights, multiply(gradOutput, transpose(v)), mask, a, temperature);
        return new Result(scores, weights, output, entropy, undefined.stream().mapToInt(Integer::intValue).toArray(),
                multiply(gradS, k), multiply(transpose(gradS), q), gradV);
    }

    /** The mask and the output gradient fit L queries, S keys and dv value columns, or the input is refused. */
    private static void checkShapes(boolean[][] mask, double[][] gradOutput, int l, int s, int dv) {
        if (mask != null) {
            Checks.require(mask.length == l, "mask has " + mask.length + " rows but there are " + l + " queries");
            for (int i = 0; i < l; i++) {
                Checks.require(mask[i] != null && mask[i].length == s, "mask[" + i + "] must hold " + s
                        + " booleans, one per key");
            }
        }
        if (gradOutput != null) {
            int g = Checks.columns(gradOutput, "grad_output", true);
            Checks.require(gradOutput.length == l && g == dv, "grad_output is " + gradOutput.length + " x " + g
                    + " but the output is " + l + " x " + dv);
        }
    }

    /**
     * dL/dS from dL/dW through each row's softmax: a W (dW - sum_j W dW) / T per row (0 where masked), with the
     * scale {@code a} of S = a q k^T folded in.
     */
    private static double[][] gradScores(double[][] weights, double[][] gradW, boolean[][] mask, double a,
                                         double temperature) {
        int l = weights.length;
        int s = l == 0 ? 0 : weights[0].length;
        double[][] gradS = new double[l][s];
        for (int i = 0; i < l; i++) {
            double inner = 0;
            for (int j = 0; j < s; j++) {
                inner += weights[i][j] * gradW[i][j];
            }
            for (int j = 0; j < s; j++) {
                boolean hidden = mask != null && mask[i][j];
                gradS[i][j] = hidden ? 0 : a * (weights[i][j] * (gradW[i][j] - inner) / temperature);
            }
        }
        return gradS;
    }

    private static void softmaxRow(double[] scores, double t, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : scores) {
            max = Math.max(max, x / t);
        }
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            out[j] = Math.exp(scores[j] / t - max);
            sum += out[j];
        }
        for (int j = 0; j < scores.length; j++) {
            out[j] /= sum;
        }
    }

    /** -sum w log w over the row, 0 log 0 = 0. */
    static double entropy(double[] w) {
        double h = 0;
        for (double p : w) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int c = 0; c < x.length; c++) {
            sum += x[c] * y[c];
        }
        return sum;
    }

    /** a b, with NaN spreading as IEEE arithmetic spreads it (a NaN weight row gives a NaN output row). */
    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < b.length; t++) {
                double x = a[i][t];
                for (int j = 0; j < m; j++) {
                    out[i][j] += x * b[t][j];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
