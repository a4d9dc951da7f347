package org.softmaxlab.training;

import java.util.Arrays;

/**
 * The loss curve of a training run in bounded memory: at most {@link #CAPACITY} points. When full, every other point
 * is dropped and from then on only every second step is kept (then every fourth, ...), so a run of any length keeps
 * an evenly spaced curve.
 */
public final class LossHistory {
    public static final int CAPACITY = 4096;
    private final double[] steps = new double[CAPACITY];
    private final double[] losses = new double[CAPACITY];
    private int size;
    private long stride = 1;

    /** Records the loss of step {@code step} (steps come in increasing order). */
    public void add(long step, double loss) {
        if (step % stride != 0) {
            return;
        }
        if (size == CAPACITY) {
            for (int i = 0; i < CAPACITY / 2; i++) {
                steps[i] = steps[2 * i];
                losses[i] = losses[2 * i];
            }
            size = CAPACITY / 2;
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        steps[size] = step;
        losses[size] = loss;
        size++;
    }

    public void clear() {
        size = 0;
        stride = 1;
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
}
