package org.softmaxlab.testing;

import org.junit.jupiter.api.Tag;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.app.MainWindow;
import org.softmaxlab.app.Workspace;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Base of the UI tests that drive the whole window: a fresh workspace in a 1366 x 768 window (a laptop), file
 * dialogs answered by {@link #dialogs}, and the training worker stopped after each test. (TestFX finds {@code @Start}
 * methods on the test class itself only, so the window is set up here in a {@code @BeforeEach}.)
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
public abstract class WindowTest {
    protected Workspace workspace;
    protected final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    public void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            workspace = org.softmaxlab.testing.Workspaces.fresh();
            stage.setScene(new Scene(MainWindow.create(workspace, dialogs), 1366, 768));
            stage.show();
            stage.toFront();
        });
        PulseMonitor.awaitSettledWindow();
    }

    @AfterEach
    public void stopTraining() {
        workspace.training().close();
    }
}
