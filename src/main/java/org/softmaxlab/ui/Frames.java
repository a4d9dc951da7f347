package org.softmaxlab.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.stage.Window;

/** Work put off until a window has shown its first frames: the window opens sooner, the work follows a frame later. */
public final class Frames {
    private Frames() {
    }

    /**
     * Runs {@code task} on the FX thread in the {@code frame}-th pulse in which {@code node}'s window is showing (1 is
     * the pulse of the first frame). Pulses before the node is in a shown window do not count.
     */
    public static void after(Node node, int frame, Runnable task) {
        new AnimationTimer() {
            private int shown;

            @Override
            public void handle(long now) {
                Window window = node.getScene() == null ? null : node.getScene().getWindow();
                if (window != null && window.isShowing() && ++shown == frame) {
                    stop();
                    task.run();
                }
            }
        }.start();
    }
}
