package org.softmaxlab.engine;

import java.util.SplittableRandom;

/**
 * Trains a {@link Linear} layer with cross-entropy, one step at a time: forward, loss, backward, optimiser step.
 * Call order: {@code step*}; options and the learning rate may change between steps. The same dataset, initial
 * layer, optimiser settings and shuffle seed give the same trajectory.
 *
 * <p>With a batch size below the dataset size the samples are visited in a seeded random order, reshuffled each
 * epoch; otherwise every step uses the whole dataset in its order. Not thread-safe: one thread drives a trainer.
 */
public final class Trainer {
    private final Dataset data;
    private final Linear model;
    private final Optimizer optimizer;
    private CrossEntropyLoss loss;
    private final int batchSize;
    private final SplittableRandom shuffle;
    private final int[] order;
    private int cursor;
    private int steps;

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
        this.loss = new CrossEntropyLoss(options);
        this.batchSize = batchSize == 0 || batchSize >= data.size() ? data.size() : batchSize;
        this.shuffle = new SplittableRandom(shuffleSeed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** Runs one step and reports what it saw before the update. */
    public TrainingStep step() {
        int[] batch = nextBatch();
        double[][] x = new double[batch.length][];
        int[] labels = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            x[i] = data.x()[batch[i]];
            labels[i] = data.labels()[batch[i]];
        }
        double[][] weight = model.weight();
        double[] bias = model.bias();
        double[][] logits = model.forward(x);
        if (!allFinite(logits)) {
            double[][] unknown = new double[logits.length][model.outputs()];
            for (double[] row : unknown) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return new TrainingStep(steps++, Double.NaN, logits, unknown, unknown, weight, bias,
                    accuracy(logits, labels), Double.NaN, "diverged: the logits are no longer finite numbers");
        }
        LossResult result = loss.evaluate(logits, Targets.indices(labels));
        double[][] grads = model.backward(x, result.gradient());
        double norm = 0;
        for (double[] g : grads) {
            for (double v : g) {
                norm += v * v;
            }
        }
        if (Double.isFinite(result.loss())) {
            optimizer.step(model.parameters(), grads);
        }
        return new TrainingStep(steps++, result.loss(), logits, result.probabilities(), result.gradient(), weight,
                bias, accuracy(logits, labels), Math.sqrt(norm), result.undefinedReason());
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

    /** Changes the loss options (class weights, smoothing, temperature, reduction) for the following steps. */
    public void setLossOptions(CrossEntropyOptions options) {
        this.loss = new CrossEntropyLoss(options);
    }

    public int batchSize() {
        return batchSize;
    }

    private int[] nextBatch() {
        if (batchSize == order.length) {
            return order;
        }
        if (cursor == 0) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        int size = Math.min(batchSize, order.length - cursor);
        int[] batch = new int[size];
        System.arraycopy(order, cursor, batch, 0, size);
        cursor = (cursor + size) % order.length;
        return batch;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fraction of rows whose largest logit is the label. */
    static double accuracy(double[][] logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < logits.length; i++) {
            if (Softmax.argmax(logits[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / logits.length;
    }
}
