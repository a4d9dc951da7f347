package org.softmaxlab.losses;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.LossComparison;
import org.softmaxlab.model.LossUnits;

/**
 * The Losses tab over the Explorer's state (the same logits and targets): focal's gamma, BCE's pos_weight and the
 * app's units, and the {@link LossComparison} they give. It is computed only while the tab is shown
 * ({@link #activeProperty()}), so that the Explorer's updates do not pay for a tab nobody sees.
 */
public final class LossesViewModel {
    private final ExplorerViewModel explorer;
    private final DoubleProperty gamma = new SimpleDoubleProperty(this, "gamma", 2.0);
    private final DoubleProperty posWeight = new SimpleDoubleProperty(this, "posWeight", 1.0);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<LossComparison> result = new ReadOnlyObjectWrapper<>(this, "result");

    public LossesViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
        explorer.stateProperty().addListener(o -> refresh());
        explorer.unitsProperty().addListener(o -> refresh());
        gamma.addListener(o -> refresh());
        posWeight.addListener(o -> refresh());
        active.addListener(o -> refresh());
    }

    /** The Explorer's "Confident and wrong: CE vs MSE" preset: where MSE's gradient vanishes and CE's does not. */
    public void showConfidentAndWrong() {
        explorer.applyPreset(ExplorerPreset.CE_VS_MSE);
    }

    private void refresh() {
        if (active.get() && explorer.state() != null) {
            result.set(LossComparison.compute(explorer.state(), gamma.get(), posWeight.get(),
                    explorer.unitsProperty().get().isBits()));
        }
    }

    public DoubleProperty gammaProperty() { return gamma; }
    public DoubleProperty posWeightProperty() { return posWeight; }
    /** True while the tab is shown: only then is the comparison computed. */
    public BooleanProperty activeProperty() { return active; }
    public ObjectProperty<LossUnits> unitsProperty() { return explorer.unitsProperty(); }
    public ReadOnlyObjectProperty<LossComparison> resultProperty() { return result.getReadOnlyProperty(); }
    public ExplorerViewModel explorer() { return explorer; }
}
