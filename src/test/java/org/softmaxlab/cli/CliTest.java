package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxlab.testing.Reference.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxlab.testing.Reference;

/** The eval and train commands, in process, against the same references as the engine. */
class CliTest {

    /** What one CLI run printed. */
    record Run(int code, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err)).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Stream<Named<JsonNode>> cases() {
        return Reference.load("cross_entropy_cases.json").stream().map(c -> Named.of(c.get("name").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evalMatchesReference(JsonNode c) {
        ObjectNode in = ((ObjectNode) c.deepCopy());
        in.remove("name");
        in.remove("expect");
        if (in.get("weight").isNull()) {
            in.remove("weight");
        }
        Run r = run(in.toString(), "eval");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode e = c.get("expect");
        assertClose(Reference.matrix(e.get("probs")), Reference.matrix(out.get("probs")), "probs");
        assertClose(Reference.matrix(e.get("log_probs")), Reference.matrix(out.get("log_probs")), "log_probs");
        assertClose(Reference.vector(e.get("per_sample_loss")), Reference.vector(out.get("per_sample_loss")),
                "per_sample_loss");
        if (c.get("reduction").asText().equals("none")) {
            assertClose(Reference.vector(e.get("per_sample_loss")), Reference.vector(out.get("loss")), "loss");
        } else if (e.get("undefined").asBoolean()) {
            assertEquals("NaN", out.get("loss").asText());
            assertTrue(out.get("undefined_reason").asText().startsWith("undefined:"));
        } else {
            assertClose(e.get("loss").asDouble(), out.get("loss").asDouble(), "loss");
        }
        if (!e.get("undefined").asBoolean()) {
            assertClose(Reference.matrix(e.get("grad_logits")), Reference.matrix(out.get("grad_logits")), "grad");
        }
    }

    @Test
    void evalAcceptsAFileAndASingleFlatSample(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "{\"logits\": [2.0, 1.0, 0.1], \"targets\": 0, \"temperature\": 1.0}");
        Run r = run("", "eval", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        assertEquals(3, out.get("probs").size());
        assertTrue(out.get("probs").get(0).isNumber(), "flat logits give flat probabilities");
        assertClose(0.41703001627783354, out.get("loss").asDouble(), "loss of sample 1 of example A");
    }

    @Test
    void weightsIsReadAsWeightLikeInScenarioFiles() {
        Run plural = run("{\"logits\": [[2.0, 1.0], [2.0, 1.0]], \"targets\": [1, 1], \"weights\": [1, 10]}", "eval");
        Run singular = run("{\"logits\": [[2.0, 1.0], [2.0, 1.0]], \"targets\": [1, 1], \"weight\": [1, 10]}", "eval");
        assertEquals(0, plural.code(), plural.err());
        assertEquals(singular.out(), plural.out());
        assertEquals("1.3133", String.format(Locale.ROOT, "%.4f", Reference.parse(plural.out()).get("loss").asDouble()),
                "example B");
    }

    @Test
    void trainReproducesNotebookExampleC() {
        String in = "{\"x\": [[1,0,0]], \"targets\": [2], \"init\": {\"weight\": [[0.2210,0,0],[-1.4186,0,0],"
                + "[-1.5137,0,0]], \"bias\": [0,0,0]}, \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 51}";
        Run r = run(in, "train", "-");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(51, lines.length);
        String[] printed = {"2.0499", "0.5548", "0.2448", "0.1491", "0.1057", "0.0814"};
        for (int k = 0; k < printed.length; k++) {
            JsonNode line = Reference.parse(lines[10 * k]);
            assertEquals(10 * k, line.get("step").asInt());
            assertEquals(printed[k], String.format(Locale.ROOT, "%.4f", line.get("loss").asDouble()));
            assertEquals(k == 0 ? 0.0 : 1.0, line.get("accuracy").asDouble(), "class 2 leads from step 10 on");
        }
        JsonNode first = Reference.parse(lines[0]);
        assertEquals(0.2210, first.get("weight").get(0).get(0).asDouble());
        assertEquals(0.0, first.get("bias").get(2).asDouble());
        assertEquals(0.2210, first.get("logits").get(0).get(0).asDouble());
    }

    static Stream<Named<JsonNode>> trainingCases() {
        return Reference.load("training_cases.json").stream().map(c -> Named.of(c.get("name").asText(), c));
    }

    @ParameterizedTest
    @MethodSource("trainingCases")
    void trainMatchesReferenceTrajectory(JsonNode c) {
        ObjectNode in = Reference.parse("{}").deepCopy();
        in.set("x", c.get("x"));
        in.set("targets", c.get("targets"));
        ObjectNode init = in.putObject("init");
        init.set("weight", c.get("weight"));
        init.set("bias", c.get("bias"));
        in.set("optimizer", c.get("optimizer"));
        in.set("loss", c.get("loss"));
        in.put("steps", c.get("steps").asInt());
        Run r = run(in.toString(), "train");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(c.get("steps").asInt(), lines.length);
        for (int t = 0; t < lines.length; t++) {
            JsonNode line = Reference.parse(lines[t]);
            assertClose(c.get("expect").get("loss").get(t).asDouble(), line.get("loss").asDouble(), "loss " + t);
            assertClose(Reference.matrix(c.get("expect").get("logits").get(t)), Reference.matrix(line.get("logits")),
                    "logits " + t);
        }
    }

    @Test
    void trainWithSeededInitIsDeterministic() {
        String in = "{\"x\": [[1,2],[3,-1],[0,1]], \"targets\": [0,1,2], \"init\": {\"seed\": 7, \"classes\": 3},"
                + " \"optimizer\": {\"name\": \"adam\", \"lr\": 0.05}, \"steps\": 5, \"bias\": false}";
        Run a = run(in, "train");
        Run b = run(in, "train");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(Reference.parse(a.out().split("\n")[0]).get("bias").isNull(), "no bias");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1, 2]",
            "",
            "{\"targets\": [0]}",
            "{\"logits\": [[1, 2]]}",
            "{\"logits\": [[1, 2], [3]], \"targets\": [0, 0]}",
            "{\"logits\": [[1, 2]], \"targets\": [5]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"weight\": [1]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"weight\": [1, -2]}",
            "{\"logits\": [[1, \"NaN\"]], \"targets\": [0]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"reduction\": \"avg\"}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"temperature\": 0}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"label_smoothing\": 2}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"label_smothing\": 0.1}",
            "{\"logits\": [[1, 2]], \"targets\": [0.5]}",
            "{\"logits\": [[1e400, 2]], \"targets\": [0]}",
            "{\"logits\": [], \"targets\": []}",
            "{\"logits\": [[1, 2]], \"targets\": [0]} trailing",
            "{\"logits\": [[1, 2]], \"logits\": [[1, 2]], \"targets\": [0]}"})
    void evalRejectsBadInputWithOneErrorLine(String input) {
        assertOneErrorLine(run(input, "eval"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"targets\": [0]}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"init\": {\"weight\": [[1, 0, 0]]}}",
            "{\"x\": [[1, 0]], \"targets\": [3], \"init\": {\"seed\": 1, \"classes\": 2}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"optimizer\": {\"name\": \"rmsprop\"}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"optimizer\": {\"lr\": -1}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"steps\": -3}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"bias\": \"yes\"}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"loss\": {\"label_smoothing\": 3}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"init\": {\"seed\": 1, \"weight\": [[1, 0]]}}"})
    void trainRejectsBadInputWithOneErrorLine(String input) {
        assertOneErrorLine(run(input, "train"));
    }

    /** PyTorch 1.13 takes any ignore_index with class-probability targets and does not use it: so does eval. */
    @Test
    void probabilityTargetsTakeAnyIgnoreIndexAndIgnoreIt() {
        Run plain = run("{\"logits\": [[1, 2], [0.5, -1]], \"targets\": [[0.5, 0.5], [1, 0]]}", "eval");
        for (int ignore : new int[] {1, 0, -1, 7}) {
            Run r = run("{\"logits\": [[1, 2], [0.5, -1]], \"targets\": [[0.5, 0.5], [1, 0]], \"ignore_index\": "
                    + ignore + "}", "eval");
            assertEquals(0, r.code(), r.err());
            assertEquals(plain.out(), r.out(), "ignore_index " + ignore);
        }
    }

    /** What PyTorch refuses is refused too, with a line that says why. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eval | {\"logits\": [1, 2, 3], \"targets\": [0, 1, 0]} | not an array of whole numbers",
            "train | {\"x\": [[1, 0]], \"targets\": [0], \"loss\": {\"reduction\": \"none\"}} | reduction must be "
                    + "\"mean\" or \"sum\", not \"none\""})
    void whatPyTorchRefusesIsRefused(String command, String input, String message) {
        Run r = run(input, command);
        assertOneErrorLine(r);
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void trainCountsIgnoredTargetsNowhereAsEvalDoes() {
        Run r = run("{\"x\": [[1, 0], [0, 1], [1, 1], [2, 0]], \"targets\": [0, 1, 0, -100], \"steps\": 1,"
                + " \"init\": {\"weight\": [[1, 0], [0, 1]], \"bias\": [0, 0]}, \"optimizer\": {\"lr\": 1e-9}}", "train");
        assertEquals(0, r.code(), r.err());
        JsonNode step = Reference.parse(r.out());
        Run eval = run("{\"logits\": [[1, 0], [0, 1], [1, 1], [2, 0]], \"targets\": [0, 1, 0, -100]}", "eval");
        assertClose(Reference.parse(eval.out()).get("loss").asDouble(), step.get("loss").asDouble(),
                "train's step-0 loss is eval's loss with the same sample ignored");
        assertEquals(1.0, step.get("accuracy").asDouble(), "3 counted samples, all right (a tie goes to class 0)");
    }

    @Test
    void missingFileAndUnknownCommand() {
        Run r = run("", "eval", "/no/such/file.json");
        assertOneErrorLine(r);
        assertTrue(r.err().contains("file not found"), r.err());
        assertOneErrorLine(run("", "frobnicate"));
        assertOneErrorLine(run("", "eval", "--bogus"));
    }

    private static void assertOneErrorLine(Run r) {
        assertEquals(2, r.code(), () -> "exit code; stdout=" + r.out() + " stderr=" + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, () -> "one line on stderr: " + r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
