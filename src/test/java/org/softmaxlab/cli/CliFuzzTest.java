package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed inputs for eval and train: each must exit with code 2 and one {@code error:} line, never a
 * stack trace, and never hang (input size and nesting are bounded before parsing).
 */
class CliFuzzTest {

    static Stream<Named<String[]>> corpus() {
        List<Named<String[]>> c = new ArrayList<>();
        String[] eval = {
            "", " ", "null", "true", "42", "\"logits\"", "[]", "{}", "{", "}", "{\"logits\": }", "{\"logits\" [[1]]}",
            "{'logits': [[1, 2]], 'targets': [0]}", "{\"logits\": [[1, 2]], \"targets\": [0],}",
            "{\"logits\": [[1, 2]] \"targets\": [0]}", "{\"logits\": [[1, 2]], \"targets\": [0]}}",
            "{\"logits\": NaN, \"targets\": [0]}", "{\"logits\": [[NaN, 1]], \"targets\": [0]}",
            "{\"logits\": [[Infinity, 1]], \"targets\": [0]}", "{\"logits\": [[\"1\", \"2\"]], \"targets\": [0]}",
            "{\"logits\": [[1, \"NaN\"]], \"targets\": [0]}", "{\"logits\": [[1, null]], \"targets\": [0]}",
            "{\"logits\": [[1, 2], [3]], \"targets\": [0, 0]}", "{\"logits\": [[1, 2], 3], \"targets\": [0, 0]}",
            "{\"logits\": [[[1, 2]]], \"targets\": [0]}", "{\"logits\": [[]], \"targets\": [0]}",
            "{\"logits\": [[1, 2]], \"targets\": []}", "{\"logits\": [[1, 2]], \"targets\": [0, 1]}",
            "{\"logits\": [[1, 2]], \"targets\": [2]}", "{\"logits\": [[1, 2]], \"targets\": [1.5]}",
            "{\"logits\": [[1, 2]], \"targets\": [\"0\"]}", "{\"logits\": [[1, 2]], \"targets\": [99999999999]}",
            "{\"logits\": [[1, 2]], \"targets\": [[0.5, 0.5, 0]]}", "{\"logits\": [[1, 2]], \"targets\": [[-1, 2]]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"weight\": [1]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"weight\": \"heavy\"}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"weight\": [1, -0.5]}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"reduction\": 1}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"reduction\": \"median\"}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"temperature\": -1}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"temperature\": \"hot\"}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"label_smoothing\": -0.1}",
            "{\"logits\": [[1, 2]], \"targets\": [0], \"ignore_index\": 0.5}",
            "{\"logits\": [[1e999, 2]], \"targets\": [0]}", "{\"logits\": [[1, 2]], \"targets\": [0], \"extra\": 1}",
            "\u0000\u0001\u0002", "{\"logits\": [[1, 2]], \"targets\": [0]} {\"again\": 1}"};
        for (String s : eval) {
            c.add(Named.of("eval " + abbreviate(s), new String[] {"eval", s}));
        }
        String[] train = {
            "{\"x\": [[1, 0]]}", "{\"x\": \"data\", \"targets\": [0]}", "{\"x\": [[1, 0]], \"targets\": [0],"
                + " \"steps\": 1e12}", "{\"x\": [[1, 0]], \"targets\": [0], \"steps\": \"many\"}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"optimizer\": \"sgd\"}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"optimizer\": {\"name\": \"adam\", \"betas\": [0.9]}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"optimizer\": {\"name\": \"sgd\", \"nesterov\": true}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"init\": {\"weight\": [[1, 0]], \"bias\": [0, 0]}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"init\": {\"seed\": \"x\"}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"init\": {\"classes\": 0}}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"batch_size\": -1}",
            "{\"x\": [[1, 0]], \"targets\": [0], \"loss\": {\"reduction\": \"avg\"}}",
            "{\"x\": [[1, 0]], \"targets\": [-5]}", "{\"x\": [[1, \"a\"]], \"targets\": [0]}"};
        for (String s : train) {
            c.add(Named.of("train " + abbreviate(s), new String[] {"train", s}));
        }
        c.add(Named.of("eval 50 MB", new String[] {"eval", "{\"logits\": [[" + "1.0, ".repeat(10_000_000) + "1.0]],"
                + " \"targets\": [0]}"}));
        c.add(Named.of("eval nested 100000 deep", new String[] {"eval", "{\"logits\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + ", \"targets\": [0]}"}));
        c.add(Named.of("train nested 5000 deep", new String[] {"train", "{\"x\": " + "[".repeat(5_000)}));
        c.add(Named.of("eval long string", new String[] {"eval", "{\"logits\": \"" + "x".repeat(1_000_000)
                + "\", \"targets\": [0]}"}));
        c.add(Named.of("eval long number", new String[] {"eval", "{\"logits\": [[1" + "0".repeat(5_000)
                + ", 2]], \"targets\": [0]}"}));
        return c.stream();
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 60 ? t : t.substring(0, 60) + "...";
    }

    @ParameterizedTest
    @MethodSource("corpus")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void malformedInputExitsTwoWithOneErrorLine(String[] input) {
        CliTest.Run r = CliTest.run(input[1], input[0]);
        assertEquals(2, r.code(), () -> "exit code; stderr=" + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, () -> "one line on stderr: " + abbreviate(r.err()));
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[0].length() < 500, "a short message: " + abbreviate(lines[0]));
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(r.err().contains("Exception"), () -> "no exception class names: " + lines[0]);
    }
}
