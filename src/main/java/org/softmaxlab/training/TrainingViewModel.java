package org.softmaxlab.training;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.LossUnits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.TrainingDisplay;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.model.TrainingState;
import org.softmaxlab.model.UpdateStage;
import org.softmaxlab.state.StateModel;

/**
 * The Training tab: a thin adapter over one {@link TrainingState} and its {@link TrainingDisplay} ({@link StateModel}).
 * Each control's property is linked to the state (a change is an edit; a new state sets it); what follows from an
 * edit is decided in one place, {@link #follow}, by comparing the states: a changed structure (dataset, seeds, model,
 * optimiser kind, batch size) restarts the run, the learning rate, momentum and loss options are handed to the
 * running worker. Training itself runs in a {@link TrainingWorker}; the view calls {@link #onPulse()} once per frame,
 * and the newest snapshot joins the state.
 */
public final class TrainingViewModel implements AutoCloseable {
    private final StateModel<TrainingState, TrainingDisplay> model =
            new StateModel<>(TrainingState.initial(), TrainingDisplay::of);

    // The controls' properties, each linked to the state: a change is an edit, a new state sets it.
    private final ObjectProperty<DatasetKind> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final IntegerProperty classes = model.link(new SimpleIntegerProperty(this, "classes"),
            s -> s.settings().classes(), v -> s -> s.withStructure(t -> t.withClasses(v.intValue())));
    private final IntegerProperty perClass = model.link(new SimpleIntegerProperty(this, "perClass"),
            s -> s.settings().perClass(), v -> s -> s.withStructure(t -> t.withPerClass(v.intValue())));
    private final DoubleProperty noise = model.link(new SimpleDoubleProperty(this, "noise"),
            s -> s.settings().noise(), v -> s -> s.withStructure(t -> t.withNoise(v.doubleValue())));
    private final LongProperty dataSeed = model.link(new SimpleLongProperty(this, "dataSeed"),
            s -> s.settings().dataSeed(), v -> s -> s.withStructure(t -> t.withDataSeed(v.longValue())));
    private final LongProperty initSeed = model.link(new SimpleLongProperty(this, "initSeed"),
            s -> s.settings().initSeed(), v -> s -> s.withStructure(t -> t.withInitSeed(v.longValue())));
    private final BooleanProperty bias = model.link(new SimpleBooleanProperty(this, "bias"),
            s -> s.settings().bias(), v -> s -> s.withStructure(t -> t.withBias(v)));
    private final ObjectProperty<OptimizerKind> optimizer = model.link(new SimpleObjectProperty<>(this, "optimizer"),
            s -> s.settings().optimizer(), v -> s -> s.withStructure(t -> t.withOptimizer(v)));
    private final BooleanProperty nesterov = model.link(new SimpleBooleanProperty(this, "nesterov"),
            s -> s.settings().nesterov(), v -> s -> s.withStructure(t -> t.withNesterov(v)));
    private final DoubleProperty weightDecay = model.link(new SimpleDoubleProperty(this, "weightDecay"),
            s -> s.settings().weightDecay(), v -> s -> s.withStructure(t -> t.withWeightDecay(v.doubleValue())));
    private final IntegerProperty batchSize = model.link(new SimpleIntegerProperty(this, "batchSize"),
            s -> s.settings().batchSize(), v -> s -> s.withStructure(t -> t.withBatchSize(v.intValue())));
    private final DoubleProperty learningRate = model.link(new SimpleDoubleProperty(this, "learningRate"),
            s -> s.settings().lr(), v -> s -> s.withLearningRate(v.doubleValue()));
    private final DoubleProperty momentum = model.link(new SimpleDoubleProperty(this, "momentum"),
            s -> s.settings().momentum(), v -> s -> s.withLive(t -> t.withMomentum(v.doubleValue())));
    private final DoubleProperty labelSmoothing = model.link(new SimpleDoubleProperty(this, "labelSmoothing"),
            s -> s.settings().labelSmoothing(), v -> s -> s.withLive(t -> t.withLabelSmoothing(v.doubleValue())));
    private final DoubleProperty temperature = model.link(new SimpleDoubleProperty(this, "temperature"),
            s -> s.settings().temperature(), v -> s -> s.withLive(t -> t.withTemperature(v.doubleValue())));
    private final BooleanProperty weightsEnabled = model.link(new SimpleBooleanProperty(this, "weightsEnabled"),
            TrainingState::weightsEnabled, v -> s -> s.withWeightsEnabled(v));
    private final StringProperty classWeights = new SimpleStringProperty(this, "classWeights");
    private final DoubleProperty speedExponent = model.link(new SimpleDoubleProperty(this, "speedExponent"),
            TrainingState::speedExponent, v -> s -> s.withSpeedExponent(v.doubleValue()));
    private final StringProperty stopAtLoss = model.link(new SimpleStringProperty(this, "stopAtLoss"),
            TrainingState::stopAtLoss, v -> s -> s.withStopAtLoss(v));
    private final StringProperty stopAfterSteps = model.link(new SimpleStringProperty(this, "stopAfterSteps"),
            TrainingState::stopAfterSteps, v -> s -> s.withStopAfterSteps(v));
    private final BooleanProperty stagesMode = model.link(new SimpleBooleanProperty(this, "stagesMode"),
            TrainingState::stagesMode, v -> s -> s.withStagesMode(v));
    private final IntegerProperty stage = model.link(new SimpleIntegerProperty(this, "stage"),
            TrainingState::stage, v -> s -> s.withStage(v.intValue()));
    /** The unit of the loss shown (the Losses tab's switch). */
    private final ObjectProperty<LossUnits> units = model.link(new SimpleObjectProperty<>(this, "units"),
            TrainingState::units, v -> s -> s.withUnits(v));

    // What the tab shows: the display's texts and flags.
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<UpdateStage> stageView = new ReadOnlyObjectWrapper<>(this, "stageView");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past");
    private final ReadOnlyLongWrapper historyEnd = new ReadOnlyLongWrapper(this, "historyEnd");
    /** The run's message, or a refusal of typed input (it stays until the run's own message changes). */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringProperty lossText = model.text(TrainingDisplay::lossText);
    private final ReadOnlyStringProperty accuracyText = model.text(TrainingDisplay::accuracyText);
    private final ReadOnlyStringProperty gradientNormText = model.text(TrainingDisplay::gradientNormText);
    private final ReadOnlyStringProperty logText = model.text(TrainingDisplay::logText);
    private final ReadOnlyStringProperty rateText = model.text(TrainingDisplay::rateText);
    private final ReadOnlyStringProperty speedText = model.text(TrainingDisplay::speedText);
    private final ReadOnlyStringProperty hint = model.text(TrainingDisplay::hint);
    private final ReadOnlyStringProperty lowerLrOffer = model.text(TrainingDisplay::lowerLrOffer);

    /** The run, the race's second run (driven by the same commands) and the format run. */
    private final TrainingRuns runs = new TrainingRuns(this::setup);
    /** Points drawn or imported in place of the seeded dataset. */
    private final DrawnPoints drawn = new DrawnPoints(this);
    /** Restarts so far: a command that must restart knows whether {@link #follow} already did. */
    private long restarts;

    public TrainingViewModel() {
        model.show(dataset, s -> s.settings().dataset());
        dataset.addListener((o, a, kind) -> {
            if (!model.pushing()) {
                chooseDataset(kind);
            }
        });
        model.show(classWeights, TrainingState::classWeights);
        model.show(snapshot, TrainingState::snapshot);
        show(model.display(), null);
        model.displayProperty().addListener((o, before, d) -> show(d, before));
        model.stateProperty().addListener((o, before, after) -> follow(before, after));
        runs.speed(model.state().speedExponent());
    }

    private void show(TrainingDisplay d, TrainingDisplay before) {
        // The scrubber's end first, so that the step it then moves to is inside its range.
        historyEnd.set(d.historyEnd());
        running.set(d.running());
        step.set(d.step());
        past.set(d.past());
        stageView.set(d.stage());
        if (before == null || !before.message().equals(d.message())) {
            message.set(d.message());
        }
    }

    /** What an accepted edit sets going: a restart, or the live settings handed to the run; speed and stages. */
    private void follow(TrainingState before, TrainingState after) {
        if (after.restartsFrom(before)) {
            reset();
        } else {
            runs.applyLive(before, after, setup());
        }
        runs.applyDriving(before, after);
    }

    /** The current state (tests, and the tabs that follow the run). */
    public TrainingState state() {
        return model.state();
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Loads the dataset's default setup (the notebook's example, or 3 blobs) and restarts at step 0. */
    public void chooseDataset(DatasetKind kind) {
        drawn.load(null);
        editThenRestart(s -> s.withDataset(kind));
    }

    /** An edit that always ends in a fresh run (once, whether or not the edit itself restarted it). */
    private void editThenRestart(java.util.function.UnaryOperator<TrainingState> change) {
        long before = restarts;
        model.edit(change);
        if (restarts == before) {
            reset();
        }
    }

    public void play() {
        runs.stops(model.state());
        runs.both(TrainingWorker::play);
    }

    public void pause() {
        runs.both(TrainingWorker::pause);
    }

    public void togglePlay() {
        runs.stops(model.state());
        runs.toggle(running.get());
    }

    /** One step (when paused); in stages mode, the next stage, and after the last one the step itself. */
    public void step() {
        if (model.state().stagesMode()) {
            nextStage();
        } else {
            stepOnce();
        }
    }

    private void stepOnce() {
        runs.both(TrainingWorker::stepOnce);
    }

    /** Stages mode: the next stage of the update; after stage 7 the update is taken and the new loss shown. */
    public void nextStage() {
        int shown = model.state().stage();
        model.edit(s -> s.withStage(shown < UpdateStage.COUNT ? shown + 1 : 0));
        if (shown == UpdateStage.COUNT) {
            stepOnce();
        }
    }

    /** Stages mode: back one stage (not past the start of the update). */
    public void previousStage() {
        model.edit(s -> s.withStage(s.stage() - 1));
    }

    /**
     * The history scrubber: shows past step {@code s} (every chart as it was; training pauses), or the run's current
     * step when {@code s} is at its end. Play and Step carry on from the end.
     */
    public void scrub(long s) {
        runs.own(w -> w.showStep(s));
    }

    /** Restarts from the current settings with the same seeds: the rerun is identical. */
    public void reset() {
        restarts++;
        runs.restart(setup());
    }

    /** After a divergence: a tenth of the learning rate, then a reset (the offer of {@link #lowerLrOfferProperty}). */
    public void resetWithLowerLr() {
        editThenRestart(s -> s.withLearningRate(s.lowerLearningRate()));
    }

    /** A new initialisation seed, then a reset. */
    public void newSeed() {
        model.edit(s -> s.withStructure(t -> t.withInitSeed(t.initSeed() + 1)));
    }

    /** Sets the learning rate from typed text (finite, > 0); returns null or the problem. */
    public String commitLearningRate(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("learning rate: " + p.error());
        }
        return commit(s -> s.withLearningRate(p.value()));
    }

    /** Sets the class weights from text such as "10, 1, 1" (K finite numbers >= 0); returns null or the problem. */
    public String commitClassWeights(String text) {
        return commit(s -> s.withClassWeights(text));
    }

    /** An edit from typed text: null when taken (the message line cleared), else the problem, shown there. */
    private String commit(java.util.function.UnaryOperator<TrainingState> change) {
        if (!model.edit(change)) {
            return refuse(model.refusalProperty().get());
        }
        message.set("");
        return null;
    }

    /**
     * Restarts at step 0 from the current weights with entry (row, col) of [W | b] set to the typed value: the way to
     * try other initial weights. Returns null or the problem.
     */
    public String setInitialParameter(int row, int col, String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("weight: " + p.error());
        }
        long before = restarts;
        String problem = commit(s -> s.withInitialParameter(row, col, p.value()));
        if (problem == null && restarts == before) {
            reset();
        }
        return problem;
    }

    /**
     * Loads a whole setup (scenario files), including explicit initial weights, restarts at step 0 and runs
     * {@code steps} steps.
     */
    public void load(TrainingSetup s, int steps) {
        drawn.load(s.points());
        editThenRestart(st -> st.loaded(s));
        if (steps > 0) {
            runs.own(w -> w.runSteps(steps));
        }
    }

    /** Takes the newest snapshot from the worker, if any, and shows it. Call once per pulse on the FX thread. */
    public void onPulse() {
        TrainingSnapshot s = runs.take();
        if (s != null) {
            model.edit(st -> st.withSnapshot(s));
        }
        runs.pulseCompanions(step.get());
    }

    /** The same run in a narrower format, drawn over this one's loss history. */
    public FormatRun formatRun() {
        return runs.formatRun();
    }

    /** Completes when the worker has handled every command given so far (tests). */
    public CompletableFuture<Void> sync() {
        return runs.sync();
    }

    @Override
    public void close() {
        runs.close();
    }

    /** The setup the next reset starts from: the controls' settings, and the initial parameters set by hand if any. */
    public TrainingSetup setup() {
        return model.state().setup(drawn.pointsProperty().get());
    }

    /** Shows a problem with the user's input (e.g. a spinner entry that was not taken) in the message line. */
    public void showProblem(String problem) {
        message.set(problem);
    }

    String refuse(String problem) {
        message.set(problem);
        return problem;
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public ObjectProperty<DatasetKind> datasetProperty() { return dataset; }
    public IntegerProperty classesProperty() { return classes; }
    public IntegerProperty perClassProperty() { return perClass; }
    public DoubleProperty noiseProperty() { return noise; }
    public LongProperty dataSeedProperty() { return dataSeed; }
    public LongProperty initSeedProperty() { return initSeed; }
    public BooleanProperty biasProperty() { return bias; }
    public ObjectProperty<OptimizerKind> optimizerProperty() { return optimizer; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public DoubleProperty momentumProperty() { return momentum; }
    public BooleanProperty nesterovProperty() { return nesterov; }
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public BooleanProperty weightsEnabledProperty() { return weightsEnabled; }
    /** The class weights as typed ("10, 1, 1"); set through {@link #commitClassWeights}. */
    public ReadOnlyStringProperty classWeightsProperty() { return classWeights; }
    public DoubleProperty labelSmoothingProperty() { return labelSmoothing; }
    public DoubleProperty temperatureProperty() { return temperature; }
    /** log10 of the steps per second; the top of {@link Limits#SPEED_EXPONENT} means as fast as possible. */
    public DoubleProperty speedExponentProperty() { return speedExponent; }
    public StringProperty stopAtLossProperty() { return stopAtLoss; }
    public StringProperty stopAfterStepsProperty() { return stopAfterSteps; }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyLongProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lossTextProperty() { return lossText; }
    public ReadOnlyStringProperty accuracyTextProperty() { return accuracyText; }
    public ReadOnlyStringProperty gradientNormTextProperty() { return gradientNormText; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logTextProperty() { return logText; }
    public ReadOnlyStringProperty rateTextProperty() { return rateText; }
    /** Why the accuracy stopped rising, when the data are more than a linear model can separate; or "". */
    public ReadOnlyStringProperty hintProperty() { return hint; }
    /** After a divergence, the text of the offer to reset with a tenth of the learning rate; else "". */
    public ReadOnlyStringProperty lowerLrOfferProperty() { return lowerLrOffer; }
    /** The chosen speed: "10/s", or "max". */
    public ReadOnlyStringProperty speedTextProperty() { return speedText; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Stages mode: Step walks through one update stage by stage. */
    public BooleanProperty stagesModeProperty() { return stagesMode; }
    /** The stage shown, 0 (before stage 1) to {@link UpdateStage#COUNT}. */
    public ReadOnlyIntegerProperty stageProperty() { return stage; }
    /** What the stage shown says (null outside stages mode or before the stages arrive). */
    public ReadOnlyObjectProperty<UpdateStage> stageViewProperty() { return stageView.getReadOnlyProperty(); }
    /** True while the history scrubber shows a past step. */
    public ReadOnlyBooleanProperty pastProperty() { return past.getReadOnlyProperty(); }
    /** The run's current step: the end of the history scrubber. */
    public ReadOnlyLongProperty historyEndProperty() { return historyEnd.getReadOnlyProperty(); }
    public ObjectProperty<LossUnits> unitsProperty() { return units; }
    /** The race: a second run with another loss or learning rate. */
    public RaceModel race() { return runs.race(); }
    /** The points drawn on the plane (click, drag, remove, clear, CSV) in place of the seeded dataset. */
    public DrawnPoints drawn() { return drawn; }
}
