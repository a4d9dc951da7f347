package org.softmaxlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.TrainingSnapshot;

/** The Training tab's view-model with its worker thread, without the JavaFX toolkit. */
class TrainingViewModelTest {
    private final TrainingViewModel vm = new TrainingViewModel();

    @AfterEach
    void stop() {
        vm.close();
    }

    /** Waits until the worker has handled every command so far, then takes its snapshot as a pulse would. */
    private void settle() throws Exception {
        vm.sync().get(10, TimeUnit.SECONDS);
        vm.onPulse();
    }

    private void awaitPulse(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Thread.sleep(10);
            vm.onPulse();
            if (condition.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("condition not reached; message: " + vm.messageProperty().get());
    }

    @Test
    void notebookExampleCStepByStep() throws Exception {
        settle();
        assertEquals(0, vm.stepProperty().get());
        assertEquals("2.0499", vm.lossTextProperty().get());
        for (int i = 0; i < 10; i++) {
            vm.step();
        }
        settle();
        assertEquals(10, vm.stepProperty().get());
        assertEquals("0.5548", vm.lossTextProperty().get());
        for (int i = 0; i < 40; i++) {
            vm.step();
        }
        settle();
        assertEquals("0.0814", vm.lossTextProperty().get());
        assertTrue(vm.logTextProperty().get().startsWith("Step  0 | Loss: 2.0499 | Logits: [ 0.221 -1.419 -1.514]"),
                vm.logTextProperty().get());
        assertTrue(vm.logTextProperty().get().contains("Step 40 | Loss: 0.1057 | Logits: [-1.629 -2.123  1.041]"),
                vm.logTextProperty().get());
        assertTrue(vm.logTextProperty().get().endsWith("Step 50 | Loss: 0.0814" + vm.logTextProperty().get()
                .substring(vm.logTextProperty().get().lastIndexOf(" | Logits"))), "the log ends at the step shown");
        vm.reset();
        settle();
        assertEquals(0, vm.stepProperty().get());
        assertEquals("2.0499", vm.lossTextProperty().get());
        assertEquals("Step  0 | Loss: 2.0499 | Logits: [ 0.221 -1.419 -1.514]", vm.logTextProperty().get(),
                "at step 0 the log shows step 0, as the notebook prints it before the first update");
    }

    @Test
    void playRunsAndPauseStops() throws Exception {
        vm.chooseDataset(DatasetKind.BLOBS);
        vm.speedExponentProperty().set(Limits.SPEED_EXPONENT.max());
        settle();
        assertEquals(org.softmaxlab.model.TrainingDisplay.PAUSED_RATE, vm.rateTextProperty().get());
        vm.play();
        awaitPulse(() -> vm.stepProperty().get() > 2000);
        assertTrue(vm.rateTextProperty().get().endsWith(" steps/s"), vm.rateTextProperty().get());
        vm.pause();
        settle();
        assertEquals(org.softmaxlab.model.TrainingDisplay.PAUSED_RATE, vm.rateTextProperty().get(), "paused, the readout is a dash, never blank");
        long paused = vm.stepProperty().get();
        Thread.sleep(100);
        settle();
        assertEquals(paused, vm.stepProperty().get());
        assertFalse(vm.runningProperty().get());
        TrainingSnapshot s = vm.snapshotProperty().get();
        assertTrue(s.historySteps().length <= LossHistory.CAPACITY);
        assertTrue(s.accuracy() > 0.9, "blobs are learnt: " + s.accuracy());
    }

    @Test
    void divergentLearningRatePausesWithAMessageAndResetRecovers() throws Exception {
        vm.chooseDataset(DatasetKind.SPIRAL);
        assertNull(vm.commitLearningRate("100"));
        vm.speedExponentProperty().set(Limits.SPEED_EXPONENT.max());
        vm.play();
        awaitPulse(() -> vm.messageProperty().get().contains("diverged"));
        settle();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.messageProperty().get().contains("learning rate 100"), vm.messageProperty().get());
        vm.reset();
        settle();
        assertEquals(0, vm.stepProperty().get());
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void sameSeedResetIsIdenticalAndNewSeedIsNot() throws Exception {
        vm.chooseDataset(DatasetKind.BLOBS);
        for (int i = 0; i < 20; i++) {
            vm.step();
        }
        settle();
        String first = vm.lossTextProperty().get();
        vm.reset();
        for (int i = 0; i < 20; i++) {
            vm.step();
        }
        settle();
        assertEquals(first, vm.lossTextProperty().get());
        vm.newSeed();
        for (int i = 0; i < 20; i++) {
            vm.step();
        }
        settle();
        assertFalse(first.equals(vm.lossTextProperty().get()));
    }

    @Test
    void learningRateAndWeightsChangeWithoutAReset() throws Exception {
        vm.chooseDataset(DatasetKind.IMBALANCED);
        for (int i = 0; i < 5; i++) {
            vm.step();
        }
        settle();
        assertNull(vm.commitLearningRate("0.05"));
        assertNull(vm.commitClassWeights("10, 1, 1"));
        vm.weightsEnabledProperty().set(true);
        vm.step();
        settle();
        assertEquals(6, vm.stepProperty().get(), "no reset");
        assertNotNull(vm.commitClassWeights("1, 2"));
        assertNotNull(vm.commitClassWeights("1, -2, 3"));
        assertNotNull(vm.commitLearningRate("abc"));
        assertNotNull(vm.commitLearningRate("-1"));
        assertEquals(0.05, vm.learningRateProperty().get());
    }

    @Test
    void stopConditionsPause() throws Exception {
        vm.chooseDataset(DatasetKind.BLOBS);
        vm.stopAfterStepsProperty().set("250");
        vm.speedExponentProperty().set(Limits.SPEED_EXPONENT.max());
        vm.play();
        awaitPulse(() -> vm.messageProperty().get().startsWith("Stopped"));
        assertEquals(250, vm.stepProperty().get());
    }

    @Test
    void initialWeightsCanBeSetByHand() throws Exception {
        settle();
        assertNull(vm.setInitialParameter(2, 0, "3.0"));
        settle();
        assertEquals(3.0, vm.snapshotProperty().get().current().weight()[2][0]);
        assertEquals(0, vm.stepProperty().get());
        assertNotNull(vm.setInitialParameter(9, 0, "1"));
        assertNotNull(vm.setInitialParameter(0, 0, "x"));
    }

    @Test
    void historyStaysBounded() {
        LossHistory h = new LossHistory();
        for (int i = 0; i < 1_000_000; i++) {
            h.add(i, 1.0 / (i + 1));
        }
        assertTrue(h.size() <= LossHistory.CAPACITY && h.size() >= LossHistory.CAPACITY / 2);
        double[] steps = h.steps();
        assertEquals(0.0, steps[0]);
        assertTrue(steps[steps.length - 1] > 990_000, "covers the whole run");
    }
}
