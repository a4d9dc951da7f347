package org.softmaxlab.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.testing.FxErrors;
import org.softmaxlab.testing.PulseMonitor;
import org.softmaxlab.training.TrainingView;
import org.softmaxlab.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training animation left running: 1,000,000 steps under -Plong (100,000 by default) with the Training tab
 * drawing decision regions. Prints the heap after GC (from a tenth of the run to the end) and the longest gap between
 * pulses; asserts that the heap stays flat (under 10 MB of growth) and that no exception escapes. The pulse-gap target
 * (20 ms) is asserted only in the long run, where the figures are reported.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SoakTest {
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingViewModel();
        stage.setScene(new Scene(TrainingView.load(model, new javafx.beans.property.SimpleBooleanProperty(false)), 1920,
                1080));
        stage.show();
    }

    @Test
    void trainingRunsLongWithFlatMemory(FxRobot robot) throws Exception {
        soak(robot, 100_000, false);
    }

    /** The million-step soak of {@code -Plong}, where the pulse gap is asserted too. */
    @Test
    @Tag("slow")
    void trainingRunsAMillionStepsWithFlatMemoryAndSteadyPulses(FxRobot robot) throws Exception {
        soak(robot, 1_000_000, true);
    }

    private void soak(FxRobot robot, long target, boolean checkGaps) throws Exception {
        FxErrors errors = FxErrors.install();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        PulseMonitor gaps = new PulseMonitor();
        try {
            robot.interact(() -> {
                model.chooseDataset(DatasetKind.BLOBS);
                robot.lookup("#speedSlider").queryAs(Slider.class).setValue(Limits.SPEED_EXPONENT.max());
                model.play();
            });
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> model.stepProperty().get() >= target / 10);
            long heapAtTenth = heapAfterGc(memory);
            robot.interact(gaps::start);
            long startNanos = System.nanoTime();
            long startSteps = model.stepProperty().get();
            WaitForAsyncUtils.waitFor(1800, TimeUnit.SECONDS, () -> model.stepProperty().get() >= target
                    || !model.runningProperty().get());
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long endSteps = model.stepProperty().get();
            robot.interact(() -> {
                gaps.stop();
                model.pause();
            });
            long heapAtEnd = heapAfterGc(memory);
            double growthMb = (heapAtEnd - heapAtTenth) / 1e6;
            System.out.printf(java.util.Locale.ROOT, "SoakTest: %,d steps; heap after GC %.1f MB at step %,d, "
                    + "%.1f MB at the end (growth %.2f MB); %,.0f steps/s; %,d pulses, longest gap %.1f ms%n",
                    endSteps, heapAtTenth / 1e6, target / 10, heapAtEnd / 1e6, growthMb,
                    (endSteps - startSteps) / seconds, gaps.pulses(), gaps.longestGapNanos() / 1e6);
            assertTrue(endSteps >= target, "reached " + endSteps + " steps: " + model.messageProperty().get());
            assertTrue(growthMb < 10, "heap grew " + growthMb + " MB");
            assertTrue(gaps.pulses() > 0, "the view kept pulsing");
            if (checkGaps) {
                assertTrue(gaps.longestGapNanos() < TimeUnit.MILLISECONDS.toNanos(20),
                        "longest pulse gap " + gaps.longestGapNanos() / 1e6 + " ms");
            }
        } finally {
            model.close();
            errors.assertNone();
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
