package org.softmaxlab.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.softmaxlab.explorer.ExplorerView;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.training.TrainingView;
import org.softmaxlab.training.TrainingViewModel;

/** The JavaFX application: one window with the Explorer and Training tabs. Objects are wired here and only here. */
public final class SoftmaxLabApp extends Application {

    @Override
    public void start(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(createRoot(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        stage.setTitle("Softmax Lab");
        stage.setScene(scene);
        stage.show();
    }

    /** The whole window's content, wired with fresh view-models; used by the app and by UI tests. */
    public static Parent createRoot() {
        Tab explorer = new Tab("Explorer", ExplorerView.load(new ExplorerViewModel()));
        explorer.setId("explorerTab");
        Tab training = new Tab("Training", TrainingView.load(new TrainingViewModel()));
        training.setId("trainingTab");
        TabPane tabs = new TabPane(explorer, training);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStylesheets().add(SoftmaxLabApp.class.getResource("app.css").toExternalForm());
        return tabs;
    }
}
