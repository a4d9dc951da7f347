package org.softmaxlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.app.FileDialogs;
import org.softmaxlab.app.MainWindow;
import org.softmaxlab.app.SoftmaxLabApp;
import org.softmaxlab.app.Workspace;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.testing.FxErrors;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Stages mode walks one update through seven stages; the history scrubber shows a past step's charts. */
@ExtendWith(ApplicationExtension.class)
class StagesAndHistoryTest {
    private static final String[] STAGES = {"1 Forward", "2 Softmax", "3 Per-sample coefficient", "4 P - Y",
        "5 Gradient", "6 Optimiser state", "7 Update"};
    private FxErrors errors;
    private Workspace workspace;

    @Start
    void start(Stage stage) {
        workspace = SoftmaxLabApp.createWorkspace();
        stage.setScene(new Scene(MainWindow.create(workspace, FileDialogs.system()), 1366, 768));
        stage.show();
    }

    @BeforeEach
    void openTab(FxRobot robot) {
        errors = FxErrors.install();
        robot.clickOn("#trainingTab");
    }

    @AfterEach
    void close() {
        workspace.training().close();
        errors.assertNone();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void await(FxRobot robot, String id, java.util.function.Predicate<String> ok, String what)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ok.test(text(robot, id)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " should show " + what + " but shows " + text(robot, id));
        }
    }

    /** The notebook's losses at each step, from the engine on its own. */
    private static double[] notebookLosses(int steps) {
        Trainer t = TrainingSetup.notebook().build();
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = t.step().loss();
        }
        return losses;
    }

    @Test
    void sevenStagePressesThenOneMoreCompleteOneStep(FxRobot robot) throws Exception {
        double[] losses = notebookLosses(2);
        await(robot, "#trainLossValue", Numbers.fixed4(losses[0])::equals, "the step-0 loss");
        robot.clickOn("#stagesToggle");
        await(robot, "#stageName", t -> t.startsWith("Step 0"), "the update about to start");
        for (int k = 0; k < STAGES.length; k++) {
            robot.clickOn("#stepButton");
            String expected = STAGES[k];
            await(robot, "#stageName", t -> t.startsWith(expected), expected);
            assertEquals("0", text(robot, "#stepValue"), "no step is taken during the stages");
        }
        assertTrue(text(robot, "#stageNumbers").contains("new W"), text(robot, "#stageNumbers"));
        HeatMapCanvas heatMap = robot.lookup("#weightHeatMap").queryAs(HeatMapCanvas.class);
        assertNotNull(heatMap.arrows(), "the update is drawn as arrows on the weights");
        assertTrue(heatMap.getStyleClass().contains("stage-focus"));
        robot.clickOn("#stepButton");
        await(robot, "#stepValue", "1"::equals, "step 1");
        await(robot, "#trainLossValue", Numbers.fixed4(losses[1])::equals, "the step-1 loss");
        await(robot, "#stageName", t -> t.startsWith("Step 1"), "the next update");
        robot.clickOn("#stagePrev");
        assertTrue(text(robot, "#stageName").startsWith("Step 1"), "Previous stops at the update's start");
        robot.clickOn("#stageNext");
        await(robot, "#stageName", t -> t.startsWith("1 Forward"), "Next moves on");
    }

    @Test
    void theHistoryScrubberShowsAPastStepsLoss(FxRobot robot) throws Exception {
        double[] losses = notebookLosses(21);
        robot.interact(() -> workspace.training().load(TrainingSetup.forDataset(DatasetKind.NOTEBOOK), 20));
        await(robot, "#stepValue", "20"::equals, "step 20");
        Slider slider = robot.lookup("#historySlider").queryAs(Slider.class);
        assertEquals(20, slider.getMax(), 1e-9, "the scrubber ends at the run's step");
        robot.interact(() -> slider.setValue(5));
        await(robot, "#trainLossValue", Numbers.fixed4(losses[5])::equals, "step 5's loss");
        assertEquals("5", text(robot, "#stepValue"));
        robot.interact(() -> slider.setValue(20));
        await(robot, "#trainLossValue", Numbers.fixed4(losses[20])::equals, "the end again");
        robot.interact(() -> slider.setValue(3));
        await(robot, "#stepValue", "3"::equals, "step 3");
        robot.clickOn("#stepButton");
        await(robot, "#stepValue", "21"::equals, "Step carries on from the end");
    }
}
