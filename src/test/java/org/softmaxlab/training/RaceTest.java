package org.softmaxlab.training;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.RaceVariant;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The race: a second run with another loss, driven by the same Step, overlaid and side by side. */
@Tag("ui")
class RaceTest extends WindowTest {

    @Test
    @SuppressWarnings("unchecked")
    void aSecondRunWithMseStepsBesideTheFirst(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(DatasetKind.BLOBS));
        robot.clickOn("#raceToggle");
        robot.interact(() -> robot.lookup("#raceLossChoice").queryAs(ChoiceBox.class).setValue(RaceVariant.MSE));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#stepButton");
        }
        RaceModel race = workspace.training().race();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> race.snapshotProperty().get() != null
                && race.snapshotProperty().get().steps() == 3 && workspace.training().stepProperty().get() == 3);
        TrainingSetup setup = TrainingSetup.forDataset(DatasetKind.BLOBS);
        Trainer mse = setup.build();
        mse.setLoss(RaceVariant.MSE.spec(setup));
        for (int i = 0; i < 3; i++) {
            mse.step();
        }
        assertEquals(mse.peek().loss(), race.snapshotProperty().get().current().loss(), 1e-12,
                "the second run is the engine's MSE run from the same start");
        CurveCanvas chart = robot.lookup("#lossHistoryChart").queryAs(CurveCanvas.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.series().size() == 2);
        assertEquals(RaceVariant.MSE.label(), chart.series().get(1).name(), "the legend names the second run");
        assertTrue(robot.lookup("#raceRegions").query().isVisible(), "its regions beside the first");
        robot.clickOn("#raceToggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.series().isEmpty());
        assertTrue(!robot.lookup("#raceRegions").query().isVisible());
    }

    /** Stages mode with a race: each finished update steps both runs once, so after N updates both are at step N. */
    @Test
    @SuppressWarnings("unchecked")
    void inStagesModeEachUpdateStepsTheSecondRunOnceToo(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(DatasetKind.BLOBS));
        robot.clickOn("#raceToggle");
        robot.interact(() -> robot.lookup("#raceLossChoice").queryAs(ChoiceBox.class).setValue(RaceVariant.MSE));
        robot.clickOn("#stagesToggle");
        int updates = 3;
        for (int u = 0; u < updates; u++) {
            for (int k = 0; k <= org.softmaxlab.model.UpdateStage.COUNT; k++) {
                robot.clickOn("#stepButton");
            }
        }
        RaceModel race = workspace.training().race();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.training().stepProperty().get() == updates
                && race.snapshotProperty().get() != null && race.snapshotProperty().get().steps() >= updates);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(updates, race.snapshotProperty().get().steps(), "the second run took one step per update");
        TrainingSetup setup = TrainingSetup.forDataset(DatasetKind.BLOBS);
        Trainer ce = setup.build();
        Trainer mse = setup.build();
        mse.setLoss(RaceVariant.MSE.spec(setup));
        for (int i = 0; i < updates; i++) {
            ce.step();
            mse.step();
        }
        assertEquals(ce.peek().loss(), workspace.training().snapshotProperty().get().current().loss(), 1e-12);
        assertEquals(mse.peek().loss(), race.snapshotProperty().get().current().loss(), 1e-12);
    }
}
