package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.softmaxlab.engine.Attention;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;

/** What {@code attention} reads: q (L x d), k (S x d), v (S x dv), scale, mask, temperature, grad_output. */
record AttentionInput(JsonNode q, JsonNode k, JsonNode v, JsonNode scale, JsonNode mask, Double temperature,
                      JsonNode gradOutput) {

    static double[][] matrix(JsonNode node, String name) throws JsonInputException {
        JsonNode m = Fields.required(node, name);
        if (!m.isArray() || m.isEmpty() || !m.get(0).isArray()) {
            throw new JsonInputException(name + " must be a non-empty array of rows of numbers, not "
                    + (m.isArray() ? (m.isEmpty() ? "an empty array" : "one flat row") : JsonRecords.kind(m)));
        }
        return Fields.matrix(JsonRecords.convert(m, double[][].class, name), name, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    /** The scale, or NaN for 1/sqrt(d). */
    double scaleValue() throws JsonInputException {
        if (scale == null || scale.isNull()) {
            return Double.NaN;
        }
        double a = JsonRecords.convert(scale, double.class, "scale");
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new JsonInputException("scale = " + a + " is out of range: a positive number, or null for "
                    + "1/sqrt(d)");
        }
        return a;
    }

    boolean[][] maskMatrix(int l, int s) throws JsonInputException {
        if (mask == null || mask.isNull()) {
            return null;
        }
        if (mask.isTextual()) {
            return switch (mask.asText()) {
                case "none" -> null;
                case "causal" -> Attention.causal(l, s);
                default -> throw new JsonInputException("mask is \"" + mask.asText() + "\"; it must be \"none\", "
                        + "\"causal\" or an L x S array of booleans (true = masked)");
            };
        }
        boolean[][] m = JsonRecords.convert(mask, boolean[][].class, "mask");
        if (m.length != l) {
            throw new JsonInputException("mask has " + m.length + " rows but q has " + l + " queries");
        }
        for (int i = 0; i < l; i++) {
            if (m[i] == null || m[i].length != s) {
                throw new JsonInputException("mask[" + i + "] must hold " + s + " booleans, one per key");
            }
        }
        return m;
    }

    double temperatureValue() throws JsonInputException {
        double t = Fields.or(temperature, 1.0);
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new JsonInputException("temperature = " + t + " is out of range: it must be a positive number");
        }
        return t;
    }
}
