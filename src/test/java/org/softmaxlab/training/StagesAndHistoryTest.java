package org.softmaxlab.training;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Slider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.testing.FxErrors;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;

/** Stages mode walks one update through seven stages; the history scrubber shows a past step's charts. */
@Tag("ui")
class StagesAndHistoryTest extends WindowTest {
    private static final String[] STAGES = {"1 Forward", "2 Softmax", "3 Per-sample coefficient", "4 P - Y",
        "5 Gradient", "6 Optimiser state", "7 Update"};
    private FxErrors errors;

    @BeforeEach
    void openTab(FxRobot robot) {
        errors = FxErrors.install();
        robot.clickOn("#trainingTab");
    }

    @AfterEach
    void noUncaughtErrors() {
        errors.assertNone();
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
        Screen.await(robot, "#trainLossValue", Numbers.fixed4(losses[0])::equals);
        robot.clickOn("#stagesToggle");
        Screen.await(robot, "#stageName", t -> t.startsWith("Step 0"));
        for (int k = 0; k < STAGES.length; k++) {
            robot.clickOn("#stepButton");
            String expected = STAGES[k];
            Screen.await(robot, "#stageName", t -> t.startsWith(expected));
            assertEquals("0", Screen.text(robot, "#stepValue"), "no step is taken during the stages");
        }
        assertTrue(Screen.text(robot, "#stageNumbers").contains("new W"), Screen.text(robot, "#stageNumbers"));
        HeatMapCanvas heatMap = robot.lookup("#weightHeatMap").queryAs(HeatMapCanvas.class);
        assertNotNull(heatMap.arrows(), "the update is drawn as arrows on the weights");
        assertTrue(heatMap.getStyleClass().contains("stage-focus"));
        robot.clickOn("#stepButton");
        Screen.await(robot, "#stepValue", "1"::equals);
        Screen.await(robot, "#trainLossValue", Numbers.fixed4(losses[1])::equals);
        Screen.await(robot, "#stageName", t -> t.startsWith("Step 1"));
        robot.clickOn("#stagePrev");
        assertTrue(Screen.text(robot, "#stageName").startsWith("Step 1"), "Previous stops at the update's start");
        robot.clickOn("#stageNext");
        Screen.await(robot, "#stageName", t -> t.startsWith("1 Forward"));
    }

    @Test
    void theHistoryScrubberShowsAPastStepsLoss(FxRobot robot) throws Exception {
        double[] losses = notebookLosses(21);
        robot.interact(() -> workspace.training().load(TrainingSetup.forDataset(DatasetKind.NOTEBOOK), 20));
        Screen.await(robot, "#stepValue", "20"::equals);
        Slider slider = robot.lookup("#historySlider").queryAs(Slider.class);
        assertEquals(20, slider.getMax(), 1e-9, "the scrubber ends at the run's step");
        robot.interact(() -> slider.setValue(5));
        Screen.await(robot, "#trainLossValue", Numbers.fixed4(losses[5])::equals);
        assertEquals("5", Screen.text(robot, "#stepValue"));
        robot.interact(() -> slider.setValue(20));
        Screen.await(robot, "#trainLossValue", Numbers.fixed4(losses[20])::equals);
        robot.interact(() -> slider.setValue(3));
        Screen.await(robot, "#stepValue", "3"::equals);
        robot.clickOn("#stepButton");
        Screen.await(robot, "#stepValue", "21"::equals);
    }
}
