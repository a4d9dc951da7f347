package org.softmaxlab.cli;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;

/**
 * The loss and its options, read by {@code eval} (at the top level, the loss named by {@code "loss"}) and {@code train}
 * (its {@code "loss"} object, the loss named by {@code "name"}); absent fields take PyTorch's defaults. {@code weights}
 * is read as {@code weight}, as in scenario files; for focal, {@code weight} is {@code alpha}'s alias.
 */
record LossOptionsInput(String name, @JsonAlias("weights") double[] weight, double[] alpha, Integer ignoreIndex,
                        String reduction, Double labelSmoothing, Double temperature, Integer p, Double margin,
                        Double gamma, double[] posWeight, String units) {

    /**
     * The engine's loss; the engine checks the ranges and which options a loss takes.
     *
     * @param prefix     put before field names in messages ("loss." for train)
     * @param nameField  what the loss's name is called in this input ("loss" or "loss.name")
     */
    LossSpec validate(String prefix, String nameField) throws JsonInputException {
        LossKind kind;
        try {
            kind = name == null ? LossKind.CROSS_ENTROPY : LossKind.parse(name);
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(nameField + ": " + e.getMessage());
        }
        only(p != null || margin != null, kind == LossKind.MULTI_MARGIN, prefix + (p != null ? "p" : "margin"),
                "multi_margin");
        only(gamma != null || alpha != null, kind == LossKind.FOCAL, prefix + (gamma != null ? "gamma" : "alpha"),
                "focal");
        only(posWeight != null, kind == LossKind.BCE_WITH_LOGITS, prefix + "pos_weight", "bce_with_logits");
        if (alpha != null && weight != null) {
            throw new JsonInputException(prefix + "alpha and " + prefix + "weight name the same vector: give one");
        }
        double[] w = alpha != null ? alpha : weight;
        w = w == null ? null : Fields.finite(w, prefix + (alpha != null ? "alpha" : "weight"));
        boolean batchMean = kind == LossKind.KL_DIV && (reduction == null || reduction.equals("batchmean"));
        if ("batchmean".equals(reduction) && kind != LossKind.KL_DIV) {
            throw new JsonInputException(prefix + "reduction \"batchmean\" applies to kl_div only; " + kind.label()
                    + " takes \"none\", \"sum\" or \"mean\"");
        }
        CrossEntropyOptions d = CrossEntropyOptions.defaults();
        CrossEntropyOptions options = new CrossEntropyOptions(w, Fields.or(ignoreIndex, d.ignoreIndex()),
                reduction == null || batchMean ? d.reduction() : Reduction.parse(reduction),
                Fields.finite(Fields.or(labelSmoothing, d.labelSmoothing()), prefix + "label_smoothing"),
                Fields.finite(Fields.or(temperature, d.temperature()), prefix + "temperature"));
        String u = Fields.or(units, "nats");
        if (!u.equals("nats") && !u.equals("bits")) {
            throw new JsonInputException(prefix + "units must be \"nats\" or \"bits\", got \"" + u + "\"");
        }
        LossSpec spec = LossSpec.of(kind, options).withBatchMean(batchMean).withBits(u.equals("bits"));
        if (p != null) {
            spec = spec.withP(p);
        }
        if (margin != null) {
            spec = spec.withMargin(Fields.finite(margin, prefix + "margin"));
        }
        if (gamma != null) {
            spec = spec.withGamma(Fields.finite(gamma, prefix + "gamma"));
        }
        return posWeight == null ? spec : spec.withPosWeight(Fields.finite(posWeight, prefix + "pos_weight"));
    }

    private static void only(boolean given, boolean applies, String field, String loss) throws JsonInputException {
        if (given && !applies) {
            throw new JsonInputException(field + " applies to " + loss + " only");
        }
    }
}
