package org.softmaxlab.explorer;

import org.softmaxlab.engine.LossResult;

/**
 * What the Explorer shows for one state, computed by the engine in one go.
 *
 * @param loss        the engine's result for the whole batch
 * @param selected    the sample being edited
 * @param target      its target class (may be ignore_index)
 * @param logits      its logits
 * @param lossText    the batch loss with 4 decimals, or "undefined: ..." when the loss is NaN
 * @param formula     the loss formula with the current numbers substituted
 * @param entropy     entropy of the selected sample's prediction, in nats
 * @param naive       naive softmax of the selected sample (may hold NaN: the overflow demonstration)
 * @param naiveExp    the naive exponentials exp(z/T) (may hold Infinity)
 * @param curveX      the swept logit's values
 * @param curveY      the batch loss at each
 * @param sweepClass  which class's logit the curve sweeps
 */
public record ExplorerResult(LossResult loss, int selected, int target, double[] logits, String lossText,
                             String formula, double entropy, double[] naive, double[] naiveExp, double[] curveX,
                             double[] curveY, int sweepClass) {

    /** Probabilities of the selected sample. */
    public double[] probabilities() {
        return loss.probabilities()[selected];
    }

    /** dL/dlogits of the selected sample. */
    public double[] gradient() {
        return loss.gradient()[selected];
    }
}
