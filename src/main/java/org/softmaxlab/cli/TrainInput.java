package org.softmaxlab.cli;

import org.softmaxlab.engine.Adam;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Optimizer;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.OptimizerKind;

/** What {@code train} reads: the data, the layer's initialisation, the optimiser, the loss and the schedule. */
record TrainInput(double[][] x, int[] targets, Init init, Boolean bias, OptimizerInput optimizer,
                  LossOptionsInput loss, Integer steps, Integer batchSize, Integer shuffleSeed) {
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

    private static int maxPlusOne(int[] labels) {
        int max = -1;
        for (int y : labels) {
            max = Math.max(max, y);
        }
        return max + 1;
    }
}
