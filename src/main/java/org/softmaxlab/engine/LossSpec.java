package org.softmaxlab.engine;

import java.util.Arrays;

/**
 * Which loss to compute and its options, named and defaulted as PyTorch names them.
 *
 * @param kind      the loss
 * @param options   weight (for focal: alpha; for bce_with_logits: per output), ignore_index (cross_entropy, focal),
 *                  reduction, label_smoothing (cross_entropy, mse, kl_div) and temperature (all but bce_with_logits)
 * @param batchMean kl_div's default reduction {@code batchmean}: the sum divided by the first dimension (overrides
 *                  {@code options.reduction()}); only for kl_div
 * @param p         multi_margin's power, 1 or 2
 * @param margin    multi_margin's margin
 * @param gamma     focal's focusing exponent, >= 0 (0 with no alpha is cross-entropy)
 * @param posWeight bce_with_logits' weight of the positive term, one per output; null for none
 * @param bits      true to report losses and gradients in bits (divided by ln 2) rather than nats
 */
public record LossSpec(LossKind kind, CrossEntropyOptions options, boolean batchMean, int p, double margin,
                       double gamma, double[] posWeight, boolean bits) {

    public LossSpec {
        Checks.require(kind != null, "loss is missing");
        Checks.require(options != null, "loss options are missing");
        Checks.require(p == 1 || p == 2, "p must be 1 or 2, got " + p);
        Checks.require(Double.isFinite(margin), "margin must be a finite number, got " + margin);
        Checks.require(Double.isFinite(gamma) && gamma >= 0, "gamma must be a finite number >= 0, got " + gamma);
        Checks.require(!batchMean || kind == LossKind.KL_DIV, "reduction \"batchmean\" applies to kl_div only");
        if (posWeight != null) {
            Checks.require(kind == LossKind.BCE_WITH_LOGITS, "pos_weight applies to bce_with_logits only");
            posWeight = posWeight.clone();
            for (int c = 0; c < posWeight.length; c++) {
                Checks.require(Double.isFinite(posWeight[c]), "pos_weight[" + c + "] is " + posWeight[c]
                        + "; it must be finite");
            }
        }
        String name = kind.label();
        boolean defaultIgnore = options.ignoreIndex() == CrossEntropyOptions.DEFAULT_IGNORE_INDEX;
        Checks.require(defaultIgnore || kind == LossKind.CROSS_ENTROPY || kind == LossKind.FOCAL,
                "ignore_index applies to cross_entropy and focal only, not " + name);
        Checks.require(!options.hasWeight() || (kind != LossKind.MSE && kind != LossKind.KL_DIV),
                "weight applies to cross_entropy, multi_margin, focal (as alpha) and bce_with_logits, not " + name);
        Checks.require(options.labelSmoothing() == 0 || kind == LossKind.CROSS_ENTROPY || kind == LossKind.MSE
                        || kind == LossKind.KL_DIV,
                "label_smoothing applies to cross_entropy, mse and kl_div only, not " + name);
        Checks.require(options.temperature() == 1.0 || kind != LossKind.BCE_WITH_LOGITS,
                "temperature does not apply to bce_with_logits (its outputs are sigmoids of the logits)");
    }

    /** The loss with PyTorch's defaults for its own options (p 1, margin 1, gamma 2, batchmean for kl_div). */
    public static LossSpec of(LossKind kind, CrossEntropyOptions options) {
        return new LossSpec(kind, options, kind == LossKind.KL_DIV, 1, 1.0, 2.0, null, false);
    }

    /** Cross-entropy with these options, in nats. */
    public static LossSpec crossEntropy(CrossEntropyOptions options) {
        return of(LossKind.CROSS_ENTROPY, options);
    }

    public LossSpec withOptions(CrossEntropyOptions newOptions) {
        return new LossSpec(kind, newOptions, batchMean, p, margin, gamma, posWeight, bits);
    }

    public LossSpec withBatchMean(boolean newBatchMean) {
        return new LossSpec(kind, options, newBatchMean, p, margin, gamma, posWeight, bits);
    }

    public LossSpec withP(int newP) {
        return new LossSpec(kind, options, batchMean, newP, margin, gamma, posWeight, bits);
    }

    public LossSpec withMargin(double newMargin) {
        return new LossSpec(kind, options, batchMean, p, newMargin, gamma, posWeight, bits);
    }

    public LossSpec withGamma(double newGamma) {
        return new LossSpec(kind, options, batchMean, p, margin, newGamma, posWeight, bits);
    }

    public LossSpec withPosWeight(double[] newPosWeight) {
        return new LossSpec(kind, options, batchMean, p, margin, gamma, newPosWeight, bits);
    }

    public LossSpec withBits(boolean newBits) {
        return new LossSpec(kind, options, batchMean, p, margin, gamma, posWeight, newBits);
    }

    @Override
    public double[] posWeight() {
        return posWeight == null ? null : posWeight.clone();
    }

    /** The reduction as PyTorch names it: none, sum, mean or batchmean. */
    public String reductionLabel() {
        return batchMean ? "batchmean" : options.reduction().label();
    }

    /** Whether the reduced loss is one number to differentiate (not reduction none). */
    public boolean reduces() {
        return batchMean || options.reduction() != Reduction.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossSpec s && kind == s.kind && options.equals(s.options) && batchMean == s.batchMean
                && p == s.p && Double.compare(margin, s.margin) == 0 && Double.compare(gamma, s.gamma) == 0
                && Arrays.equals(posWeight, s.posWeight) && bits == s.bits;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, options, batchMean, p, margin, gamma, Arrays.hashCode(posWeight), bits);
    }

    @Override
    public String toString() {
        return "LossSpec[" + kind.label() + ", " + options + ", reduction=" + reductionLabel() + ", p=" + p
                + ", margin=" + margin + ", gamma=" + gamma + ", pos_weight=" + Arrays.toString(posWeight)
                + ", bits=" + bits + "]";
    }

    /**
     * Refuses a loss a Linear classifier is not trained with here on {@code data}: a kind that is not trainable,
     * reduction none, weights of the wrong length or a label out of range.
     */
    void checkTrainableOn(Dataset data) {
        Checks.require(kind().trainable(), "a Linear classifier trains with cross_entropy, mse, multi_margin "
                + "or focal, not " + kind().label());
        CrossEntropyOptions options = options();
        Checks.require(!options.hasWeight() || options.weight().length == data.classes(),
                "weight has " + (options.hasWeight() ? options.weight().length : 0) + " entries but there are "
                        + data.classes() + " classes");
        if (kind() == LossKind.CROSS_ENTROPY || kind() == LossKind.FOCAL) {
            TargetWeights.checkIndices(options, data.labels(), data.size(), data.classes());
        } else {
            for (int i = 0; i < data.size(); i++) {
                int y = data.labels()[i];
                Checks.require(y >= 0 && y < data.classes(), "targets[" + i + "] = " + y + " is out of range: "
                        + kind().label() + " takes class indices 0.." + (data.classes() - 1));
            }
        }
        Checks.require(reduces(), "a training step needs one loss to differentiate: "
                + "reduction must be \"mean\" or \"sum\", not \"none\"");
    }
}
