package org.softmaxlab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks for dark applications, for the theme of the app's first start. JavaFX reports the
 * desktop's colour scheme from version 22 ({@code Platform.getPreferences().getColorScheme()}), asked here by
 * reflection so that the same code takes it when the app moves to 22; on JavaFX 21 the desktop's own setting is read
 * the way JavaFX 22 reads it: GNOME's {@code color-scheme} (or a {@code GTK_THEME} ending in {@code :dark}), macOS's
 * {@code AppleInterfaceStyle}, Windows' {@code AppsUseLightTheme}. Anything unknown means light. The system property
 * {@value #PROPERTY} answers in the desktop's place.
 */
public final class SystemTheme {
    private static final long TIMEOUT_MS = 1500;
    /** A system property that stands for the desktop's answer ({@code dark} or {@code light}): kiosks, tests. */
    public static final String PROPERTY = "softmaxlab.systemTheme";

    private SystemTheme() {
    }

    /** The desktop's preference: dark, light, or empty when it does not say. Runs at most one short command. */
    public static Optional<Boolean> prefersDark() {
        String given = System.getProperty(PROPERTY, "");
        if (given.equalsIgnoreCase("dark") || given.equalsIgnoreCase("light")) {
            return Optional.of(given.equalsIgnoreCase("dark"));
        }
        Optional<Boolean> fromJavaFx = fromJavaFx();
        if (fromJavaFx.isPresent()) {
            return fromJavaFx;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of(macOsDark(run("defaults", "read", "-g", "AppleInterfaceStyle")));
        }
        if (os.contains("win")) {
            return windowsDark(run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"));
        }
        Optional<Boolean> gtk = gtkThemeDark(System.getenv());
        return gtk.isPresent() ? gtk
                : gnomeDark(run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    }

    /** {@code GTK_THEME=Adwaita:dark} (or a theme named "...-dark") asks for dark; another theme for light. */
    static Optional<Boolean> gtkThemeDark(Map<String, String> environment) {
        String theme = environment.get("GTK_THEME");
        if (theme == null || theme.isBlank()) {
            return Optional.empty();
        }
        String t = theme.toLowerCase(Locale.ROOT);
        return Optional.of(t.endsWith(":dark") || t.endsWith("-dark"));
    }

    /** GNOME's {@code color-scheme}: {@code 'prefer-dark'}, {@code 'prefer-light'} or {@code 'default'} (light). */
    static Optional<Boolean> gnomeDark(String output) {
        return output == null ? Optional.empty() : Optional.of(output.contains("prefer-dark"));
    }

    /** {@code defaults read -g AppleInterfaceStyle} prints "Dark" in dark mode and fails in light mode. */
    static boolean macOsDark(String output) {
        return output != null && output.trim().equalsIgnoreCase("dark");
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} means dark; {@code 0x1} light. */
    static Optional<Boolean> windowsDark(String output) {
        if (output == null || !output.contains("AppsUseLightTheme")) {
            return Optional.empty();
        }
        return Optional.of(output.trim().endsWith("0x0"));
    }

    private static Optional<Boolean> fromJavaFx() {
        try {
            Object preferences = javafx.application.Platform.class.getMethod("getPreferences").invoke(null);
            Object scheme = preferences.getClass().getMethod("getColorScheme").invoke(preferences);
            return Optional.of("DARK".equals(String.valueOf(scheme)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // JavaFX 21 has no preferences; the desktop is asked directly.
            return Optional.empty();
        }
    }

    /** The command's standard output when it succeeds within the timeout, else null (no such command, no desktop). */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(false).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            try (InputStream out = p.getInputStream()) {
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? text : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
