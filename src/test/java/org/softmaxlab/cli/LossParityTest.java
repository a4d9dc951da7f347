package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.testing.Reference;

/**
 * Every loss of the loss lab and train's gradient and optimiser-state keys against PyTorch 1.13's own numbers
 * (torch_loss_cases.json, made by make_torch_losses.py), through the command line, to 1e-9 relative.
 */
class LossParityTest {
    private static final double RELATIVE = 1e-9;

    static Stream<Named<JsonNode>> evalCases() {
        return cases("eval");
    }

    static Stream<Named<JsonNode>> trainCases() {
        return cases("train");
    }

    private static Stream<Named<JsonNode>> cases(String kind) {
        return Reference.namedCases("torch_loss_cases.json", kind);
    }

    @ParameterizedTest
    @MethodSource("evalCases")
    void evalPrintsTorchsNumbers(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "eval");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        Iterator<Map.Entry<String, JsonNode>> fields = c.get("expected").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            assertTrue(out.has(e.getKey()), "eval prints " + e.getKey());
            assertSame(e.getValue(), out.get(e.getKey()), e.getKey());
        }
        assertEquals(c.get("expected").has("kl"), out.has("kl"), "kl and target_entropy for cross_entropy only");
        assertTrue(out.has("log_probs"), "log_probs stay in the output");
    }

    @ParameterizedTest
    @MethodSource("trainCases")
    void trainPrintsTorchsGradientsAndOptimizerState(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "train");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode expected = c.get("expected");
        assertEquals(expected.size(), lines.length, "one line per step");
        for (int k = 0; k < lines.length; k++) {
            JsonNode line = Reference.parse(lines[k]);
            JsonNode want = expected.get(k);
            assertSame(want.get("loss"), line.get("loss"), "loss at step " + k);
            assertSame(want.get("grad_weight"), line.get("grad_weight"), "grad_weight at step " + k);
            assertEquals(want.has("grad_bias"), line.has("grad_bias"), "grad_bias only with a bias");
            if (want.has("grad_bias")) {
                assertSame(want.get("grad_bias"), line.get("grad_bias"), "grad_bias at step " + k);
            }
            assertSame(want.get("optimizer_state"), line.get("optimizer_state"), "optimizer_state after step " + k);
        }
    }

    /** Equal structure (same keys, same lengths) and numbers within 1e-9 relative. */
    static void assertSame(JsonNode expected, JsonNode actual, String where) {
        assertFalse(actual == null || actual.isMissingNode(), where + " is missing");
        if (expected.isObject()) {
            assertTrue(actual.isObject(), where + " is an object");
            assertEquals(Reference.parse(expected.toString()).size(), actual.size(), where + " has the keys "
                    + expected + " lists: " + actual);
            expected.fields().forEachRemaining(e -> assertSame(e.getValue(), actual.get(e.getKey()),
                    where + "." + e.getKey()));
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), where + " is an array");
            assertEquals(expected.size(), actual.size(), where + " length");
            for (int i = 0; i < expected.size(); i++) {
                assertSame(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else if (expected.isTextual()) {
            assertEquals(expected.asText(), actual.asText(), where);
        } else {
            Reference.assertClose(expected.asDouble(), actual.asDouble(), where, RELATIVE);
        }
    }
}
