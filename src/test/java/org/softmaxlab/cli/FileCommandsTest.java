package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.testing.Reference;

/**
 * The commands that read files: {@code eval --logits/--targets/--options}, {@code train --scenario} and
 * {@code snippet}, whose program is run with PyTorch where it is installed (CI installs python3-torch) and must print
 * what {@code eval}/{@code train} print.
 */
class FileCommandsTest {
    private static final String IMPORT = "src/test/resources/import/";
    private static final String EXAMPLE_A = "{\"logits\": [[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]], \"targets\": [0, 1]}";

    @Test
    void evalFromNumpyFilesPrintsWhatEvalPrintsForTheSameJson() {
        CliTest.Run json = CliTest.run(Reference.parse("{}").toString().replace("{}",
                "{\"logits\": " + expected("logits") + ", \"targets\": " + expected("targets")
                        + ", \"label_smoothing\": 0.1}"), "eval");
        for (String[] args : List.of(
                new String[] {"eval", "--logits", IMPORT + "logits_f8_v2.npy", "--targets", IMPORT + "targets_i8.npy",
                    "--options", "{\"label_smoothing\": 0.1}"},
                new String[] {"eval", "--logits", IMPORT + "batch.npz", "--options", "{\"label_smoothing\": 0.1}"},
                new String[] {"eval", "--logits", IMPORT + "batch.csv", "--options", "{\"label_smoothing\": 0.1}"})) {
            CliTest.Run r = CliTest.run("", args);
            assertEquals(0, r.code(), r.err());
            assertEquals(json.out(), r.out(), String.join(" ", args));
        }
    }

    @Test
    void oneSampleAsOneDimensionalArraysIsReadAsTorchReadsAnUnbatchedInput() {
        JsonNode z = Reference.parse(expected("logits")).get(0);
        JsonNode p = Reference.parse(expected("probability_targets")).get(0);
        String[][] cases = {
            {"target_1d_probabilities.npy", "{\"logits\": " + z + ", \"targets\": " + p + "}"},
            {"target_0d_index.npy", "{\"logits\": " + z + ", \"targets\": " + expected("targets").split(",")[0]
                    .replace("[", "").strip() + "}"},
        };
        for (String[] c : cases) {
            CliTest.Run json = CliTest.run(c[1], "eval");
            assertEquals(0, json.code(), json.err());
            CliTest.Run r = CliTest.run("", "eval", "--logits", IMPORT + "logits_1d_f8.npy", "--targets", IMPORT + c[0]);
            assertEquals(0, r.code(), c[0] + ": " + r.err());
            assertEquals(json.out(), r.out(), c[0]);
        }
        // A (C,) row of whole numbers is neither (PyTorch refuses it too); five indices for one sample are too many.
        String[][] refused = {{"bad_target_1d_whole_numbers.npy", "holds 4 whole numbers for one sample of 4 logits"},
            {"targets_i8.npy", "has 5 targets but there are 1 samples"}};
        for (String[] c : refused) {
            CliTest.Run r = CliTest.run("", "eval", "--logits", IMPORT + "logits_1d_f8.npy", "--targets", IMPORT + c[0]);
            assertEquals(Cli.BAD_INPUT, r.code(), c[0]);
            assertTrue(r.err().contains(c[1]), r.err());
        }
    }

    @Test
    void evalFromFilesTakesEveryLossOption() {
        CliTest.Run r = CliTest.run("", "eval", "--logits", IMPORT + "batch.npz", "--options",
                "{\"loss\": \"focal\", \"gamma\": 0, \"reduction\": \"sum\"}");
        CliTest.Run ce = CliTest.run("", "eval", "--logits", IMPORT + "batch.npz", "--options",
                "{\"reduction\": \"sum\"}");
        assertEquals(0, r.code(), r.err());
        Reference.assertClose(Reference.parse(ce.out()).get("loss").asDouble(),
                Reference.parse(r.out()).get("loss").asDouble(), "focal with gamma 0 is cross-entropy", 1e-12);
    }

    @Test
    void badFilesAndOptionsExitTwoWithOneLine() {
        String[][] cases = {
            {"bad_big_endian.npy", "big-endian"},
            {"bad_fortran.npy", "Fortran order"},
            {"bad_cell.csv", "row 3, column 2"},
            {"logits_only.npz", "holds no targets"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("", "eval", "--logits", IMPORT + c[0]);
            assertEquals(Cli.BAD_INPUT, r.code(), c[0]);
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[1]) && r.err().strip().lines().count() == 1,
                    r.err());
        }
        CliTest.Run unknown = CliTest.run("", "eval", "--logits", IMPORT + "batch.npz", "--options", "{\"gama\": 2}");
        assertEquals(Cli.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("gama"), unknown.err());
        CliTest.Run notJson = CliTest.run("", "eval", "--logits", IMPORT + "batch.npz", "--options", "{gamma");
        assertTrue(notJson.err().contains("--options is not valid JSON"), notJson.err());
    }

    @Test
    void trainScenarioPrintsTheNotebookTableAndItsData() {
        CliTest.Run r = CliTest.run("", "train", "--scenario", "resources/scenarios/example-c.json", "--dump-data");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(52, lines.length, "the data line, then the notebook's 51 steps");
        JsonNode data = Reference.parse(lines[0]);
        assertEquals("[[1.0,0.0,0.0]]", data.get("x").toString());
        assertEquals("[2]", data.get("targets").toString());
        assertEquals(0.221, data.get("weight").get(0).get(0).asDouble());
        assertEquals(3, data.get("bias").size());
        double[] table = {2.0499, 0.5548, 0.2448, 0.1491, 0.1057, 0.0814};
        for (int k = 0; k < table.length; k++) {
            assertEquals(table[k], Reference.parse(lines[1 + 10 * k]).get("loss").asDouble(), 5e-5, "step " + 10 * k);
        }
        CliTest.Run three = CliTest.run("", "train", "--scenario", "resources/scenarios/imbalanced-weighted.json",
                "--steps", "3");
        assertEquals(3, three.out().strip().split("\n").length);
        assertEquals(Cli.BAD_INPUT, CliTest.run("", "train", "--scenario", "no-such-file.json").code());
    }

    @Test
    void trainScenarioUsesTheDrawnPointsOfAVersionTwoFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("drawn.json");
        Files.writeString(file, "{\"version\": 2, \"tab\": \"training\", \"training\": {\"dataset\": \"2-D blobs\","
                + " \"classes\": 2, \"points\": [[0, 0, 0], [1, 1, 1], [2, -1, 1]]}}");
        CliTest.Run r = CliTest.run("", "train", "--scenario", file.toString(), "--steps", "1", "--dump-data");
        assertEquals(0, r.code(), r.err());
        JsonNode data = Reference.parse(r.out().split("\n")[0]);
        assertEquals("[[0.0,0.0],[1.0,1.0],[2.0,-1.0]]", data.get("x").toString());
        assertEquals("[0,1,1]", data.get("targets").toString());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("resources/scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplesSnippetPrintsWhatTheAppComputes(Path scenario) throws Exception {
        CliTest.Run snippet = CliTest.run("", "snippet", scenario.toString());
        assertEquals(0, snippet.code(), snippet.err());
        assertTrue(snippet.out().contains("import torch") && snippet.out().contains("json.dumps"));
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && hasTorch(python), "PyTorch is not installed here");
        JsonNode torch = Reference.parse(runPython(python, snippet.out()));
        String text = Files.readString(scenario);
        if (text.contains("\"tab\": \"training\"")) {
            String[] lines = CliTest.run("", "train", "--scenario", scenario.toString()).out().strip().split("\n");
            assertEquals(lines.length, torch.get("losses").size(), "one loss per step");
            for (int k = 0; k < lines.length; k++) {
                Reference.assertClose(Reference.parse(lines[k]).get("loss").asDouble(),
                        torch.get("losses").get(k).asDouble(), "loss at step " + k, 1e-9);
            }
            CliTest.Run more = CliTest.run("", "train", "--scenario", scenario.toString(), "--steps",
                    String.valueOf(lines.length + 1));
            String[] all = more.out().strip().split("\n");
            JsonNode last = Reference.parse(all[all.length - 1]);
            Reference.assertClose(Reference.matrix(last.get("weight")), Reference.matrix(torch.get("weight")),
                    "weight after the run", 1e-9);
        } else {
            JsonNode eval = Reference.parse(CliTest.run(explorerInput(text), "eval").out());
            if (eval.get("loss").isArray()) {
                Reference.assertClose(Reference.vector(eval.get("loss")), Reference.vector(torch.get("loss")), "loss",
                        1e-9);
            } else {
                Reference.assertClose(eval.get("loss").asDouble(), torch.get("loss").asDouble(), "loss", 1e-9);
            }
            Reference.assertClose(Reference.matrix(eval.get("grad_logits")),
                    Reference.matrix(torch.get("grad_logits")), "grad_logits", 1e-9);
        }
    }

    /** The Explorer part of a scenario as eval's input. */
    private static String explorerInput(String scenarioText) {
        JsonNode e = Reference.parse(scenarioText).get("explorer");
        StringBuilder in = new StringBuilder("{\"logits\": " + e.get("logits") + ", \"targets\": " + e.get("targets"));
        boolean weighted = e.has("weights_enabled") ? e.get("weights_enabled").asBoolean() : e.has("weights");
        if (weighted) {
            in.append(", \"weight\": ").append(e.get("weights"));
        }
        for (String key : List.of("temperature", "label_smoothing", "reduction")) {
            if (e.has(key)) {
                in.append(", \"").append(key).append("\": ").append(e.get(key));
            }
        }
        return in.append('}').toString();
    }

    private static boolean hasTorch(Path python) throws Exception {
        Process p = new ProcessBuilder(python.toString(), "-c", "import torch").redirectErrorStream(true).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String runPython(Path python, String program) throws Exception {
        Process p = new ProcessBuilder(python.toString(), "-").start();
        p.getOutputStream().write(program.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the snippet finishes");
        assertEquals(0, p.exitValue(), err);
        List<String> lines = new ArrayList<>(out.strip().lines().toList());
        return lines.get(lines.size() - 1);
    }

    private static String expected(String key) {
        try {
            return Reference.parse(Files.readString(Path.of(IMPORT + "expected.json"))).get(key).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
