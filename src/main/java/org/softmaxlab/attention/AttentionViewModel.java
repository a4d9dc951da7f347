package org.softmaxlab.attention;

import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.softmaxlab.model.AttentionDisplay;
import org.softmaxlab.model.AttentionState;
import org.softmaxlab.model.AttentionSweep;
import org.softmaxlab.state.StateModel;

/**
 * The Attention tab: a thin adapter over one {@link AttentionState} and its {@link AttentionDisplay}. The sweep
 * against d depends on less than the state (not on d, the scale or the chosen query), so it is kept while its
 * {@link AttentionSweep.Key} stays the same: dragging the d spinner or a vector costs one attention pass, not ten.
 */
public final class AttentionViewModel {
    private AttentionSweep.Key sweepKey;
    private AttentionSweep sweep;
    private final StateModel<AttentionState, AttentionDisplay> model =
            new StateModel<>(AttentionState.initial(), this::display);

    private AttentionDisplay display(AttentionState s) {
        AttentionSweep.Key key = AttentionSweep.Key.of(s);
        if (!key.equals(sweepKey)) {
            sweep = AttentionSweep.of(s);
            sweepKey = key;
        }
        return AttentionDisplay.of(s, sweep);
    }

    /** One edit of the state; false (and {@link #refusalProperty()} says why) when it is refused. */
    public boolean edit(UnaryOperator<AttentionState> change) {
        return model.edit(change);
    }

    public AttentionState state() {
        return model.state();
    }

    public AttentionDisplay display() {
        return model.display();
    }

    public ReadOnlyObjectProperty<AttentionState> stateProperty() {
        return model.stateProperty();
    }

    public ReadOnlyObjectProperty<AttentionDisplay> displayProperty() {
        return model.displayProperty();
    }

    public ReadOnlyStringProperty refusalProperty() {
        return model.refusalProperty();
    }
}
