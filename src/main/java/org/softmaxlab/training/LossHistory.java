package org.softmaxlab.training;

import java.util.Arrays;

/**
 * The history of a training run in bounded memory: at most {@link #CAPACITY} points of (step, loss, batch accuracy,
 * logits of the batch's first sample, and the parameters the step was computed with). When full, every other point is dropped and from then on only every second
 * step is kept (then every fourth, ...), so a run of any length keeps an evenly spaced curve.
 */
public final class LossHistory {
    public static final int CAPACITY = 4096;
    private final double[] steps = new double[CAPACITY];
    private final double[] losses = new double[CAPACITY];
    private final double[] accuracies = new double[CAPACITY];
    private final double[][] logits = new double[CAPACITY][];
    private final double[][][] weights = new double[CAPACITY][][];
    private final double[][] biases = new double[CAPACITY][];
    private int size;
    private long stride = 1;

    /** Whether a point for {@code step} would be kept (so the caller can skip computing it). */
    public boolean wants(long step) {
        return step % (size == CAPACITY ? 2 * stride : stride) == 0;
    }

    /** Records the loss of step {@code step} (steps come in increasing order). */
    public void add(long step, double loss) {
        add(step, loss, Double.NaN, null);
    }

    /** Records step {@code step}: its loss, batch accuracy and first sample's logits (may be null). */
    public void add(long step, double loss, double accuracy, double[] firstLogits) {
        add(step, loss, accuracy, firstLogits, null, null);
    }

    /**
     * Records step {@code step} with the parameters it was computed with (weight K x d, bias K or null; kept, not
     * copied), so that the history scrubber can show every chart as it was.
     */
    public void add(long step, double loss, double accuracy, double[] firstLogits, double[][] weight, double[] bias) {
        if (step % stride != 0) {
            return;
        }
        if (size == CAPACITY) {
            for (int i = 0; i < CAPACITY / 2; i++) {
                steps[i] = steps[2 * i];
                losses[i] = losses[2 * i];
                accuracies[i] = accuracies[2 * i];
                logits[i] = logits[2 * i];
                weights[i] = weights[2 * i];
                biases[i] = biases[2 * i];
            }
            Arrays.fill(logits, CAPACITY / 2, CAPACITY, null);
            Arrays.fill(weights, CAPACITY / 2, CAPACITY, null);
            Arrays.fill(biases, CAPACITY / 2, CAPACITY, null);
            size = CAPACITY / 2;
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        steps[size] = step;
        losses[size] = loss;
        accuracies[size] = accuracy;
        logits[size] = firstLogits;
        weights[size] = weight;
        biases[size] = bias;
        size++;
    }

    public void clear() {
        size = 0;
        stride = 1;
        Arrays.fill(logits, null);
        Arrays.fill(weights, null);
        Arrays.fill(biases, null);
    }

    /** The index of the last point at or before {@code step} that has parameters, or -1. */
    public int indexAtOrBefore(long step) {
        for (int i = size - 1; i >= 0; i--) {
            if (steps[i] <= step && weights[i] != null) {
                return i;
            }
        }
        return -1;
    }

    /** The weight recorded at point {@code i} (shared), or null. */
    public double[][] weightAt(int i) {
        return weights[i];
    }

    /** The bias recorded at point {@code i} (shared), or null. */
    public double[] biasAt(int i) {
        return biases[i];
    }

    /** The step number of point {@code i}. */
    public long stepAt(int i) {
        return (long) steps[i];
    }

    public int size() {
        return size;
    }

    /** A copy of the recorded step numbers. */
    public double[] steps() {
        return Arrays.copyOf(steps, size);
    }

    /** A copy of the recorded losses. */
    public double[] losses() {
        return Arrays.copyOf(losses, size);
    }

    /** A copy of the recorded batch accuracies (NaN where none was recorded). */
    public double[] accuracies() {
        return Arrays.copyOf(accuracies, size);
    }

    /** The recorded first-sample logits (rows may be null); the rows are shared, not copied. */
    public double[][] logits() {
        return Arrays.copyOf(logits, size);
    }
}
