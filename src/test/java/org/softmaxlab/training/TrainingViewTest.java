package org.softmaxlab.training;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.app.FileDialogs;
import org.softmaxlab.app.MainWindow;
import org.softmaxlab.app.Workspace;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.PngExport;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.FxErrors;
import org.softmaxlab.testing.PulseMonitor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training tab driven through its real controls, headless. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TrainingViewTest {
    private FxErrors errors;
    private Parent root;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        workspace = org.softmaxlab.testing.Workspaces.fresh();
        root = MainWindow.create(workspace, FileDialogs.system());
        stage.setScene(new Scene(root, 1920, 1080));
        stage.show();
    }

    /** The window settles before a test looks into it (PulseMonitor.awaitSettledWindow). */
    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        org.softmaxlab.testing.PulseMonitor.awaitSettledWindow();
    }

    @BeforeEach
    void openTab(FxRobot robot) {
        errors = FxErrors.install();
        robot.clickOn("#trainingTab");
    }

    @AfterEach
    void noUncaughtErrors() {
        workspace.training().close();
        errors.assertNone();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void awaitText(FxRobot robot, String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(text(robot, id)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " should show " + expected + " but shows " + text(robot, id));
        }
    }

    @SuppressWarnings("unchecked")
    private static void chooseDataset(FxRobot robot, DatasetKind kind) {
        ChoiceBox<String> box = robot.lookup("#datasetChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> box.setValue(kind.label()));
    }

    private static void clickTimes(FxRobot robot, String id, int times) {
        for (int i = 0; i < times; i++) {
            robot.clickOn(id);
        }
    }

    /** The header, the curve's last point and the log's last line describe the same step (the notebook's Step i). */
    private static void assertSameStepEverywhere(FxRobot robot, int step, String loss) {
        WaitForAsyncUtils.waitForFxEvents();
        CurveCanvas curve = robot.lookup("#lossHistoryChart").queryAs(CurveCanvas.class);
        int last = curve.pointCount() - 1;
        assertEquals(step, curve.xAt(last), 0, "the curve ends at the step shown");
        assertEquals(loss, Numbers.fixed4(curve.yAt(last)), "the curve's last point is the loss shown");
        javafx.scene.control.ListView<?> log = robot.lookup("#trainingLog").queryAs(javafx.scene.control.ListView.class);
        String line = String.valueOf(log.getItems().get(log.getItems().size() - 1));
        assertTrue(line.startsWith(String.format(java.util.Locale.ROOT, "Step %2d | Loss: %s", step, loss)), line);
    }

    @Test
    void notebookExampleCByTheStepButton(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.BLOBS);
        chooseDataset(robot, DatasetKind.NOTEBOOK);
        awaitText(robot, "#trainLossValue", "2.0499");
        awaitText(robot, "#stepValue", "0");
        BarCanvas logits = robot.lookup("#logitBars").queryAs(BarCanvas.class);
        assertEquals(0.2210, logits.values()[0], 1e-12);
        assertSameStepEverywhere(robot, 0, "2.0499");
        clickTimes(robot, "#stepButton", 10);
        awaitText(robot, "#stepValue", "10");
        awaitText(robot, "#trainLossValue", "0.5548");
        assertSameStepEverywhere(robot, 10, "0.5548");
        clickTimes(robot, "#stepButton", 40);
        awaitText(robot, "#stepValue", "50");
        awaitText(robot, "#trainLossValue", "0.0814");
        assertEquals(1.219782697493755, robot.lookup("#logitBars").queryAs(BarCanvas.class).values()[2], 1e-12);
        robot.clickOn("#resetButton");
        awaitText(robot, "#stepValue", "0");
        awaitText(robot, "#trainLossValue", "2.0499");
    }

    @Test
    void playThenPauseAdvancesTheCounter(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.BLOBS);
        awaitText(robot, "#stepValue", "0");
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Long.parseLong(text(robot, "#stepValue")) > 5);
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Play".equals(robot.lookup("#playButton")
                .queryAs(javafx.scene.control.Button.class).getText()));
        long paused = Long.parseLong(text(robot, "#stepValue"));
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, Long.parseLong(text(robot, "#stepValue")));
    }

    @Test
    void divergentLearningRatePausesWithAMessage(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.SPIRAL);
        TextField lr = robot.lookup("#lrField").queryAs(TextField.class);
        robot.clickOn(lr);
        robot.interact(lr::selectAll);
        robot.write("100").type(KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#speedSlider").queryAs(Slider.class).setValue(6));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#trainingMessage").contains("diverged"));
        WaitForAsyncUtils.waitForFxEvents();
        String message = text(robot, "#trainingMessage");
        assertTrue(message.contains("at step " + text(robot, "#stepValue") + ":"), "the header's step: " + message);
        assertTrue(message.contains("the loss is " + text(robot, "#trainLossValue"))
                || message.contains("the loss is NaN") || message.contains("infinite"), "the header's loss: " + message);
        // Plain Reset keeps the user's settings (and so diverges again); the offer divides lr by 10.
        robot.clickOn("#resetButton");
        awaitText(robot, "#stepValue", "0");
        awaitText(robot, "#trainingMessage", "");
        assertEquals("100", lr.getText());
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#trainingMessage").contains("diverged"));
        Button offer = robot.lookup("#resetLowerLrButton").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, offer::isVisible);
        assertEquals("Reset with lr = 10", offer.getText());
        robot.clickOn(offer);
        awaitText(robot, "#stepValue", "0");
        awaitText(robot, "#trainingMessage", "");
        assertEquals("10", lr.getText());
        assertFalse(offer.isVisible());
    }

    @Test
    void aPlateauOnDataNoLineCanSplitGetsAHint(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.SPIRAL);
        robot.interact(() -> robot.lookup("#speedSlider").queryAs(Slider.class).setValue(6));
        robot.clickOn("#playButton");
        Label hint = robot.lookup("#trainingHint").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hint.isVisible());
        robot.clickOn("#playButton");
        assertTrue(hint.getText().contains("linear model"), hint.getText());
        assertTrue(hint.getText().matches("Accuracy has stayed near \\d+\\.\\d% for .*"), hint.getText());
    }

    @Test
    void aBadSpinnerEntryIsExplainedAndKept(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.BLOBS);
        javafx.scene.control.Spinner<?> classes = robot.lookup("#classesSpinner")
                .queryAs(javafx.scene.control.Spinner.class);
        robot.clickOn(classes.getEditor());
        robot.interact(classes.getEditor()::selectAll);
        robot.write("nine").type(KeyCode.ENTER);
        assertEquals(3, classes.getValue());
        assertTrue(text(robot, "#trainingMessage").contains("not a whole number"), text(robot, "#trainingMessage"));
    }

    @Test
    void aRefusedLearningRateIsMarkedUntilAGoodOneIsEntered(FxRobot robot) {
        TextField lr = robot.lookup("#lrField").queryAs(TextField.class);
        for (String text : new String[] {"abc", "-1", "0.2"}) {
            robot.clickOn(lr);
            robot.interact(lr::selectAll);
            robot.write(text).type(KeyCode.ENTER);
        }
        assertFalse(lr.getStyleClass().contains("invalid"), "two refusals, then a good value: " + lr.getStyleClass());
        assertEquals("0.2", lr.getText());
    }

    @Test
    void keyboardPlaysStepsAndResets(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.BLOBS);
        awaitText(robot, "#stepValue", "0");
        robot.clickOn("#lossHistoryChart");
        robot.type(KeyCode.RIGHT);
        awaitText(robot, "#stepValue", "1");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Long.parseLong(text(robot, "#stepValue")) > 3);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.R);
        awaitText(robot, "#stepValue", "0");
    }

    @Test
    void theFxThreadKeepsDrawingWhileTrainingAtFullSpeed(FxRobot robot) throws Exception {
        chooseDataset(robot, DatasetKind.BLOBS);
        robot.interact(() -> robot.lookup("#speedSlider").queryAs(Slider.class).setValue(6));
        PulseMonitor timer = new PulseMonitor();
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Long.parseLong(text(robot, "#stepValue")) > 100);
        robot.interact(timer::start);
        long stepsBefore = Long.parseLong(text(robot, "#stepValue"));
        Thread.sleep(1500);
        robot.interact(timer::stop);
        long stepsAfter = Long.parseLong(text(robot, "#stepValue"));
        robot.clickOn("#playButton");
        // Not a speed target (the benchmark measures those): the UI must keep pulsing and showing new steps.
        assertTrue(timer.pulses() >= 10, "pulses while training: " + timer.pulses());
        assertTrue(stepsAfter > stepsBefore, "the step counter moved on screen");
        assertTrue(timer.longestGapNanos() < TimeUnit.MILLISECONDS.toNanos(1000),
                "longest pause of the FX thread: " + timer.longestGapNanos() / 1e6 + " ms");
    }

    @Test
    void screenshotsForTheReadme(FxRobot robot) throws Exception {
        Path dir = Path.of("target", "screenshots");
        chooseDataset(robot, DatasetKind.NOTEBOOK);
        awaitText(robot, "#stepValue", "0");
        clickTimes(robot, "#stepButton", 30);
        awaitText(robot, "#stepValue", "30");
        snapshot(robot, dir.resolve("training-notebook.png"));
        chooseDataset(robot, DatasetKind.BLOBS);
        awaitText(robot, "#stepValue", "0");
        clickTimes(robot, "#stepButton", 15);
        awaitText(robot, "#stepValue", "15");
        snapshot(robot, dir.resolve("training-blobs.png"));
        assertTrue(java.nio.file.Files.size(dir.resolve("training-blobs.png")) > 10_000);
    }

    private void snapshot(FxRobot robot, Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        // Axes that ease to a new range settle within a few frames.
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            try {
                PngExport.write(PngExport.snapshot(root, 1), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
