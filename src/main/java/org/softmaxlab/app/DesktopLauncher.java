package org.softmaxlab.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@link Main} so the CLI path never loads a JavaFX class. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        SoftmaxLabApp.useRenderingSettings();
        Application.launch(SoftmaxLabApp.class, args);
    }
}
