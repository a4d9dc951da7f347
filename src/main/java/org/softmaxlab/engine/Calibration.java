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

    /**
     * The figures at one temperature; {@code classwiseEce} is NaN in a {@link #reliability} report, which leaves it
     * out.
     */
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
    /** Each row's arg-max (ties: the lowest index): the same at every temperature, so found once. */
    private final int[] tops;

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
        tops = Arrays.stream(logits).mapToInt(Softmax::argmax).toArray();
    }

    public int rows() {
        return logits.length;
    }

    public int classes() {
        return classes;
    }

    /** A report with the question it answers (a report with the classwise ECE also answers one without). */
    private record Answer(double t, int m, Binning binning, boolean classwise, Report report) {
        boolean answers(double t, int m, Binning binning, boolean classwise) {
            return this.t == t && this.m == m && this.binning == binning && (this.classwise || !classwise);
        }
    }

    /**
     * The two reports asked for last, the more recent first: the Calibration tab asks for the one at T = 1 beside
     * every T it shows, so a drag of T computes one report per change, not two.
     */
    private final Answer[] recent = new Answer[2];

    /** Every figure at temperature {@code t} with {@code m} bins. */
    public Report report(double t, int m, Binning binning) {
        return report(t, m, binning, true);
    }

    /**
     * Every figure but the classwise ECE (NaN here), which costs C one-vs-rest bins per row: what the Calibration
     * tab shows, about half the time of {@link #report} on 10 classes.
     */
    public Report reliability(double t, int m, Binning binning) {
        return report(t, m, binning, false);
    }

    private Report report(double t, int m, Binning binning, boolean classwise) {
        synchronized (recent) {
            for (int k = 0; k < recent.length; k++) {
                Answer a = recent[k];
                if (a != null && a.answers(t, m, binning, classwise)) {
                    recent[k] = recent[0];
                    recent[0] = a;
                    return a.report();
                }
            }
        }
        Report fresh = compute(t, m, binning, classwise);
        synchronized (recent) {
            recent[1] = recent[0];
            recent[0] = new Answer(t, m, binning, classwise, fresh);
        }
        return fresh;
    }

    private Report compute(double t, int m, Binning binning, boolean classwise) {
        Checks.require(Double.isFinite(t) && t > 0, "temperature is " + t + "; it must be a positive number");
        Checks.require(m >= 1, "bins is " + m + "; it must be at least 1");
        int n = logits.length;
        Checks.require(binning != Binning.ADAPTIVE || m <= n, "bins is " + m + " but there are " + n
                + " rows: adaptive bins need at least one row each");
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        // Per row, in one pass: the right count, -log p_y, the Brier term, and each class's one-vs-rest uniform bin
        // (count, sum of p, hits at 3 + 3 (k M + b)); summed chunk by chunk (see sumOverRows).
        double[] edges = CalibrationBins.edges(m);
        double inverseT = 1 / t;
        double[] sums = sumOverRows(classwise ? 3 + 3 * classes * m : 3, (i, acc, e) -> {
            double[] z = logits[i];
            int top = tops[i];
            double rest = exponentials(z, top, inverseT, e);
            // p_c = e_c / (1 + rest): the top's is inv, and no p is larger (e_c <= 1), so the confidence is inv and
            // the prediction the first class whose p rounds to it (below the top only when exp's rounding ties it).
            double inv = 1 / (1 + rest);
            double squares = 0;
            for (int c = 0; c < classes; c++) {
                squares += e[c] * e[c];
            }
            int best = top;
            for (int c = 0; c < top; c++) {
                if (e[c] * inv == inv) {
                    best = c;
                    break;
                }
            }
            int y = targets[i];
            confidence[i] = inv;
            correct[i] = best == y;
            acc[0] += correct[i] ? 1 : 0;
            // log p_y = d_y - log(1 + rest), the rest kept apart so that a confident row keeps its digits.
            acc[1] -= (z[y] - z[top]) * inverseT - FusedRows.logOnePlus(rest);
            // sum_c (p_c - [c = y])^2 = sum_c p_c^2 - 2 p_y + 1.
            acc[2] += squares * inv * inv - 2 * (e[y] * inv) + 1;
            if (classwise) {
                for (int c = 0; c < classes; c++) {
                    double p = e[c] * inv;
                    int at = 3 + 3 * (c * m + CalibrationBins.uniformBin(p, m, edges) - 1);
                    acc[at]++;
                    acc[at + 1] += p;
                    acc[at + 2] += c == y ? 1 : 0;
                }
            }
        });
        double right = sums[0];
        double nll = sums[1];
        double brier = sums[2];
        Bin[] bins = binning == Binning.UNIFORM ? CalibrationBins.uniform(confidence, correct, m)
                : CalibrationBins.adaptive(confidence, correct, m);
        return new Report(t, right / n, nll / n, brier / n, CalibrationBins.ece(bins, n), CalibrationBins.mce(bins),
                bins, classwise ? classwiseEce(sums, m, n) : Double.NaN);
    }

    /**
     * Writes e^((z_c - z_top) / T) into {@code e} and returns their sum without the arg-max's, which is exactly 1:
     * summed apart, the rest keeps log1p exact.
     */
    private static double exponentials(double[] z, int top, double inverseT, double[] e) {
        double max = z[top];
        double rest = 0;
        // Two loops around the arg-max: a test inside one loop cost a third of the report.
        for (int c = 0; c < top; c++) {
            e[c] = Exponential.exp((z[c] - max) * inverseT);
            rest += e[c];
        }
        for (int c = top + 1; c < z.length; c++) {
            e[c] = Exponential.exp((z[c] - max) * inverseT);
            rest += e[c];
        }
        e[top] = 1;
        return rest;
    }

    /** The mean over classes of each class's one-vs-rest ECE, from the per-class bin sums {@link #compute} made. */
    private double classwiseEce(double[] sums, int m, int n) {
        double classwise = 0;
        for (int k = 0; k < classes; k++) {
            Bin[] own = new Bin[m];
            for (int bin = 0; bin < m; bin++) {
                int at = 3 + 3 * (k * m + bin);
                int count = (int) sums[at];
                own[bin] = new Bin((double) bin / m, (double) (bin + 1) / m, count, count == 0 ? Double.NaN
                        : sums[at + 1] / count, count == 0 ? Double.NaN : sums[at + 2] / count);
            }
            classwise += CalibrationBins.ece(own, n);
        }
        return classwise / classes;
    }

    /** The temperature that minimises the mean NLL, or why there is none (see the class comment). */
    public Fit fitTemperature() {
        boolean everyTargetTops = true;
        boolean flat = true;
        for (int i = 0; i < logits.length; i++) {
            double max = logits[i][tops[i]];
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
        double[] gh = sumOverRows(2, (i, acc, scratch) -> {
            double[] z = logits[i];
            double max = z[tops[i]];
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
            acc[0] += mean - (z[targets[i]] - max);
            acc[1] += second / sum - mean * mean;
        });
        return new double[] {gh[0] / logits.length, Math.max(gh[1] / logits.length, 0)};
    }

    /** What one row adds to {@code acc} (it may also write that row's own entries of arrays it holds). */
    private interface RowTerm {
        /**
         * Adds row {@code row}'s terms to {@code acc}; {@code scratch} (one per chunk, a row's length) is the term's to
         * overwrite: a fresh array per row cost as much as the arithmetic.
         */
        void add(int row, double[] acc, double[] scratch);
    }

    /** Rows per chunk: the sums do not depend on the number of cores, only on the rows. */
    private static final int CHUNK_ROWS = 8192;

    /**
     * The sums of {@code width} terms over every row: each chunk of {@link #CHUNK_ROWS} rows summed in row order, the
     * chunks' sums then added in chunk order, so the result is the same whether the chunks ran one after another or
     * side by side (large inputs, 1,000,000 rows, use every core).
     */
    private double[] sumOverRows(int width, RowTerm term) {
        int n = logits.length;
        int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        double[][] partial = new double[chunks][width];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 4 ? range.parallel() : range).forEach(c -> {
            int end = Math.min(n, (c + 1) * CHUNK_ROWS);
            double[] scratch = new double[classes];
            for (int i = c * CHUNK_ROWS; i < end; i++) {
                term.add(i, partial[c], scratch);
            }
        });
        double[] total = new double[width];
        for (double[] p : partial) {
            for (int k = 0; k < width; k++) {
                total[k] += p[k];
            }
        }
        return total;
    }
}
