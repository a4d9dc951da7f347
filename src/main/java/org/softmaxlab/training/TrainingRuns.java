package org.softmaxlab.training;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.TrainingDisplay;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.model.TrainingState;

/**
 * The Training tab's runs: its own {@link TrainingWorker}, the race's second run and the format run, each command
 * given to every run it concerns, with plain values read on the FX thread.
 */
final class TrainingRuns implements AutoCloseable {
    private final TrainingWorker worker = new TrainingWorker(TrainingSetup.notebook());
    private final RaceModel race;
    private final FormatRun formatRun;

    TrainingRuns(Supplier<TrainingSetup> setup) {
        race = new RaceModel(setup);
        formatRun = new FormatRun(setup);
    }

    /** What a state change that keeps the run hands to it: learning rate, momentum and loss options. */
    void applyLive(TrainingState before, TrainingState after, TrainingSetup setup) {
        if (after.settings().lr() != before.settings().lr()) {
            double lr = after.settings().lr();
            worker.submit(w -> w.setLearningRate(lr));
            race.setLearningRate(lr);
        }
        if (after.settings().momentum() != before.settings().momentum()) {
            double m = after.settings().momentum();
            worker.submit(w -> w.setMomentum(m));
        }
        if (after.lossOptionsDifferFrom(before)) {
            var options = setup.lossOptions();
            worker.submit(w -> w.setLossOptions(options));
        }
    }

    /** What any state change hands to the runs: the speed, and stages mode (which pauses them). */
    void applyDriving(TrainingState before, TrainingState after) {
        if (after.speedExponent() != before.speedExponent()) {
            speed(after.speedExponent());
        }
        if (after.stagesMode() != before.stagesMode()) {
            boolean on = after.stagesMode();
            if (on) {
                both(TrainingWorker::pause);
            }
            worker.submit(w -> w.setStagesWanted(on));
        }
    }

    /** The speed as log10 of steps per second (the top of its range: as fast as possible). */
    void speed(double exponent) {
        double perSecond = TrainingDisplay.unlimited(exponent) ? TrainingWorker.UNLIMITED : Math.pow(10, exponent);
        worker.submit(w -> w.setSpeed(perSecond));
        race.setSpeed(perSecond);
    }

    /** The stop conditions as typed (what does not parse stops nothing). */
    void stops(TrainingState s) {
        Numbers.Parsed loss = Numbers.parseFinite(s.stopAtLoss());
        Numbers.Parsed steps = Numbers.parseFinite(s.stopAfterSteps());
        double lossValue = loss.ok() ? loss.value() : Double.NaN;
        long stepValue = steps.ok() ? (long) steps.value() : 0;
        worker.submit(w -> w.setStops(lossValue, stepValue));
    }

    /** A command for the run and the race's second run. */
    void both(Consumer<TrainingWorker> command) {
        worker.submit(command);
        race.follow(command);
    }

    /** Play or pause, as the run's own state says (the race follows the run). */
    void toggle(boolean running) {
        worker.submit(TrainingWorker::togglePlay);
        race.follow(running ? TrainingWorker::pause : TrainingWorker::play);
    }

    /** The run only (the scrubber, a scenario's steps). */
    void own(Consumer<TrainingWorker> command) {
        worker.submit(command);
    }

    void restart(TrainingSetup setup) {
        worker.submit(w -> w.restart(setup));
        race.restart();
    }

    /** The run's newest snapshot, or null. */
    TrainingSnapshot take() {
        return worker.take();
    }

    /** The race and the format run take their newest, once the run's own is shown at {@code step}. */
    void pulseCompanions(long step) {
        race.onPulse();
        formatRun.onPulse(step);
    }

    RaceModel race() {
        return race;
    }

    FormatRun formatRun() {
        return formatRun;
    }

    CompletableFuture<Void> sync() {
        return worker.sync();
    }

    @Override
    public void close() {
        worker.close();
        race.close();
        formatRun.close();
    }
}
