package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.testing.Reference;

/**
 * {@code train} in a format against train_precision_cases.json (numpy float16 and float32, op by op:
 * make_train_precision_cases.py): every step's loss, weights and gradients bit for bit, for master weights in the
 * format or in float32 and static loss scales from 1 to 65,536.
 */
class TrainPrecisionTest {

    static Stream<Named<JsonNode>> cases() {
        return Reference.namedCases("train_precision_cases.json", "cases");
    }

    private static JsonNode[] train(JsonNode c) {
        ObjectNode in = c.deepCopy();
        in.remove("expected");
        in.remove("name");
        CliTest.Run r = CliTest.run(in.toString(), "train");
        assertEquals(0, r.code(), r.err());
        return r.out().lines().map(Reference::parse).toArray(JsonNode[]::new);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyStepMatchesTheReferenceBitForBit(JsonNode c) {
        JsonNode[] lines = train(c);
        JsonNode expected = c.get("expected");
        assertEquals(expected.size(), lines.length);
        for (int s = 0; s < lines.length; s++) {
            for (String key : new String[] {"loss", "weight", "bias", "grad_weight", "grad_bias", "grad_underflow"}) {
                assertEquals(expected.get(s).get(key), lines[s].get(key), "step " + s + ": " + key);
            }
            assertEquals(s, lines[s].get("step").asInt());
        }
    }

    /**
     * Small inputs over a batch of 1,000: float16 flushes products g x to 0 and its weights drift from float64's; a loss
     * scale of 1024 keeps them and the run stays near float64's (the same run in float64 is the reference).
     */
    @Test
    void float16FlushesSmallGradientsAndALossScaleBringsThemBack() {
        JsonNode plain = cases().map(Named::getPayload).filter(c -> c.get("x").size() == 1000
                && c.get("loss_scale").asDouble() == 1).findFirst().orElseThrow();
        ObjectNode scaled = plain.deepCopy();
        scaled.put("loss_scale", 1024.0);
        ObjectNode exact = plain.deepCopy();
        exact.put("precision", "float64");
        exact.put("master_weights", "same");
        JsonNode[] stalled = train(plain);
        JsonNode[] recovered = train(scaled);
        JsonNode[] float64 = train(exact);
        assertTrue(stalled[0].get("grad_underflow").asInt() > 100, "float16 flushes: " + stalled[0]);
        assertTrue(recovered[0].get("grad_underflow").asInt() < stalled[0].get("grad_underflow").asInt() / 10,
                "scaled, far fewer flush: " + recovered[0].get("grad_underflow"));
        int last = stalled.length - 1;
        assertTrue(distance(recovered[last], float64[last]) < distance(stalled[last], float64[last]) / 2,
                "the scaled run stays nearer float64's weights");
    }

    private static double distance(JsonNode a, JsonNode b) {
        double most = 0;
        for (int c = 0; c < a.get("weight").size(); c++) {
            for (int j = 0; j < a.get("weight").get(c).size(); j++) {
                most = Math.max(most, Math.abs(a.get("weight").get(c).get(j).asDouble()
                        - b.get("weight").get(c).get(j).asDouble()));
            }
        }
        return most;
    }

    @Test
    void optionsAFormatDoesNotTakeAreRefusedByName() {
        String base = "{\"x\": [[1, 0]], \"targets\": [0], \"precision\": \"float16\", ";
        for (String[] bad : new String[][] {{"\"optimizer\": {\"name\": \"adam\"}", "optimizer \"adam\""},
                {"\"optimizer\": {\"momentum\": 0.9}", "optimizer.momentum"}, {"\"batch_size\": 1", "batch_size"},
                {"\"loss\": {\"label_smoothing\": 0.1}", "loss.label_smoothing"},
                {"\"master_weights\": \"float8\"", "master_weights"}, {"\"loss_scale\": 0", "loss_scale"}}) {
            CliTest.Run r = CliTest.run(base + bad[0] + "}", "train");
            assertEquals(2, r.code(), bad[0]);
            assertTrue(r.err().startsWith("error:") && r.err().contains(bad[1]), r.err());
        }
    }
}
