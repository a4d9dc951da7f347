package org.softmaxlab.engine;

/**
 * Softmax, log-softmax, cross-entropy and its gradient computed as a floating-point format computes them, one
 * operation at a time. The rule, written only here: every elementary operation (subtract, multiply, divide, exp, log,
 * and each add of the running sum, left to right from 0) is computed exactly and rounded to the format by {@link
 * Precision#round}; the inputs are first rounded to the format.
 *
 * <p>Per row, with {@code m} the largest rounded logit:
 * <ul>
 *   <li>{@code stable}: d = z - m, e = exp(d), s = sum of e, p = e / s, log p = log(p), loss = -log(p_y);</li>
 *   <li>{@code naive}: e = exp(z), then as stable;</li>
 *   <li>{@code log_softmax}: d and s as stable, log p = d - log(s), p = exp(log p), loss = -(d_y - log s).</li>
 * </ul>
 * With {@code accumulate} float32 the sum s and the division e / s are float32 operations and each probability is
 * then rounded to the format (their operands are first rounded to float32, which changes nothing for the narrower
 * formats); log s is the log of the sum as the format holds it, rounded. The gradient of the loss with respect to the
 * logits is p - onehot(y) per entry, divided by the count of rows not ignored for {@code mean}, each a rounded
 * operation; the batch loss sums the per-row losses left to right in the accumulation format and divides (mean) in
 * the format. The float64 softmax of the same (unrounded) logits is the reference of each probability's error in
 * units in the last place.
 */
public final class RoundedCrossEntropy {
    /** What the format holds: n x C unless said otherwise. */
    public record Result(double[][] probs, double[][] logProbs, double[] perSampleLoss, double loss,
                         double[][] gradient, double[][] ulpError, boolean[][] overflow, boolean[][] underflow) {
    }

    /** The format, the sum's format and the algorithm. */
    public record Settings(Precision precision, Precision accumulate, SoftmaxAlgorithm algorithm) {
        public Settings {
            Checks.require(precision != null && accumulate != null && algorithm != null, "settings are missing");
        }

        public static final Settings FLOAT64 = new Settings(Precision.FLOAT64, Precision.FLOAT64,
                SoftmaxAlgorithm.STABLE);
    }

    private RoundedCrossEntropy() {
    }

    /**
     * The rounded cross-entropy of {@code logits} (n x C, finite) against class indices ({@code ignoreIndex} rows
     * count for nothing).
     */
    public static Result evaluate(double[][] logits, int[] targets, int ignoreIndex, Reduction reduction,
                                  Settings s) {
        return evaluate(logits, targets, ignoreIndex, reduction, s, true);
    }

    /**
     * As {@link #evaluate(double[][], int[], int, Reduction, Settings)}; with {@code finite} false, NaN and infinite
     * logits go through as the format's arithmetic takes them (a diverged training run's next step).
     */
    static Result evaluate(double[][] logits, int[] targets, int ignoreIndex, Reduction reduction, Settings s,
                           boolean finite) {
        int classes = Checks.columns(logits, "logits", finite);
        Checks.require(targets.length == logits.length, "targets hold " + targets.length + " entries but logits have "
                + logits.length + " rows");
        int n = logits.length;
        double[][] probs = new double[n][];
        double[][] logProbs = new double[n][];
        double[][] ulps = new double[n][];
        boolean[][] over = new boolean[n][];
        boolean[][] under = new boolean[n][];
        double[] perSample = new double[n];
        int counted = 0;
        for (int i = 0; i < n; i++) {
            int y = targets[i];
            boolean ignored = y == ignoreIndex;
            if (!ignored && (y < 0 || y >= classes)) {
                throw new IllegalArgumentException("targets[" + i + "] = " + y + " is out of range: class indices are "
                        + "0.." + (classes - 1) + (ignoreIndex < 0 || ignoreIndex >= classes ? " (or ignore_index "
                        + ignoreIndex + ")" : ""));
            }
            Row r = row(logits[i], s);
            probs[i] = r.p;
            logProbs[i] = r.logP;
            over[i] = r.over;
            under[i] = r.under;
            ulps[i] = new double[classes];
            java.util.Arrays.fill(ulps[i], Double.NaN);
            if (finite || java.util.Arrays.stream(logits[i]).allMatch(Double::isFinite)) {
                double[] exact = Softmax.softmax(logits[i]);
                for (int c = 0; c < classes; c++) {
                    ulps[i][c] = s.precision().ulpsFrom(r.p[c], exact[c]);
                }
            }
            perSample[i] = ignored ? 0 : -(s.algorithm() == SoftmaxAlgorithm.LOG_SOFTMAX ? r.logP[y]
                    : s.precision().round(Math.log(r.p[y])));
            counted += ignored ? 0 : 1;
        }
        double loss = reduce(perSample, targets, ignoreIndex, reduction, counted, s);
        double[][] grad = new double[n][classes];
        for (int i = 0; i < n; i++) {
            if (targets[i] == ignoreIndex) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                double g = s.precision().round(probs[i][c] - (c == targets[i] ? 1 : 0));
                grad[i][c] = reduction == Reduction.MEAN ? s.precision().round(g / counted) : g;
            }
        }
        return new Result(probs, logProbs, perSample, loss, grad, ulps, over, under);
    }

    private static double reduce(double[] perSample, int[] targets, int ignoreIndex, Reduction reduction, int counted,
                                 Settings s) {
        if (reduction == Reduction.NONE) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < perSample.length; i++) {
            if (targets[i] != ignoreIndex) {
                sum = s.accumulate().round(sum + perSample[i]);
            }
        }
        sum = s.precision().round(sum);
        return reduction == Reduction.SUM ? sum : s.precision().round(sum / counted);
    }

    /** One row's probabilities and their logs, and which entries overflowed or underflowed. */
    private record Row(double[] p, double[] logP, boolean[] over, boolean[] under) {
    }

    private static Row row(double[] logits, Settings s) {
        Precision f = s.precision();
        Precision acc = s.accumulate();
        int c = logits.length;
        double[] z = new double[c];
        double max = Double.NEGATIVE_INFINITY;
        boolean[] over = new boolean[c];
        boolean[] under = new boolean[c];
        for (int k = 0; k < c; k++) {
            z[k] = f.round(logits[k]);
            over[k] = Double.isInfinite(z[k]);
            max = Math.max(max, z[k]);
        }
        double[] d = new double[c];
        double[] e = new double[c];
        double sum = 0;
        for (int k = 0; k < c; k++) {
            d[k] = s.algorithm() == SoftmaxAlgorithm.NAIVE ? z[k] : f.round(z[k] - max);
            e[k] = f.round(Math.exp(d[k]));
            over[k] |= Double.isInfinite(d[k]) && d[k] > 0 || e[k] == Double.POSITIVE_INFINITY;
            under[k] |= e[k] == 0;
            // A float32 operation takes float32 operands (it changes nothing when the format is narrower).
            sum = acc.round(sum + acc.round(e[k]));
        }
        double[] p = new double[c];
        double[] logP = new double[c];
        if (s.algorithm() == SoftmaxAlgorithm.LOG_SOFTMAX) {
            // log s of the sum as the format holds it.
            double logSum = f.round(Math.log(f.round(sum)));
            for (int k = 0; k < c; k++) {
                logP[k] = f.round(d[k] - logSum);
                p[k] = f.round(Math.exp(logP[k]));
            }
        } else {
            for (int k = 0; k < c; k++) {
                p[k] = f.round(acc.round(acc.round(e[k]) / sum));
                logP[k] = f.round(Math.log(p[k]));
            }
        }
        for (int k = 0; k < c; k++) {
            under[k] |= p[k] == 0;
        }
        return new Row(p, logP, over, under);
    }
}
