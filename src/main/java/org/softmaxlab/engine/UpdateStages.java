package org.softmaxlab.engine;

/**
 * One training update taken apart, stage by stage, for the batch the next step will use (nothing is changed): the
 * forward pass, the softmax, each sample's coefficient, P - Y, the gradients, the optimiser's new state and the
 * updated parameters. Computed by {@link Trainer#stages()} with the same code the step runs.
 *
 * @param step         the step these stages make up (the current step count)
 * @param x            batch x d, the inputs
 * @param labels       batch, the targets
 * @param weight       K x d, the weight before the update
 * @param bias         K, or null without bias
 * @param logits       batch x K, z = x W^T + b
 * @param probabilities batch x K, P = softmax(z / T)
 * @param coefficients batch, c_n = w_{y_n} / S for the mean (w_{y_n} for the sum; 0 for an ignored sample)
 * @param pMinusY      batch x K, P - Y with Y the (smoothed) target distribution
 * @param gradLogits   batch x K, dL/dz
 * @param gradWeight   K x d, dL/dW
 * @param gradBias     K, dL/db, or null without bias
 * @param stateAfter   the optimiser's state after the update
 * @param newWeight    K x d, the weight after the update
 * @param newBias      K, or null
 * @param loss         the loss this update minimises (computed with {@code weight})
 * @param learningRate the learning rate of the update
 */
public record UpdateStages(int step, double[][] x, int[] labels, double[][] weight, double[] bias, double[][] logits,
                           double[][] probabilities, double[] coefficients, double[][] pMinusY,
                           double[][] gradLogits, double[][] gradWeight, double[] gradBias, OptimizerState stateAfter,
                           double[][] newWeight, double[] newBias, double loss, double learningRate) {

    /** How each entry of [W | b] moves in this update (new minus old), K x (d or d + 1). */
    public double[][] parameterMoves() {
        int k = weight.length;
        int d = weight[0].length;
        double[][] m = new double[k][d + (bias == null ? 0 : 1)];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < d; c++) {
                m[r][c] = newWeight[r][c] - weight[r][c];
            }
            if (bias != null) {
                m[r][d] = newBias[r] - bias[r];
            }
        }
        return m;
    }

    /** P - Y for one row (all 0 for an ignored sample, whose target is null). */
    static double[] difference(double[] p, double[] target) {
        double[] d = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            d[c] = target == null ? 0 : p[c] - target[c];
        }
        return d;
    }

    /** Copies of {@code parameters} after {@code optimizer} steps them by {@code grads} (copies too), when it moves. */
    static double[][] stepped(Optimizer optimizer, double[][] parameters, double[][] grads, boolean moves) {
        double[][] gradients = new double[grads.length][];
        for (int k = 0; k < grads.length; k++) {
            gradients[k] = grads[k].clone();
        }
        double[][] after = new double[parameters.length][];
        for (int k = 0; k < parameters.length; k++) {
            after[k] = parameters[k].clone();
        }
        if (moves) {
            optimizer.step(after, gradients);
        }
        return after;
    }

    /** The first {@code rows} rows of {@code columns} values of a row-major array, as copies. */
    static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return out;
    }
}
