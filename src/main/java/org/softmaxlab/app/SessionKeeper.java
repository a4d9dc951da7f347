package org.softmaxlab.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.util.Duration;

/**
 * Keeps the session on disk however the app ends: saved (atomically, by {@link Workspace#saveSession()}) at most
 * {@link #DELAY} after any change of either tab, on window close, and from a shutdown hook when the process is told
 * to stop (SIGTERM, logout). A change starts the clock; changes while it runs ride along, so a running animation saves
 * once per {@link #DELAY}, not once per step. FX thread only, except the hook.
 */
final class SessionKeeper {
    /** The longest a change waits before it is on disk. */
    static final Duration DELAY = Duration.millis(1500);
    private static final long HOOK_WAIT_MS = 2000;

    private final Workspace workspace;
    private final PauseTransition pending = new PauseTransition(DELAY);
    /** Held in a field: JavaFX holds listeners weakly only where asked, and these must live as long as the app. */
    private final InvalidationListener changed = o -> schedule();

    private SessionKeeper(Workspace workspace) {
        this.workspace = workspace;
        pending.setOnFinished(e -> workspace.saveSession());
    }

    /** Starts keeping {@code workspace}'s session. Call on the FX thread once the session is restored. */
    static SessionKeeper keep(Workspace workspace) {
        SessionKeeper keeper = new SessionKeeper(workspace);
        workspace.explorer().stateProperty().addListener(keeper.changed);
        workspace.training().snapshotProperty().addListener(keeper.changed);
        workspace.tabProperty().addListener(keeper.changed);
        Runtime.getRuntime().addShutdownHook(new Thread(keeper::saveBeforeExit, "softmax-lab-session-save"));
        return keeper;
    }

    private void schedule() {
        if (pending.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            pending.playFromStart();
        }
    }

    /** Saves now (window close). */
    void saveNow() {
        pending.stop();
        workspace.saveSession();
    }

    /**
     * The shutdown hook: the session belongs to the FX thread, so the save is handed to it and awaited briefly; when
     * the FX thread is already gone (the toolkit stops on the same signal), the last save, at most {@link #DELAY}
     * old, is written again.
     */
    private void saveBeforeExit() {
        CountDownLatch saved = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                saveNow();
                saved.countDown();
            });
            if (saved.await(HOOK_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (IllegalStateException e) {
            // The toolkit has exited: fall through to the last save.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workspace.rewriteLastSession();
    }
}
