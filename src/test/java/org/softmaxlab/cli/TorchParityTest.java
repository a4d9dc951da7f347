package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.testing.Reference;

/**
 * The edges where the app must do what PyTorch 1.13 does (an undefined mean's gradient, ignored targets in training,
 * a step on an undefined loss), against torch's own numbers in torch_edge_cases.json (made by make_torch_edges.py),
 * through the engine and through the CLI.
 */
class TorchParityTest {
    private static final double RELATIVE = 1e-9;

    static Stream<Named<JsonNode>> evalCases() {
        return cases("eval");
    }

    static Stream<Named<JsonNode>> trainCases() {
        return cases("train");
    }

    private static Stream<Named<JsonNode>> cases(String kind) {
        return Reference.namedCases("torch_edge_cases.json", kind);
    }

    @ParameterizedTest
    @MethodSource("evalCases")
    void theEngineGivesTorchsLossAndGradient(JsonNode c) {
        JsonNode in = c.get("input");
        CrossEntropyOptions options = new CrossEntropyOptions(in.has("weight") ? Reference.vector(in.get("weight"))
                : null, in.get("ignore_index").asInt(), Reduction.parse(in.get("reduction").asText()),
                in.get("label_smoothing").asDouble(), in.get("temperature").asDouble());
        LossResult r = new CrossEntropyLoss(options).evaluate(Reference.matrix(in.get("logits")),
                Targets.indices(Reference.ints(in.get("targets"))));
        JsonNode expected = c.get("expected");
        if (expected.get("loss").isArray()) {
            assertClose(Reference.vector(expected.get("loss")), r.perSampleLoss(), "loss");
        } else {
            assertClose(expected.get("loss").asDouble(), r.loss(), "loss");
        }
        assertClose(Reference.matrix(expected.get("grad_logits")), r.gradient(), "grad_logits");
    }

    @ParameterizedTest
    @MethodSource("evalCases")
    void evalPrintsTorchsLossAndGradient(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "eval");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode expected = c.get("expected");
        if (expected.get("loss").isArray()) {
            assertClose(Reference.vector(expected.get("loss")), Reference.vector(out.get("loss")), "loss");
        } else {
            assertClose(expected.get("loss").asDouble(), out.get("loss").asDouble(), "loss");
            assertEquals(Double.isNaN(expected.get("loss").asDouble()), out.has("undefined_reason"),
                    "an undefined loss says why");
        }
        assertClose(Reference.matrix(expected.get("grad_logits")), Reference.matrix(out.get("grad_logits")),
                "grad_logits");
    }

    @ParameterizedTest
    @MethodSource("trainCases")
    void trainStepsAsTorchDoes(JsonNode c) {
        ObjectNode in = c.get("input").deepCopy();
        CliTest.Run r = CliTest.run(in.toString(), "train");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode expected = c.get("expected");
        assertEquals(expected.get("losses").size(), lines.length, "one line per step");
        for (int k = 0; k < lines.length; k++) {
            JsonNode line = Reference.parse(lines[k]);
            assertClose(expected.get("losses").get(k).asDouble(), line.get("loss").asDouble(), "loss at step " + k);
            assertClose(expected.get("accuracies").get(k).asDouble(), line.get("accuracy").asDouble(),
                    "accuracy over the samples not ignored, step " + k);
        }
        // The weights after the last update: run one more step and read the weights it starts from.
        in.put("steps", lines.length + 1);
        String[] more = CliTest.run(in.toString(), "train").out().strip().split("\n");
        JsonNode last = Reference.parse(more[more.length - 1]);
        assertClose(Reference.matrix(expected.get("weight")), Reference.matrix(last.get("weight")), "weight");
        if (!expected.get("bias").isNull()) {
            assertClose(Reference.vector(expected.get("bias")), Reference.vector(last.get("bias")), "bias");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        Reference.assertClose(expected, actual, what, RELATIVE);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        Reference.assertClose(expected, actual, what, RELATIVE);
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        Reference.assertClose(expected, actual, what, RELATIVE);
    }
}
