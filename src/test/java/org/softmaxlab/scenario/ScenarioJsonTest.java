package org.softmaxlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.io.AtomicFiles;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.TrainingSetup;

class ScenarioJsonTest {

    private static Scenario sample() {
        Scenario.Explorer e = new Scenario.Explorer(new double[][] {{2, 1, 0.1}, {0, 5, 0.2}}, new int[] {0, -100},
                new double[] {1, 2.5, 0}, true, 0.7, 0.15, Reduction.SUM, 1);
        TrainingSetup t = new TrainingSetup(DatasetKind.BLOBS, 4, 30, 0.5, 9, 3, false, OptimizerKind.ADAM, 0.02,
                0, false, 0.001, 16, new double[] {1, 2, 3, 4}, 0.1, 2, null, null, null);
        return new Scenario(AppTab.TRAINING, e, new Scenario.Training(t, 120), List.of());
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        Scenario s = sample();
        Scenario back = ScenarioJson.parse(ScenarioJson.write(s));
        assertEquals(s.tab(), back.tab());
        assertArrayEquals(s.explorer().logits()[1], back.explorer().logits()[1]);
        assertArrayEquals(s.explorer().targets(), back.explorer().targets());
        assertArrayEquals(s.explorer().weights(), back.explorer().weights());
        assertEquals(s.explorer().weightsEnabled(), back.explorer().weightsEnabled());
        assertEquals(0.7, back.explorer().temperature());
        assertEquals(0.15, back.explorer().labelSmoothing());
        assertEquals(Reduction.SUM, back.explorer().reduction());
        assertEquals(1, back.explorer().selectedSample());
        TrainingSetup t = back.training().setup();
        assertEquals(DatasetKind.BLOBS, t.dataset());
        assertEquals(4, t.classes());
        assertEquals(OptimizerKind.ADAM, t.optimizer());
        assertEquals(16, t.batchSize());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.classWeights());
        assertFalse(t.bias());
        assertEquals(120, back.training().steps());
        assertTrue(back.warnings().isEmpty());
    }

    @Test
    void explicitInitialWeightsRoundTrip() throws Exception {
        Scenario s = Examples.load(Examples.ALL.get(2));
        assertEquals(0.2210, s.training().setup().initWeight()[0][0]);
        Scenario back = ScenarioJson.parse(ScenarioJson.write(s));
        assertArrayEquals(s.training().setup().initWeight()[2], back.training().setup().initWeight()[2]);
        assertArrayEquals(s.training().setup().initBias(), back.training().setup().initBias());
    }

    @Test
    void unknownFieldsAreWarnedAndMissingOnesDefault() throws Exception {
        Scenario s = ScenarioJson.parse("{\"version\": 1, \"colour\": \"red\", \"explorer\": {\"logits\": [[1, 2]],"
                + " \"zoom\": 3}}");
        assertEquals(List.of("unknown field \"colour\" ignored", "unknown field \"explorer.zoom\" ignored"),
                s.warnings());
        assertArrayEquals(new int[] {0}, s.explorer().targets());
        assertEquals(1.0, s.explorer().temperature());
        assertEquals(DatasetKind.NOTEBOOK, s.training().setup().dataset());
        assertEquals(AppTab.EXPLORER, s.tab());
    }

    @Test
    void weightAndWeightsAreOneField() throws Exception {
        Scenario s = ScenarioJson.parse("{\"explorer\": {\"logits\": [[1, 2]], \"weight\": [3, 4]},"
                + " \"training\": {\"loss\": {\"weight\": [1, 2, 3]}}}");
        assertArrayEquals(new double[] {3, 4}, s.explorer().weights());
        assertTrue(s.explorer().weightsEnabled());
        assertArrayEquals(new double[] {1, 2, 3}, s.training().setup().classWeights());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | hello | not valid JSON",
            "truncated | {\"explorer\": {\"logits\": [[1, 2] | not valid JSON",
            "an array | [1, 2] | a scenario is a JSON object",
            "empty | '' | empty",
            "logits as text | {\"explorer\": {\"logits\": \"big\"}} | explorer.logits must be",
            "ragged logits | {\"explorer\": {\"logits\": [[1, 2], [3]]}} | explorer.logits[1] must hold 2",
            "NaN as string | {\"explorer\": {\"logits\": [[1, \"NaN\"]]}} | explorer.logits[0][1] must be a finite",
            "one class | {\"explorer\": {\"logits\": [[1]]}} | at least 2 classes",
            "target out of range | {\"explorer\": {\"logits\": [[1, 2]], \"targets\": [5]}} | explorer.targets[0] = 5",
            "negative weight | {\"explorer\": {\"logits\": [[1, 2]], \"weights\": [1, -1]}} | weights must be >= 0",
            "temperature zero | {\"explorer\": {\"logits\": [[1, 2]], \"temperature\": 0}} | explorer.temperature = 0",
            "smoothing 2 | {\"explorer\": {\"logits\": [[1, 2]], \"label_smoothing\": 2}} | label_smoothing = 2",
            "bad reduction | {\"explorer\": {\"logits\": [[1, 2]], \"reduction\": \"avg\"}} | reduction",
            "wrong type | {\"tab\": 3} | tab must be a string",
            "unknown tab | {\"tab\": \"plots\"} | tab must be",
            "future version | {\"version\": 7} | newer than this app",
            "absurd classes | {\"training\": {\"dataset\": \"2-D blobs\", \"classes\": 1000000000}} | training.classes",
            "bad dataset | {\"training\": {\"dataset\": \"mnist\"}} | training.dataset must be one of",
            "huge lr | {\"training\": {\"optimizer\": {\"lr\": 1e9}}} | training.optimizer.lr",
            "bad optimiser | {\"training\": {\"optimizer\": {\"name\": \"rmsprop\"}}} | must be \"SGD\" or \"Adam\"",
            "init shape | {\"training\": {\"init\": {\"weight\": [[1, 2]]}}} | training.init.weight must be 3 x 3",
            "negative steps | {\"training\": {\"steps\": -4}} | training.steps = -4"})
    void badFilesGiveOneClearMessage(String name, String text, String expected) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioJson.parse(text));
        assertTrue(e.getMessage().contains(expected), () -> name + ": \"" + e.getMessage() + "\" should mention \""
                + expected + "\"");
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void anImportedDatasetIsKeptUpToItsLimit() throws ScenarioFormatException {
        StringBuilder rows = new StringBuilder("[1,2]");
        for (int i = 1; i < 500; i++) {
            rows.append(",[").append(i).append(",2]");
        }
        Scenario s = ScenarioJson.parse("{\"explorer\": {\"logits\": [" + rows + "]}}");
        assertEquals(500, s.explorer().logits().length, "an imported batch of 500 samples is saved and read back");
        rows.setLength(0);
        rows.append("[1,2]");
        for (int i = 1; i < 10_001; i++) {
            rows.append(",[1,2]");
        }
        String tooMany = "{\"explorer\": {\"logits\": [" + rows + "]}}";
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioJson.parse(tooMany));
        assertTrue(e.getMessage().contains("10001 rows; at most 10000"), e.getMessage());
    }

    @Test
    void absurdlyLargeFilesAreRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 100L * 1024 * 1024);
        }
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioJson.read(big));
        assertTrue(e.getMessage().contains("at most 10 MB"), e.getMessage());
        assertThrows(ScenarioFormatException.class, () -> ScenarioJson.read(dir.resolve("missing.json")));
    }

    @Test
    void aFailingSaveLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        ScenarioJson.write(sample(), file);
        String before = Files.readString(file);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(ScenarioJson.write(sample()).substring(0, 40).getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(before, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void everyShippedExampleLoads() throws Exception {
        for (Examples.Example e : Examples.ALL) {
            Scenario s = Examples.load(e);
            assertTrue(s.warnings().isEmpty(), e.file() + ": " + s.warnings());
        }
    }
}
