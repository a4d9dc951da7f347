package org.softmaxlab.model;

import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossSpec;

/** What the race's second run changes: another loss, or the learning rate ten times up or down. */
public enum RaceVariant {
    MSE("MSE"),
    MULTI_MARGIN("multi-margin"),
    FOCAL("focal, \u03b3 2"),
    LR_UP("cross-entropy, lr \u00d7 10"),
    LR_DOWN("cross-entropy, lr \u00f7 10");

    private final String label;

    RaceVariant(String label) {
        this.label = label;
    }

    /** As {@code #raceLossChoice} offers it, and as the legends name the second run. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The second run's learning rate when the main run's is {@code lr}. */
    public double learningRate(double lr) {
        return this == LR_UP ? lr * 10 : this == LR_DOWN ? lr / 10 : lr;
    }

    /** The second run's setup: the main run's, with the learning rate as chosen. */
    public TrainingSetup setup(TrainingSetup s) {
        return s.withLr(learningRate(s.lr()));
    }

    /** The loss the second run trains with, or null for the setup's own cross-entropy. */
    public LossSpec spec(TrainingSetup s) {
        CrossEntropyOptions plain = CrossEntropyOptions.defaults().withTemperature(s.temperature());
        return switch (this) {
            case MSE -> LossSpec.of(LossKind.MSE, plain);
            case MULTI_MARGIN -> LossSpec.of(LossKind.MULTI_MARGIN, plain);
            case FOCAL -> LossSpec.of(LossKind.FOCAL, s.classWeights() == null ? plain
                    : plain.withWeight(s.classWeights()));
            case LR_UP, LR_DOWN -> null;
        };
    }
}
