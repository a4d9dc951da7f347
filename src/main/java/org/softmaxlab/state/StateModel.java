package org.softmaxlab.state;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The shape every tab's view-model is built on: one immutable state {@code S}, edited only by
 * {@link #edit(UnaryOperator)}, and its display {@code D}, a pure function of the state computed once per new state.
 *
 * <p>The one re-entrancy rule: while a new state is pushed out (its listeners copy it into the view-model's control
 * properties), those properties' own listeners must not edit it again; they ask {@link #pushing()} and return.
 * An edit the state or the display refuses ({@link IllegalArgumentException}) leaves the state as it was and puts
 * the message in {@link #refusalProperty()}; the next accepted edit clears it.
 *
 * @param <S> the tab's state record
 * @param <D> what the tab shows, made from a state
 */
public final class StateModel<S, D> {
    private final Function<S, D> display;
    private final ReadOnlyObjectWrapper<S> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<D> shown = new ReadOnlyObjectWrapper<>(this, "display");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private boolean pushing;

    public StateModel(S initial, Function<S, D> display) {
        this.display = display;
        D first = display.apply(initial);
        state.set(initial);
        shown.set(first);
    }

    /**
     * Applies {@code change} to the state; returns whether it was taken. A change that returns the same state is
     * taken and pushes nothing.
     */
    public boolean edit(UnaryOperator<S> change) {
        if (pushing) {
            return false;
        }
        S next;
        D nextDisplay;
        try {
            next = change.apply(state.get());
            if (next == state.get()) {
                return true;
            }
            nextDisplay = display.apply(next);
        } catch (IllegalArgumentException e) {
            refusal.set(e.getMessage());
            return false;
        }
        refusal.set("");
        pushing = true;
        try {
            state.set(next);
            shown.set(nextDisplay);
        } finally {
            pushing = false;
        }
        return true;
    }

    /**
     * Keeps a control's property and the state in step, the one way every view-model binds one: a change of the
     * property is an edit ({@code editFor} of the new value), each new state sets the property to {@code field} of
     * it, and a refused edit puts the state's value back (the refusal says why).
     */
    public <T, P extends Property<T>> P link(P property, Function<S, ? extends T> field,
                                             Function<? super T, UnaryOperator<S>> editFor) {
        show(property, field);
        property.addListener((o, a, b) -> {
            if (!pushing && !edit(editFor.apply(b)) && !property.isBound()) {
                whilePushing(() -> property.setValue(field.apply(state.get())));
            }
        });
        return property;
    }

    /** A text of the display, as a property that follows each new display. */
    public ReadOnlyStringProperty text(Function<D, String> field) {
        ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(field.apply(shown.get()));
        shown.addListener((o, a, d) -> text.set(field.apply(d)));
        return text.getReadOnlyProperty();
    }

    /**
     * Sets {@code property} to {@code field} of the state now and of every new state (while it is pushed out). A
     * property bound to another tab's is left to its binding: the state follows it through {@link #link}'s edit.
     */
    public <T> void show(Property<T> property, Function<S, ? extends T> field) {
        property.setValue(field.apply(state.get()));
        state.addListener((o, a, s) -> {
            if (!property.isBound()) {
                property.setValue(field.apply(s));
            }
        });
    }

    /**
     * Runs {@code settingProperties} as a push runs: the control properties it sets do not edit the state (a
     * view-model showing its state again after a refusal, or setting a property that is not the state's).
     */
    public void whilePushing(Runnable settingProperties) {
        boolean outer = pushing;
        pushing = true;
        try {
            settingProperties.run();
        } finally {
            pushing = outer;
        }
    }

    /** True while a new state is being pushed out: a control property's listener then leaves it alone. */
    public boolean pushing() {
        return pushing;
    }

    public S state() {
        return state.get();
    }

    public D display() {
        return shown.get();
    }

    public ReadOnlyObjectProperty<S> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<D> displayProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Why the last edit was refused, or "". */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
