package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Window;
import org.softmaxlab.calibration.CalibrationView;
import org.softmaxlab.calibration.CalibrationViewModel;
import org.softmaxlab.io.ImportException;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.model.Limits;

/**
 * The Calibration tab: its view-model (following the Training tab's runs), its view built when first shown, and File >
 * Import Logits while it is the tab shown (a validation set's logits, then its targets unless the file holds them).
 */
final class CalibrationTab {
    private final Tab tab = new Tab("Calibration");
    private final CalibrationViewModel model;
    private final Lazy<Node> content;
    private final Workspace workspace;
    /** The number of the newest import: an older one's result is dropped when it arrives. FX thread only. */
    private long newestImport;
    /** Reads and fits imported validation sets, one at a time, off the FX thread. */
    private static final Executor WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "softmax-lab-calibration-import");
        t.setDaemon(true);
        return t;
    });

    CalibrationTab(Workspace workspace) {
        this.workspace = workspace;
        model = workspace.calibration();
        tab.setId("calibrationTab");
        content = new Lazy<>(() -> CalibrationView.load(model));
    }

    Tab tab() {
        return tab;
    }

    Lazy<Node> content() {
        return content;
    }

    /**
     * Imports a validation set from {@code logits} (and the targets file the user picks, when it holds none). Reading
     * and fitting run on a worker, a million rows in about a second, while the window stays live; the status says
     * what is being read. A newer import supersedes one still running. Returns true: the import has begun (the status
     * line reports how it ends).
     */
    boolean importRows(Path logits, FileDialogs dialogs, Supplier<Window> window) {
        long ticket = ++newestImport;
        String name = logits.getFileName().toString();
        LogitImport reader = new LogitImport(Limits.CALIBRATION_ROWS, Limits.IMPORT_CLASSES);
        workspace.ok("Reading " + name + "\u2026");
        offFx(ticket, () -> reader.readFile(logits), batch -> {
            if (batch.hasTargets()) {
                prepare(ticket, batch, name);
                return;
            }
            Path targets = dialogs.chooseOpen(window.get()).orElse(null);
            if (targets == null) {
                workspace.fail(name + " holds no targets, and no targets file was chosen");
                return;
            }
            workspace.ok("Reading " + targets.getFileName() + "\u2026");
            offFx(ticket, () -> reader.readTargets(batch, targets), withTargets -> prepare(ticket, withTargets, name));
        });
        return true;
    }

    /** Checks and fits the rows on the worker, then shows them. */
    private void prepare(long ticket, ImportedBatch batch, String name) {
        if (batch.targets() == null) {
            workspace.fail(name + ": calibration needs class indices as targets, not probability rows");
            return;
        }
        workspace.ok("Fitting the temperature of " + name + "\u2026");
        offFx(ticket, () -> CalibrationViewModel.prepare(batch.logits(), batch.targets(), name), prepared -> {
            if (model.accept(prepared)) {
                workspace.ok("Calibration tab: " + batch.description());
            } else {
                workspace.fail(model.statusProperty().get());
            }
        });
    }

    /** Work that may fail with a message naming the problem. */
    private interface Step<T> {
        T run() throws ImportException;
    }

    /**
     * Runs {@code step} on the import worker, then {@code then} with its result on the FX thread, unless a newer
     * import began meanwhile; a failure is reported in the status line.
     */
    private <T> void offFx(long ticket, Step<T> step, Consumer<T> then) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (ImportException e) {
                throw new CompletionException(e);
            }
        }, WORKER).whenComplete((result, failure) -> Platform.runLater(() -> {
            if (ticket != newestImport) {
                return;
            }
            if (failure == null) {
                then.accept(result);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            workspace.fail(cause instanceof ImportException ? cause.getMessage()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }));
    }
}
