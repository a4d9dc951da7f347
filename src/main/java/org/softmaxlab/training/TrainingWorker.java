package org.softmaxlab.training;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.StopReason;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;

/**
 * Runs a {@link Trainer} on its own thread. The UI never waits for it: commands go in through a queue, and the
 * newest {@link TrainingSnapshot} is left in one slot that the UI takes once per pulse ({@link #take()}); snapshots
 * the UI did not take are simply replaced, so nothing piles up however fast training runs.
 */
public final class TrainingWorker implements AutoCloseable {
    /** Speeds at or above this run as fast as the machine allows. */
    public static final double UNLIMITED = 1e6;
    /**
     * A snapshot the UI has not taken yet is replaced at most this often (it takes one per 60 Hz frame; replacing
     * faster only makes garbage). Once it has taken one, the next follows the current burst of steps, so that every
     * frame finds a new one: publishing on a 60 Hz clock of the worker's own beat against the pulses and left about
     * a quarter of the frames with nothing new to draw (45 drawn frames a second instead of 60).
     */
    private static final long PUBLISH_NANOS = 1_000_000_000L / 60;
    private static final int LOG_LINES = 500;
    private static final long YIELD_NANOS = 3_000_000L;
    /** A loss this many times its starting value (and at least 10x 0.1) counts as divergence. */
    static final double DIVERGENCE_FACTOR = 10;

    private final BlockingQueue<Consumer<TrainingWorker>> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    // Confined to the worker thread.
    private Trainer trainer;
    private final LossHistory history = new LossHistory();
    private final ArrayDeque<String> log = new ArrayDeque<>();
    private boolean running;
    private double stepsPerSecond = 60;
    private long stopAfter = Long.MAX_VALUE;
    private double stopAtLoss = Double.NEGATIVE_INFINITY;
    private String message = "";
    private StopReason stop = StopReason.NONE;
    private long playStart;
    private long stepsAtPlayStart;
    private long lastPublish;
    private long rateWindowStart;
    private long rateWindowSteps;
    private double measuredRate;
    private double firstLoss = Double.NaN;
    /** The last step with a line in the log (the notebook prints every tenth). */
    private long lastLogged = -1;
    /** Set when a step's loss diverged; the message then describes the state shown (after that step). */
    private boolean divergedByGrowth;
    /** Whether the snapshots carry the next update taken apart (stages mode). */
    private boolean stagesWanted;
    /** The past step the history scrubber shows, or -1 for the run's current step. */
    private long shownStep = -1;

    public TrainingWorker(TrainingSetup setup) {
        thread = new Thread(this::loop, "softmax-lab-training");
        thread.setDaemon(true);
        submit(w -> w.restart(setup));
        thread.start();
    }

    /** The newest snapshot not yet taken, or null. Any thread; the UI calls it once per pulse. */
    public TrainingSnapshot take() {
        return latest.getAndSet(null);
    }

    /** Runs {@code command} on the worker thread, after the commands before it. */
    public void submit(Consumer<TrainingWorker> command) {
        commands.add(command);
    }

    /** Completes once every command submitted before it has run and its snapshot is published. */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(w -> {
            w.publish();
            done.complete(null);
        });
        return done;
    }

    // ---- commands (worker thread) ----------------------------------------------------------------------------

    /** Starts over from {@code setup}: step 0, empty history and log, paused. */
    public void restart(TrainingSetup setup) {
        running = false;
        stopped(StopReason.NONE, "");
        try {
            trainer = setup.build();
        } catch (IllegalArgumentException e) {
            stopped(StopReason.CANNOT_START, "cannot start: " + e.getMessage());
        }
        history.clear();
        log.clear();
        lastLogged = -1;
        divergedByGrowth = false;
        publish();
    }

    public void play() {
        shownStep = -1;
        if (trainer == null || divergedByGrowth || trainer.peek().diverged()) {
            return;
        }
        running = true;
        stopped(StopReason.NONE, "");
        playStart = System.nanoTime();
        stepsAtPlayStart = trainer.steps();
        rateWindowStart = playStart;
        rateWindowSteps = trainer.steps();
        publish();
    }

    public void pause() {
        running = false;
        publish();
    }

    public void togglePlay() {
        if (running) {
            pause();
        } else {
            play();
        }
    }

    /** One step, when paused (from the run's current step, wherever the scrubber was). */
    public void stepOnce() {
        shownStep = -1;
        if (!running && trainer != null) {
            runStep();
            publish();
        }
    }

    /** Runs {@code n} steps now (paused or not), stopping early on divergence, then publishes. */
    public void runSteps(int n) {
        if (trainer == null) {
            return;
        }
        boolean wasRunning = running;
        running = true;
        for (int i = 0; i < n && running; i++) {
            runStep();
        }
        running = running && wasRunning;
        publish();
    }

    /** Whether each snapshot should carry the next update taken apart ({@link Trainer#stages()}). */
    public void setStagesWanted(boolean wanted) {
        stagesWanted = wanted;
        publish();
    }

    /**
     * Shows past step {@code step} (the nearest recorded at or before it; training pauses), or the current step when
     * {@code step} is at or past it.
     */
    public void showStep(long step) {
        running = false;
        shownStep = trainer == null || step >= trainer.steps() ? -1 : step;
        publish();
    }

    public void setSpeed(double perSecond) {
        stepsPerSecond = perSecond;
        playStart = System.nanoTime();
        stepsAtPlayStart = trainer == null ? 0 : trainer.steps();
    }

    /** Pause when the loss falls to {@code loss} (NaN: never) or after {@code steps} steps (<= 0: never). */
    public void setStops(double loss, long steps) {
        stopAtLoss = Double.isNaN(loss) ? Double.NEGATIVE_INFINITY : loss;
        stopAfter = steps <= 0 ? Long.MAX_VALUE : steps;
    }

    public void setLearningRate(double lr) {
        if (trainer != null) {
            trainer.optimizer().setLearningRate(lr);
        }
    }

    public void setMomentum(double momentum) {
        if (trainer != null && trainer.optimizer() instanceof Sgd sgd && (!sgd.nesterov() || momentum > 0)) {
            sgd.setMomentum(momentum);
        }
    }

    /** Trains with another loss from now on (the race's second run). */
    public void setLoss(LossSpec spec) {
        if (trainer != null) {
            trainer.setLoss(spec);
            publish();
        }
    }

    public void setLossOptions(CrossEntropyOptions options) {
        if (trainer != null && (options.weight() == null
                || options.weight().length == trainer.dataset().classes())) {
            trainer.setLossOptions(options);
            publish();
        }
    }

    // ---- the loop ------------------------------------------------------------------------------------------

    private void loop() {
        while (!closed) {
            try {
                Consumer<TrainingWorker> command = running ? commands.poll()
                        : commands.poll(50, TimeUnit.MILLISECONDS);
                while (command != null) {
                    command.accept(this);
                    command = commands.poll();
                }
                if (running) {
                    advance();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Any failure of a step or a command (an Error too) stops the run, not the thread: the user is told
                // and Reset starts over.
                running = false;
                stopped(StopReason.FAILED, "training stopped: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
                publish();
            }
        }
    }

    /** Runs the steps that are due at the chosen speed (for at most a few milliseconds), then publishes. */
    private void advance() {
        long now = System.nanoTime();
        long deadline = now + 4_000_000L;
        long due = stepsPerSecond >= UNLIMITED ? Long.MAX_VALUE
                : stepsAtPlayStart + (long) ((now - playStart) * 1e-9 * stepsPerSecond) - trainer.steps();
        long done = 0;
        while (running && done < due) {
            runStep();
            done++;
            if ((done & 63) == 0 && System.nanoTime() >= deadline) {
                break;
            }
        }
        now = System.nanoTime();
        if (now - rateWindowStart >= 1_000_000_000L) {
            measuredRate = (trainer.steps() - rateWindowSteps) * 1e9 / (now - rateWindowStart);
            rateWindowStart = now;
            rateWindowSteps = trainer.steps();
        }
        boolean taken = latest.get() == null;
        if (done > 0 && (taken || now - lastPublish >= PUBLISH_NANOS) || !running) {
            publish();
        }
        if (running && done == 0) {
            LockSupport.parkNanos(Math.min(2_000_000L, (long) (1e9 / Math.max(1, stepsPerSecond))));
        } else if (running && stepsPerSecond >= UNLIMITED) {
            // On two cores the FX thread and the renderer need one between them: leave them every other slice.
            LockSupport.parkNanos(YIELD_NANOS);
        }
    }

    /** One step; pauses with a message on divergence or a stop condition. */
    private void runStep() {
        int step = trainer.steps();
        boolean recorded = history.wants(step);
        double[][] weight = recorded ? trainer.model().weight() : null;
        double[] bias = recorded ? trainer.model().bias() : null;
        double loss = trainer.stepLoss();
        if (recorded) {
            history.add(step, loss, trainer.lastAccuracy(), trainer.lastLogits(0), weight, bias);
        }
        if (step % 10 == 0) {
            addLog(step, loss);
        }
        if (!Double.isFinite(loss) || (step > 0 && loss > DIVERGENCE_FACTOR * Math.max(firstLoss, 0.1))) {
            running = false;
            divergedByGrowth = true;
        } else if (trainer.steps() >= stopAfter) {
            running = false;
            stopped(StopReason.STEPS, "Stopped after " + trainer.steps() + " steps.");
        } else if (loss <= stopAtLoss) {
            running = false;
            stopped(StopReason.LOSS, "Stopped: the loss reached " + Numbers.fixed4(loss) + ".");
        }
    }

    /** The log line of {@code step} (the notebook's format), from the trainer's last batch. */
    private void addLog(long step, double loss) {
        if (step <= lastLogged) {
            return;
        }
        lastLogged = step;
        if (log.size() == LOG_LINES) {
            log.removeFirst();
        }
        log.addLast(TrainingMessages.logLine(step, loss, trainer.lastBatchRows() == 1 ? trainer.lastLogits(0) : null));
    }

    /**
     * Hands the state after {@link Trainer#steps()} updates to the UI: the current parameters evaluated on the next
     * batch, and a history and a log that end at that same step (the notebook's "Step i" is the loss before update i).
     */
    private void publish() {
        lastPublish = System.nanoTime();
        if (trainer == null) {
            latest.set(new TrainingSnapshot(null, 0, new double[0], new double[0], new double[0], new double[0][], 0,
                    List.copyOf(log), false, message, 0, null, 1, null, false, stop));
            return;
        }
        TrainingStep current = trainer.peek();
        int step = current.step();
        if (step == 0) {
            firstLoss = current.loss();
        }
        if (step % 10 == 0) {
            addLog(step, current.loss());
        }
        if (divergedByGrowth && current.undefined()) {
            stopped(StopReason.UNDEFINED, "Training stopped: the loss is " + current.undefinedReason() + ".");
        } else if (divergedByGrowth || current.diverged()) {
            stopped(StopReason.DIVERGED, TrainingMessages.divergence(current, trainer.optimizer().learningRate(),
                    firstLoss));
        }
        double[] steps = history.steps();
        double[] losses = history.losses();
        double[] accuracies = history.accuracies();
        double[][] logits = history.logits();
        if (steps.length == 0 || steps[steps.length - 1] < step) {
            // The current step is the curve's last point: the header, the curve and the log agree.
            steps = append(steps, step);
            losses = append(losses, current.loss());
            accuracies = append(accuracies, current.accuracy());
            logits = java.util.Arrays.copyOf(logits, logits.length + 1);
            logits[logits.length - 1] = current.logits()[0];
        }
        TrainingStep shown = current;
        long shownAt = step;
        int past = shownStep >= 0 ? history.indexAtOrBefore(shownStep) : -1;
        double accuracy;
        if (past >= 0) {
            // The scrubber: the same charts, from the parameters that step was computed with.
            Trainer then = new Trainer(trainer.dataset(), Linear.of(history.weightAt(past), history.biasAt(past)),
                    Sgd.plain(1), trainer.lossOptions(), trainer.batchSize(), 0);
            then.setLoss(trainer.loss());
            shown = then.peek();
            shownAt = history.stepAt(past);
            accuracy = then.datasetAccuracy();
        } else {
            accuracy = trainer.datasetAccuracy();
        }
        latest.set(new TrainingSnapshot(shown, shownAt, steps, losses, accuracies, logits, accuracy,
                List.copyOf(log), running, message, running ? measuredRate : 0, trainer.dataset(),
                trainer.lossOptions().temperature(), stagesWanted && past < 0 ? trainer.stages() : null, past >= 0,
                stop));
    }

    /** Why the run paused by itself, and the message that says it. */
    private void stopped(StopReason reason, String text) {
        stop = reason;
        message = text;
    }

    private static double[] append(double[] values, double v) {
        double[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    /** Stops the thread; further commands are ignored. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
