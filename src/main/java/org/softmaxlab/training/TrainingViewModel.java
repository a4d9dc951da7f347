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
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.LossUnits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.Points;
import org.softmaxlab.model.TrainingHints;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.UpdateStage;

/**
 * The Training tab's state as {@code javafx.beans} properties (no scene graph). Training itself runs in a
 * {@link TrainingWorker}; the view calls {@link #onPulse()} once per frame to take the newest snapshot. Structural
 * settings (dataset, seeds, model, optimiser kind, batch size) restart the run; the learning rate, momentum and the
 * loss options apply while it runs.
 */
public final class TrainingViewModel implements AutoCloseable {
    /** The speed readout while paused. */
    static final String PAUSED_RATE = "\u2014";

    private final ObjectProperty<DatasetKind> dataset = new SimpleObjectProperty<>(this, "dataset",
            DatasetKind.NOTEBOOK);
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes", 3);
    private final IntegerProperty perClass = new SimpleIntegerProperty(this, "perClass", 100);
    private final DoubleProperty noise = new SimpleDoubleProperty(this, "noise", 0.8);
    private final LongProperty dataSeed = new SimpleLongProperty(this, "dataSeed", 1);
    private final LongProperty initSeed = new SimpleLongProperty(this, "initSeed", 1);
    private final BooleanProperty bias = new SimpleBooleanProperty(this, "bias", true);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            OptimizerKind.SGD);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final DoubleProperty momentum = new SimpleDoubleProperty(this, "momentum", 0);
    private final BooleanProperty nesterov = new SimpleBooleanProperty(this, "nesterov", false);
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(this, "weightDecay", 0);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 0);
    private final BooleanProperty weightsEnabled = new SimpleBooleanProperty(this, "weightsEnabled", false);
    private final StringProperty classWeights = new SimpleStringProperty(this, "classWeights", "");
    private final DoubleProperty labelSmoothing = new SimpleDoubleProperty(this, "labelSmoothing", 0);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1);
    private final DoubleProperty speedExponent = new SimpleDoubleProperty(this, "speedExponent", 1);
    private final StringProperty stopAtLoss = new SimpleStringProperty(this, "stopAtLoss", "");
    private final StringProperty stopAfterSteps = new SimpleStringProperty(this, "stopAfterSteps", "");

    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step", 0);
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", "");
    private final ReadOnlyStringWrapper accuracyText = new ReadOnlyStringWrapper(this, "accuracyText", "");
    private final ReadOnlyStringWrapper gradientNormText = new ReadOnlyStringWrapper(this, "gradientNormText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper(this, "logText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", PAUSED_RATE);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper lowerLrOffer = new ReadOnlyStringWrapper(this, "lowerLrOffer", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final BooleanProperty stagesMode = new SimpleBooleanProperty(this, "stagesMode", false);
    private final ReadOnlyIntegerWrapper stage = new ReadOnlyIntegerWrapper(this, "stage", 0);
    private final ReadOnlyObjectWrapper<UpdateStage> stageView = new ReadOnlyObjectWrapper<>(this, "stageView");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past", false);
    private final ReadOnlyLongWrapper historyEnd = new ReadOnlyLongWrapper(this, "historyEnd", 0);
    /** The unit of the loss shown (the Losses tab's switch). */
    private final ObjectProperty<LossUnits> units = new SimpleObjectProperty<>(this, "units", LossUnits.NATS);

    private final TrainingWorker worker;
    /** The race's second run, driven by the same commands. */
    private final RaceModel race = new RaceModel(this::setup);
    private final FormatRun formatRun = new FormatRun(this::setup);
    /** Initial parameters set by hand (heat map or scenario), used by resets until the setup changes. */
    private double[][] explicitWeight;
    private double[] explicitBias;
    /** Points drawn or imported in place of the seeded dataset. */
    private final DrawnPoints drawn = new DrawnPoints(this);
    /** Applying a dataset's defaults changes many settings; restart once at the end. */
    private boolean applying;

    public TrainingViewModel() {
        TrainingSetup initial = TrainingSetup.notebook();
        worker = new TrainingWorker(initial);
        load(initial);
        ChangeListener<Object> restart = (o, a, b) -> {
            if (!applying) {
                explicitWeight = null;
                explicitBias = null;
                reset();
            }
        };
        for (ObservableValue<?> p : java.util.List.of(classes, perClass, noise, dataSeed,
                initSeed, bias, optimizer, nesterov, weightDecay, batchSize)) {
            p.addListener(restart);
        }
        dataset.addListener((o, a, b) -> {
            if (!applying) {
                chooseDataset(b);
            }
        });
        learningRate.addListener((o, a, b) -> {
            worker.submit(w -> w.setLearningRate(b.doubleValue()));
            race.setLearningRate(b.doubleValue());
        });
        momentum.addListener((o, a, b) -> worker.submit(w -> w.setMomentum(b.doubleValue())));
        ChangeListener<Object> lossOptions = (o, a, b) -> {
            if (!applying) {
                CrossEntropyOptions options = lossOptions();
                worker.submit(w -> w.setLossOptions(options));
            }
        };
        for (ObservableValue<?> p : java.util.List.of(weightsEnabled, classWeights,
                labelSmoothing, temperature)) {
            p.addListener(lossOptions);
        }
        speedExponent.addListener((o, a, b) -> submitSpeed());
        submitSpeed();
        stagesMode.addListener((o, a, on) -> {
            stage.set(0);
            if (on) {
                pause();
            }
            worker.submit(w -> w.setStagesWanted(on));
        });
        stage.addListener(o -> showStage());
        units.addListener(o -> show(snapshot.get()));
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Loads the dataset's default setup (the notebook's example, or 3 blobs) and restarts at step 0. */
    public void chooseDataset(DatasetKind kind) {
        explicitWeight = null;
        explicitBias = null;
        load(TrainingSetup.forDataset(kind));
        reset();
    }

    public void play() {
        applyStops();
        worker.submit(TrainingWorker::play);
        race.follow(TrainingWorker::play);
    }

    public void pause() {
        worker.submit(TrainingWorker::pause);
        race.follow(TrainingWorker::pause);
    }

    public void togglePlay() {
        applyStops();
        worker.submit(TrainingWorker::togglePlay);
        race.follow(running.get() ? TrainingWorker::pause : TrainingWorker::play);
    }

    /** One step (when paused); in stages mode, the next stage, and after the last one the step itself. */
    public void step() {
        if (stagesMode.get()) {
            nextStage();
        } else {
            worker.submit(TrainingWorker::stepOnce);
            race.follow(TrainingWorker::stepOnce);
        }
    }

    /** Stages mode: the next stage of the update; after stage 7 the update is taken and the new loss shown. */
    public void nextStage() {
        if (stage.get() < UpdateStage.COUNT) {
            stage.set(stage.get() + 1);
        } else {
            stage.set(0);
            worker.submit(TrainingWorker::stepOnce);
            race.follow(TrainingWorker::stepOnce);
        }
    }

    /** Stages mode: back one stage (not past the start of the update). */
    public void previousStage() {
        stage.set(Math.max(0, stage.get() - 1));
    }

    /**
     * The history scrubber: shows past step {@code s} (every chart as it was; training pauses), or the run's current
     * step when {@code s} is at its end. Play and Step carry on from the end.
     */
    public void scrub(long s) {
        worker.submit(w -> w.showStep(s));
    }

    /** Restarts from the current settings with the same seeds: the rerun is identical. */
    public void reset() {
        TrainingSetup setup = setup();
        worker.submit(w -> w.restart(setup));
        race.restart();
    }

    /** After a divergence: a tenth of the learning rate, then a reset (the offer of {@link #lowerLrOfferProperty}). */
    public void resetWithLowerLr() {
        learningRate.set(lowerLr());
        reset();
    }

    private double lowerLr() {
        return Math.max(Limits.LEARNING_RATE.min(), learningRate.get() / 10);
    }

    /** A new initialisation seed, then a reset. */
    public void newSeed() {
        initSeed.set(initSeed.get() + 1);
    }

    /** Sets the learning rate from typed text (finite, > 0); returns null or the problem. */
    public String commitLearningRate(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok() || !Limits.LEARNING_RATE.contains(p.value())) {
            return refuse("learning rate: " + (p.ok() ? "it must be " + Numbers.rangeText(Limits.LEARNING_RATE)
                    : p.error()));
        }
        learningRate.set(p.value());
        message.set("");
        return null;
    }

    /** Sets the class weights from text such as "10, 1, 1" (K finite numbers >= 0); returns null or the problem. */
    public String commitClassWeights(String text) {
        Numbers.ParsedList weights = parseWeights(text);
        if (!weights.ok()) {
            return refuse(weights.error());
        }
        classWeights.set(text.strip());
        message.set("");
        return null;
    }

    /**
     * Restarts at step 0 from the current weights with entry (row, col) of [W | b] set to the typed value: the way to
     * try other initial weights. Returns null or the problem.
     */
    public String setInitialParameter(int row, int col, String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        TrainingSnapshot s = snapshot.get();
        if (!p.ok()) {
            return refuse("weight: " + p.error());
        }
        if (s == null || s.current() == null) {
            return refuse("weight: nothing to edit yet");
        }
        double[][] w = s.current().weight();
        double[] b = s.current().bias();
        if (row < 0 || row >= w.length || col < 0 || col > w[0].length || (col == w[0].length && b == null)) {
            return refuse("weight: no entry [" + row + "][" + col + "]");
        }
        if (col == w[0].length) {
            b[row] = p.value();
        } else {
            w[row][col] = p.value();
        }
        explicitWeight = w;
        explicitBias = b;
        reset();
        return null;
    }

    /**
     * Loads a whole setup (scenario files), including explicit initial weights, restarts at step 0 and runs
     * {@code steps} steps.
     */
    public void load(TrainingSetup s, int steps) {
        load(s);
        explicitWeight = s.initWeight();
        explicitBias = s.initBias();
        if (s.classWeights() != null) {
            applying = true;
            classWeights.set(Numbers.list(s.classWeights()));
            applying = false;
        }
        reset();
        if (steps > 0) {
            worker.submit(w -> w.runSteps(steps));
        }
    }

    /** Takes the newest snapshot from the worker, if any, and shows it. Call once per pulse on the FX thread. */
    public void onPulse() {
        TrainingSnapshot s = worker.take();
        if (s != null) {
            show(s);
        }
        race.onPulse();
        formatRun.onPulse(step.get());
    }

    /** The same run in a narrower format, drawn over this one's loss history. */
    public FormatRun formatRun() {
        return formatRun;
    }

    /** Completes when the worker has handled every command given so far (tests). */
    public CompletableFuture<Void> sync() { return worker.sync(); }
    @Override
    public void close() {
        worker.close();
        race.close();
        formatRun.close();
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /** The setup the next reset starts from: the controls' settings, and the initial parameters set by hand if any. */
    public TrainingSetup setup() {
        TrainingSetup s = new TrainingSetup(dataset.get(), dataset.get().classes(classes.get()), perClass.get(),
                noise.get(), dataSeed.get(), initSeed.get(), bias.get(), optimizer.get(), learningRate.get(),
                momentum.get(), nesterov.get(), weightDecay.get(), batchSize.get(), enabledWeights(),
                labelSmoothing.get(), temperature.get(), null, null, drawn.pointsProperty().get());
        return explicitWeight != null ? s.withInit(explicitWeight, explicitBias) : s.withDefaultInit();
    }

    private void load(TrainingSetup s) {
        if (s == null) {
            return;
        }
        applying = true;
        try {
            dataset.set(s.dataset());
            classes.set(s.classes());
            perClass.set(s.perClass());
            noise.set(s.noise());
            dataSeed.set(s.dataSeed());
            initSeed.set(s.initSeed());
            bias.set(s.bias());
            optimizer.set(s.optimizer());
            learningRate.set(s.lr());
            momentum.set(s.momentum());
            nesterov.set(s.nesterov());
            weightDecay.set(s.weightDecay());
            batchSize.set(s.batchSize());
            weightsEnabled.set(s.classWeights() != null);
            labelSmoothing.set(s.labelSmoothing());
            temperature.set(s.temperature());
            drawn.load(s.points());
        } finally {
            applying = false;
        }
    }

    private CrossEntropyOptions lossOptions() {
        return setup().lossOptions();
    }

    /** The class weights when weighting is on and the text holds K valid weights, else null. */
    private double[] enabledWeights() {
        return weightsEnabled.get() ? parseWeights(classWeights.get()).values() : null;
    }

    private Numbers.ParsedList parseWeights(String text) {
        return Numbers.parseList(text, dataset.get().classes(classes.get()), "class weights", Limits.CLASS_WEIGHT);
    }

    /** Hands the speed to the worker as a plain value read here, on the FX thread, and names it. */
    private void submitSpeed() {
        boolean unlimited = speedExponent.get() >= Limits.SPEED_EXPONENT.max();
        double perSecond = unlimited ? TrainingWorker.UNLIMITED : Math.pow(10, speedExponent.get());
        speedText.set(unlimited ? "max" : Numbers.count(perSecond) + "/s");
        worker.submit(w -> w.setSpeed(perSecond));
        race.setSpeed(perSecond);
    }

    private void applyStops() {
        Numbers.Parsed loss = Numbers.parseFinite(stopAtLoss.get());
        Numbers.Parsed steps = Numbers.parseFinite(stopAfterSteps.get());
        double lossValue = loss.ok() ? loss.value() : Double.NaN;
        long stepValue = steps.ok() ? (long) steps.value() : 0;
        worker.submit(w -> w.setStops(lossValue, stepValue));
    }

    private void show(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        // The scrubber's end first, so that the step it then moves to is inside its range.
        if (s.historySteps().length > 0) {
            historyEnd.set((long) s.historySteps()[s.historySteps().length - 1]);
        }
        snapshot.set(s);
        running.set(s.running());
        step.set(s.steps());
        past.set(s.past());
        showStage();
        message.set(s.message());
        // Under its "speed" heading the readout never goes blank: a dash while paused (narrower than the heading, so the
        // readouts keep their room at 200% zoom; the Play button says paused).
        rateText.set(s.running() ? Numbers.count(s.stepsPerSecond()) + " steps/s" : PAUSED_RATE);
        if (s.current() == null) {
            lossText.set("");
            accuracyText.set("");
            return;
        }
        lossText.set(Numbers.fixed4(units.get().of(s.current().loss())));
        accuracyText.set(Numbers.percent(s.accuracy()));
        gradientNormText.set(Numbers.fixed4(s.current().gradientNorm()));
        logText.set(String.join("\n", s.log()));
        hint.set(TrainingHints.plateau(s.historySteps(), s.historyAccuracy(), s.dataset().features() == 2));
        lowerLrOffer.set(s.message().startsWith("Training diverged") ? "Reset with lr = "
                + Numbers.editable(lowerLr()) : "");
    }

    private void showStage() {
        TrainingSnapshot s = snapshot.get();
        stageView.set(stagesMode.get() && s != null && s.stages() != null
                ? UpdateStage.of(s.stages(), stage.get(), optimizer.get(), temperature.get()) : null);
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
    public ReadOnlyStringProperty lossTextProperty() { return lossText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty accuracyTextProperty() { return accuracyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty gradientNormTextProperty() { return gradientNormText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logTextProperty() { return logText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rateTextProperty() { return rateText.getReadOnlyProperty(); }
    /** Why the accuracy stopped rising, when the data are more than a linear model can separate; or "". */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
    /** After a divergence, the text of the offer to reset with a tenth of the learning rate; else "". */
    public ReadOnlyStringProperty lowerLrOfferProperty() { return lowerLrOffer.getReadOnlyProperty(); }
    /** The chosen speed: "10/s", or "max". */
    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Stages mode: Step walks through one update stage by stage. */
    public BooleanProperty stagesModeProperty() { return stagesMode; }
    /** The stage shown, 0 (before stage 1) to {@link UpdateStage#COUNT}. */
    public ReadOnlyIntegerProperty stageProperty() { return stage.getReadOnlyProperty(); }
    /** What the stage shown says (null outside stages mode or before the stages arrive). */
    public ReadOnlyObjectProperty<UpdateStage> stageViewProperty() { return stageView.getReadOnlyProperty(); }
    /** True while the history scrubber shows a past step. */
    public ReadOnlyBooleanProperty pastProperty() { return past.getReadOnlyProperty(); }
    /** The run's current step: the end of the history scrubber. */
    public ReadOnlyLongProperty historyEndProperty() { return historyEnd.getReadOnlyProperty(); }
    public ObjectProperty<LossUnits> unitsProperty() { return units; }
    /** The race: a second run with another loss or learning rate. */
    public RaceModel race() { return race; }
    /** The points drawn on the plane (click, drag, remove, clear, CSV) in place of the seeded dataset. */
    public DrawnPoints drawn() { return drawn; }
}
