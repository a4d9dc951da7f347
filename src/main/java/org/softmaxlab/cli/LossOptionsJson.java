package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Reduction;

/** Reads the loss options shared by {@code eval} (top level) and {@code train} (its "loss" object). */
final class LossOptionsJson {
    static final Set<String> FIELDS = Set.of("weight", "ignore_index", "reduction", "label_smoothing", "temperature");

    private LossOptionsJson() {
    }

    /** Options from the fields of {@code object} that name them; absent fields take PyTorch's defaults. */
    static CrossEntropyOptions read(JsonNode object, String prefix) {
        CrossEntropyOptions options = CrossEntropyOptions.defaults();
        JsonNode n = object.get("weight");
        double[] weight = n == null || n.isNull() ? null : JsonInput.vector(n, prefix + "weight");
        n = object.get("ignore_index");
        int ignore = n == null ? options.ignoreIndex() : JsonInput.integer(n, prefix + "ignore_index");
        n = object.get("reduction");
        Reduction reduction = n == null ? options.reduction() : Reduction.parse(JsonInput.text(n, prefix + "reduction"));
        n = object.get("label_smoothing");
        double eps = n == null ? options.labelSmoothing() : JsonInput.number(n, prefix + "label_smoothing");
        n = object.get("temperature");
        double t = n == null ? options.temperature() : JsonInput.number(n, prefix + "temperature");
        return new CrossEntropyOptions(weight, ignore, reduction, eps, t);
    }
}
