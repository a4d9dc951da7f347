package org.softmaxlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.softmaxlab.app.SoftmaxLabApp;
import org.softmaxlab.app.Workspace;

/** Workspaces for UI tests: the app's own, with the window's remembered columns and theme back at the defaults. */
public final class Workspaces {
    private Workspaces() {
    }

    /** A new workspace over the tests' app folder, without the view preferences an earlier test left there. */
    public static Workspace fresh() {
        Workspace w = SoftmaxLabApp.createWorkspace();
        try {
            Files.deleteIfExists(w.home().resolve("view.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }
}
