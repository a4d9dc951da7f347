package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.testing.Reference;

/**
 * {@code eval} with a format's arithmetic against precision_cases.json (numpy float16/float32 and PyTorch 1.13
 * bfloat16, op by op with left-to-right sums: make_precision_cases.py). The reference's exp and log are its own
 * (within an ulp of the exact result), so a value may differ by an ulp or two of the format downstream of one; every
 * NaN, infinity, zero and flag must agree exactly, and most values bit for bit.
 */
class PrecisionEvalTest {
    private static final String[] VALUES = {"probs", "log_probs", "per_sample_loss", "loss", "grad_logits"};
    private static final double ULPS = 2;
    private static int compared;
    private static int identical;

    static Stream<Named<JsonNode>> cases() {
        return Reference.namedCases("precision_cases.json", "cases");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evalInAFormatMatchesTheReference(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "eval");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode expected = c.get("expected");
        Precision format = Precision.parse(c.get("input").get("precision").asText());
        for (String key : VALUES) {
            compare(format, expected.get(key), out.get(key), key);
        }
        List<Double> e = flat(expected.get("ulp_error"));
        List<Double> o = flat(out.get("ulp_error"));
        assertEquals(e.size(), o.size(), "ulp_error");
        for (int i = 0; i < e.size(); i++) {
            assertEquals(Double.isNaN(e.get(i)), Double.isNaN(o.get(i)), "ulp_error[" + i + "]");
            assertTrue(Double.isNaN(e.get(i)) || Math.abs(e.get(i) - o.get(i)) <= ULPS + 1e-9 * Math.abs(e.get(i)),
                    "ulp_error[" + i + "]: expected " + e.get(i) + " but got " + o.get(i));
        }
        assertEquals(expected.get("overflow"), out.get("overflow"), "overflow");
        assertEquals(expected.get("underflow"), out.get("underflow"), "underflow");
    }

    @Test
    void theFloat16PresetIsNaNNaiveAndFiniteStable() {
        String in = "{\"logits\": [12, 11, 0], \"targets\": 0, \"precision\": \"float16\", \"algorithm\": \"%s\"}";
        JsonNode naive = Reference.parse(CliTest.run(String.format(in, "naive"), "eval").out());
        JsonNode stable = Reference.parse(CliTest.run(String.format(in, "stable"), "eval").out());
        assertEquals("NaN", naive.get("probs").get(0).asText());
        assertTrue(naive.get("overflow").get(0).asBoolean());
        assertTrue(stable.get("probs").get(0).isNumber() && stable.get("loss").isNumber());
    }

    @Test
    void badPrecisionOptionsAreRefusedByName() {
        for (String[] bad : new String[][] {{"\"precision\": \"float8\"", "precision"},
                {"\"accumulate\": \"float64\"", "accumulate"}, {"\"algorithm\": \"fast\"", "algorithm"},
                {"\"precision\": \"float16\", \"label_smoothing\": 0.1", "label_smoothing"},
                {"\"precision\": \"float16\", \"loss\": \"mse\"", "mse"}}) {
            CliTest.Run r = CliTest.run("{\"logits\": [[1, 2]], \"targets\": [0], " + bad[0] + "}", "eval");
            assertEquals(2, r.code(), bad[0]);
            assertTrue(r.err().startsWith("error:") && r.err().contains(bad[1]), r.err());
        }
    }

    /** Most values agree bit for bit: the references differ from the engine only where their exp or log does. */
    @org.junit.jupiter.api.AfterAll
    static void mostValuesAreIdentical() {
        assertTrue(compared > 1000, "values compared: " + compared);
        assertTrue(identical >= 0.95 * compared, identical + " of " + compared + " values identical");
    }

    private static void compare(Precision format, JsonNode expected, JsonNode actual, String key) {
        List<Double> e = flat(expected);
        List<Double> o = flat(actual);
        assertEquals(e.size(), o.size(), key + " size");
        for (int i = 0; i < e.size(); i++) {
            double x = e.get(i);
            double y = o.get(i);
            compared++;
            if (Double.compare(x, y) == 0 || x == y) {
                identical++;
                continue;
            }
            String at = key + "[" + i + "]: expected " + x + " but got " + y;
            assertTrue(Double.isFinite(x) && Double.isFinite(y) && x != 0 && y != 0, at);
            assertTrue(Math.abs(x - y) <= ULPS * format.ulp(x), at + " (" + Math.abs(x - y) / format.ulp(x)
                    + " ulps)");
        }
    }

    private static List<Double> flat(JsonNode node) {
        List<Double> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode v : node) {
                values.addAll(flat(v));
            }
        } else {
            values.add(node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText()));
        }
        return values;
    }
}
