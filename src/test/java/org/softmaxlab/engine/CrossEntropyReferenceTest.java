package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxlab.testing.Reference.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.testing.Reference;

/** Every option of the loss against references computed in 60-digit arithmetic (make_reference.py). */
class CrossEntropyReferenceTest {

    static Stream<Named<JsonNode>> cases() {
        return Reference.load("cross_entropy_cases.json").stream().map(c -> Named.of(c.get("name").asText(), c));
    }

    /** Builds the engine's inputs from a reference case; shared with the CLI tests. */
    public static Targets targetsOf(JsonNode c) {
        JsonNode t = c.get("targets");
        return t.get(0).isArray() ? Targets.probabilities(Reference.matrix(t)) : Targets.indices(Reference.ints(t));
    }

    public static CrossEntropyOptions optionsOf(JsonNode c) {
        double[] weight = c.get("weight").isNull() ? null : Reference.vector(c.get("weight"));
        return new CrossEntropyOptions(weight, c.get("ignore_index").asInt(),
                Reduction.parse(c.get("reduction").asText()), c.get("label_smoothing").asDouble(),
                c.get("temperature").asDouble());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesReference(JsonNode c) {
        LossResult r = new CrossEntropyLoss(optionsOf(c)).evaluate(Reference.matrix(c.get("logits")), targetsOf(c));
        JsonNode e = c.get("expect");
        assertClose(Reference.matrix(e.get("probs")), r.probabilities(), "probs");
        assertClose(Reference.matrix(e.get("log_probs")), r.logProbabilities(), "log_probs");
        assertClose(Reference.vector(e.get("per_sample_loss")), r.perSampleLoss(), "per_sample_loss");
        if (e.get("undefined").asBoolean()) {
            assertFalse(r.isDefined());
            assertNotNull(r.undefinedReason());
            assertTrue(Double.isNaN(r.loss()), "undefined loss is NaN");
            // PyTorch's gradient of an undefined mean: 0 in every ignored row, NaN in every counted one.
            int[] targets = Reference.ints(c.get("targets"));
            for (int i = 0; i < targets.length; i++) {
                boolean ignored = targets[i] == c.get("ignore_index").asInt();
                for (double g : r.gradient()[i]) {
                    assertTrue(ignored ? g == 0 : Double.isNaN(g), "row " + i + ": " + g);
                }
            }
        } else {
            assertTrue(r.isDefined(), () -> "unexpected: " + r.undefinedReason());
            assertClose(e.get("loss").asDouble(), r.loss(), "loss");
            assertClose(Reference.matrix(e.get("grad_logits")), r.gradient(), "grad_logits");
        }
        assertEquals(Reduction.parse(c.get("reduction").asText()), r.reduction());
    }
}
