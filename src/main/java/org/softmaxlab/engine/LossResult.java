package org.softmaxlab.engine;

/**
 * Everything one cross-entropy evaluation produces, for a batch of n samples and C classes. The arrays are fresh for
 * each evaluation and belong to the caller.
 *
 * @param probabilities    n x C, softmax(logits / T); each row sums to 1
 * @param logProbabilities n x C, log-softmax(logits / T)
 * @param perSampleLoss    n, the unreduced (weighted) loss of each sample; 0 for ignored samples
 * @param loss             the reduced loss: the mean or the sum; for {@link Reduction#NONE} the sum of
 *                         {@code perSampleLoss}. NaN when undefined (see {@code undefinedReason})
 * @param gradient         n x C, dL/dlogits of {@code loss} (for NONE, of the sum). Without smoothing, weights and
 *                         temperature it is (P - Y)/n for the mean: positive for wrong classes, negative for the
 *                         target, so a gradient-descent step raises the target's logit
 * @param reduction        the reduction that produced {@code loss}
 * @param undefinedReason  null when the loss is defined; otherwise why it is NaN (e.g. "undefined: the targets'
 *                         weights sum to 0"), as PyTorch returns NaN there
 */
public record LossResult(double[][] probabilities, double[][] logProbabilities, double[] perSampleLoss, double loss,
                         double[][] gradient, Reduction reduction, String undefinedReason) {

    /** True unless the reduction divided by zero. */
    public boolean isDefined() {
        return undefinedReason == null;
    }

    public int samples() {
        return probabilities.length;
    }

    public int classes() {
        return probabilities[0].length;
    }
}
