package org.softmaxlab.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains a {@link Linear} layer with cross-entropy, one step at a time: forward, loss, backward, optimiser step.
 * Call order: {@code step*} (or the report-free {@link #stepLoss()}); options and the learning rate may change between
 * steps. The same dataset, initial layer, optimiser settings and shuffle seed give the same trajectory.
 *
 * <p>With a batch size below the dataset size the samples are visited in a seeded random order, reshuffled each
 * epoch; otherwise every step uses the whole dataset in its order. Each step works in buffers allocated once, through
 * the same per-row cross-entropy code as {@link CrossEntropyLoss#evaluate}. Not thread-safe: one thread drives a
 * trainer.
 */
public final class Trainer {
    private final Dataset data;
    private final Linear model;
    private final Optimizer optimizer;
    private CrossEntropyLoss loss;
    private LossSpec spec;
    private final int batchSize;
    private final SplittableRandom shuffle;
    private final int[] order;
    private int cursor;
    private int steps;

    private final int features;
    private final int classes;
    private final double[] x;
    private final int[] batch;
    private final int[] batchLabels;
    private final double[] z;
    private final double[] p;
    private final double[] logP;
    private final double[] g;
    private final double[][] grads;
    private final double[][] parameters;
    private int batchRows;

    /**
     * @param batchSize samples per step; 0 or at least the dataset size means full batch
     * @throws IllegalArgumentException if the layer's shape does not fit the dataset
     */
    public Trainer(Dataset data, Linear model, Optimizer optimizer, CrossEntropyOptions options, int batchSize,
                   long shuffleSeed) {
        Checks.require(model.inputs() == data.features(), "the model takes " + model.inputs()
                + " features but the dataset has " + data.features());
        Checks.require(model.outputs() == data.classes(), "the model has " + model.outputs()
                + " outputs but the dataset has " + data.classes() + " classes");
        Checks.require(batchSize >= 0, "batch size must be >= 0 (0 = full batch), got " + batchSize);
        this.data = data;
        this.model = model;
        this.optimizer = optimizer;
        setLoss(LossSpec.crossEntropy(options));
        this.batchSize = batchSize == 0 || batchSize >= data.size() ? data.size() : batchSize;
        this.shuffle = new SplittableRandom(shuffleSeed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        features = data.features();
        classes = data.classes();
        x = new double[data.size() * features];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.x()[i], 0, x, i * features, features);
        }
        batch = new int[this.batchSize];
        batchLabels = new int[this.batchSize];
        z = new double[this.batchSize * classes];
        p = new double[z.length];
        logP = new double[z.length];
        g = new double[z.length];
        parameters = model.parameters();
        grads = new double[parameters.length][];
        for (int k = 0; k < parameters.length; k++) {
            grads[k] = new double[parameters[k].length];
        }
    }

    /** Runs one step and reports what it saw before the update. */
    public TrainingStep step() {
        double[][] weight = model.weight();
        double[] bias = model.bias();
        double lossValue = run(true, true);
        return report(steps - 1, lossValue, weight, bias);
    }

    /** Runs one step and returns only its loss (computed before the update): the fast path for animation. */
    public double stepLoss() {
        return run(true, false);
    }

    /**
     * What the next step would see, without taking it: the loss, logits and gradient of the current parameters on
     * the next batch (the whole dataset for full batch). Its {@code step} is {@link #steps()}.
     */
    public TrainingStep peek() {
        double lossValue = run(false, true);
        return report(steps, lossValue, model.weight(), model.bias());
    }

    /**
     * The next update, stage by stage, without taking it: {@link #peek()}'s forward pass and gradients, and the
     * optimiser's step run on copies of its state and of the parameters.
     */
    public UpdateStages stages() {
        TrainingStep s = peek();
        int n = batchRows;
        double[][] xs = new double[n][];
        for (int r = 0; r < n; r++) {
            xs[r] = Arrays.copyOfRange(x, batch[r] * features, (batch[r] + 1) * features);
        }
        int[] labels = Arrays.copyOf(batchLabels, n);
        CrossEntropyOptions options = loss.options();
        double denominator = options.reduction() == Reduction.MEAN && spec.kind() == LossKind.CROSS_ENTROPY
                ? TargetWeights.meanDenominator(options, labels, n) : 1;
        double[] coefficients = new double[n];
        double[][] pMinusY = new double[n][];
        for (int r = 0; r < n; r++) {
            double[] target = Losses.targetRow(Targets.indices(labels), r, classes, options);
            coefficients[r] = target == null ? 0 : TargetWeights.denominatorShare(options, labels[r]) / denominator;
            pMinusY[r] = UpdateStages.difference(s.probabilities()[r], target);
        }
        Optimizer next = optimizer.copy();
        boolean moves = !s.diverged() || s.undefined();
        double[][] after = UpdateStages.stepped(next, parameters, grads, moves);
        return new UpdateStages(s.step(), xs, labels, s.weight(), s.bias(), s.logits(), s.probabilities(),
                coefficients, pMinusY, s.gradLogits(), lastWeightGradient(), lastBiasGradient(), next.state(),
                UpdateStages.rows(after[0], classes, features), after.length > 1 ? after[1] : null, s.loss(),
                optimizer.learningRate());
    }

    /** The batch logits of the last step or peek, rows x K (a copy). */
    public double[][] lastLogits() {
        return rows(z);
    }

    /** Row {@code r} of the last step's (or peek's) batch logits (a copy of K values). */
    public double[] lastLogits(int r) {
        Checks.require(r >= 0 && r < batchRows, "row " + r + " is outside the last batch of " + batchRows);
        return Arrays.copyOfRange(z, r * classes, (r + 1) * classes);
    }

    /** The dataset indices of the last step's (or peek's) batch, in order (a copy). */
    public int[] lastBatch() {
        return Arrays.copyOf(batch, batchRows);
    }

    /** Rows in the last step's (or peek's) batch. */
    public int lastBatchRows() {
        return batchRows;
    }

    /**
     * Fraction of the last step's (or peek's) batch whose largest logit is its label, over the samples not ignored
     * (NaN when every one is).
     */
    public double lastAccuracy() {
        return Accuracy.ofRows(z, batchLabels, batchRows, classes, loss.options().ignoreIndex());
    }

    /** Fraction of the whole dataset (its samples not ignored) the current model classifies right. */
    public double datasetAccuracy() {
        return Accuracy.ofDataset(model, x, data.labels(), features, classes, loss.options().ignoreIndex());
    }

    /**
     * Forward, loss and backward on the next batch; with {@code update} the optimiser then steps and the batch is
     * consumed. Returns the loss (NaN when the logits are no longer finite or the loss is undefined).
     */
    private double run(boolean update, boolean withProbabilities) {
        selectBatch(update);
        int n = batchRows;
        boolean finite = true;
        model.forwardRows(x, batch, n, z);
        int[] labels = data.labels();
        for (int r = 0; r < n; r++) {
            batchLabels[r] = labels[batch[r]];
        }
        double lossValue;
        if (!isCrossEntropyInNats()) {
            finite = logitsFinite(n);
            lossValue = finite ? otherLoss(n) : Double.NaN;
        } else if (loss.isPlain() && !withProbabilities) {
            // One fused pass per row, no probability buffers; NaN for a non-finite logit.
            lossValue = loss.plainLossAndGradient(z, n, classes, batchLabels, g);
        } else {
            for (int k = 0; k < n * classes; k++) {
                finite &= Double.isFinite(z[k]);
            }
            lossValue = finite ? loss.evaluateFlat(z, n, classes, batchLabels, p, logP, g) : Double.NaN;
        }
        boolean diverged = !finite || Double.isInfinite(lossValue)
                || (Double.isNaN(lossValue) && isCrossEntropyInNats() && loss.isPlain() && !withProbabilities
                && !logitsFinite(n));
        if (diverged) {
            Arrays.fill(p, Double.NaN);
            Arrays.fill(g, Double.NaN);
            for (double[] gr : grads) {
                Arrays.fill(gr, Double.NaN);
            }
        } else {
            // A finite loss, or an undefined mean (every target ignored, or their weights sum to 0): as in PyTorch the
            // step goes on with the gradient it has (0 in ignored rows, NaN in the others), so weight decay and the
            // optimiser's state advance.
            backward(n);
        }
        if (update) {
            if (!diverged) {
                optimizer.step(parameters, grads);
            }
            steps++;
        }
        return lossValue;
    }

    private boolean isCrossEntropyInNats() {
        return spec.kind() == LossKind.CROSS_ENTROPY && !spec.bits();
    }

    /** Any loss but cross-entropy in nats: through {@link Losses}, its probabilities and gradient copied in. */
    private double otherLoss(int n) {
        double[][] rows = rows(z);
        LossOutput out = Losses.evaluate(spec, rows, Targets.indices(Arrays.copyOf(batchLabels, n)));
        for (int r = 0; r < n; r++) {
            System.arraycopy(out.probabilities()[r], 0, p, r * classes, classes);
            System.arraycopy(out.logProbabilities()[r], 0, logP, r * classes, classes);
            System.arraycopy(out.gradient()[r], 0, g, r * classes, classes);
        }
        return out.loss();
    }

    private boolean logitsFinite(int n) {
        for (int k = 0; k < n * classes; k++) {
            if (!Double.isFinite(z[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * dW = G^T X and db = column sums of G, each entry a sum over the batch kept in registers (two interleaved
     * partial sums), not accumulated through memory row by row.
     */
    private void backward(int n) {
        double[] dW = grads[0];
        double[] db = grads.length > 1 ? grads[1] : null;
        for (int o = 0; o < classes; o++) {
            for (int k = 0; k < features; k++) {
                double even = 0;
                double odd = 0;
                int r = 0;
                for (; r + 1 < n; r += 2) {
                    even += g[r * classes + o] * x[batch[r] * features + k];
                    odd += g[(r + 1) * classes + o] * x[batch[r + 1] * features + k];
                }
                if (r < n) {
                    even += g[r * classes + o] * x[batch[r] * features + k];
                }
                dW[o * features + k] = even + odd;
            }
            if (db != null) {
                double even = 0;
                double odd = 0;
                int r = 0;
                for (; r + 1 < n; r += 2) {
                    even += g[r * classes + o];
                    odd += g[(r + 1) * classes + o];
                }
                if (r < n) {
                    even += g[r * classes + o];
                }
                db[o] = even + odd;
            }
        }
    }

    private void selectBatch(boolean consume) {
        if (batchSize == order.length) {
            System.arraycopy(order, 0, batch, 0, order.length);
            batchRows = order.length;
            return;
        }
        if (cursor == 0 && consume) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        batchRows = Math.min(batchSize, order.length - cursor);
        System.arraycopy(order, cursor, batch, 0, batchRows);
        if (consume) {
            cursor = (cursor + batchRows) % order.length;
        }
    }

    private TrainingStep report(int step, double lossValue, double[][] weight, double[] bias) {
        double norm = 0;
        for (double[] gr : grads) {
            for (double v : gr) {
                norm += v * v;
            }
        }
        String reason = null;
        if (Double.isNaN(lossValue)) {
            boolean finite = true;
            for (int k = 0; k < batchRows * classes; k++) {
                finite &= Double.isFinite(z[k]);
            }
            reason = !finite ? "diverged: the logits are no longer finite numbers"
                    : TargetWeights.meanDenominator(loss.options(), batchLabels, batchRows) == 0
                    && countIgnored() == batchRows ? "undefined: every target in the batch equals ignore_index"
                    : "undefined: the targets' weights sum to 0";
        }
        return new TrainingStep(step, lossValue, rows(z), rows(p), rows(g), weight, bias, lastAccuracy(),
                Math.sqrt(norm), reason);
    }

    private int countIgnored() {
        int ignored = 0;
        for (int r = 0; r < batchRows; r++) {
            if (batchLabels[r] == loss.options().ignoreIndex()) {
                ignored++;
            }
        }
        return ignored;
    }

    private double[][] rows(double[] flat) {
        return UpdateStages.rows(flat, batchRows, classes);
    }

    /** Steps taken so far. */
    public int steps() {
        return steps;
    }

    public Linear model() {
        return model;
    }

    public Dataset dataset() {
        return data;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public CrossEntropyOptions lossOptions() {
        return loss.options();
    }

    /** The loss being minimised. */
    public LossSpec loss() {
        return spec;
    }

    /** Changes the loss options (class weights, smoothing, temperature, reduction) for the following steps. */
    public void setLossOptions(CrossEntropyOptions options) {
        setLoss(spec.withOptions(options));
    }

    /**
     * Changes the loss for the following steps: cross-entropy, mse, multi_margin or focal, reduced to one number.
     *
     * @throws IllegalArgumentException for a loss a classifier is not trained with here, reduction none, weights of the
     *                                  wrong length or a label out of range
     */
    public void setLoss(LossSpec newSpec) {
        newSpec.checkTrainableOn(data);
        CrossEntropyOptions options = newSpec.options();
        this.spec = newSpec;
        this.loss = new CrossEntropyLoss(options);
    }

    /**
     * The gradient of the last step's (or peek's) loss with respect to the weight (K x d) and, with a bias, the bias
     * (K): PyTorch's {@code param.grad} after {@code backward()}, before the optimiser adds weight decay. Copies.
     */
    public double[][] lastWeightGradient() {
        return UpdateStages.rows(grads[0], classes, features);
    }

    /** The bias's gradient of the last step or peek (a copy), or null without bias. */
    public double[] lastBiasGradient() {
        return grads.length > 1 ? grads[1].clone() : null;
    }

    public int batchSize() {
        return batchSize;
    }
}
