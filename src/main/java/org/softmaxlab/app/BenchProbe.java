package org.softmaxlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.training.TrainingViewModel;

/**
 * Measurements for bench/run, taken inside the real app when started with {@code -Dsoftmaxlab.probe=...}:
 * {@code startup} prints the time from JVM start to the first frame and the status line, and exits; {@code rss:SECONDS} then trains
 * 2-D blobs at full speed on the Training tab for that long and prints the resident memory, frames and steps per
 * second; {@code edit-exit} sets the Explorer's temperature to 3.25 and exits at once (the session test's route). Lines are {@code probe key=value}. Without the property nothing here runs.
 */
final class BenchProbe {
    private BenchProbe() {
    }

    static void attach(Stage stage, Workspace workspace) {
        String probe = System.getProperty("softmaxlab.probe");
        if (probe == null) {
            return;
        }
        AnimationTimer first = new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long started = ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(Locale.ROOT, "probe startup_ms=%d%nprobe status=%s%n",
                        System.currentTimeMillis() - started, workspace.statusProperty().get());
                if (probe.startsWith("rss:")) {
                    animate(stage, workspace, Double.parseDouble(probe.substring(4)));
                } else if (probe.equals("edit-exit")) {
                    // A change just before Platform.exit, well inside the timed save's 1.5 s: stop() must save it.
                    workspace.explorer().temperatureProperty().set(3.25);
                    Platform.exit();
                } else {
                    Platform.exit();
                }
            }
        };
        first.start();
    }

    private static void animate(Stage stage, Workspace workspace, double seconds) {
        TabPane tabs = (TabPane) stage.getScene().getRoot().lookup(".tab-pane");
        tabs.getSelectionModel().select(1);
        TrainingViewModel training = workspace.training();
        training.chooseDataset(DatasetKind.BLOBS);
        training.speedExponentProperty().set(Limits.SPEED_EXPONENT.max());
        training.play();
        long[] frames = {0};
        long start = System.nanoTime();
        long[] stepsAtStart = {-1};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames[0]++;
                if (stepsAtStart[0] < 0) {
                    stepsAtStart[0] = training.stepProperty().get();
                }
                double elapsed = (now - start) / 1e9;
                if (elapsed >= seconds) {
                    stop();
                    training.pause();
                    System.out.printf(Locale.ROOT, "probe rss_mb=%.1f%nprobe fps=%.1f%nprobe steps_per_s=%.0f%n",
                            residentMb(), frames[0] / elapsed,
                            (training.stepProperty().get() - stepsAtStart[0]) / elapsed);
                    Platform.exit();
                }
            }
        }.start();
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    private static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
