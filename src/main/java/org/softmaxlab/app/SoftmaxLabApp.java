package org.softmaxlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The JavaFX application: one window with the Explorer and Training tabs. */
public final class SoftmaxLabApp extends Application {

    @Override
    public void start(Stage stage) {
        Tab explorer = new Tab("Explorer");
        explorer.setId("explorerTab");
        Tab training = new Tab("Training");
        training.setId("trainingTab");
        TabPane tabs = new TabPane(explorer, training);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.setTitle("Softmax Lab");
        stage.setScene(new Scene(tabs, 1280, 800));
        stage.show();
    }
}
