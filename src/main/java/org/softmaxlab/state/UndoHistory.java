package org.softmaxlab.state;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo over immutable states: the state before each change is kept (at most {@link #STEPS}); a gesture (a
 * slider or a bar dragged from press to release) is one step however many changes it makes, and outside a gesture
 * every change is a step of its own. A new change forgets what was undone.
 *
 * @param <S> the immutable state
 */
public final class UndoHistory<S> {
    /** Undo steps kept. */
    public static final int STEPS = 200;
    private final Deque<S> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private boolean gesture;
    private boolean gestureRecorded;

    public void beginGesture() {
        gesture = true;
        gestureRecorded = false;
    }

    public void endGesture() {
        gesture = false;
    }

    /** Records {@code current}, the state a change is about to leave (once per gesture; nothing for null). */
    public void remember(S current) {
        if (current == null || (gesture && gestureRecorded)) {
            return;
        }
        gestureRecorded = gesture;
        undo.push(current);
        while (undo.size() > STEPS) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** The state before the last step, {@code current} kept for redo; null when there is none. */
    public S back(S current) {
        return travel(undo, redo, current);
    }

    /** The state the last undo left, {@code current} kept for undo; null when there is none. */
    public S forward(S current) {
        return travel(redo, undo, current);
    }

    private S travel(Deque<S> from, Deque<S> to, S current) {
        if (from.isEmpty()) {
            return null;
        }
        to.push(current);
        S s = from.pop();
        update();
        return s;
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
