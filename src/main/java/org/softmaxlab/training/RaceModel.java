package org.softmaxlab.training;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;

/**
 * The race: a second run from the same seed, data and initial weights with another loss (or learning rate), on its
 * own worker, driven by the same Play, Step and Reset as the main run, so the two loss curves and decision regions
 * can be compared as they go.
 */
public final class RaceModel implements AutoCloseable {
    /** What the second run changes, as {@code #raceLossChoice} offers it. */
    public static final String MSE = "MSE";
    public static final String MULTI_MARGIN = "multi-margin";
    public static final String FOCAL = "focal, \u03b3 2";
    public static final String LR_UP = "cross-entropy, lr \u00d7 10";
    public static final String LR_DOWN = "cross-entropy, lr \u00f7 10";
    public static final List<String> CHOICES = List.of(MSE, MULTI_MARGIN, FOCAL, LR_UP, LR_DOWN);

    private final Supplier<TrainingSetup> setup;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final StringProperty choice = new SimpleStringProperty(this, "choice", MSE);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private TrainingWorker worker;
    private double speed = 10;

    RaceModel(Supplier<TrainingSetup> setup) {
        this.setup = setup;
        enabled.addListener((o, a, on) -> {
            if (on) {
                worker = new TrainingWorker(setup.get());
                worker.submit(w -> w.setSpeed(speed));
                restart();
            } else {
                close();
                snapshot.set(null);
            }
        });
        choice.addListener(o -> restart());
    }

    /** The second run from the main run's current setup, changed as chosen, at step 0. */
    void restart() {
        if (worker == null) {
            return;
        }
        TrainingSetup s = setup.get();
        String c = choice.get();
        TrainingSetup changed = c.equals(LR_UP) ? s.withLr(s.lr() * 10) : c.equals(LR_DOWN) ? s.withLr(s.lr() / 10)
                : s;
        LossSpec spec = spec(s, c);
        worker.submit(w -> w.restart(changed));
        if (spec != null) {
            worker.submit(w -> w.setLoss(spec));
        }
    }

    /** The loss the second run trains with, or null for the setup's own cross-entropy. */
    static LossSpec spec(TrainingSetup s, String choice) {
        CrossEntropyOptions plain = CrossEntropyOptions.defaults().withTemperature(s.temperature());
        return switch (choice) {
            case MSE -> LossSpec.of(LossKind.MSE, plain);
            case MULTI_MARGIN -> LossSpec.of(LossKind.MULTI_MARGIN, plain);
            case FOCAL -> LossSpec.of(LossKind.FOCAL, s.classWeights() == null ? plain
                    : plain.withWeight(s.classWeights()));
            default -> null;
        };
    }

    /** Gives the second run the same command as the main one (play, pause, one step). */
    void follow(Consumer<TrainingWorker> command) {
        if (worker != null) {
            worker.submit(command);
        }
    }

    void setSpeed(double perSecond) {
        speed = perSecond;
        follow(w -> w.setSpeed(perSecond));
    }

    /** The learning rate changed on the main run: the second run follows, scaled as chosen. */
    void setLearningRate(double lr) {
        double scaled = choice.get().equals(LR_UP) ? lr * 10 : choice.get().equals(LR_DOWN) ? lr / 10 : lr;
        follow(w -> w.setLearningRate(scaled));
    }

    void onPulse() {
        if (worker != null) {
            TrainingSnapshot s = worker.take();
            if (s != null) {
                snapshot.set(s);
            }
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public StringProperty choiceProperty() { return choice; }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
}
