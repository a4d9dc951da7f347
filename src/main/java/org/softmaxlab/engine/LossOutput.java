package org.softmaxlab.engine;

/**
 * Everything one evaluation of any {@link LossKind} produces, for n samples of C outputs (fresh arrays, the caller's).
 *
 * @param probabilities    n x C, the model's output distribution: softmax(z/T), or sigmoid(z) for BCE with logits
 * @param logProbabilities n x C, the natural logarithms of {@code probabilities}
 * @param perSampleLoss    n, each sample's unreduced loss (the row sums of {@code elementwise} where there is one)
 * @param loss             the reduced loss (for reduction none, the sum); NaN when undefined
 * @param elementwise      n x C, PyTorch's element-wise loss for mse, bce_with_logits and kl_div; null for the others
 * @param gradient         n x C, dL/dz of {@code loss} (for none, of the sum)
 * @param targetEntropy    n, H(Y_n) of the (smoothed) target distribution, for cross-entropy; null for the others
 * @param kl               n, KL(Y_n || P_n), for cross-entropy (H + KL = the unweighted per-sample loss); else null
 * @param undefinedReason  null when the loss is defined, otherwise why it is NaN
 */
public record LossOutput(double[][] probabilities, double[][] logProbabilities, double[] perSampleLoss, double loss,
                         double[][] elementwise, double[][] gradient, double[] targetEntropy, double[] kl,
                         String undefinedReason) {

    public boolean isDefined() {
        return undefinedReason == null;
    }

    /** This output with every loss, gradient, entropy and divergence multiplied by {@code factor} (nats to bits). */
    LossOutput scaled(double factor) {
        if (factor == 1.0) {
            return this;
        }
        return new LossOutput(probabilities, logProbabilities, times(perSampleLoss, factor), loss * factor,
                times(elementwise, factor), times(gradient, factor), times(targetEntropy, factor), times(kl, factor),
                undefinedReason);
    }

    private static double[] times(double[] v, double f) {
        if (v == null) {
            return null;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    private static double[][] times(double[][] m, double f) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = times(m[i], f);
        }
        return out;
    }
}
