package org.softmaxlab.engine;

import java.util.Arrays;

/**
 * How honest a classifier's softmax confidences are (Guo et al., "On Calibration of Modern Neural Networks", 2017):
 * n rows of C logits with their target classes, at a temperature T (probabilities softmax(z / T)).
 *
 * <p>Each row's confidence is its largest probability and its prediction the class of it (ties: the lowest index);
 * it is correct when the prediction is the target. Bins: {@link Binning#UNIFORM}, M equal widths, bin m holding the
 * confidences in ((m-1)/M, m/M] (the first also 0; the edges are the doubles m/M); {@link Binning#ADAPTIVE}, M bins of
 * equal count over the confidences sorted ascending (a stable sort), the first n mod M bins one larger.
 * ECE = sum_B |B|/n |acc(B) - conf(B)|, MCE = the largest |acc(B) - conf(B)| of a non-empty bin; NLL = mean -log p_y;
 * Brier = mean over rows of sum_c (p_c - [c = y])^2; classwise ECE = the mean over classes k of the ECE of p[:, k]
 * against [y = k] in M uniform bins.
 *
 * <p>{@link #fitTemperature} finds the T > 0 that minimises the mean NLL of softmax(z / T). With b = 1/T the NLL is
 * convex, its derivative mean(E_p[z] - z_y) increasing in b, so the minimum is the one root, found by safeguarded
 * Newton steps inside a bracket to 1e-12 relative. There is none when every target is an arg-max of its row (the NLL
 * falls as T goes to 0), when the logits rank the targets at or below their row's mean at b = 0 (it falls as T grows
 * without bound), or when every row is flat.
 *
 * <p>Invalid input (n < 1, C < 2, a ragged or non-finite row, a target out of range, M < 1, M > n for adaptive bins,
 * T <= 0) throws {@link IllegalArgumentException} naming it.
 */
public final class Calibration {
    /** How the confidences are put in bins. */
    public enum Binning { UNIFORM, ADAPTIVE }

    /** One bin: its confidence range, how many rows fell in it, their mean confidence and accuracy (NaN if empty). */
    public record Bin(double lo, double hi, int count, double confidence, double accuracy) {
    }

    /** The figures at one temperature. */
    public record Report(double temperature, double accuracy, double nll, double brier, double ece, double mce,
                         Bin[] bins, double classwiseEce) {
    }

    /** The fitted temperature, or NaN with the reason there is none. */
    public record Fit(double temperature, String note) {
        public boolean found() {
            return !Double.isNaN(temperature);
        }
    }

    private final double[][] logits;
    private final int[] targets;
    private final int classes;

    public Calibration(double[][] logits, int[] targets) {
        classes = Checks.columns(logits, "logits", true);
        Checks.require(classes >= 2, "logits have " + classes + " class; calibration needs at least 2");
        Checks.require(targets != null && targets.length == logits.length, "targets hold "
                + (targets == null ? 0 : targets.length) + " entries but logits have " + logits.length + " rows");
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= classes) {
                throw new IllegalArgumentException("targets[" + i + "] = " + targets[i] + " is out of range: class "
                        + "indices are 0.." + (classes - 1));
            }
        }
        this.logits = logits;
        this.targets = targets;
    }

    public int rows() {
        return logits.length;
    }

    public int classes() {
        return classes;
    }

    /** Every figure at temperature {@code t} with {@code m} bins. */
    public Report report(double t, int m, Binning binning) {
        Checks.require(Double.isFinite(t) && t > 0, "temperature is " + t + "; it must be a positive number");
        Checks.require(m >= 1, "bins is " + m + "; it must be at least 1");
        int n = logits.length;
        Checks.require(binning != Binning.ADAPTIVE || m <= n, "bins is " + m + " but there are " + n
                + " rows: adaptive bins need at least one row each");
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        double[][] probs = new double[n][];
        double nll = 0;
        double brier = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            double[] p = softmax(logits[i], t);
            probs[i] = p;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = p[c] > p[best] ? c : best;
            }
            confidence[i] = p[best];
            correct[i] = best == targets[i];
            right += correct[i] ? 1 : 0;
            nll -= logProbability(logits[i], t, targets[i]);
            for (int c = 0; c < classes; c++) {
                double d = p[c] - (c == targets[i] ? 1 : 0);
                brier += d * d;
            }
        }
        Bin[] bins = binning == Binning.UNIFORM ? uniform(confidence, correct, m) : adaptive(confidence, correct, m);
        double classwise = 0;
        double[] column = new double[n];
        boolean[] isClass = new boolean[n];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < n; i++) {
                column[i] = probs[i][k];
                isClass[i] = targets[i] == k;
            }
            classwise += ece(uniform(column, isClass, m), n);
        }
        return new Report(t, (double) right / n, nll / n, brier / n, ece(bins, n), mce(bins), bins,
                classwise / classes);
    }

    /** The uniform bin (1..M) of a probability: the smallest m with p <= m/M, the double; 0 in the first. */
    static int uniformBin(double p, int m) {
        int b = (int) Math.ceil(p * m);
        b = Math.max(1, Math.min(m, b));
        while (b > 1 && p <= (double) (b - 1) / m) {
            b--;
        }
        while (b < m && p > (double) b / m) {
            b++;
        }
        return b;
    }

    private static Bin[] uniform(double[] value, boolean[] hit, int m) {
        int[] count = new int[m];
        double[] sum = new double[m];
        int[] hits = new int[m];
        for (int i = 0; i < value.length; i++) {
            int b = uniformBin(value[i], m) - 1;
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

    private static Bin[] adaptive(double[] value, boolean[] hit, int m) {
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

    private static double ece(Bin[] bins, int n) {
        double e = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                e += (double) b.count() / n * Math.abs(b.accuracy() - b.confidence());
            }
        }
        return e;
    }

    private static double mce(Bin[] bins) {
        double worst = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                worst = Math.max(worst, Math.abs(b.accuracy() - b.confidence()));
            }
        }
        return worst;
    }

    /** The temperature that minimises the mean NLL, or why there is none (see the class comment). */
    public Fit fitTemperature() {
        boolean everyTargetTops = true;
        boolean flat = true;
        for (int i = 0; i < logits.length; i++) {
            double max = Softmax.max(logits[i]);
            everyTargetTops &= logits[i][targets[i]] == max;
            for (double z : logits[i]) {
                flat &= z == max;
            }
        }
        if (flat) {
            return new Fit(Double.NaN, "every row's logits are equal: the NLL is log C at every temperature");
        }
        if (everyTargetTops) {
            return new Fit(Double.NaN, "every row's target is its arg-max: the NLL falls as T goes to 0, so no "
                    + "temperature minimises it");
        }
        if (slope(0) >= 0) {
            return new Fit(Double.NaN, "the logits rank the targets at or below their rows' mean: the NLL falls as T "
                    + "grows without bound, so no temperature minimises it");
        }
        double lo = 0;
        double hi = 1;
        while (slope(hi) < 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) {
                return new Fit(Double.NaN, "the NLL still falls at T = 1e-300: no temperature minimises it");
            }
        }
        double b = (lo + hi) / 2;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-13 * hi; iteration++) {
            double[] gh = slopeAndCurvature(b);
            if (gh[0] < 0) {
                lo = b;
            } else if (gh[0] > 0) {
                hi = b;
            } else {
                break;
            }
            double step = gh[1] > 0 ? gh[0] / gh[1] : Double.NaN;
            if (Math.abs(step) <= 1e-15 * b) {
                break; // converged: b is the root to the last digits (a bisection now would leave it)
            }
            // Newton's step where it stays inside the bracket, else bisection.
            double newton = b - step;
            b = newton > lo && newton < hi ? newton : (lo + hi) / 2;
        }
        return new Fit(1 / b, null);
    }

    /** d NLL / d b at b = 1/T: mean over rows of E_p[z] - z_y with p = softmax(b z). */
    private double slope(double b) {
        return slopeAndCurvature(b)[0];
    }

    /** The NLL's first and second derivatives in b: mean(E_p[z] - z_y) and mean(Var_p[z]). */
    private double[] slopeAndCurvature(double b) {
        double g = 0;
        double h = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Softmax.max(z);
            double sum = 0;
            double mean = 0;
            double second = 0;
            for (double v : z) {
                double d = v - max;
                double e = Exponential.exp(b * d);
                sum += e;
                mean += e * d;
                second += e * d * d;
            }
            mean /= sum;
            // In shifted units d = z - max: E[z] - z_y = E[d] - d_y, Var[z] = E[d^2] - E[d]^2.
            g += mean - (z[targets[i]] - max);
            h += second / sum - mean * mean;
        }
        return new double[] {g / logits.length, Math.max(h / logits.length, 0)};
    }

    private static double[] softmax(double[] z, double t) {
        return Softmax.softmax(z, t);
    }

    private static double logProbability(double[] z, double t, int y) {
        return Softmax.logSoftmax(z, t)[y];
    }
}
