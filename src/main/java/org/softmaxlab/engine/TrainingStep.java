package org.softmaxlab.engine;

/**
 * What one training step saw, before its update (as the notebook's loop prints it): the batch's loss, logits,
 * probabilities and gradient were computed with {@code weight} and {@code bias}; then the optimiser moved them.
 *
 * @param step            0 for the first step
 * @param loss            the reduced loss of the batch (NaN when undefined or diverged)
 * @param logits          batch x K
 * @param probabilities   batch x K
 * @param gradLogits      batch x K, dL/dlogits
 * @param weight          K x d, the weight the step used
 * @param bias            K, the bias the step used, or null without bias
 * @param accuracy        fraction of the batch whose largest logit is its label, in [0, 1]
 * @param gradientNorm    the Euclidean norm of dL/d(weight, bias)
 * @param undefinedReason null, or why the loss is NaN by definition (it begins "undefined: ")
 */
public record TrainingStep(int step, double loss, double[][] logits, double[][] probabilities, double[][] gradLogits,
                           double[][] weight, double[] bias, double accuracy, double gradientNorm,
                           String undefinedReason) {

    /** True when the loss is NaN or infinite: training has diverged or is undefined. */
    public boolean diverged() {
        return !Double.isFinite(loss);
    }

    /** True when the loss is NaN by definition (no target counts), not because the parameters diverged. */
    public boolean undefined() {
        return undefinedReason != null;
    }
}
