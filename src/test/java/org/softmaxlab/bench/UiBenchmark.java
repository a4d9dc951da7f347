package org.softmaxlab.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.softmaxlab.app.FileDialogs;
import org.softmaxlab.app.MainWindow;
import org.softmaxlab.app.SoftmaxLabApp;
import org.softmaxlab.app.Workspace;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.SamplingSettings;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.training.TrainingViewModel;

/**
 * UI and training figures for bench/run, under headless Monocle with software rendering (1920x1080):
 * explorer_update_ms (one logit change through the slider, view-model, engine, bindings, CSS, layout and the frame
 * that shows it on the whole Explorer tab, as the app paints it), training_steps_per_s (engine alone, 300 points, 3
 * classes, full batch) and training_fps (frames drawn while the Training tab animates decision regions and trains at
 * full speed). Starts the toolkit with the app's rendering settings. Prints one JSON object.
 */
public final class UiBenchmark {
    /** Changes made before measuring, so the JIT has compiled the paths being measured. */
    private static int warmup = 300;
    private static final long T0 = System.nanoTime();
    /** {@code -Dbench.only=sampling,calibration}: only those figures (explorer, sampling, calibration, precision,
     * training), for a profiler's run; all when unset. */
    private static final String ONLY = System.getProperty("bench.only", "");
    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        warmup = quick ? 20 : 300;
        StringBuilder json = new StringBuilder("{");
        json.append("\"training_steps_per_s\": ").append(String.format(Locale.ROOT, "%.0f", engineSteps(quick)));
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32");
        System.setProperty(Workspace.HOME_PROPERTY, Path.of("target", "bench", "home").toString());
        SoftmaxLabApp.useRenderingSettings();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Workspace workspace = org.softmaxlab.testing.Workspaces.fresh();
        Parent root = onFx(() -> {
            Parent r = MainWindow.create(workspace, FileDialogs.none());
            Stage stage = new Stage();
            stage.setScene(new Scene(r, 1920, 1080));
            stage.show();
            return r;
        });
        int changes = quick ? 30 : 300;
        if (chosen("explorer")) {
            json.append(", \"explorer_update_ms\": {");
            // The quick smoke check leaves out C = 100 and the Losses tab (the full run has them).
            int[] sizes = quick ? new int[] {10, 1000} : new int[] {10, 100, 1000};
            for (int k = 0; k < sizes.length; k++) {
                double[] t = explorerUpdates(workspace, root, sizes[k], changes, 0);
                json.append(k > 0 ? ", " : "").append(figure("C=" + sizes[k], t));
            }
            json.append("}");
            // The same change with the Losses tab shown: the five losses, the saturation curves and the charts follow.
            if (!quick) {
                json.append(", \"explorer_update_losses_tab_ms\": {").append(figure("C=10",
                        explorerUpdates(workspace, root, 10, changes, 2))).append("}");
            }
        }
        // The newer tabs, timed the same way: a slider change to its frame on screen.
        int tabChanges = quick ? 30 : 200;
        if (chosen("sampling")) {
            json.append(", ").append(figure("sampling_slider_v131072_ms",
                    samplingUpdates(workspace, root, tabChanges)));
        }
        if (chosen("calibration")) {
            json.append(", ").append(figure("calibration_temperature_100k_ms",
                    calibrationUpdates(workspace, root, tabChanges)));
        }
        if (chosen("precision")) {
            // The Explorer's precision panel (four formats of the sample): C = 10 with it laid out and drawn, without.
            json.append(", ").append(figure("explorer_c10_precision_shown_ms",
                    explorerUpdates(workspace, root, 10, changes, 0)));
            json.append(", ").append(figure("explorer_c10_precision_hidden_ms", withPrecisionPanelHidden(root,
                    () -> explorerUpdates(workspace, root, 10, changes, 0))));
        }
        if (!chosen("training")) {
            System.out.println(json.append("}"));
            Platform.exit();
            return;
        }
        double[] fps = trainingFps(workspace, root, quick ? 4 : 10);
        json.append(String.format(Locale.ROOT, ", \"training_fps\": %.1f, \"training_fps_steps_per_s\": %.0f",
                fps[0], fps[1]));
        json.append("}");
        System.out.println(json);
        workspace.training().close();
        Platform.exit();
    }

    /** Engine-only training speed: steps per second on 2-D blobs (300 points, 3 classes, full batch). */
    static double engineSteps(boolean quick) {
        Trainer trainer = TrainingSetup.blobs().build();
        for (int i = 0; i < 20_000; i++) {
            trainer.stepLoss();
        }
        long budget = quick ? 1_000_000_000L : 3_000_000_000L;
        long start = System.nanoTime();
        long steps = 0;
        while (System.nanoTime() - start < budget) {
            for (int i = 0; i < 1000; i++) {
                trainer.stepLoss();
            }
            steps += 1000;
        }
        return steps * 1e9 / (System.nanoTime() - start);
    }

    /**
     * Median and 95th percentile in ms of one logit change at C classes, to the frame on screen, and the medians of its
     * parts. Each change is made at the start of a pulse (an animation timer, where a drag's mouse events are handled
     * too) and timed to the moment the renderer reports that pulse's frame drawn: slider value, view-model, engine,
     * label texts and chart data; then CSS and layout; then the wait for the previous frame, the sync to the render
     * graph, and painting and presenting what changed. A change starts only after a pulse with no frame rendered, so
     * the frame that ends it is its own.
     */
    static double[] explorerUpdates(Workspace workspace, Parent root, int classes, int changes, int tab)
            throws Exception {
        onFx(() -> {
            ((TabPane) root.lookup(".tab-pane")).getSelectionModel().select(tab);
            workspace.explorer().applyPreset("Default");
            workspace.explorer().manyClassesProperty().set(classes > 20);
            workspace.explorer().classCountProperty().set(classes);
            root.lookup("#logitSlider-0").requestFocus();
            return null;
        });
        Slider slider = onFx(() -> (Slider) root.lookup("#logitSlider-0"));
        Random random = new Random(classes);
        return frameUpdates(root.getScene(), () -> slider.setValue(-5 + 10 * random.nextDouble()), changes);
    }

    /** A temperature change on the Sampling tab's imported row of 131,072 logits, every step of the chain on. */
    static double[] samplingUpdates(Workspace workspace, Parent root, int changes) throws Exception {
        SplittableRandom random = new SplittableRandom(36);
        double[] row = random.doubles(131_072, -10, 10).toArray();
        String[] tokens = new String[row.length];
        Arrays.setAll(tokens, i -> "t" + i);
        onFx(() -> {
            ((TabPane) root.lookup(".tab-pane")).getSelectionModel().select(4);
            workspace.sampling().importRow(row, tokens, "bench");
            workspace.sampling().editSettings(s -> SamplingSettings.NEUTRAL.withTopK(50).withTopP(0.9).withMinP(0.05));
            return null;
        });
        Slider slider = onFx(() -> (Slider) root.lookup("#samplingTemperature"));
        return frameUpdates(root.getScene(), () -> slider.setValue(random.nextDouble(-0.5, 0.5)), changes);
    }

    /** A temperature change on the Calibration tab with 100,000 imported rows of 10 logits. */
    static double[] calibrationUpdates(Workspace workspace, Parent root, int changes) throws Exception {
        SplittableRandom random = new SplittableRandom(37);
        int n = 100_000;
        double[][] logits = new double[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            logits[i] = random.doubles(10, -4, 4).toArray();
            targets[i] = random.nextInt(10);
        }
        onFx(() -> {
            ((TabPane) root.lookup(".tab-pane")).getSelectionModel().select(5);
            workspace.calibration().importRows(logits, targets, "bench");
            return null;
        });
        Slider slider = onFx(() -> (Slider) root.lookup("#calibrationTemperature"));
        return frameUpdates(root.getScene(), () -> slider.setValue(random.nextDouble(-0.5, 0.5)), changes);
    }

    /** Runs {@code measure} with the Explorer's precision panel taken out of layout and rendering, then puts it back. */
    static double[] withPrecisionPanelHidden(Parent root, FxCall<double[]> measure) throws Exception {
        Node panel = onFx(() -> root.lookup("#precisionPanel"));
        onFx(() -> {
            panel.setVisible(false);
            panel.setManaged(false);
            return null;
        });
        try {
            return measure.call();
        } finally {
            onFx(() -> {
                panel.setVisible(true);
                panel.setManaged(true);
                return null;
            });
        }
    }

    private static boolean chosen(String figure) {
        return ONLY.isEmpty() || Arrays.asList(ONLY.split(",")).contains(figure);
    }

    private static String figure(String name, double[] t) {
        System.err.printf(Locale.ROOT, "bench %s done at %.1f s%n", name, (System.nanoTime() - T0) / 1e9);
        return String.format(Locale.ROOT, "\"%s\": {\"median\": %.2f, \"p95\": %.2f, \"model_ms\": %.2f, "
                + "\"css_layout_ms\": %.2f, \"render_ms\": %.2f}", name, t[0], t[1], t[2], t[3], t[4]);
    }

    /**
     * Median and 95th percentile in ms of {@code changes} calls of {@code change}, each to its frame on screen, and the
     * medians of its parts (see {@link #explorerUpdates}), after {@link #warmup} unrecorded changes.
     */
    static double[] frameUpdates(Scene scene, Runnable change, int changes) throws Exception {
        ChangeTimer timer = new ChangeTimer(change, changes);
        AnimationTimer driver = new AnimationTimer() {
            @Override
            public void handle(long now) {
                timer.pulse();
            }
        };
        Runnable afterLayout = timer::afterLayout;
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            long now = System.nanoTime();
            Platform.runLater(() -> timer.frameDrawn(now));
        });
        onFx(() -> {
            scene.addPostLayoutPulseListener(afterLayout);
            driver.start();
            return null;
        });
        try {
            timer.finished.get(5, TimeUnit.MINUTES);
        } finally {
            onFx(() -> {
                driver.stop();
                scene.removePostLayoutPulseListener(afterLayout);
                tracker.setOnRenderedFrameTask(null);
                return null;
            });
        }
        double[][] parts = timer.parts;
        for (double[] part : parts) {
            Arrays.sort(part);
        }
        return new double[] {parts[0][changes / 2],
            parts[0][(int) Math.min(changes - 1, Math.ceil(changes * 0.95) - 1)],
            parts[1][changes / 2], parts[2][changes / 2], parts[3][changes / 2]};
    }

    /**
     * The clock of {@link #explorerUpdates}, on the FX thread only: a change per quiet pulse, timed at the change, after
     * layout and when its frame is drawn; the first {@link #warmup} changes are not recorded.
     */
    private static final class ChangeTimer {
        /** Per recorded change, in ms: the whole, the change itself, CSS and layout, the frame. */
        final double[][] parts;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final Runnable change;
        private int made;
        private boolean waiting;
        private long changeStart;
        private long changeEnd;
        private long laidOut;
        private long framesDrawn;
        private long framesAtLastPulse;

        ChangeTimer(Runnable change, int changes) {
            this.change = change;
            parts = new double[4][changes];
        }

        void pulse() {
            boolean quiet = framesDrawn == framesAtLastPulse;
            framesAtLastPulse = framesDrawn;
            if (waiting || !quiet) {
                return;
            }
            waiting = true;
            laidOut = 0;
            changeStart = System.nanoTime();
            change.run();
            changeEnd = System.nanoTime();
        }

        void afterLayout() {
            if (waiting && laidOut == 0) {
                laidOut = System.nanoTime();
            }
        }

        void frameDrawn(long now) {
            framesDrawn++;
            // A frame rendered before this change was laid out is an earlier one (its report can arrive after the
            // change's pulse, and an axis easing to a new range draws a few): not this change's.
            if (!waiting || laidOut == 0 || now < laidOut) {
                return;
            }
            int index = made - warmup;
            if (index >= 0) {
                parts[0][index] = (now - changeStart) / 1e6;
                parts[1][index] = (changeEnd - changeStart) / 1e6;
                parts[2][index] = (laidOut - changeEnd) / 1e6;
                parts[3][index] = (now - laidOut) / 1e6;
            }
            made++;
            waiting = false;
            if (index == parts[0].length - 1) {
                finished.complete(null);
            }
        }
    }

    /**
     * Frames per second (frames the renderer reports drawn, not merely pulses) and steps per second with the Training
     * tab animating 2-D blobs at full speed.
     */
    static double[] trainingFps(Workspace workspace, Parent root, double seconds) throws Exception {
        TrainingViewModel training = workspace.training();
        AtomicLong frames = new AtomicLong();
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(root.getScene());
        onFx(() -> {
            ((TabPane) root.lookup(".tab-pane")).getSelectionModel().select(1);
            training.chooseDataset(DatasetKind.BLOBS);
            training.speedExponentProperty().set(Limits.SPEED_EXPONENT.max());
            training.play();
            return null;
        });
        Thread.sleep(1500);
        long steps0 = onFx(() -> training.stepProperty().get());
        tracker.setOnRenderedFrameTask(frames::incrementAndGet);
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        tracker.setOnRenderedFrameTask(null);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long steps1 = onFx(() -> {
            training.pause();
            return training.stepProperty().get();
        });
        return new double[] {frames.get() / elapsed, (steps1 - steps0) / elapsed};
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }
}
