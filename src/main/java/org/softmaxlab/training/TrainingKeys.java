package org.softmaxlab.training;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The Training tab's keys (Space, Right, R) and its pulse, which hands the newest snapshot to the view once a frame:
 * both follow the scene and window the view is in, and stay there when the view leaves it (a hidden tab).
 */
final class TrainingKeys {
    private final TrainingViewModel model;
    private final javafx.beans.value.ObservableBooleanValue presenting;
    /** The view's node the keys and the pulse follow into its scene and window. */
    private final Node anchor;
    private final AnimationTimer pulse;
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;
    private final javafx.beans.value.ChangeListener<Boolean> showingChanged = (o, a, b) -> updatePulse();
    /** The scene the view is in, or was in last, and its window: see the constructor. */
    private javafx.scene.Scene keysOn;
    private javafx.stage.Window shownIn;
    private final javafx.beans.value.ChangeListener<javafx.stage.Window> windowChanged = (o, old, window) -> {
        if (window != shownIn) {
            if (shownIn != null) {
                shownIn.showingProperty().removeListener(showingChanged);
            }
            shownIn = window;
            if (window != null) {
                window.showingProperty().addListener(showingChanged);
            }
        }
        updatePulse();
    };

    TrainingKeys(TrainingViewModel model, Node anchor, javafx.beans.value.ObservableBooleanValue presenting) {
        this.model = model;
        this.presenting = presenting;
        this.anchor = anchor;
        this.pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.onPulse();
            }
        };
        // Taken out of its scene (MainWindow does so while the tab is hidden), the view keeps its keys and its pulse
        // there: in presentation mode the keys drive training from every tab, and a run goes on behind the others.
        anchor.sceneProperty().addListener((o, old, scene) -> followScene(scene));
    }

    /** Keeps the keys and the window listener on {@code scene}, the scene the view is now in (none: unchanged). */
    private void followScene(javafx.scene.Scene scene) {
        if (scene == null || scene == keysOn) {
            return;
        }
        if (keysOn != null) {
            keysOn.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            keysOn.windowProperty().removeListener(windowChanged);
        }
        keysOn = scene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.windowProperty().addListener(windowChanged);
        windowChanged.changed(null, shownIn, scene.getWindow());
    }

    /**
     * The pulse runs while the window the view is (or was last) in shows, so a closed view is not kept alive by it and
     * a hidden one (MainWindow takes a hidden tab's content out of the window) still takes the run's steps.
     */
    private void updatePulse() {
        if (shownIn != null && shownIn.isShowing()) {
            pulse.start();
        } else {
            pulse.stop();
        }
    }

    /**
     * Space plays or pauses, Right takes one step, R resets; never while typing. Normally only when this tab shows; in
     * presentation mode wherever the focus is, on either tab (and Right then never moves a slider or a tab).
     */
    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown()) {
            return;
        }
        if (!presenting.get() && (!anchor.isVisible() || !isShowing())) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            model.togglePlay();
        } else if (e.getCode() == KeyCode.RIGHT) {
            model.step();
        } else if (e.getCode() == KeyCode.R) {
            model.reset();
        } else {
            return;
        }
        e.consume();
    }

    private boolean isShowing() {
        Node n = anchor;
        while (n != null) {
            if (!n.isVisible()) {
                return false;
            }
            n = n.getParent();
        }
        return anchor.getScene() != null && anchor.getScene().getWindow() != null
                && anchor.getScene().getWindow().isShowing();
    }
}
