package org.softmaxlab.engine;

/**
 * One row through a {@link SamplingChain}.
 *
 * @param logitsAfter   the processed scores, {@code -Infinity} where a token was removed
 * @param probs         softmax of {@code logitsAfter}
 * @param kept          indices of the tokens left, most probable first (ties: lower index first)
 * @param entropyBefore entropy of softmax(logits) in nats
 * @param entropy       entropy of {@code probs} in nats
 * @param massKept      the original distribution's probability of the kept set
 */
public record SamplingResult(double[] logitsAfter, double[] probs, int[] kept, double entropyBefore, double entropy,
                             double massKept) {
    /** exp(entropy): the number of equally likely tokens with the same entropy. */
    public double perplexity() {
        return Math.exp(entropy);
    }
}
