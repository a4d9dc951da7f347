package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.softmaxlab.chart.MathView;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.training.TrainingViewModel;
import org.softmaxlab.ui.Frames;
import org.softmaxlab.ui.Theme;

/**
 * The JavaFX application: one window. Objects are wired here and only here. On start it reopens the last session,
 * or the scenario file named on the command line; on close it saves the session.
 */
public final class SoftmaxLabApp extends Application {
    /** The Prism property bounding how many rectangles a frame's changed areas are merged into. */
    static final String DIRTY_REGION_COUNT = "prism.dirtyregioncount";

    private Workspace workspace;
    private SessionKeeper session;

    /**
     * Rendering settings the app starts with; call before the toolkit starts (a setting given on the command line
     * wins). Prism merges a frame's changed areas into at most 6 rectangles by default (15 at most). One Explorer
     * drag changes about 14 (the thumb, the field, four charts, the numbers); merged into 6, the slider's area joined
     * the charts' and the whole control column between them was repainted, 1.5-2 ms of a frame.
     */
    public static void useRenderingSettings() {
        if (System.getProperty(DIRTY_REGION_COUNT) == null) {
            System.setProperty(DIRTY_REGION_COUNT, "15");
        }
    }

    @Override
    public void start(Stage stage) {
        workspace = createWorkspace();
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler(workspace, Platform::runLater,
                message -> showError(stage, message)));
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            workspace.open(Path.of(args.get(0)));
        } else if (!CrashHandler.crashedLastTime(workspace) || askRestore()) {
            workspace.restoreSession();
        }
        CrashHandler.clearCrashMarker(workspace);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = Theme.scene(MainWindow.create(workspace, FileDialogs.system()),
                Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        stage.setTitle("Softmax Lab");
        stage.setScene(scene);
        session = SessionKeeper.keep(workspace);
        stage.setOnCloseRequest(e -> session.saveNow());
        stage.show();
        // jlatexmath loads its fonts on first use (about 300 ms of a core): done once the first frame is drawn.
        Frames.after(scene.getRoot(), 2, MathView::warmUp);
        BenchProbe.attach(stage, workspace);
    }

    private static boolean askRestore() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Softmax Lab closed unexpectedly last time. "
                + "Restore the session it saved?", ButtonType.YES, ButtonType.NO);
        ask.setHeaderText("Restore your last session?");
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private static void showError(Stage owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText("Softmax Lab hit a problem");
        if (owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.show();
    }

    @Override
    public void stop() {
        // Every way out comes here (Platform.exit, the macOS Quit menu, a harness closing the app), not only a window
        // close request: the state at exit is saved, not the one of the last timed save.
        if (session != null) {
            session.saveNow();
        }
        if (workspace != null) {
            workspace.training().close();
        }
    }

    /** Fresh view-models over the app folder ({@link Workspace#defaultHome()}). */
    public static Workspace createWorkspace() {
        return new Workspace(new ExplorerViewModel(), new TrainingViewModel(), Workspace.defaultHome());
    }
}
