package org.softmaxlab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.ReliabilityCanvas;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.model.CalibrationExamples;
import org.softmaxlab.model.CalibrationSource;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.Reference;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Calibration tab through the real window, its readouts checked against the {@code calibrate} command. */
@Tag("ui")
class CalibrationTabTest extends WindowTest {

    private void showCalibrationTab(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "calibrationTab".equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What {@code calibrate} prints for the over-confident example. */
    private static JsonNode calibrateOverconfident() {
        CalibrationExamples.Data d = CalibrationExamples.of(CalibrationSource.OVERCONFIDENT);
        StringBuilder in = new StringBuilder("{\"logits\": [");
        for (int i = 0; i < d.logits().length; i++) {
            in.append(i > 0 ? "," : "").append('[');
            for (int c = 0; c < d.logits()[i].length; c++) {
                in.append(c > 0 ? "," : "").append(d.logits()[i][c]);
            }
            in.append(']');
        }
        in.append("], \"targets\": ").append(java.util.Arrays.toString(d.targets())).append(", \"fit\": true}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err)).run("calibrate");
        assertEquals(0, code, err.toString());
        return Reference.parse(out.toString());
    }

    @Test
    void theOverconfidentExampleShowsWhatCalibratePrintsAndFitTLowersTheNllToItsAfter(FxRobot robot)
            throws Exception {
        showCalibrationTab(robot);
        JsonNode expected = calibrateOverconfident();
        assertEquals("ECE " + Numbers.fixed4(expected.get("ece").asDouble()), Screen.text(robot, "#eceValue"));
        assertEquals("MCE " + Numbers.fixed4(expected.get("mce").asDouble()), Screen.text(robot, "#mceValue"));
        assertEquals("NLL " + Numbers.fixed4(expected.get("nll").asDouble()), Screen.text(robot, "#nllValue"));
        assertEquals("Brier " + Numbers.fixed4(expected.get("brier").asDouble()), Screen.text(robot, "#brierValue"));
        assertTrue(Screen.text(robot, "#calibrationVerdict").contains("over-confident"));
        ReliabilityCanvas chart = robot.lookup("#reliabilityChart").queryAs(ReliabilityCanvas.class);
        assertEquals(expected.get("bins").size(), chart.bins().length);
        for (String id : new String[] {"#eceValue", "#nllValue", "#reliabilityChart", "#fitTemperature",
                "#calibrationTemperature", "#calibrationSource"}) {
            Screen.assertOnScreen(robot, id);
        }
        JsonNode after = expected.get("after");
        assertTrue(after.get("nll").asDouble() < expected.get("nll").asDouble());
        double fitted = expected.get("fitted_temperature").asDouble();
        robot.clickOn("#fitTemperature");
        // The animation ends exactly on the fitted temperature.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Math.abs(workspace.calibration().state().temperature() - fitted) > 1e-12 * fitted
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(fitted, workspace.calibration().state().temperature(), 1e-12 * fitted);
        assertEquals("NLL " + Numbers.fixed4(after.get("nll").asDouble()), Screen.text(robot, "#nllValue"));
        assertEquals("ECE " + Numbers.fixed4(after.get("ece").asDouble()), Screen.text(robot, "#eceValue"));
        assertTrue(expected.get("fitted_temperature").asDouble() > 1.5, "the example is over-confident by about 2");
    }

    @Test
    void theTrainingSourcesHistoryGainsPointsWhileTrainingRuns(FxRobot robot) throws Exception {
        robot.interact(() -> workspace.training().step());
        workspace.training().sync().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        showCalibrationTab(robot);
        robot.interact(() -> robot.lookup("#calibrationSource").queryAs(ChoiceBox.class).getSelectionModel()
                .select(CalibrationSource.TRAINING.label()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CalibrationSource.TRAINING, workspace.calibration().state().source());
        Screen.assertOnScreen(robot, "#heldOutShare");
        int before = workspace.calibration().historyProperty().get().size();
        robot.interact(() -> workspace.training().play());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (workspace.calibration().historyProperty().get().size() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> workspace.training().pause());
        CalibrationHistory h = workspace.calibration().historyProperty().get();
        assertTrue(h.size() >= before + 3, "history points: " + h.size());
        for (int i = 1; i < h.size(); i++) {
            assertTrue(h.steps()[i] > h.steps()[i - 1], "steps rise");
        }
        assertTrue(Screen.text(robot, "#calibrationSourceText").contains("held-out"));
        assertEquals("NLL " + Numbers.fixed4(workspace.calibration().display().report().nll()),
                Screen.text(robot, "#nllValue"));
    }
}
