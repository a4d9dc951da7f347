package org.softmaxlab.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.SamplingExamples;
import org.softmaxlab.model.SamplingSource;
import org.softmaxlab.testing.Reference;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Sampling tab through the real window, its readouts checked against the {@code sample} command. */
@Tag("ui")
class SamplingTabTest extends WindowTest {
    private static final double[] CAPITAL = SamplingExamples.of(SamplingSource.CAPITAL).logits();

    private void showSamplingTab(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "samplingTab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What {@code sample} prints for the capital-city example with {@code options} (JSON members). */
    private static JsonNode sample(String options) {
        StringBuilder in = new StringBuilder("{\"logits\": [");
        for (int i = 0; i < CAPITAL.length; i++) {
            in.append(i > 0 ? "," : "").append(CAPITAL[i]);
        }
        in.append("]").append(options.isEmpty() ? "" : ", " + options).append("}");
        StringWriter out = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(new StringWriter())).run("sample");
        assertEquals(0, code, in.toString());
        return Reference.parse(out.toString());
    }

    private static String keptText(JsonNode out) {
        return "kept " + out.get("kept").size() + " of " + CAPITAL.length + ", "
                + Numbers.percent(out.get("mass_kept").asDouble()) + " of the mass";
    }

    @Test
    void draggingTopPFromOneToAHalfKeepsWhatSamplePrints(FxRobot robot) {
        showSamplingTab(robot);
        assertEquals(keptText(sample("")), Screen.text(robot, "#samplingKept"));
        Slider topP = robot.lookup("#samplingTopP").queryAs(Slider.class);
        Node thumb = topP.lookup(".thumb");
        Bounds track = topP.localToScreen(topP.getBoundsInLocal());
        robot.drag(thumb).moveTo(new javafx.geometry.Point2D(track.getMinX() + track.getWidth() * 0.5,
                track.getCenterY())).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double p = Math.round(topP.getValue() * 1000) / 1000.0;
        assertTrue(p > 0.4 && p < 0.6, "the drag moved top-p to " + p);
        JsonNode expected = sample("\"top_p\": " + p);
        assertTrue(expected.get("kept").size() < CAPITAL.length);
        assertEquals(keptText(expected), Screen.text(robot, "#samplingKept"));
        double[] shown = robot.lookup("#samplingChart").queryAs(BarCanvas.class).values();
        assertEquals(expected.get("probs").get(0).asDouble(), shown[0], 1e-15, "the top bar is Paris after the chain");
    }

    @Test
    void theMassChartDrawsMinPsThresholdWhereSampleSaysItCuts(FxRobot robot) {
        showSamplingTab(robot);
        CurveCanvas mass = robot.lookup("#samplingMassChart").queryAs(CurveCanvas.class);
        assertTrue(mass.series().stream().noneMatch(sr -> sr.name().startsWith("min-p")), "min-p off: no line");
        robot.interact(() -> {
            robot.lookup("#samplingMinP").queryAs(Slider.class).setValue(0.05);
            robot.lookup("#samplingTemperature").queryAs(Slider.class).setValue(Math.log10(3));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // min-p alone (with temperature) keeps exactly the tokens above its threshold: the line is at that count,
        // at T = 3 in Hugging Face's order and at T = 1 in llama.cpp's (temperature last).
        String settings = "\"min_p\": 0.05, \"temperature\": 3";
        int hf = sample(settings).get("kept").size();
        int llama = sample(settings + ", \"order\": \"llama.cpp\"").get("kept").size();
        assertTrue(hf != llama, "the reference says the orders differ here");
        assertEquals(List.of((double) hf, (double) hf), minPLine(mass));
        robot.clickOn("#orderLlama");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of((double) llama, (double) llama), minPLine(mass));
    }

    /** The x of the mass chart's min-p line (its two ends). */
    private static List<Double> minPLine(CurveCanvas mass) {
        CurveCanvas.Series line = mass.series().stream().filter(sr -> sr.name().startsWith("min-p")).findFirst()
                .orElseThrow(() -> new AssertionError("no min-p line in " + mass.series()));
        return java.util.Arrays.stream(line.x()).boxed().toList();
    }

    @Test
    void reorderingTheChainChangesTheResultWhereSampleSaysItDoes(FxRobot robot) {
        showSamplingTab(robot);
        robot.interact(() -> {
            robot.lookup("#samplingTopP").queryAs(Slider.class).setValue(0.5);
            robot.lookup("#samplingTemperature").queryAs(Slider.class).setValue(Math.log10(3));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String settings = "\"top_p\": 0.5, \"temperature\": 3";
        JsonNode hf = sample(settings);
        JsonNode llama = sample(settings + ", \"order\": \"llama.cpp\"");
        assertTrue(hf.get("kept").size() != llama.get("kept").size(), "the reference says the orders differ here");
        assertEquals(keptText(hf), Screen.text(robot, "#samplingKept"));
        assertTrue(Screen.text(robot, "#samplingCompare").contains("they differ"));
        robot.clickOn("#orderLlama");
        assertEquals(keptText(llama), Screen.text(robot, "#samplingKept"));
        // By keyboard: temperature (last in llama.cpp's chain) moved to the front gives Hugging Face's result.
        ListView<?> order = robot.lookup("#samplingOrder").queryAs(ListView.class);
        robot.interact(() -> order.getSelectionModel().select(5));
        robot.clickOn(order);
        robot.interact(() -> order.getSelectionModel().select(5));
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("temperature", order.getItems().get(0));
        JsonNode custom = sample(settings + ", \"order\": [\"temperature\", \"repetition_penalty\", \"top_k\", "
                + "\"typical_p\", \"top_p\", \"min_p\"]");
        assertEquals(keptText(custom), Screen.text(robot, "#samplingKept"));
        assertEquals(hf.get("kept").size(), custom.get("kept").size());
    }

    @Test
    void tenThousandDrawsAreDrawnAgainstTheChainsProbabilities(FxRobot robot) {
        showSamplingTab(robot);
        robot.clickOn("#drawMany");
        WaitForAsyncUtils.waitForFxEvents();
        BarCanvas histogram = robot.lookup("#drawChart").queryAs(BarCanvas.class);
        double[] share = histogram.values();
        double[] expected = histogram.ghostValues();
        assertTrue(histogram.getTitle().contains("10,000"), histogram.getTitle());
        double total = 0;
        for (int j = 0; j < share.length; j++) {
            total += share[j];
            assertEquals(expected[j], share[j], 0.02, "token " + j);
        }
        assertEquals(1.0, total, 1e-9, "every draw falls on one of the 16 tokens");
        robot.clickOn("#drawOne");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Screen.text(robot, "#drawnTokens").isEmpty(), "a single draw shows its token");
        Screen.assertOnScreen(robot, "#drawOne");
        Screen.assertOnScreen(robot, "#samplingCompare");
    }

    @Test
    void fileImportLogitsOnThisTabReadsAVocabularyRowAndItsTokens(FxRobot robot,
                                                                  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        showSamplingTab(robot);
        java.nio.file.Path logits = dir.resolve("next-token.csv");
        java.nio.file.Files.writeString(logits, "1.5,4.25,-2,0.5,4.25\n");
        java.nio.file.Path tokens = dir.resolve("tokens.json");
        java.nio.file.Files.writeString(tokens, "[\"\u0120the\", \" cat\", \"\\n\", \"a\\\"b\", \" dog\"]");
        dialogs.answers.add(logits);
        dialogs.answers.add(tokens);
        robot.clickOn("File").clickOn("#importItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("kept 5 of 5, 100.0% of the mass", Screen.text(robot, "#samplingKept"));
        assertEquals(SamplingSource.IMPORTED.label(),
                robot.lookup("#samplingSource").queryAs(ChoiceBox.class).getValue());
        String[] labels = java.util.Arrays.copyOf(workspace.sampling().display().topLabels(), 3);
        assertEquals(List.of("cat", "dog", "\u0120the"), List.of(labels), "ties keep the lower index first");
        assertTrue(workspace.statusProperty().get().contains("tokens.json"), workspace.statusProperty().get());
        // A token list of the wrong length is refused and the imported row stays.
        java.nio.file.Files.writeString(tokens, "[\"a\"]");
        dialogs.answers.add(logits);
        dialogs.answers.add(tokens);
        robot.clickOn("File").clickOn("#importItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workspace.statusProperty().get().contains("has 1 tokens but"), workspace.statusProperty().get());
        assertEquals("cat", workspace.sampling().display().topLabels()[0]);
    }

    @Test
    void theWordModelContinuesAPromptAndGreedyRepeatsItself(FxRobot robot) throws Exception {
        showSamplingTab(robot);
        robot.interact(() -> robot.lookup("#samplingSource").queryAs(ChoiceBox.class).getSelectionModel()
                .select(SamplingSource.LANGUAGE_MODEL.label()));
        Screen.await(robot, "#samplingSourceText", t -> t.contains("trigram"));
        Screen.assertOnScreen(robot, "#samplingPrompt");
        robot.clickOn("#samplingGreedy");
        robot.clickOn("#generate");
        Screen.await(robot, "#samplingGenerated", t -> !t.isEmpty());
        String once = Screen.text(robot, "#samplingGenerated");
        robot.clickOn("#generate");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(once, Screen.text(robot, "#samplingGenerated"), "greedy decoding is deterministic");
        List<String> words = List.of(once.split(" "));
        assertTrue(words.size() >= 10, once);
        assertTrue(Screen.text(robot, "#samplingKept").startsWith("kept 1 of "), "greedy keeps one word");
    }
}
