package org.softmaxlab.cli;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;

/**
 * The loss options of {@code eval} (at the top level) and {@code train} (its "loss" object); absent fields take
 * PyTorch's defaults. {@code weights} is read as {@code weight}, as in scenario files.
 */
record LossOptionsInput(@JsonAlias("weights") double[] weight, Integer ignoreIndex, String reduction,
                        Double labelSmoothing, Double temperature) {

    /** The engine's options; the engine checks their ranges. */
    CrossEntropyOptions validate(String prefix) throws JsonInputException {
        CrossEntropyOptions d = CrossEntropyOptions.defaults();
        double[] w = weight == null ? null : Fields.finite(weight, prefix + "weight");
        return new CrossEntropyOptions(w, Fields.or(ignoreIndex, d.ignoreIndex()),
                reduction == null ? d.reduction() : Reduction.parse(reduction),
                Fields.finite(Fields.or(labelSmoothing, d.labelSmoothing()), prefix + "label_smoothing"),
                Fields.finite(Fields.or(temperature, d.temperature()), prefix + "temperature"));
    }
}
