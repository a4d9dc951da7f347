package org.softmaxlab.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.softmaxlab.io.AtomicFiles;

/**
 * How the window was left, apart from the scenario: which side columns are shown and the theme. Kept in
 * {@code view.properties} in the app folder, written at once on every change (atomically); a missing or unreadable
 * file means the defaults (everything shown; the desktop's light or dark).
 */
final class ViewPreferences {
    private final Path file;
    private final Properties values = new Properties();

    ViewPreferences(Path home) {
        this.file = home.resolve("view.properties");
        try {
            if (Files.isRegularFile(file)) {
                values.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException | IllegalArgumentException e) {
            values.clear();
        }
    }

    boolean get(String key, boolean fallback) {
        return get(key, () -> fallback);
    }

    /** The remembered value of {@code key}, or {@code fallback}'s, asked only when nothing is remembered. */
    boolean get(String key, java.util.function.BooleanSupplier fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback.getAsBoolean() : Boolean.parseBoolean(v);
    }

    /** Remembers {@code key}; a file that cannot be written only costs the preference, never the session. */
    void set(String key, boolean value) {
        values.setProperty(key, Boolean.toString(value));
        try {
            StringWriter text = new StringWriter();
            values.store(text, "Softmax Lab: the window's columns and theme");
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException | RuntimeException e) {
            // The next start shows the defaults.
        }
    }
}
