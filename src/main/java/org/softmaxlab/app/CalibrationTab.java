package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.function.Supplier;
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

    /** Imports a validation set from {@code logits} (and the targets file the user picks, when it holds none). */
    boolean importRows(Path logits, FileDialogs dialogs, Supplier<Window> window) {
        try {
            LogitImport reader = new LogitImport(Limits.CALIBRATION_ROWS, Limits.IMPORT_CLASSES);
            ImportedBatch batch = reader.readFile(logits);
            if (!batch.hasTargets()) {
                Path targets = dialogs.chooseOpen(window.get()).orElse(null);
                if (targets == null) {
                    return workspace.fail(logits.getFileName() + " holds no targets, and no targets file was chosen");
                }
                batch = reader.readTargets(batch, targets);
            }
            if (batch.targets() == null) {
                return workspace.fail(logits.getFileName() + ": calibration needs class indices as targets, not "
                        + "probability rows");
            }
            if (!model.importRows(batch.logits(), batch.targets(), logits.getFileName().toString())) {
                return workspace.fail(model.statusProperty().get());
            }
            return workspace.ok("Calibration tab: " + batch.description());
        } catch (ImportException e) {
            return workspace.fail(e.getMessage());
        }
    }
}
