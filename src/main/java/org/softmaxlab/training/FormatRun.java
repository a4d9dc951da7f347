package org.softmaxlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.engine.RoundedTraining;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.TrainingSetup;

/**
 * The Training tab's run in a narrower format ({@code #trainingPrecision}, {@code #lossScale}): the same setup, from
 * the same initial weights, trained by {@link RoundedTraining} on a worker thread of its own, step for step behind the
 * main run up to {@link #MOST_STEPS}; its loss history is drawn over the float64 one. The worker leaves its newest
 * curve in one slot; {@link #onPulse(long)} takes it once per pulse.
 */
public final class FormatRun {
    /** The format run follows the main run this far. */
    public static final int MOST_STEPS = 20_000;
    /** Steps the worker takes between two hand-overs. */
    private static final int CHUNK = 250;
    /** The static loss scales offered: powers of two, as mixed-precision training uses. */
    public static final List<Double> LOSS_SCALES = List.of(1.0, 16.0, 256.0, 1024.0, 4096.0, 65536.0);

    /**
     * What the chart and the note show.
     *
     * @param steps      the steps computed so far
     * @param losses     their losses in the format
     * @param underflow  the last step's flushed backward operations
     */
    public record Curve(double[] steps, double[] losses, int underflow, String note) {
        static final Curve NONE = new Curve(new double[0], new double[0], 0, "");
    }

    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision",
            Precision.FLOAT64);
    private final DoubleProperty lossScale = new SimpleDoubleProperty(this, "lossScale", 1);
    private final BooleanProperty float32Master = new SimpleBooleanProperty(this, "float32Master", true);
    private final ReadOnlyObjectWrapper<Curve> curve = new ReadOnlyObjectWrapper<>(this, "curve", Curve.NONE);
    private final Supplier<TrainingSetup> setup;
    private final AtomicReference<Curve> newest = new AtomicReference<>();
    private ExecutorService worker;
    private Job job;
    private long lastMainStep;

    /** @param setup the Training tab's setup now (its initial weights, data and learning rate) */
    public FormatRun(Supplier<TrainingSetup> setup) {
        this.setup = setup;
    }

    /** One format run: its settings and the steps asked of it so far. */
    private final class Job implements Runnable {
        final String key;
        final RoundedTraining run;
        final List<Double> losses = new ArrayList<>();
        volatile long target;
        volatile boolean cancelled;
        /** The steps taken: written by the worker, read by the FX thread. */
        volatile int computed;
        int lastUnderflow;

        Job(String key, RoundedTraining run) {
            this.key = key;
            this.run = run;
        }

        @Override
        public void run() {
            while (!cancelled && losses.size() < Math.min(target + 1, MOST_STEPS)) {
                int end = (int) Math.min(Math.min(target + 1, MOST_STEPS), losses.size() + CHUNK);
                while (losses.size() < end && !cancelled) {
                    RoundedTraining.Step s = run.step();
                    losses.add(s.loss());
                    lastUnderflow = s.underflowed();
                    computed = losses.size();
                }
                publish();
            }
        }

        void publish() {
            double[] x = new double[losses.size()];
            double[] y = new double[losses.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
                y[i] = losses.get(i);
            }
            if (!cancelled) {
                newest.set(new Curve(x, y, lastUnderflow, note(x.length, lastUnderflow)));
            }
        }

        String note(int steps, int underflow) {
            String format = precision.get().label();
            double last = losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
            return "The same run in " + format + (lossScale.get() == 1 ? "" : ", loss scale "
                    + Numbers.count(lossScale.get())) + (float32Master.get() ? ", float32 master weights" : "")
                    + ": loss " + Numbers.fixed4(last) + " at step " + Numbers.count(steps - 1) + "; "
                    + Numbers.count(underflow) + " gradient operations flushed to 0 in its last step"
                    + (steps >= MOST_STEPS ? " (followed to step " + Numbers.count(MOST_STEPS) + ")" : "");
        }
    }

    /** Each pulse: hands over the newest curve and asks the worker to follow the main run to {@code mainStep}. */
    public void onPulse(long mainStep) {
        Curve c = newest.getAndSet(null);
        if (c != null) {
            curve.set(c);
        }
        if (precision.get() == Precision.FLOAT64) {
            stop();
            return;
        }
        TrainingSetup s = setup.get();
        String refused = refusal(s);
        if (refused != null) {
            stop();
            curve.set(new Curve(new double[0], new double[0], 0, refused));
            return;
        }
        String key = key(s);
        // A new setup or format, or a reset of the main run (its step went back): the format run starts again.
        if (job == null || !job.key.equals(key) || mainStep < lastMainStep) {
            start(key, s);
        }
        lastMainStep = mainStep;
        if (job.target != mainStep) {
            job.target = mainStep;
            worker.execute(job);
        }
    }

    private void start(String key, TrainingSetup s) {
        stop();
        Trainer t = s.build();
        Precision f = precision.get();
        RoundedTraining run = new RoundedTraining(t.dataset().x(), t.dataset().labels(),
                org.softmaxlab.engine.CrossEntropyOptions.DEFAULT_IGNORE_INDEX, t.model().weight(), t.model().bias(),
                s.lr(), new RoundedTraining.Settings(f, float32Master.get() ? Precision.FLOAT32 : f, lossScale.get()));
        job = new Job(key, run);
        job.target = -1;
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "format-run");
                th.setDaemon(true);
                return th;
            });
        }
        curve.set(new Curve(new double[0], new double[0], 0, "The same run in " + f.label() + ": starting"));
    }

    private void stop() {
        if (job != null) {
            job.cancelled = true;
            job = null;
            newest.set(null);
            curve.set(Curve.NONE);
        }
    }

    /** Why this setup has no format run (it takes plain full-batch SGD under plain cross-entropy), or null. */
    static String refusal(TrainingSetup s) {
        String what = s.optimizer() != OptimizerKind.SGD ? "Adam" : s.momentum() != 0 ? "momentum"
                : s.weightDecay() != 0 ? "weight decay" : s.batchSize() != 0 ? "mini-batches"
                : s.classWeights() != null ? "class weights" : s.labelSmoothing() != 0 ? "label smoothing"
                : s.temperature() != 1 ? "a temperature" : null;
        return what == null ? null : "A run in another format trains with plain full-batch SGD under plain "
                + "cross-entropy; this setup has " + what + ".";
    }

    /** What a format run depends on: the format's settings and the setup's data, weights and learning rate. */
    private String key(TrainingSetup s) {
        return precision.get() + " " + lossScale.get() + " " + float32Master.get() + " " + s.dataset() + " "
                + s.classes() + " " + s.perClass() + " " + s.noise() + " " + s.dataSeed() + " " + s.initSeed() + " "
                + s.bias() + " " + s.lr() + " " + Arrays.deepToString(s.initWeight()) + " "
                + Arrays.toString(s.initBias()) + " " + System.identityHashCode(s.points());
    }

    /** Stops the worker (the window closes); from any thread, so it leaves the properties alone. */
    public void close() {
        if (job != null) {
            job.cancelled = true;
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    public DoubleProperty lossScaleProperty() {
        return lossScale;
    }

    public BooleanProperty float32MasterProperty() {
        return float32Master;
    }

    public ReadOnlyObjectProperty<Curve> curveProperty() {
        return curve.getReadOnlyProperty();
    }
}
