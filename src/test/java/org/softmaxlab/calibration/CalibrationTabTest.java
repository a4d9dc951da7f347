package org.softmaxlab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        return calibrate(d.logits(), d.targets());
    }

    /** What {@code calibrate} prints for these rows, with the fit. */
    private static JsonNode calibrate(double[][] logits, int[] targets) {
        StringBuilder in = new StringBuilder("{\"logits\": [");
        for (int i = 0; i < logits.length; i++) {
            in.append(i > 0 ? "," : "").append('[');
            for (int c = 0; c < logits[i].length; c++) {
                in.append(c > 0 ? "," : "").append(logits[i][c]);
            }
            in.append(']');
        }
        in.append("], \"targets\": ").append(java.util.Arrays.toString(targets)).append(", \"fit\": true}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err)).run("calibrate");
        assertEquals(0, code, err.toString());
        return Reference.parse(out.toString());
    }

    /** Fires File > Import Logits as its menu item does. */
    private static void importLogits(FxRobot robot) {
        robot.interact(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "importItem".equals(i.getId())).findFirst()
                .orElseThrow().fire());
    }

    /** Waits (at most 10 s) until the status line says the import ended, and returns what it says. */
    private static String awaitImport(FxRobot robot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status = Screen.text(robot, "#statusBar");
        while (status.endsWith("\u2026") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
            status = Screen.text(robot, "#statusBar");
        }
        return status;
    }

    @Test
    void importedLogitsAndATargetsFileShowWhatCalibratePrintsAndABadFileLeavesTheRowsShown(FxRobot robot,
            @TempDir Path dir) throws Exception {
        showCalibrationTab(robot);
        CalibrationExamples.Data d = CalibrationExamples.of(CalibrationSource.UNDERCONFIDENT);
        StringBuilder logits = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < d.logits().length; i++) {
            for (int c = 0; c < d.logits()[i].length; c++) {
                logits.append(c > 0 ? "," : "").append(d.logits()[i][c]);
            }
            logits.append('\n');
            targets.append(d.targets()[i]).append('\n');
        }
        Path logitsFile = Files.writeString(dir.resolve("val-logits.csv"), logits);
        Path targetsFile = Files.writeString(dir.resolve("val-targets.txt"), targets);
        // The logits hold no targets, so the import asks for a second file.
        dialogs.answers.add(logitsFile);
        dialogs.answers.add(targetsFile);
        importLogits(robot);
        String status = awaitImport(robot);
        assertTrue(status.startsWith("Calibration tab: "), status);
        assertEquals(CalibrationSource.IMPORTED, workspace.calibration().state().source());
        JsonNode expected = calibrate(d.logits(), d.targets());
        assertEquals("ECE " + Numbers.fixed4(expected.get("ece").asDouble()), Screen.text(robot, "#eceValue"));
        assertEquals("NLL " + Numbers.fixed4(expected.get("nll").asDouble()), Screen.text(robot, "#nllValue"));
        assertEquals(expected.get("fitted_temperature").asDouble(), workspace.calibration().fittedTemperature(),
                1e-9 * expected.get("fitted_temperature").asDouble());
        assertTrue(Screen.text(robot, "#calibrationSourceText").contains("val-logits.csv"));

        // A file whose targets are out of range is refused by name; the rows shown stay.
        Path bad = Files.writeString(dir.resolve("bad.csv"), "z0,z1,target\n1,2,0\n3,1,5\n");
        dialogs.answers.add(bad);
        importLogits(robot);
        status = awaitImport(robot);
        assertTrue(status.contains("bad.csv") && status.contains("out of range"), status);
        assertEquals("ECE " + Numbers.fixed4(expected.get("ece").asDouble()), Screen.text(robot, "#eceValue"));
        assertTrue(Screen.text(robot, "#calibrationSourceText").contains("val-logits.csv"));
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
