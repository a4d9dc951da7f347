package org.softmaxlab.training;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.model.RaceVariant;
import org.softmaxlab.model.TrainingSetup;
import org.softmaxlab.model.TrainingSnapshot;

/**
 * The race: a second run from the same seed, data and initial weights with another loss (or learning rate), on its
 * own worker, driven by the same Play, Step and Reset as the main run, so the two loss curves and decision regions
 * can be compared as they go.
 */
public final class RaceModel implements AutoCloseable {
    private final Supplier<TrainingSetup> setup;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final ObjectProperty<RaceVariant> choice = new SimpleObjectProperty<>(this, "choice", RaceVariant.MSE);
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
        TrainingSetup changed = choice.get().setup(s);
        LossSpec spec = choice.get().spec(s);
        worker.submit(w -> w.restart(changed));
        if (spec != null) {
            worker.submit(w -> w.setLoss(spec));
        }
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
        double scaled = choice.get().learningRate(lr);
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
    public ObjectProperty<RaceVariant> choiceProperty() { return choice; }
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
}
