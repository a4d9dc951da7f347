package org.softmaxlab.explorer;

import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.model.PrecisionDisplay;
import org.softmaxlab.model.PrecisionState;
import org.softmaxlab.state.StateModel;

/**
 * The Explorer's precision panel: a thin adapter over one {@link PrecisionState}, which follows the Explorer's
 * selected sample, and its {@link PrecisionDisplay}.
 */
public final class PrecisionViewModel {
    private final StateModel<PrecisionState, PrecisionDisplay> model;

    PrecisionViewModel(ObservableValue<ExplorerState> explorer) {
        model = new StateModel<>(PrecisionState.of(explorer.getValue(), null), PrecisionDisplay::of);
        explorer.addListener((o, a, e) -> model.edit(s -> PrecisionState.of(e, s)));
    }

    /** One edit of the panel's settings; false (and {@link #refusalProperty()} says why) when it is refused. */
    public boolean edit(UnaryOperator<PrecisionState> change) {
        return model.edit(change);
    }

    public PrecisionState state() { return model.state(); }
    public PrecisionDisplay display() { return model.display(); }
    public ReadOnlyObjectProperty<PrecisionState> stateProperty() { return model.stateProperty(); }
    public ReadOnlyObjectProperty<PrecisionDisplay> displayProperty() { return model.displayProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return model.refusalProperty(); }
}
