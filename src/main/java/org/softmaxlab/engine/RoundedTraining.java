package org.softmaxlab.engine;

/**
 * Full-batch SGD of {@code Linear(d, K)} under cross-entropy, computed as a floating-point format computes it, with
 * master weights and a static loss scale, the way mixed-precision training runs on a GPU. Every elementary operation
 * is rounded to its format by {@link Precision#round} (the one rule, as in {@link RoundedCrossEntropy}). Per step:
 * <ol>
 *   <li>The master weights W, b (held in the master format) are rounded to the format; x was rounded to it once.</li>
 *   <li>Forward: z_ik = (((0 + W_k0 x_i0) + W_k1 x_i1) + ...) + b_k, each product and add rounded.</li>
 *   <li>Softmax and loss as {@link RoundedCrossEntropy} (stable, sums in the format): the reported loss.</li>
 *   <li>Backward with loss scale S: g_ik = ((p_ik - y_ik) * S) / n, each operation rounded (n counts the rows not
 *       ignored; an ignored row's g is 0); grad W_kj = sum over i of g_ik x_ij and grad b_k = sum over i of g_ik,
 *       left to right from 0, each product and add rounded.</li>
 *   <li>Update in the master format: each gradient rounded to it, divided by S, times lr, subtracted from the master
 *       weight, each operation rounded to the master format.</li>
 * </ol>
 * With S a power of two, scaling is exact until it overflows: a loss scale moves small gradients out of the format's
 * underflow, and dividing by S in the master format gives them back. {@link Step#underflowed()} counts the
 * operations of the backward pass (each g_ik's division by n, each product g_ik x_ij) whose exact result was not 0
 * but rounded to 0: the gradient the format flushed.
 */
public final class RoundedTraining {
    /** The format of the forward and backward passes, the master weights' format, the static loss scale. */
    public record Settings(Precision precision, Precision master, double lossScale) {
        public Settings {
            Checks.require(precision != null && master != null, "settings are missing");
            Checks.require(Double.isFinite(lossScale) && lossScale > 0, "loss_scale is " + lossScale
                    + "; it must be a positive number");
        }
    }

    /**
     * One step, seen before its update (as {@link Trainer#step()}).
     *
     * @param gradWeight  the unscaled gradient (grad / S in the master format), what the update used
     * @param underflowed backward operations (g's divisions, the products g x) flushed from non-zero to 0
     */
    public record Step(int step, double loss, double[][] logits, double[][] weight, double[] bias, double accuracy,
                       double[][] gradWeight, double[] gradBias, int underflowed) {
    }

    private final double[][] x;
    private final int[] targets;
    private final int ignoreIndex;
    private final double[][] weight;
    private final double[] bias;
    private final double lr;
    private final Settings settings;
    private int steps;
    private int flushed;

    /**
     * @param bias null for a model without bias
     */
    public RoundedTraining(double[][] x, int[] targets, int ignoreIndex, double[][] weight, double[] bias, double lr,
                           Settings settings) {
        int d = Checks.columns(x, "x", true);
        Checks.require(targets.length == x.length, "targets hold " + targets.length + " entries but x has " + x.length
                + " rows");
        Checks.require(Checks.columns(weight, "weight", true) == d, "weight has " + weight[0].length
                + " columns but x has " + d);
        Checks.require(bias == null || bias.length == weight.length, "bias has " + (bias == null ? 0 : bias.length)
                + " entries but weight has " + weight.length + " rows");
        Checks.require(Double.isFinite(lr) && lr > 0, "lr is " + lr + "; it must be a positive number");
        this.settings = settings;
        this.x = round(x, settings.precision());
        this.targets = targets.clone();
        this.ignoreIndex = ignoreIndex;
        this.weight = round(weight, settings.master());
        this.bias = bias == null ? null : round(new double[][] {bias}, settings.master())[0];
        this.lr = lr;
    }

    /** The master weights now (a copy). */
    public double[][] weight() {
        return copy(weight);
    }

    /** Runs one step and reports what it saw before the update. */
    public Step step() {
        Precision f = settings.precision();
        Precision m = settings.master();
        int n = x.length;
        int k = weight.length;
        int d = weight[0].length;
        double[][] w = round(weight, f);
        double[] b = bias == null ? null : round(new double[][] {bias}, f)[0];
        double[][] z = forward(x, w, b, f);
        RoundedCrossEntropy.Result r = RoundedCrossEntropy.evaluate(z, targets, ignoreIndex, Reduction.MEAN,
                new RoundedCrossEntropy.Settings(f, f, SoftmaxAlgorithm.STABLE), false);
        flushed = 0;
        double[][] g = scaledLogitGradient(r.probs(), f);
        double[][] gw = new double[k][d];
        double[] gb = b == null ? null : new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = f.round(sum + flushIfTiny(f, g[i][c] * x[i][j]));
                }
                gw[c][j] = sum;
            }
            if (gb != null) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = f.round(sum + g[i][c]);
                }
                gb[c] = sum;
            }
        }
        int underflowed = flushed;
        double[][] before = copy(weight);
        double[] biasBefore = bias == null ? null : bias.clone();
        double scale = m.round(settings.lossScale());
        double rate = m.round(lr);
        double[][] unscaledW = new double[k][d];
        double[] unscaledB = gb == null ? null : new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                unscaledW[c][j] = m.round(m.round(gw[c][j]) / scale);
                weight[c][j] = m.round(weight[c][j] - m.round(rate * unscaledW[c][j]));
            }
            if (gb != null) {
                unscaledB[c] = m.round(m.round(gb[c]) / scale);
                bias[c] = m.round(bias[c] - m.round(rate * unscaledB[c]));
            }
        }
        return new Step(steps++, r.loss(), z, before, biasBefore, accuracy(z), unscaledW, unscaledB, underflowed);
    }

    /** z = x W^T + b, each product and add rounded to {@code f}, the sum left to right from 0, the bias last. */
    private static double[][] forward(double[][] x, double[][] w, double[] b, Precision f) {
        double[][] z = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < w.length; c++) {
                double sum = 0;
                for (int j = 0; j < x[i].length; j++) {
                    sum = f.round(sum + f.round(w[c][j] * x[i][j]));
                }
                z[i][c] = b == null ? sum : f.round(sum + b[c]);
            }
        }
        return z;
    }

    /** ((p - y) * S) / n per entry, each operation rounded; 0 for ignored rows. */
    private double[][] scaledLogitGradient(double[][] p, Precision f) {
        int counted = 0;
        for (int y : targets) {
            counted += y == ignoreIndex ? 0 : 1;
        }
        double count = f.round(counted);
        double scale = f.round(settings.lossScale());
        double[][] g = new double[p.length][p[0].length];
        for (int i = 0; i < p.length; i++) {
            if (targets[i] == ignoreIndex) {
                continue;
            }
            for (int c = 0; c < p[i].length; c++) {
                double pMinusY = f.round(p[i][c] - (c == targets[i] ? 1 : 0));
                g[i][c] = flushIfTiny(f, f.round(pMinusY * scale) / count);
            }
        }
        return g;
    }

    /** {@code exact} rounded to {@code f}, counted when a non-zero value rounds to 0. */
    private double flushIfTiny(Precision f, double exact) {
        double rounded = f.round(exact);
        if (rounded == 0 && exact != 0) {
            flushed++;
        }
        return rounded;
    }

    /** The share of rows not ignored whose arg-max (ties: the lowest index) is the target. */
    private double accuracy(double[][] z) {
        int right = 0;
        int counted = 0;
        for (int i = 0; i < z.length; i++) {
            if (targets[i] == ignoreIndex) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < z[i].length; c++) {
                best = z[i][c] > z[i][best] ? c : best;
            }
            right += best == targets[i] ? 1 : 0;
            counted++;
        }
        return counted == 0 ? Double.NaN : right / (double) counted;
    }

    private static double[][] round(double[][] a, Precision f) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = f.round(a[i][j]);
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
