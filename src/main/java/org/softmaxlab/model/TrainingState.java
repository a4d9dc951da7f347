package org.softmaxlab.model;

/**
 * Everything the Training tab's controls hold, and the newest snapshot of the run: one immutable value, edited with
 * {@code with...()} as {@link ExplorerState} is. {@link TrainingDisplay#of} makes what the tab shows from it.
 *
 * <p>{@code settings} holds the run's setup as the controls set it: {@code classes} as the spinner says (a dataset
 * with its own K ignores it), no class weights (they are the typed {@code classWeights}, on when
 * {@code weightsEnabled}), no points (the drawn points are {@code DrawnPoints}'), and explicit initial parameters only
 * when they were set by hand (the heat map or a scenario); {@link #setup} makes the setup a run starts from.
 *
 * @param settings       the run's setup as the controls hold it (see above)
 * @param weightsEnabled whether the class weights apply
 * @param classWeights   the class weights as typed ("10, 1, 1"), checked when typed
 * @param speedExponent  log10 of the steps per second; the top of {@link Limits#SPEED_EXPONENT} means unlimited
 * @param stopAtLoss     the loss to stop at, as typed ("" for none)
 * @param stopAfterSteps the step to stop after, as typed ("" for none)
 * @param stagesMode     whether Step walks through one update stage by stage
 * @param stage          the stage shown, 0 (before stage 1) to {@link UpdateStage#COUNT}
 * @param units          the unit of the loss shown
 * @param snapshot       the newest state of the run from its worker, or null before the first
 */
public record TrainingState(TrainingSetup settings, boolean weightsEnabled, String classWeights, double speedExponent,
                            String stopAtLoss, String stopAfterSteps, boolean stagesMode, int stage, LossUnits units,
                            TrainingSnapshot snapshot) {

    /** The notebook's example C at 10 steps per second, nothing run yet. */
    public static TrainingState initial() {
        return new TrainingState(TrainingSetup.notebook().withInit(null, null), false, "", 1, "", "", false, 0,
                LossUnits.NATS, null);
    }

    /** K as the run has it (the dataset's own, or the spinner's). */
    public int classCount() {
        return settings.dataset().classes(settings.classes());
    }

    /** The setup a run starts from: the controls' settings, the class weights if on, and {@code points}. */
    public TrainingSetup setup(Points points) {
        TrainingSetup s = new TrainingSetup(settings.dataset(), classCount(), settings.perClass(), settings.noise(),
                settings.dataSeed(), settings.initSeed(), settings.bias(), settings.optimizer(), settings.lr(),
                settings.momentum(), settings.nesterov(), settings.weightDecay(), settings.batchSize(),
                enabledWeights(), settings.labelSmoothing(), settings.temperature(), null, null, points);
        return settings.initWeight() != null ? s.withInit(settings.initWeight(), settings.initBias())
                : s.withDefaultInit();
    }

    /** The class weights when weighting is on and the text holds K valid weights, else null. */
    public double[] enabledWeights() {
        return weightsEnabled ? parseWeights(classWeights).values() : null;
    }

    private Numbers.ParsedList parseWeights(String text) {
        return Numbers.parseList(text, classCount(), "class weights", Limits.CLASS_WEIGHT);
    }

    /**
     * Whether going from {@code before} to this state needs a fresh run: any setting changed but the learning rate,
     * the momentum and the loss options, which apply while it runs.
     */
    public boolean restartsFrom(TrainingState before) {
        return !structure(settings).equals(structure(before.settings));
    }

    private static TrainingSetup structure(TrainingSetup t) {
        return t.withLr(0).withMomentum(0).withLabelSmoothing(0).withTemperature(1);
    }

    /** Whether the loss options (weights, smoothing, temperature) differ from {@code before}'s. */
    public boolean lossOptionsDifferFrom(TrainingState before) {
        return weightsEnabled != before.weightsEnabled || !classWeights.equals(before.classWeights)
                || settings.labelSmoothing() != before.settings.labelSmoothing()
                || settings.temperature() != before.settings.temperature();
    }

    /** A tenth of the learning rate, not below the smallest allowed: the offer after a divergence. */
    public double lowerLearningRate() {
        return Math.max(Limits.LEARNING_RATE.min(), settings.lr() / 10);
    }

    /** The dataset's default setup (the notebook's example, or 3 blobs), class weights off. */
    public TrainingState withDataset(DatasetKind kind) {
        return with(TrainingSetup.forDataset(kind).withInit(null, null), false, classWeights);
    }

    /** A whole setup (a scenario), with its initial parameters and class weights. */
    public TrainingState loaded(TrainingSetup s) {
        double[] w = s.classWeights();
        TrainingSetup settingsOnly = new TrainingSetup(s.dataset(), s.classes(), s.perClass(), s.noise(),
                s.dataSeed(), s.initSeed(), s.bias(), s.optimizer(), s.lr(), s.momentum(), s.nesterov(),
                s.weightDecay(), s.batchSize(), null, s.labelSmoothing(), s.temperature(), s.initWeight(),
                s.initBias(), null);
        return with(settingsOnly, w != null, w != null ? Numbers.list(w) : classWeights);
    }

    /** A setting that changes the run's structure (classes, seeds, optimiser, ...): hand-set parameters are dropped. */
    public TrainingState withStructure(java.util.function.UnaryOperator<TrainingSetup> change) {
        return with(change.apply(settings).withInit(null, null), weightsEnabled, classWeights);
    }

    /** A setting that applies while the run goes on (learning rate, momentum, smoothing, temperature). */
    public TrainingState withLive(java.util.function.UnaryOperator<TrainingSetup> change) {
        return with(change.apply(settings), weightsEnabled, classWeights);
    }

    /** Explicit initial parameters (the heat map): the next run starts from them. */
    public TrainingState withInit(double[][] weight, double[] bias) {
        return with(settings.withInit(weight, bias), weightsEnabled, classWeights);
    }

    /**
     * The run's current parameters with entry (row, col) of [W | b] set to {@code v}, as the next run's start: the way
     * to try other initial weights. Refused when there are none yet or no such entry.
     */
    public TrainingState withInitialParameter(int row, int col, double v) {
        if (snapshot == null || snapshot.current() == null) {
            throw new IllegalArgumentException("weight: nothing to edit yet");
        }
        // Copies: the snapshot's arrays stay as the run left them.
        double[][] w = java.util.Arrays.stream(snapshot.current().weight()).map(double[]::clone)
                .toArray(double[][]::new);
        double[] b = snapshot.current().bias() == null ? null : snapshot.current().bias().clone();
        if (row < 0 || row >= w.length || col < 0 || col > w[0].length || (col == w[0].length && b == null)) {
            throw new IllegalArgumentException("weight: no entry [" + row + "][" + col + "]");
        }
        if (col == w[0].length) {
            b[row] = v;
        } else {
            w[row][col] = v;
        }
        return withInit(w, b);
    }

    /** A learning rate in {@link Limits#LEARNING_RATE}; refused otherwise. */
    public TrainingState withLearningRate(double lr) {
        if (!Limits.LEARNING_RATE.contains(lr)) {
            throw new IllegalArgumentException("learning rate: it must be " + Numbers.rangeText(Limits.LEARNING_RATE));
        }
        return withLive(t -> t.withLr(lr));
    }

    public TrainingState withWeightsEnabled(boolean on) {
        return with(settings, on, classWeights);
    }

    /** Class weights as typed ("10, 1, 1": K finite numbers >= 0); refused with the problem otherwise. */
    public TrainingState withClassWeights(String text) {
        Numbers.ParsedList weights = parseWeights(text);
        if (!weights.ok()) {
            throw new IllegalArgumentException(weights.error());
        }
        return with(settings, weightsEnabled, text.strip());
    }

    public TrainingState withSpeedExponent(double v) {
        return new TrainingState(settings, weightsEnabled, classWeights, v, stopAtLoss, stopAfterSteps, stagesMode,
                stage, units, snapshot);
    }

    public TrainingState withStopAtLoss(String text) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, text, stopAfterSteps,
                stagesMode, stage, units, snapshot);
    }

    public TrainingState withStopAfterSteps(String text) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, stopAtLoss, text, stagesMode,
                stage, units, snapshot);
    }

    /** Stages mode on or off, from before stage 1. */
    public TrainingState withStagesMode(boolean on) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, stopAtLoss, stopAfterSteps, on,
                0, units, snapshot);
    }

    /** The stage shown, kept in 0..{@link UpdateStage#COUNT}. */
    public TrainingState withStage(int s) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, stopAtLoss, stopAfterSteps,
                stagesMode, Math.max(0, Math.min(UpdateStage.COUNT, s)), units, snapshot);
    }

    public TrainingState withUnits(LossUnits u) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, stopAtLoss, stopAfterSteps,
                stagesMode, stage, u, snapshot);
    }

    public TrainingState withSnapshot(TrainingSnapshot s) {
        return new TrainingState(settings, weightsEnabled, classWeights, speedExponent, stopAtLoss, stopAfterSteps,
                stagesMode, stage, units, s);
    }

    private TrainingState with(TrainingSetup s, boolean enabled, String weights) {
        return new TrainingState(s, enabled, weights, speedExponent, stopAtLoss, stopAfterSteps, stagesMode, stage,
                units, snapshot);
    }
}
