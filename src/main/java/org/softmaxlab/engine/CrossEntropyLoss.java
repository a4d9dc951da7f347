package org.softmaxlab.engine;

/**
 * Cross-entropy of softmax(logits / T) against class-index or class-probability targets, with PyTorch's
 * {@code nn.CrossEntropyLoss} semantics.
 *
 * <p>Shapes: logits n x C; class-index targets n (values in [0, C) or {@code ignore_index}); class-probability
 * targets n x C. With {@code p = softmax(z/T)}, {@code w} the class weights (all 1 when absent) and label smoothing
 * {@code eps}:
 * <ul>
 *   <li>class indices: {@code l_n = (1-eps) w_{y_n} (-log p_{n,y_n}) + (eps/C) sum_c w_c (-log p_{n,c})}, 0 for an
 *       ignored sample; the mean divides by {@code S = sum_{n not ignored} w_{y_n}} (both terms over the same S,
 *       the notebook's normaliser).</li>
 *   <li>class probabilities: with {@code t' = (1-eps) t + eps/C}, {@code l_n = -sum_c w_c t'_{n,c} log p_{n,c}};
 *       the mean divides by n.</li>
 * </ul>
 *
 * <p>Gradient: writing each sample's loss as {@code -sum_c q_c log p_c}, {@code dl/dz_c = (p_c sum(q) - q_c) / T}.
 * Without smoothing this is the notebook's {@code (w_{y_k}/S)(P_k - Y_k)} for the mean.
 *
 * <p>Where PyTorch returns NaN (mean with every target ignored, or target weights summing to 0) the result's loss is
 * NaN and {@link LossResult#undefinedReason()} says why; the gradient is PyTorch's: 0 in every ignored row, NaN in the
 * counted rows. Nothing is thrown.
 *
 * <p>Throws {@link IllegalArgumentException} for an empty batch, ragged or non-finite logits, targets of the wrong
 * count or shape, a class index out of range, negative or non-finite probabilities, or a weight vector whose length
 * is not C. The option ranges are checked by {@link CrossEntropyOptions}.
 */
public final class CrossEntropyLoss {
    private final CrossEntropyOptions options;

    public CrossEntropyLoss(CrossEntropyOptions options) {
        Checks.require(options != null, "options are missing");
        this.options = options;
    }

    public CrossEntropyOptions options() {
        return options;
    }

    /** Evaluates loss, probabilities and gradient for one batch. */
    public LossResult evaluate(double[][] logits, Targets targets) {
        int n = logits == null ? 0 : logits.length;
        int classes = Checks.columns(logits, "logits", true);
        Checks.require(targets != null, "targets are missing");
        Checks.require(targets.size() == n,
                "targets have " + targets.size() + " samples but logits have " + n + " rows");
        double[] weight = options.weight();
        Checks.require(weight == null || weight.length == classes,
                "weight has " + (weight == null ? 0 : weight.length) + " entries but there are " + classes
                        + " classes");
        checkTargets(targets, classes);
        // With class-probability targets ignore_index has no meaning and PyTorch 1.13 takes any value: so do we.

        double[][] probs = new double[n][classes];
        double[][] logProbs = new double[n][classes];
        double[][] grad = new double[n][classes];
        double[] perSample = new double[n];
        for (int i = 0; i < n; i++) {
            double rest = softmaxRow(logits[i], 0, classes, probs[i], logProbs[i], 0);
            if (targets instanceof Targets.ClassIndices indices) {
                int y = indices.get(i);
                if (y != options.ignoreIndex()) {
                    perSample[i] = indexTargetRow(y, rest, probs[i], logProbs[i], grad[i], 0, classes);
                }
            } else {
                perSample[i] = probabilityTargetRow((Targets.ClassProbabilities) targets, i, probs[i],
                        logProbs[i], grad[i]);
            }
        }
        return reduce(probs, logProbs, perSample, grad, TargetWeights.meanDenominator(options, targets),
                TargetWeights.counted(options, targets), targets);
    }

    /**
     * Fills {@code p} and {@code logP} (at offset {@code o}) for the row of {@code classes} logits at {@code zo}, and
     * returns {@code sum_{c != argmax} exp(d_c)}, the mass outside the top class, which lets {@code p_top - 1} be
     * formed without cancellation.
     */
    private double softmaxRow(double[] z, int zo, int classes, double[] p, double[] logP, int o) {
        double t = options.temperature();
        int top = zo;
        for (int c = zo + 1; c < zo + classes; c++) {
            if (z[c] > z[top]) {
                top = c;
            }
        }
        double m = z[top];
        double rest = 0;
        int topIndex = top - zo;
        for (int c = 0; c < classes; c++) {
            double d = t == 1.0 ? z[zo + c] - m : (z[zo + c] - m) / t;
            logP[o + c] = d;
            // exp(0) = 1 for the top class: one exponential fewer per row.
            double e = c == topIndex ? 1.0 : Math.exp(d);
            p[o + c] = e;
            if (c != topIndex) {
                rest += e;
            }
        }
        double lse = FusedRows.logOnePlus(rest);
        double sum = 1.0 + rest;
        for (int c = 0; c < classes; c++) {
            logP[o + c] -= lse;
            p[o + c] /= sum;
        }
        return rest;
    }

    /** One sample with a class-index target: returns its loss and writes d(loss)/d(z/T) into {@code g} at {@code o}. */
    private double indexTargetRow(int y, double rest, double[] p, double[] logP, double[] g, int o, int classes) {
        double eps = options.labelSmoothing();
        double a = (1 - eps) * options.weightOf(y);
        for (int c = 0; c < classes; c++) {
            g[o + c] = a * p[o + c];
        }
        // When p_y > 1/2, y is the top class and p_y - 1 = -rest / (1 + rest) keeps the digits that the plain
        // subtraction would cancel; below 1/2 the subtraction loses nothing.
        double py = p[o + y];
        g[o + y] = py > 0.5 ? -a * (rest / (1 + rest)) : a * (py - 1);
        // A zero coefficient contributes nothing, even where log p is -Infinity (a logit 1e308 below the top).
        double loss = a == 0 ? 0 : a * -logP[o + y];
        if (eps > 0) {
            double share = eps / classes;
            double weightSum = 0;
            double smooth = 0;
            for (int c = 0; c < classes; c++) {
                double w = options.weightOf(c);
                weightSum += w;
                if (w != 0) {
                    smooth += w * -logP[o + c];
                }
            }
            for (int c = 0; c < classes; c++) {
                g[o + c] += share * (p[o + c] * weightSum - options.weightOf(c));
            }
            loss += share * smooth;
        }
        return loss;
    }

    /** Below this many logits a batch is not worth a second thread. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    /**
     * The fast path for large batches, measured against numpy by the engine benchmark (the trainer uses the same rows
     * through {@link #plainLossAndGradient} and {@link #evaluateFlat}): class-index targets on a flat row-major {@code n x classes} array, the reduced
     * loss returned and {@code dL/dlogits} written into {@code gradient} (same layout), with no probabilities or
     * log-probabilities kept. Same numbers as {@link #evaluate} (to rounding). Without weights, smoothing and
     * temperature each row takes one fused pass (max, exp-sum into the gradient, scale); large batches are split over
     * two threads. Returns NaN when the loss is undefined (then the gradient is NaN too).
     *
     * @throws IllegalArgumentException for wrong lengths, non-finite logits or a target out of range
     */
    double lossAndGradient(double[] logits, int n, int classes, int[] targets, double[] gradient) {
        Checks.require(n > 0 && classes > 0, "the batch needs at least one row and one class, got " + n + " x "
                + classes);
        Checks.require(logits != null && logits.length == n * classes, "logits must hold n x classes = "
                + n * classes + " values");
        Checks.require(gradient != null && gradient.length == n * classes, "gradient must hold n x classes = "
                + n * classes + " values");
        Checks.require(targets != null && targets.length == n, "targets must hold n = " + n + " class indices");
        Checks.require(!options.hasWeight() || options.weight().length == classes,
                "weight has " + (options.hasWeight() ? options.weight().length : 0) + " entries but there are "
                        + classes + " classes");
        TargetWeights.checkIndices(options, targets, n, classes);
        if (!isPlain()) {
            return lossAndGradientGeneral(logits, n, classes, targets, gradient);
        }
        double denominator = TargetWeights.meanDenominator(options, targets, n);
        if (options.reduction() == Reduction.MEAN && denominator == 0) {
            undefinedGradient(gradient, n, classes, targets);
            return Double.NaN;
        }
        double scale = options.reduction() == Reduction.MEAN ? 1.0 / denominator : 1.0;
        double total;
        if ((long) n * classes < PARALLEL_THRESHOLD || n < 2) {
            total = FusedRows.sum(logits, 0, n, classes, targets, options.ignoreIndex(), gradient, scale);
        } else {
            int half = n / 2;
            java.util.concurrent.ForkJoinTask<Double> right = java.util.concurrent.ForkJoinPool.commonPool().submit(
                    () -> FusedRows.sum(logits, half, n, classes, targets, options.ignoreIndex(), gradient, scale));
            double left = FusedRows.sum(logits, 0, half, classes, targets, options.ignoreIndex(), gradient, scale);
            total = left + right.join();
        }
        Checks.require(!Double.isNaN(total), "logits must be finite numbers");
        return total * scale;
    }

    /** True when the fused rows apply: no weights, no smoothing, temperature 1. */
    boolean isPlain() {
        return TargetWeights.isPlain(options);
    }

    /**
     * The fused plain path on trusted input (the trainer's own buffers, labels already checked): the reduced loss,
     * or NaN when undefined (the gradient then as PyTorch gives it) or a logit is not finite.
     */
    double plainLossAndGradient(double[] z, int n, int classes, int[] labels, double[] g) {
        double denominator = options.reduction() == Reduction.MEAN ? TargetWeights.meanDenominator(options, labels, n)
                : 1;
        if (denominator == 0) {
            undefinedGradient(g, n, classes, labels);
            return Double.NaN;
        }
        double scale = 1.0 / denominator;
        return FusedRows.sum(z, 0, n, classes, labels, options.ignoreIndex(), g, scale) * scale;
    }

    /** Weights, smoothing or temperature: the per-row code of {@link #evaluate}, with two rows of scratch. */
    private double lossAndGradientGeneral(double[] z, int n, int classes, int[] targets, double[] g) {
        for (double v : z) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("logits must be finite numbers, found " + v);
            }
        }
        double[] p = new double[n * classes];
        double[] logP = new double[n * classes];
        return evaluateFlat(z, n, classes, targets, p, logP, g);
    }

    /**
     * The training fast path: class-index targets on flat row-major buffers ({@code n} rows of {@code classes}),
     * no allocation. Fills {@code p}, {@code logP} and {@code g} (the gradient of the reduced loss with respect to
     * the logits) and returns the reduced loss, NaN when undefined (then {@code g} is PyTorch's gradient of the
     * undefined mean: 0 in ignored rows, NaN in the others). The caller has checked the shapes, that the logits are finite and the labels in range.
     */
    double evaluateFlat(double[] z, int n, int classes, int[] labels, double[] p, double[] logP, double[] g) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double rest = softmaxRow(z, o, classes, p, logP, o);
            int y = labels[i];
            if (y == options.ignoreIndex()) {
                java.util.Arrays.fill(g, o, o + classes, 0.0);
                continue;
            }
            sum += indexTargetRow(y, rest, p, logP, g, o, classes);
        }
        double scale = 1.0 / options.temperature();
        double loss = sum;
        if (options.reduction() == Reduction.MEAN) {
            double denominator = TargetWeights.meanDenominator(options, labels, n);
            if (denominator == 0) {
                undefinedGradient(g, n, classes, labels);
                return Double.NaN;
            }
            loss = sum / denominator;
            scale /= denominator;
        }
        if (scale != 1.0) {
            for (int k = 0; k < n * classes; k++) {
                g[k] *= scale;
            }
        }
        return loss;
    }

    /** One sample with a probability-row target: returns its loss and writes d(loss)/d(z/T) into {@code g}. */
    private double probabilityTargetRow(Targets.ClassProbabilities targets, int i, double[] p, double[] logP,
                                        double[] g) {
        int classes = p.length;
        double eps = options.labelSmoothing();
        double total = 0;
        double loss = 0;
        for (int c = 0; c < classes; c++) {
            double q = options.weightOf(c) * (targets.get(i, c) * (1 - eps) + eps / classes);
            g[c] = -q;
            total += q;
            if (q != 0) {
                loss -= q * logP[c];
            }
        }
        for (int c = 0; c < classes; c++) {
            g[c] += p[c] * total;
        }
        return loss;
    }

    private LossResult reduce(double[][] probs, double[][] logProbs, double[] perSample, double[][] grad,
                              double denominator, int counted, Targets targets) {
        double sum = 0;
        for (double l : perSample) {
            sum += l;
        }
        Reduction reduction = options.reduction();
        String undefined = null;
        double loss = sum;
        double scale = 1.0 / options.temperature();
        if (reduction == Reduction.MEAN) {
            if (counted == 0) {
                undefined = "undefined: every target equals ignore_index (" + options.ignoreIndex()
                        + "), so the mean has no samples";
            } else if (denominator == 0) {
                undefined = "undefined: the targets' weights sum to 0";
            }
            loss = undefined == null ? sum / denominator : Double.NaN;
            scale = undefined == null ? scale / denominator : Double.NaN;
        }
        if (scale != 1.0) {
            for (int i = 0; i < grad.length; i++) {
                // As PyTorch: an ignored row's gradient is 0 even when the mean is undefined (0/0 elsewhere).
                if (!isIgnored(targets, i)) {
                    for (int c = 0; c < grad[i].length; c++) {
                        grad[i][c] *= scale;
                    }
                }
            }
        }
        return new LossResult(probs, logProbs, perSample, loss, grad, reduction, undefined);
    }

    private boolean isIgnored(Targets targets, int i) {
        return targets instanceof Targets.ClassIndices indices && indices.get(i) == options.ignoreIndex();
    }

    /**
     * The gradient of an undefined mean (its denominator is 0), as PyTorch gives it: 0 in the ignored rows, NaN in the
     * counted ones (whose weights are all 0).
     */
    private void undefinedGradient(double[] g, int n, int classes, int[] labels) {
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(g, i * classes, (i + 1) * classes,
                    labels[i] == options.ignoreIndex() ? 0.0 : Double.NaN);
        }
    }

    private void checkTargets(Targets targets, int classes) {
        if (targets instanceof Targets.ClassIndices indices) {
            TargetWeights.checkIndices(options, indices.indices(), indices.size(), classes);
        } else {
            Targets.ClassProbabilities probs = (Targets.ClassProbabilities) targets;
            for (int i = 0; i < probs.size(); i++) {
                int length = probs.rowLength(i);
                if (length != classes) {
                    throw new IllegalArgumentException("targets[" + i + "] has " + length
                            + " probabilities but there are " + classes + " classes");
                }
                for (int c = 0; c < classes; c++) {
                    double t = probs.get(i, c);
                    if (!(Double.isFinite(t) && t >= 0)) {
                        throw new IllegalArgumentException("targets[" + i + "][" + c + "] is " + t
                                + "; class probabilities must be finite and >= 0");
                    }
                }
            }
        }
    }
}
