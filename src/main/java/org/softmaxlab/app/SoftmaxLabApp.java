package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.training.TrainingViewModel;

/**
 * The JavaFX application: one window. Objects are wired here and only here. On start it reopens the last session,
 * or the scenario file named on the command line; on close it saves the session.
 */
public final class SoftmaxLabApp extends Application {
    private Workspace workspace;

    @Override
    public void start(Stage stage) {
        workspace = createWorkspace();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            workspace.open(Path.of(args.get(0)));
        } else {
            workspace.restoreSession();
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(MainWindow.create(workspace, FileDialogs.system()),
                Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        stage.setTitle("Softmax Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> workspace.saveSession());
        stage.show();
    }

    @Override
    public void stop() {
        if (workspace != null) {
            workspace.training().close();
        }
    }

    /** Fresh view-models over the app folder ({@link Workspace#defaultHome()}). */
    public static Workspace createWorkspace() {
        return new Workspace(new ExplorerViewModel(), new TrainingViewModel(), Workspace.defaultHome());
    }

    /** The whole window's content with fresh view-models and the system file choosers; used by UI tests. */
    public static Parent createRoot() {
        return MainWindow.create(createWorkspace(), FileDialogs.system());
    }
}
