package org.softmaxlab.engine;

/**
 * Every {@link LossKind} on one batch, with PyTorch 1.13's semantics (see each method), its per-sample losses and its
 * gradient with respect to the logits. Cross-entropy itself is {@link CrossEntropyLoss}; this class adds the
 * information view (H(Y) and KL(Y || P)) to it and computes the others beside it, so that the Losses tab, the command
 * line and the trainer share one statement of each.
 *
 * <p>Shapes: logits n x C; targets class indices (n) or probability rows (n x C; for bce_with_logits, any numbers in
 * [0, 1], one per output). Throws {@link IllegalArgumentException} for shapes that do not fit, a class index out of
 * range, or targets a loss does not take.
 */
public final class Losses {
    /** 1 / ln 2: nats to bits. */
    public static final double BITS_PER_NAT = 1.0 / Math.log(2.0);

    private Losses() {
    }

    /** Evaluates {@code spec} on an n x C batch. */
    public static LossOutput evaluate(LossSpec spec, double[][] logits, Targets targets) {
        return evaluate(spec, logits, targets, false);
    }

    /**
     * Evaluates {@code spec}; {@code oneDimensional} says the caller's logits were one flat row of C values (PyTorch's
     * 1-D input), which changes only kl_div's batchmean: it divides by C, as PyTorch's {@code input.size(0)} is then C.
     */
    public static LossOutput evaluate(LossSpec spec, double[][] logits, Targets targets, boolean oneDimensional) {
        int n = logits == null ? 0 : logits.length;
        int classes = Checks.columns(logits, "logits", true);
        Checks.require(targets != null, "targets are missing");
        Checks.require(targets.size() == n,
                "targets have " + targets.size() + " samples but logits have " + n + " rows");
        Checks.require(!spec.options().hasWeight() || spec.options().weight().length == classes,
                (spec.kind() == LossKind.FOCAL ? "alpha" : "weight") + " has "
                        + (spec.options().hasWeight() ? spec.options().weight().length : 0)
                        + " entries but there are " + classes + " classes");
        LossOutput out = switch (spec.kind()) {
            case CROSS_ENTROPY -> crossEntropy(spec.options(), logits, targets);
            case MSE -> mse(spec.options(), logits, distributions(spec, targets, classes));
            case KL_DIV -> klDiv(spec, logits, distributions(spec, targets, classes), oneDimensional);
            case MULTI_MARGIN -> multiMargin(spec, logits, indices(spec, targets, classes));
            case FOCAL -> focal(spec, logits, indices(spec, targets, classes));
            case BCE_WITH_LOGITS -> bceWithLogits(spec, logits, targets);
        };
        return out.scaled(spec.bits() ? BITS_PER_NAT : 1.0);
    }

    /** {@code nn.CrossEntropyLoss}, with H(Y_n) and KL(Y_n || P_n) of each sample's smoothed target distribution. */
    private static LossOutput crossEntropy(CrossEntropyOptions options, double[][] logits, Targets targets) {
        LossResult r = new CrossEntropyLoss(options).evaluate(logits, targets);
        int n = logits.length;
        int classes = logits[0].length;
        double[] entropy = new double[n];
        double[] kl = new double[n];
        for (int i = 0; i < n; i++) {
            double[] y = targetRow(targets, i, classes, options);
            if (y == null) {
                continue;
            }
            double[] logP = r.logProbabilities()[i];
            for (int c = 0; c < classes; c++) {
                if (y[c] > 0) {
                    double logY = Math.log(y[c]);
                    entropy[i] -= y[c] * logY;
                    kl[i] += y[c] * (logY - logP[c]);
                }
            }
        }
        return new LossOutput(r.probabilities(), r.logProbabilities(), r.perSampleLoss(), r.loss(), null,
                r.gradient(), entropy, kl, r.undefinedReason());
    }

    /**
     * {@code F.mse_loss(softmax(z/T), Y, reduction)}, element-wise {@code (p - Y)^2}; {@code mean} divides by n*C.
     * The gradient goes back through the softmax: {@code dL/dz_j = p_j (a_j - sum_c p_c a_c) / T} with
     * {@code a = dL/dp = 2 (p - Y) / (n C)} for the mean.
     */
    private static LossOutput mse(CrossEntropyOptions options, double[][] logits, double[][] y) {
        int n = logits.length;
        int classes = logits[0].length;
        double t = options.temperature();
        double scale = options.reduction() == Reduction.MEAN ? 1.0 / ((double) n * classes) : 1.0;
        double[][] probs = softmaxRows(logits, t);
        double[][] logProbs = logRows(logits, t);
        double[][] elements = new double[n][classes];
        double[][] grad = new double[n][classes];
        double[] perSample = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] a = new double[classes];
            for (int c = 0; c < classes; c++) {
                double d = probs[i][c] - y[i][c];
                elements[i][c] = d * d;
                perSample[i] += d * d;
                a[c] = 2 * d * scale;
            }
            sum += perSample[i];
            throughSoftmax(probs[i], a, t, grad[i]);
        }
        return new LossOutput(probs, logProbs, perSample, sum * scale, elements, grad, null, null, null);
    }

    /**
     * {@code F.kl_div(log_softmax(z/T), Y, reduction)}: element-wise {@code Y (log Y - log p)} (0 where Y = 0);
     * batchmean divides by n (by C for 1-D input), mean by n*C. {@code dL/dz_j = s (p_j sum_c Y_c - Y_j) / T}.
     */
    private static LossOutput klDiv(LossSpec spec, double[][] logits, double[][] y, boolean oneDimensional) {
        int n = logits.length;
        int classes = logits[0].length;
        double t = spec.options().temperature();
        double scale = spec.batchMean() ? 1.0 / (oneDimensional ? classes : n)
                : spec.options().reduction() == Reduction.MEAN ? 1.0 / ((double) n * classes) : 1.0;
        double[][] probs = softmaxRows(logits, t);
        double[][] logProbs = logRows(logits, t);
        double[][] elements = new double[n][classes];
        double[][] grad = new double[n][classes];
        double[] perSample = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double mass = 0;
            for (int c = 0; c < classes; c++) {
                double yc = y[i][c];
                elements[i][c] = yc > 0 ? yc * (Math.log(yc) - logProbs[i][c]) : 0;
                perSample[i] += elements[i][c];
                mass += yc;
            }
            for (int c = 0; c < classes; c++) {
                grad[i][c] = scale * (probs[i][c] * mass - y[i][c]) / t;
            }
            sum += perSample[i];
        }
        return new LossOutput(probs, logProbs, perSample, sum * scale, elements, grad, null, null, null);
    }

    /**
     * {@code nn.MultiMarginLoss(p, margin, weight)} on x = z/T, as PyTorch 1.13 computes it: each sample's loss is
     * {@code sum_{i != y} w_y max(0, margin - x_y + x_i)^p / C}, a term counting only where the hinge is strictly
     * positive (at 0 it adds nothing, to the loss or the gradient); {@code mean} divides by n whatever the weights.
     */
    private static LossOutput multiMargin(LossSpec spec, double[][] logits, int[] labels) {
        CrossEntropyOptions options = spec.options();
        int n = logits.length;
        int classes = logits[0].length;
        double t = options.temperature();
        double margin = spec.margin();
        boolean mean = options.reduction() == Reduction.MEAN;
        double g = (mean ? 1.0 / n : 1.0) / classes;
        double[][] grad = new double[n][classes];
        double[] perSample = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            double w = options.weightOf(y);
            double xy = logits[i][y] / t;
            double s = 0;
            for (int d = 0; d < classes; d++) {
                if (d == y) {
                    continue;
                }
                double h = margin - xy + logits[i][d] / t;
                if (h > 0) {
                    s += (spec.p() == 1 ? h : h * h) * w;
                    double gd = (spec.p() == 1 ? g : 2 * g * h) * w / t;
                    grad[i][d] = gd;
                    grad[i][y] -= gd;
                }
            }
            perSample[i] = s / classes;
            sum += perSample[i];
        }
        double[][] probs = softmaxRows(logits, t);
        return new LossOutput(probs, logRows(logits, t), perSample, mean ? sum / n : sum, null, grad, null, null,
                null);
    }

    /**
     * Softmax focal loss (Lin et al., ICCV 2017): {@code l_n = -a_y (1 - p_y)^gamma ln p_y}, 0 for an ignored sample;
     * mean = sum / the number of samples counted. With {@code q = 1 - p_y} (summed from the other classes, so it keeps
     * its digits as p_y nears 1), {@code dl/dz_j = a_y ([j = y] - p_j) (gamma p_y q^(gamma-1) ln p_y - q^gamma) / T};
     * at q = 0 the first term is its limit, 0 (PyTorch's autograd gives NaN there for 0 < gamma < 1).
     */
    private static LossOutput focal(LossSpec spec, double[][] logits, int[] labels) {
        CrossEntropyOptions options = spec.options();
        int n = logits.length;
        int classes = logits[0].length;
        double t = options.temperature();
        double gamma = spec.gamma();
        double[][] probs = softmaxRows(logits, t);
        double[][] logProbs = logRows(logits, t);
        double[][] grad = new double[n][classes];
        double[] perSample = new double[n];
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y == options.ignoreIndex()) {
                continue;
            }
            counted++;
            double a = options.weightOf(y);
            double py = probs[i][y];
            double q = 0;
            for (int c = 0; c < classes; c++) {
                if (c != y) {
                    q += probs[i][c];
                }
            }
            double logPy = logProbs[i][y];
            double focus = Math.pow(q, gamma);
            perSample[i] = a == 0 || focus == 0 ? 0 : -a * focus * logPy;
            double k = gamma == 0 || q == 0 ? 0 : gamma * py * Math.pow(q, gamma - 1) * logPy;
            double common = a * (k - focus) / t;
            for (int c = 0; c < classes; c++) {
                grad[i][c] = common * ((c == y ? 1 : 0) - probs[i][c]);
            }
            sum += perSample[i];
        }
        String undefined = null;
        double loss = sum;
        if (options.reduction() == Reduction.MEAN) {
            if (counted == 0) {
                undefined = "undefined: every target equals ignore_index (" + options.ignoreIndex()
                        + "), so the mean has no samples";
                loss = Double.NaN;
            } else {
                loss = sum / counted;
                for (double[] row : grad) {
                    for (int c = 0; c < classes; c++) {
                        row[c] /= counted;
                    }
                }
            }
        }
        return new LossOutput(probs, logProbs, perSample, loss, null, grad, null, null, undefined);
    }

    /**
     * {@code nn.BCEWithLogitsLoss(weight, pos_weight)}: element-wise
     * {@code w_c [(1 - y) x + l (log(1 + e^-|x|) + max(-x, 0))]} with {@code l = (pos_weight_c - 1) y + 1}, PyTorch's
     * stable form; mean divides by n*C (not by the weights). {@code dl/dx = w_c [(1 - y) - l sigmoid(-x)]}.
     */
    private static LossOutput bceWithLogits(LossSpec spec, double[][] logits, Targets targets) {
        CrossEntropyOptions options = spec.options();
        int n = logits.length;
        int outputs = logits[0].length;
        Checks.require(targets instanceof Targets.ClassProbabilities,
                "bce_with_logits takes one target in [0, 1] per logit (the same shape as the logits), not class "
                        + "indices");
        Targets.ClassProbabilities y = (Targets.ClassProbabilities) targets;
        double[] pw = spec.posWeight();
        Checks.require(pw == null || pw.length == outputs, "pos_weight has " + (pw == null ? 0 : pw.length)
                + " entries but there are " + outputs + " outputs");
        double scale = options.reduction() == Reduction.MEAN ? 1.0 / ((double) n * outputs) : 1.0;
        double[][] probs = new double[n][outputs];
        double[][] logProbs = new double[n][outputs];
        double[][] elements = new double[n][outputs];
        double[][] grad = new double[n][outputs];
        double[] perSample = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Checks.require(y.rowLength(i) == outputs, "targets[" + i + "] has " + y.rowLength(i)
                    + " entries but the logits have " + outputs);
            for (int c = 0; c < outputs; c++) {
                double target = y.get(i, c);
                Checks.require(target >= 0 && target <= 1, "targets[" + i + "][" + c + "] is " + target
                        + "; bce_with_logits targets must be in [0, 1]");
                double x = logits[i][c];
                double w = options.weightOf(c);
                double l = pw == null ? 1.0 : (pw[c] - 1) * target + 1;
                double softplusMinus = Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0);
                elements[i][c] = w * ((1 - target) * x + l * softplusMinus);
                perSample[i] += elements[i][c];
                probs[i][c] = sigmoid(x);
                logProbs[i][c] = -softplusMinus;
                grad[i][c] = scale * w * ((1 - target) - l * sigmoid(-x));
            }
            sum += perSample[i];
        }
        return new LossOutput(probs, logProbs, perSample, sum * scale, elements, grad, null, null, null);
    }

    /** The logistic function, without overflow for either sign. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code dL/dz} from {@code a = dL/dp} through p = softmax(z/T), into {@code out}. */
    private static void throughSoftmax(double[] p, double[] a, double t, double[] out) {
        double pa = 0;
        for (int c = 0; c < p.length; c++) {
            pa += p[c] * a[c];
        }
        for (int c = 0; c < p.length; c++) {
            out[c] = p[c] * (a[c] - pa) / t;
        }
    }

    private static double[][] softmaxRows(double[][] logits, double t) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Softmax.softmax(logits[i], t);
        }
        return out;
    }

    private static double[][] logRows(double[][] logits, double t) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Softmax.logSoftmax(logits[i], t);
        }
        return out;
    }

    /**
     * Sample {@code i}'s target distribution after label smoothing: {@code (1 - eps) onehot(y) + eps / C}, or
     * {@code (1 - eps) t + eps / C} for a probability row; null for an ignored sample.
     */
    public static double[] targetRow(Targets targets, int i, int classes, CrossEntropyOptions options) {
        double eps = options.labelSmoothing();
        double[] row = new double[classes];
        if (targets instanceof Targets.ClassIndices indices) {
            int y = indices.get(i);
            if (y == options.ignoreIndex()) {
                return null;
            }
            java.util.Arrays.fill(row, eps / classes);
            row[y] += 1 - eps;
        } else {
            Targets.ClassProbabilities p = (Targets.ClassProbabilities) targets;
            for (int c = 0; c < classes; c++) {
                row[c] = (1 - eps) * p.get(i, c) + eps / classes;
            }
        }
        return row;
    }

    /** The target distributions of mse and kl_div (one-hot rows from class indices), after label smoothing. */
    private static double[][] distributions(LossSpec spec, Targets targets, int classes) {
        double[][] rows = new double[targets.size()][];
        if (targets instanceof Targets.ClassIndices indices) {
            checkRange(indices, classes, spec.kind());
        } else {
            checkRows((Targets.ClassProbabilities) targets, classes);
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] = targetRow(targets, i, classes, spec.options());
        }
        return rows;
    }

    /** The class indices of multi_margin and focal (focal also takes ignore_index). */
    private static int[] indices(LossSpec spec, Targets targets, int classes) {
        Checks.require(targets instanceof Targets.ClassIndices, spec.kind().label()
                + " takes class-index targets, not probability rows");
        Targets.ClassIndices indices = (Targets.ClassIndices) targets;
        if (spec.kind() == LossKind.FOCAL) {
            TargetWeights.checkIndices(spec.options(), indices.indices(), indices.size(), classes);
        } else {
            checkRange(indices, classes, spec.kind());
        }
        return indices.indices();
    }

    private static void checkRange(Targets.ClassIndices indices, int classes, LossKind kind) {
        for (int i = 0; i < indices.size(); i++) {
            int y = indices.get(i);
            Checks.require(y >= 0 && y < classes, "targets[" + i + "] = " + y + " is out of range: class indices are 0.."
                    + (classes - 1) + " (" + kind.label() + " has no ignore_index)");
        }
    }

    private static void checkRows(Targets.ClassProbabilities probs, int classes) {
        for (int i = 0; i < probs.size(); i++) {
            Checks.require(probs.rowLength(i) == classes,
                    "targets[" + i + "] has " + probs.rowLength(i) + " probabilities but there are " + classes
                            + " classes");
            for (int c = 0; c < classes; c++) {
                double t = probs.get(i, c);
                Checks.require(Double.isFinite(t) && t >= 0, "targets[" + i + "][" + c + "] is " + t
                        + "; class probabilities must be finite and >= 0");
            }
        }
    }
}
