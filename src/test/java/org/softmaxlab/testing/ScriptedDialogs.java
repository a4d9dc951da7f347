package org.softmaxlab.testing;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.softmaxlab.app.FileDialogs;

/** File dialogs for UI tests: every question (open, save, import, folder) is answered with {@link #next}. */
public final class ScriptedDialogs implements FileDialogs {
    /** The answer to the next question; null answers "cancelled". */
    public volatile Path next;

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, String suggestedName) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> chooseDirectory(Window owner) {
        return Optional.ofNullable(next);
    }
}
