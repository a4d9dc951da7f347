package org.softmaxlab.calibration;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.softmaxlab.engine.Calibration;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.model.CalibrationDisplay;
import org.softmaxlab.model.CalibrationSource;
import org.softmaxlab.model.CalibrationState;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.state.StateModel;

/**
 * The Calibration tab: a thin adapter over one {@link CalibrationState} and its {@link CalibrationDisplay}. Every
 * control's change is an {@link #edit}. With the Training source it follows the Training tab's run (and the race's
 * second run): each new snapshot's model is scored on held-out points and the figures join a {@link
 * CalibrationHistory}, all on the FX thread (the held-out set is at most a few thousand rows).
 */
public final class CalibrationViewModel {
    /** Added to the Training tab's data seed for the held-out points: fresh draws from the same generator. */
    static final long HELD_OUT_SEED = 1_000_003;

    private final StateModel<CalibrationState, CalibrationDisplay> model =
            new StateModel<>(CalibrationState.initial(), CalibrationDisplay::of);
    private final ObservableValue<TrainingSnapshot> training;
    private final ObservableValue<TrainingSnapshot> race;
    private final Supplier<TrainingSetup> setup;
    private final Supplier<String> raceName;
    private final ReadOnlyObjectWrapper<CalibrationHistory> history =
            new ReadOnlyObjectWrapper<>(this, "history", CalibrationHistory.empty("cross-entropy"));
    private final ReadOnlyObjectWrapper<CalibrationHistory> raceHistory =
            new ReadOnlyObjectWrapper<>(this, "raceHistory", CalibrationHistory.empty(""));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** The held-out points and the setup and share they were drawn for. */
    private Dataset heldOut;
    private java.util.List<Object> heldOutKey;
    private CalibrationState imported;

    private final TrainingRun run;

    /**
     * The Training tab's run as this tab sees it.
     *
     * @param snapshots  the Training tab's snapshots (FX thread)
     * @param race       the race's second run's snapshots (null while there is none)
     * @param setup      the Training tab's setup (its dataset's generator)
     * @param raceName   the race's second loss, in words
     * @param pulse      takes the newest snapshots (the Training tab's own pulse stops while it is hidden)
     * @param togglePlay plays or pauses the run
     * @param running    whether it plays
     */
    public record TrainingRun(ObservableValue<TrainingSnapshot> snapshots, ObservableValue<TrainingSnapshot> race,
                              Supplier<TrainingSetup> setup, Supplier<String> raceName, Runnable pulse,
                              Runnable togglePlay, ObservableValue<Boolean> running) {
    }

    public CalibrationViewModel(TrainingRun run) {
        this.run = run;
        this.training = run.snapshots();
        this.race = run.race();
        this.setup = run.setup();
        this.raceName = run.raceName();
        training.addListener((o, a, s) -> follow(s, false));
        race.addListener((o, a, s) -> follow(s, true));
    }

    /** One edit of the state; false (and {@link #refusalProperty()} says why) when it is refused. */
    public boolean edit(UnaryOperator<CalibrationState> change) {
        return model.edit(change);
    }

    /** Switches the rows' source. */
    public void chooseSource(CalibrationSource source) {
        switch (source) {
            case TRAINING -> {
                history.set(CalibrationHistory.empty("cross-entropy"));
                raceHistory.set(CalibrationHistory.empty(""));
                if (training.getValue() == null || training.getValue().current() == null) {
                    status.set("The Training tab has no model yet: open it and press Play or Step.");
                    return;
                }
                status.set("");
                edit(s -> training(s.withHeldOutShare(s.heldOutShare()), training.getValue(), true));
                follow(race.getValue(), true);
            }
            case IMPORTED -> {
                if (imported == null) {
                    status.set("Nothing imported yet: File > Import Logits on this tab reads logits and targets.");
                } else {
                    status.set("");
                    edit(s -> s.withData(imported.source(), imported.data(), imported.fit(), imported.name()));
                }
            }
            default -> {
                status.set("");
                edit(s -> {
                    CalibrationState e = CalibrationState.example(source, s.bins(), s.binning(), s.heldOutShare());
                    return s.withData(source, e.data(), e.fit(), e.name());
                });
            }
        }
    }

    /**
     * A validation set made ready to show: its {@link Calibration} and fitted temperature, or why it is refused. Made
     * by {@link #prepare} on any thread (fitting a million rows takes a few hundred milliseconds), taken by {@link
     * #accept} on the FX thread.
     */
    public record Prepared(Calibration calibration, Calibration.Fit fit, String name, String refusal) {
    }

    /** Checks and fits a user's validation set; it touches nothing of the tab's, so it may run on a worker. */
    public static Prepared prepare(double[][] logits, int[] targets, String name) {
        Calibration c;
        try {
            c = new Calibration(logits, targets);
        } catch (IllegalArgumentException e) {
            return new Prepared(null, null, name, name + ": " + e.getMessage());
        }
        return new Prepared(c, c.fitTemperature(), name, null);
    }

    /** Shows a prepared validation set; false (and {@link #statusProperty()} says why) when it was refused. */
    public boolean accept(Prepared prepared) {
        if (prepared.refusal() != null) {
            status.set(prepared.refusal());
            return false;
        }
        Calibration c = prepared.calibration();
        String what = prepared.name() + ": " + Numbers.count(c.rows()) + " rows of " + c.classes() + " classes";
        imported = model.state().withData(CalibrationSource.IMPORTED, c, prepared.fit(), what);
        chooseSource(CalibrationSource.IMPORTED);
        return true;
    }

    /** A user's validation set, prepared and shown at once: refused with the engine's message when it is not one. */
    public boolean importRows(double[][] logits, int[] targets, String name) {
        return accept(prepare(logits, targets, name));
    }

    public void setTemperature(double t) {
        edit(s -> s.withTemperature(t));
    }

    public void setBins(int bins) {
        edit(s -> s.withBins(bins));
    }

    public void setBinning(Calibration.Binning b) {
        edit(s -> s.withBinning(b));
    }

    /** A new share of held-out points: with the Training source, new points are drawn and the history restarts. */
    public void setHeldOutShare(double share) {
        if (!edit(s -> s.withHeldOutShare(share))) {
            return;
        }
        if (model.state().source() == CalibrationSource.TRAINING) {
            chooseSource(CalibrationSource.TRAINING);
        }
    }

    /** Plays or pauses the Training tab's run (this tab's Play button). */
    public void togglePlay() {
        run.togglePlay().run();
    }

    /** Takes the run's newest snapshots: the view calls it once per frame while it follows the run. */
    public void onPulse() {
        run.pulse().run();
    }

    public ObservableValue<Boolean> runningProperty() {
        return run.running();
    }

    /** The temperature Fit T moves to, or NaN when there is none. */
    public double fittedTemperature() {
        return model.state().fit().temperature();
    }

    private void follow(TrainingSnapshot s, boolean isRace) {
        if (model.state().source() != CalibrationSource.TRAINING || s == null || s.current() == null || s.past()) {
            return;
        }
        if (isRace) {
            CalibrationState scored = training(model.state(), s, false);
            record(raceHistory, () -> scored.data().reliability(1, scored.bins(), scored.binning()), s, raceName.get());
            return;
        }
        edit(st -> training(st, s, false));
        // The display already holds the new rows' figures at T = 1.
        record(history, () -> model.display().original(), s, "cross-entropy");
    }

    /** Adds the run's figures at T = 1 (computed only when the step is new) to {@code into}. */
    private static void record(ReadOnlyObjectWrapper<CalibrationHistory> into, Supplier<Calibration.Report> atOne,
                               TrainingSnapshot s, String name) {
        CalibrationHistory h = into.get();
        if (s.steps() < h.lastStep() || !name.equals(h.name())) {
            h = CalibrationHistory.empty(name);
        }
        if (s.steps() > h.lastStep()) {
            Calibration.Report r = atOne.get();
            into.set(h.plus(s.steps(), r.ece(), r.nll(), r.accuracy()));
        }
    }

    /** {@code s} with the snapshot's model scored on the held-out points. */
    private CalibrationState training(CalibrationState s, TrainingSnapshot snap, boolean fresh) {
        Dataset data = heldOut(s.heldOutShare());
        double[][] logits = Linear.of(snap.current().weight(), snap.current().bias()).forward(data.x());
        Calibration c = new Calibration(logits, data.labels());
        String name = Numbers.count(data.size()) + " " + data.name() + " after " + Numbers.count(snap.steps())
                + " steps";
        return fresh || s.source() != CalibrationSource.TRAINING
                ? s.withData(CalibrationSource.TRAINING, c, c.fitTemperature(), name)
                : s.withRows(c, c.fitTemperature(), name);
    }

    /** Fresh points from the Training tab's generator (its own points for drawn points and the notebook's one). */
    private Dataset heldOut(double share) {
        TrainingSetup now = setup.get();
        java.util.List<Object> key = java.util.Arrays.asList(now.dataset(), now.classes(), now.perClass(),
                now.noise(), now.dataSeed(), now.points(), share);
        if (heldOut == null || !key.equals(heldOutKey)) {
            Dataset d;
            if (now.points() != null || !now.dataset().isPlanar()) {
                Dataset own = now.buildDataset();
                d = new Dataset(own.name() + " (the training points: no held-out draw)", own.x(), own.labels(),
                        own.classes());
            } else {
                int perClass = (int) Math.max(1, Math.round(now.perClass() * share));
                Dataset fresh = now.dataset().build(now.classes(), perClass, now.noise(),
                        now.dataSeed() + HELD_OUT_SEED);
                d = new Dataset("held-out " + now.dataset().label() + " points", fresh.x(), fresh.labels(),
                        fresh.classes());
            }
            heldOut = d;
            heldOutKey = key;
        }
        return heldOut;
    }

    public CalibrationState state() { return model.state(); }
    public CalibrationDisplay display() { return model.display(); }
    public ReadOnlyObjectProperty<CalibrationState> stateProperty() { return model.stateProperty(); }
    public ReadOnlyObjectProperty<CalibrationDisplay> displayProperty() { return model.displayProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return model.refusalProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CalibrationHistory> historyProperty() { return history.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CalibrationHistory> raceHistoryProperty() {
        return raceHistory.getReadOnlyProperty();
    }
    /** True while a new state is pushed out: see {@link StateModel#pushing()}. */
    public boolean pushing() { return model.pushing(); }
}
