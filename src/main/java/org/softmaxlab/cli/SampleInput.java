package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.engine.SamplingStep;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.model.Limits;

/**
 * What {@code sample} reads: one row of next-token logits (or n rows), optional token strings, the steps' values,
 * their order ({@code "hf"}, {@code "llama.cpp"} or a list of step names) and seeded draws.
 */
record SampleInput(JsonNode logits, List<String> tokens, Double temperature, Integer topK, Double topP, Double minP,
                   Double typicalP, Double epsilon, Double repetitionPenalty, int[] previous, Integer minTokensToKeep,
                   JsonNode order, Long draws, Long seed, String units) {

    boolean single() {
        return logits != null && logits.isArray() && !logits.isEmpty() && !logits.get(0).isArray();
    }

    double[][] rows() throws JsonInputException {
        JsonNode z = Fields.required(logits, "logits");
        if (!z.isArray() || z.isEmpty()) {
            throw new JsonInputException("logits must be a non-empty array of numbers (one row of V token logits) "
                    + "or of rows, not " + (z.isArray() ? "an empty array" : JsonRecords.kind(z)));
        }
        double[][] rows = single() ? new double[][] {JsonRecords.convert(z, double[].class, "logits")}
                : JsonRecords.convert(z, double[][].class, "logits");
        for (int i = 0; i < rows.length; i++) {
            String name = single() ? "logits" : "logits[" + i + "]";
            if (rows[i] == null || rows[i].length == 0) {
                throw new JsonInputException(name + " is empty: a row needs at least one token");
            }
            if (!Limits.VOCABULARY.contains(rows[i].length)) {
                throw new JsonInputException(name + " has " + rows[i].length + " tokens; at most "
                        + Limits.VOCABULARY.max() + " are allowed");
            }
            if (rows[i].length != rows[0].length) {
                throw new JsonInputException(name + " has " + rows[i].length + " tokens but logits[0] has "
                        + rows[0].length);
            }
            Fields.finite(rows[i], name);
        }
        if (tokens != null && tokens.size() != rows[0].length) {
            throw new JsonInputException("tokens has " + tokens.size() + " strings but a row has " + rows[0].length
                    + " logits");
        }
        return rows;
    }

    /** The steps with their values (defaults neutral), in the order asked for. */
    SamplingChain chain() throws JsonInputException {
        int keep = Fields.or(minTokensToKeep, 1);
        List<SamplingStep> steps = List.of(
                new SamplingStep.RepetitionPenalty(Fields.or(repetitionPenalty, 1.0), previous),
                new SamplingStep.Temperature(Fields.or(temperature, 1.0)),
                new SamplingStep.TopK(Fields.or(topK, 0), keep),
                new SamplingStep.TopP(Fields.or(topP, 1.0), keep),
                new SamplingStep.MinP(Fields.or(minP, 0.0), keep),
                new SamplingStep.Typical(Fields.or(typicalP, 1.0), keep),
                new SamplingStep.Epsilon(Fields.or(epsilon, 0.0), keep));
        return SamplingChain.ordered(steps, orderNames());
    }

    List<String> orderNames() throws JsonInputException {
        if (order == null || order.isNull()) {
            return SamplingChain.HF_ORDER;
        }
        if (order.isTextual()) {
            return switch (order.asText()) {
                case "hf" -> SamplingChain.HF_ORDER;
                case "llama.cpp" -> SamplingChain.LLAMA_CPP_ORDER;
                default -> throw new JsonInputException("order is \"" + order.asText() + "\"; it must be \"hf\", "
                        + "\"llama.cpp\" or a list of step names");
            };
        }
        if (!order.isArray()) {
            throw new JsonInputException("order must be \"hf\", \"llama.cpp\" or a list of step names, not "
                    + JsonRecords.kind(order));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : order) {
            if (!n.isTextual()) {
                throw new JsonInputException("order must list step names (strings), not " + JsonRecords.kind(n));
            }
            names.add(n.asText());
        }
        return names;
    }

    boolean bits() throws JsonInputException {
        String u = Fields.or(units, "nats");
        if (!u.equals("nats") && !u.equals("bits")) {
            throw new JsonInputException("units is \"" + u + "\"; it must be \"nats\" or \"bits\"");
        }
        return u.equals("bits");
    }

    long drawCount() throws JsonInputException {
        long d = Fields.or(draws, 0L);
        if (!Limits.DRAWS.contains(d)) {
            throw new JsonInputException("draws = " + d + " is out of range (" + Limits.DRAWS.min() + " to "
                    + Limits.DRAWS.max() + ")");
        }
        return d;
    }
}
