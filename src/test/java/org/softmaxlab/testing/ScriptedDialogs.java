package org.softmaxlab.testing;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.softmaxlab.app.FileDialogs;

/** File dialogs for UI tests: every question (open, save, import, folder) is answered with {@link #next}. */
public final class ScriptedDialogs implements FileDialogs {
    /** The answer to the next question; null answers "cancelled". */
    public volatile Path next;
    /** Answers to the next questions in turn, before {@link #next} (an import that asks twice). */
    public final java.util.concurrent.ConcurrentLinkedDeque<Path> answers = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        Path queued = answers.poll();
        return Optional.ofNullable(queued != null ? queued : next);
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
