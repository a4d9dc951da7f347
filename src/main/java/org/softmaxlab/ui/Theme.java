package org.softmaxlab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * The app's look, set in one place: AtlantaFX's Primer Light or Primer Dark as the user-agent stylesheet (under every
 * scene, dialogs and menus included), with the app's own looked-up colours ({@code theme.css}) defined from Primer's,
 * so that a theme switch recolours the controls and every chart, those created later too. The window's root also
 * carries the {@code dark} style class while dark, for stylesheets that want to say more.
 *
 * <p>The stylesheets are the app's copies of Primer without the rules for controls and variants the app never shows
 * ({@code src/build/primer-unused.txt}, written at build time): JavaFX matches every node against each rule of its
 * partition, and three quarters of Primer's selectors are for controls the app does not have. JavaFX reads the binary
 * form written beside each copy. Run without that build step (from an IDE), the app uses AtlantaFX's own files.
 *
 * <p>The window's colour is the scene's fill, not a background of the root: the renderer clears each changed region
 * with the fill anyway, and a root background painted it a second time under every slider and label that changed.
 */
public final class Theme {
    private static final String LIGHT = copyOr("primer-light.css", new PrimerLight().getUserAgentStylesheet());
    private static final String DARK = copyOr("primer-dark.css", new PrimerDark().getUserAgentStylesheet());

    /** Primer's {@code -color-bg-default}, light and dark: the window's colour (MainWindowTest checks it against the CSS). */
    private static final Color LIGHT_WINDOW = Color.web("#ffffff");
    private static final Color DARK_WINDOW = Color.web("#0d1117");

    private Theme() {
    }

    private static String copyOr(String copy, String original) {
        URL url = Theme.class.getResource(copy);
        return url != null ? url.toExternalForm() : original;
    }

    /** Primer Light, unless a theme of the app is in use already (a view loaded into a dark window stays dark). */
    public static void installDefault() {
        if (!isDark()) {
            install(false);
        }
    }

    /**
     * Makes the dark or the light theme the one in use. Called before the first control of a run is made, it also
     * spares JavaFX parsing its own Modena stylesheet, which a control's class loads when no stylesheet is set yet
     * (about 80 ms of the window's start).
     */
    public static void install(boolean dark) {
        String wanted = dark ? DARK : LIGHT;
        if (!wanted.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(wanted);
        }
    }

    /** Switches the whole app to the dark or the light theme; {@code root} is the window's root. */
    public static void apply(Parent root, boolean dark) {
        install(dark);
        ViewSupport.setStyleClass(root, "dark", dark);
        if (root.getScene() != null) {
            root.getScene().setFill(windowColour());
        }
    }

    /** A window's scene for {@code root}, filled with the window colour of the theme in use (see {@link #apply}). */
    public static Scene scene(Parent root, double width, double height) {
        return new Scene(root, width, height, windowColour());
    }

    private static Color windowColour() {
        return isDark() ? DARK_WINDOW : LIGHT_WINDOW;
    }

    /** Whether the dark theme is the one in use. */
    public static boolean isDark() {
        return DARK.equals(Application.getUserAgentStylesheet());
    }
}
