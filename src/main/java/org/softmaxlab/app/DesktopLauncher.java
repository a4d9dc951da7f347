package org.softmaxlab.app;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Logger;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@link Main} so the CLI path never loads a JavaFX class. */
final class DesktopLauncher {
    /** Exit code when the app cannot open a window: the same as bad input on the command line. */
    static final int NO_DISPLAY = 2;
    /**
     * JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX configuration"); the app
     * is run that way on purpose (one jar), so the warning says nothing a user can act on. Held here: the logging API
     * keeps loggers only weakly, and a collected one would forget its level.
     */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        String missing = missingDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"), System.getProperty("glass.platform"));
        if (missing != null) {
            PrintStream err = System.err;
            err.println("error: no display (" + missing + "); the headless commands are eval, train, snippet, sample, calibrate, attention, render");
            System.exit(NO_DISPLAY);
        }
        quietClassPathWarning();
        SoftmaxLabApp.useRenderingSettings();
        Application.launch(SoftmaxLabApp.class, args);
    }

    /** Silences JavaFX's class-path warning (see {@link #PLATFORM_LOG}); every other message still shows. */
    static void quietClassPathWarning() {
        PLATFORM_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    /**
     * Why no window can open, or null: on Linux and the other X11/Wayland systems a window needs {@code DISPLAY} or
     * {@code WAYLAND_DISPLAY}, unless a headless glass platform (Monocle) was chosen.
     */
    static String missingDisplay(String os, String display, String wayland, String glassPlatform) {
        String name = os.toLowerCase(Locale.ROOT);
        boolean needsX = !name.contains("win") && !name.contains("mac");
        boolean headless = glassPlatform != null && glassPlatform.equalsIgnoreCase("monocle");
        boolean none = (display == null || display.isBlank()) && (wayland == null || wayland.isBlank());
        return needsX && !headless && none ? "DISPLAY is not set" : null;
    }
}
