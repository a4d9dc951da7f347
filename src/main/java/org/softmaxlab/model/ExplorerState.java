package org.softmaxlab.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Reduction;

/**
 * Everything the Explorer shows is a function of this: a batch of logits with one target per sample, the class
 * weights, the loss options and what is selected. Immutable; every edit is a {@code with...} method that returns the
 * next state (arrays are copied in and never handed out to be changed).
 *
 * @param logits         n x C
 * @param targets        one class index per sample, or {@link Limits#IGNORE_INDEX}
 * @param weights        one weight per class (used when {@code weightsEnabled})
 * @param weightsEnabled whether the loss weights the classes
 * @param temperature    T > 0
 * @param labelSmoothing eps in [0, 1]
 * @param reduction      mean, sum or none
 * @param selectedSample the sample being edited and shown
 * @param sweepClass     the class whose logit the loss curve sweeps
 * @param logitRange     half-width of the logit sliders and of the loss curve; only widens to fit edits
 * @param weightRange    top of the weight sliders; only widens to fit edits
 */
public record ExplorerState(double[][] logits, int[] targets, double[] weights, boolean weightsEnabled,
                            double temperature, double labelSmoothing, Reduction reduction, int selectedSample,
                            int sweepClass, double logitRange, double weightRange) {

    public ExplorerState {
        if (logits.length == 0 || targets.length != logits.length || weights.length != logits[0].length) {
            throw new IllegalArgumentException("an Explorer state needs n rows of C logits, n targets and C weights");
        }
        logits = copy(logits);
        targets = targets.clone();
        weights = weights.clone();
    }

    /** A fresh state: sample 0 selected, the curve sweeps class 0, slider ranges fitted to the values. */
    public static ExplorerState of(double[][] logits, int[] targets, double[] weights, boolean weightsEnabled,
                                   double temperature, double labelSmoothing, Reduction reduction, int selected) {
        double[] w = weights != null ? weights : ones(logits[0].length);
        return new ExplorerState(logits, targets, w, weightsEnabled, temperature, labelSmoothing, reduction,
                selected, 0, widened(Limits.DEFAULT_LOGIT_RANGE, maxAbs(logits)),
                Math.max(Limits.DEFAULT_WEIGHT_RANGE, Math.ceil(max(w))));
    }

    public int samples() {
        return logits.length;
    }

    public int classes() {
        return logits[0].length;
    }

    /** Classes with an editor row (a slider and a field): all, up to {@link Limits#MAX_SLIDER_CLASSES}. */
    public int editableClasses() {
        return Math.min(classes(), Limits.MAX_SLIDER_CLASSES);
    }

    /** The classes without an editor row, whose logits were generated, as "20..999"; null when there are none. */
    public String generatedClasses() {
        return classes() > editableClasses() ? editableClasses() + ".." + (classes() - 1) : null;
    }

    /** The selected sample's logits (a copy). */
    public double[] selectedLogits() {
        return logits[selectedSample].clone();
    }

    public int selectedTarget() {
        return targets[selectedSample];
    }

    /** A copy of the logits, n x C. */
    @Override
    public double[][] logits() {
        return copy(logits);
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The options the engine evaluates this state with. */
    public CrossEntropyOptions options() {
        return new CrossEntropyOptions(weightsEnabled ? weights.clone() : null, Limits.IGNORE_INDEX, reduction,
                labelSmoothing, temperature);
    }

    /**
     * Whether {@code other} poses the same problem: the same logits, targets, weighting and loss options (the
     * selection, the swept class and the slider ranges aside). A state edited away from its preset is "Custom".
     */
    public boolean sameProblemAs(ExplorerState other) {
        return other != null && Arrays.deepEquals(logits, other.logits) && Arrays.equals(targets, other.targets)
                && weightsEnabled == other.weightsEnabled && (!weightsEnabled || Arrays.equals(weights, other.weights))
                && temperature == other.temperature && labelSmoothing == other.labelSmoothing
                && reduction == other.reduction;
    }

    // ---- edits ----------------------------------------------------------------------------------------------

    /** Logit {@code c} of the selected sample set to {@code v}; the slider range widens to fit. */
    public ExplorerState withLogit(int c, double v) {
        double[][] z = copy(logits);
        z[selectedSample][c] = v;
        return new ExplorerState(z, targets, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                selectedSample, sweepClass, widened(logitRange, Math.abs(v)), weightRange);
    }

    /**
     * The logit of class {@code c} of the selected sample that gives it probability {@code p} with the other logits
     * fixed: from p = e^{z/T} / (e^{z/T} + R), z = T (ln p - ln(1 - p) + ln R) with R = sum_{j != c} e^{z_j/T}
     * (computed with the largest term factored out). {@code p} is kept inside (0, 1).
     */
    public double logitForProbability(int c, double p) {
        double q = Math.max(1e-12, Math.min(1 - 1e-12, p));
        double[] z = logits[selectedSample];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            if (j != c) {
                max = Math.max(max, z[j] / temperature);
            }
        }
        double rest = 0;
        for (int j = 0; j < z.length; j++) {
            if (j != c) {
                rest += Math.exp(z[j] / temperature - max);
            }
        }
        return temperature * (Math.log(q) - Math.log1p(-q) + max + Math.log(rest));
    }

    /** {@code k} added to every logit of every sample (softmax, loss and gradient do not change). */
    public ExplorerState withAllLogitsShifted(double k) {
        double[][] z = copy(logits);
        for (double[] row : z) {
            for (int c = 0; c < row.length; c++) {
                row[c] += k;
            }
        }
        return new ExplorerState(z, targets, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                selectedSample, sweepClass, widened(logitRange, maxAbs(z)), weightRange);
    }

    /** Whether adding {@code k} to every logit keeps them all finite. */
    public boolean canShiftAllLogits(double k) {
        for (double[] row : logits) {
            for (double v : row) {
                if (!Double.isFinite(v + k)) {
                    return false;
                }
            }
        }
        return Double.isFinite(k);
    }

    /** The selected sample's target set to {@code y} (a class or {@link Limits#IGNORE_INDEX}). */
    public ExplorerState withTarget(int y) {
        int[] t = targets.clone();
        t[selectedSample] = y;
        return new ExplorerState(logits, t, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                selectedSample, sweepClass, logitRange, weightRange);
    }

    /** Whether {@code y} is a valid target here: a class index or {@link Limits#IGNORE_INDEX}. */
    public boolean isTarget(int y) {
        return y == Limits.IGNORE_INDEX || (y >= 0 && y < classes());
    }

    /** The weight of class {@code c} set to {@code w}; the slider range widens to fit. */
    public ExplorerState withWeight(int c, double w) {
        double[] ws = weights.clone();
        ws[c] = w;
        return new ExplorerState(logits, targets, ws, weightsEnabled, temperature, labelSmoothing, reduction,
                selectedSample, sweepClass, logitRange, Math.max(weightRange, Math.ceil(w)));
    }

    public ExplorerState withWeightsEnabled(boolean on) {
        return new ExplorerState(logits, targets, weights, on, temperature, labelSmoothing, reduction,
                selectedSample, sweepClass, logitRange, weightRange);
    }

    public ExplorerState withTemperature(double t) {
        return new ExplorerState(logits, targets, weights, weightsEnabled, t, labelSmoothing, reduction,
                selectedSample, sweepClass, logitRange, weightRange);
    }

    public ExplorerState withLabelSmoothing(double eps) {
        return new ExplorerState(logits, targets, weights, weightsEnabled, temperature, eps, reduction,
                selectedSample, sweepClass, logitRange, weightRange);
    }

    public ExplorerState withReduction(Reduction r) {
        return new ExplorerState(logits, targets, weights, weightsEnabled, temperature, labelSmoothing, r,
                selectedSample, sweepClass, logitRange, weightRange);
    }

    /** Sample {@code s} selected (clamped to the batch). */
    public ExplorerState withSelectedSample(int s) {
        return new ExplorerState(logits, targets, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                Math.max(0, Math.min(s, samples() - 1)), sweepClass, logitRange, weightRange);
    }

    /** The loss curve sweeps class {@code c} (clamped to the classes). */
    public ExplorerState withSweepClass(int c) {
        return new ExplorerState(logits, targets, weights, weightsEnabled, temperature, labelSmoothing, reduction,
                selectedSample, Math.max(0, Math.min(c, classes() - 1)), logitRange, weightRange);
    }

    /**
     * The batch resized to {@code n} samples of {@code c} classes (each clamped to {@link Limits}), keeping every
     * value that fits. New logits are 0, or, above {@link Limits#MAX_SLIDER_CLASSES} classes, seeded Gaussian draws
     * (the same sizes always give the same logits); new samples target class 0, new classes weigh 1; a target past
     * the last class moves to the last class. The selection and the swept class stay while they exist, else move to the nearest that does.
     */
    public ExplorerState withShape(int n, int c) {
        int classes = Limits.CLASSES.clamp(c);
        int samples = Limits.SAMPLES.clamp(n);
        if (classes == classes() && samples == samples()) {
            return this;
        }
        double[][] z = new double[samples][classes];
        int[] y = new int[samples];
        SplittableRandom random = new SplittableRandom(classes * 31L + samples);
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < classes; k++) {
                boolean known = i < logits.length && k < logits[i].length;
                z[i][k] = known ? logits[i][k] : classes > Limits.MAX_SLIDER_CLASSES ? 2 * gaussian(random) : 0.0;
            }
            y[i] = i < targets.length ? Math.min(targets[i], classes - 1) : 0;
        }
        double[] w = Arrays.copyOf(weights, classes);
        for (int k = weights.length; k < classes; k++) {
            w[k] = 1.0;
        }
        return new ExplorerState(z, y, w, weightsEnabled, temperature, labelSmoothing, reduction,
                Math.min(selectedSample, samples - 1), Math.min(sweepClass, classes - 1),
                widened(logitRange, maxAbs(z)), weightRange);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** {@code range}, or the smallest 1, 2 or 5 x 10^k that holds {@code v} when v is larger. */
    static double widened(double range, double v) {
        if (!(v > range)) {
            return range;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return Double.isFinite(m * p) ? m * p : v;
            }
        }
        return v;
    }

    private static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double max(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        return max;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
