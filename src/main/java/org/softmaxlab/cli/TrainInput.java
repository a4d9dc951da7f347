package org.softmaxlab.cli;

import org.softmaxlab.engine.Adam;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Optimizer;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.RoundedTraining;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.OptimizerKind;

/** What {@code train} reads: the data, the layer's initialisation, the optimiser, the loss and the schedule. */
record TrainInput(double[][] x, int[] targets, Init init, Boolean bias, OptimizerInput optimizer,
                  LossOptionsInput loss, Integer steps, Integer batchSize, Integer shuffleSeed, String precision,
                  String masterWeights, Double lossScale) {
    static final int DEFAULT_STEPS = 51;

    /** Either explicit {@code weight} (K x d) and {@code bias}, or a seeded initialisation of {@code classes}. */
    record Init(double[][] weight, double[] bias, Integer seed, Integer classes) {
    }

    record OptimizerInput(String name, Double lr, Double momentum, Double dampening, Boolean nesterov,
                          Double weightDecay, double[] betas, Double eps) {
    }

    double[][] inputs() throws JsonInputException {
        return Fields.matrix(Fields.required(x, "x"), "x", Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    int[] labels() throws JsonInputException {
        return Fields.required(targets, "targets");
    }

    boolean hasBias() {
        return Fields.or(bias, true);
    }

    int stepCount() throws JsonInputException {
        int n = Fields.or(steps, DEFAULT_STEPS);
        if (!Limits.STEPS.contains(n)) {
            throw new JsonInputException("steps must be in 0.." + Limits.STEPS.max() + ", got " + n);
        }
        return n;
    }

    LossSpec lossSpec() throws JsonInputException {
        return loss == null ? LossSpec.crossEntropy(CrossEntropyOptions.defaults())
                : loss.validate("loss.", "loss.name");
    }

    /** The layer to train: explicit weights, or PyTorch's seeded initialisation for {@code features} inputs. */
    Linear model(int features, int[] labels) throws JsonInputException {
        Init i = Fields.or(init, new Init(null, null, null, null));
        boolean withBias = hasBias();
        if (i.weight() != null) {
            if (i.seed() != null || i.classes() != null) {
                throw new JsonInputException("init takes either {\"weight\", \"bias\"} or {\"seed\", \"classes\"}, "
                        + "not both");
            }
            double[][] w = Fields.matrix(i.weight(), "init.weight", Integer.MAX_VALUE, Integer.MAX_VALUE);
            if (w[0].length != features) {
                throw new JsonInputException("init.weight has " + w[0].length + " columns but x has " + features
                        + " features");
            }
            if (i.bias() != null && !withBias) {
                throw new JsonInputException("init.bias is given but \"bias\" is false");
            }
            double[] b = i.bias() != null ? Fields.finite(i.bias(), "init.bias") : withBias ? new double[w.length]
                    : null;
            return Linear.of(w, b);
        }
        if (i.bias() != null) {
            throw new JsonInputException("init.bias needs init.weight");
        }
        int classes = i.classes() != null ? i.classes() : maxPlusOne(labels);
        if (!Limits.CLI_CLASSES.contains(classes)) {
            throw new JsonInputException("init.classes must be in " + Limits.CLI_CLASSES.min() + ".."
                    + Limits.CLI_CLASSES.max() + ", got " + classes);
        }
        return Linear.initialised(features, classes, withBias, Fields.or(i.seed(), 0));
    }

    /** SGD (lr 0.1) unless the input names Adam (lr 0.001, betas 0.9 and 0.999, eps 1e-8). */
    Optimizer optimizerOf() throws JsonInputException {
        if (optimizer == null) {
            return Sgd.plain(0.1);
        }
        OptimizerInput o = optimizer;
        String name = Fields.or(o.name(), "sgd");
        OptimizerKind kind = OptimizerKind.fromName(name).orElseThrow(() -> new JsonInputException(
                "optimizer.name must be \"sgd\" or \"adam\", got \"" + name + "\""));
        double wd = Fields.finite(Fields.or(o.weightDecay(), 0.0), "optimizer.weight_decay");
        if (kind == OptimizerKind.SGD) {
            return new Sgd(Fields.finite(Fields.or(o.lr(), 0.1), "optimizer.lr"),
                    Fields.finite(Fields.or(o.momentum(), 0.0), "optimizer.momentum"),
                    Fields.finite(Fields.or(o.dampening(), 0.0), "optimizer.dampening"),
                    Fields.or(o.nesterov(), false), wd);
        }
        double[] betas = o.betas() == null ? new double[] {0.9, 0.999} : Fields.finite(o.betas(), "optimizer.betas");
        if (betas.length != 2) {
            throw new JsonInputException("optimizer.betas must hold two numbers, got " + betas.length);
        }
        return new Adam(Fields.finite(Fields.or(o.lr(), 0.001), "optimizer.lr"), betas[0], betas[1],
                Fields.finite(Fields.or(o.eps(), 1e-8), "optimizer.eps"), wd);
    }

    /** Whether the input asks for a format's arithmetic ({@code precision}, {@code master_weights}, {@code loss_scale}). */
    boolean rounded() {
        return precision != null || masterWeights != null || lossScale != null;
    }

    /**
     * The format, the master weights' format ({@code "same"}, the default, or {@code "float32"}) and the static loss
     * scale (1 unless given). A format's training is full-batch plain SGD under plain cross-entropy: any other option
     * is refused by name, so that nothing is silently dropped.
     */
    RoundedTraining.Settings roundedSettings() throws JsonInputException {
        String refused = batchSize != null && batchSize != 0 ? "batch_size " + batchSize : null;
        if (optimizer != null) {
            OptimizerInput o = optimizer;
            refused = refused != null ? refused : o.name() != null && !o.name().equalsIgnoreCase("sgd")
                    ? "optimizer \"" + o.name() + "\"" : nonZero(o.momentum()) ? "optimizer.momentum"
                    : nonZero(o.dampening()) ? "optimizer.dampening" : Boolean.TRUE.equals(o.nesterov())
                    ? "optimizer.nesterov" : nonZero(o.weightDecay()) ? "optimizer.weight_decay" : null;
        }
        if (loss != null && refused == null) {
            LossSpec spec = lossSpec();
            CrossEntropyOptions c = spec.options();
            refused = spec.kind() != org.softmaxlab.engine.LossKind.CROSS_ENTROPY ? "loss \"" + loss.name() + "\""
                    : c.weight() != null ? "loss.weight" : c.labelSmoothing() != 0 ? "loss.label_smoothing"
                    : c.temperature() != 1 ? "loss.temperature" : c.reduction() != Reduction.MEAN
                    ? "loss.reduction \"" + c.reduction().name().toLowerCase(java.util.Locale.ROOT) + "\"" : null;
        }
        if (refused != null) {
            throw new JsonInputException("precision, master_weights and loss_scale train with full-batch plain SGD "
                    + "(no momentum or weight decay) under cross_entropy with mean reduction, without weight, "
                    + "label_smoothing or temperature; the input has " + refused);
        }
        try {
            Precision f = precision == null ? Precision.FLOAT64 : Precision.parse(precision);
            Precision master;
            if (masterWeights == null || masterWeights.equalsIgnoreCase("same")) {
                master = f;
            } else if (masterWeights.equalsIgnoreCase("float32")) {
                master = Precision.FLOAT32;
            } else {
                throw new IllegalArgumentException("master_weights must be \"same\" or \"float32\", got \""
                        + masterWeights + "\"");
            }
            return new RoundedTraining.Settings(f, master, lossScale == null ? 1 : lossScale);
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(e.getMessage());
        }
    }

    /** The ignore_index the loss names (-100 unless given). */
    int ignoreIndex() throws JsonInputException {
        return lossSpec().options().ignoreIndex();
    }

    /** SGD's learning rate (0.1 unless given). */
    double learningRate() throws JsonInputException {
        return Fields.finite(optimizer == null ? 0.1 : Fields.or(optimizer.lr(), 0.1), "optimizer.lr");
    }

    private static boolean nonZero(Double v) {
        return v != null && v != 0;
    }

    private static int maxPlusOne(int[] labels) {
        int max = -1;
        for (int y : labels) {
            max = Math.max(max, y);
        }
        return max + 1;
    }
}
