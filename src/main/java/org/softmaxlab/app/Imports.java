package org.softmaxlab.app;

import java.io.IOException;
import java.nio.file.Path;
import org.softmaxlab.engine.Softmax;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.io.ImportException;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.io.PointCsv;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Points;
import org.softmaxlab.training.TrainingViewModel;

/**
 * The user's own numbers into the app: logits from files and pasted text into the Explorer, points of the plane
 * into and out of the Training tab. Every failure is one status message; the state stays as it was.
 */
final class Imports {
    private final Workspace workspace;
    private final ExplorerViewModel explorer;
    private final TrainingViewModel training;

    Imports(Workspace workspace, ExplorerViewModel explorer, TrainingViewModel training) {
        this.workspace = workspace;
        this.explorer = explorer;
        this.training = training;
    }

    /** Imports logits (and targets) from a .npy, .npz, .csv/.tsv or .txt file into the Explorer; see {@link #show}. */
    public boolean importLogits(Path path) {
        try {
            return show(importer().readFile(path));
        } catch (ImportException e) {
            return workspace.fail("Cannot import " + path.getFileName() + ": " + e.getMessage());
        }
    }

    /** Imports pasted text (a Python or NumPy print, spreadsheet cells, JSON arrays) into the Explorer. */
    public boolean importText(String text) {
        try {
            return show(importer().parseText(text == null ? "" : text, "the pasted text"));
        } catch (ImportException e) {
            return workspace.fail("Cannot paste: " + e.getMessage());
        }
    }

    private static LogitImport importer() {
        return new LogitImport(Limits.IMPORT_SAMPLES, Limits.IMPORT_CLASSES);
    }

    /**
     * Shows an imported batch in the Explorer with the current loss options (class weights reset, as the classes
     * changed). Without class-index targets each sample's target is its most probable class (probability rows: the
     * row's most probable class), and the status says so. Nothing changes when a target is not a class.
     */
    private boolean show(ImportedBatch b) {
        int classes = b.classes();
        int[] targets = new int[b.samples()];
        String note = "";
        for (int i = 0; i < targets.length; i++) {
            if (b.targets() != null) {
                targets[i] = b.targets()[i];
                if (targets[i] != Limits.IGNORE_INDEX && (targets[i] < 0 || targets[i] >= classes)) {
                    return workspace.fail("Cannot import: target " + targets[i] + " of sample " + i + " is not a class (0.."
                            + (classes - 1) + ", or " + Limits.IGNORE_INDEX + " for ignored)");
                }
            } else {
                targets[i] = Softmax.argmax(b.targetRows() != null ? b.targetRows()[i] : b.logits()[i]);
            }
        }
        if (b.targetRows() != null) {
            note = "; probability targets shown as their most probable class";
        } else if (b.targets() == null) {
            note = "; no targets: each sample's target is its top class (set them in the Explorer)";
        }
        ExplorerState now = explorer.state();
        explorer.load(ExplorerState.of(b.logits(), targets, null, false, now.temperature(), now.labelSmoothing(),
                now.reduction(), 0), CUSTOM_IMPORT);
        workspace.tabProperty().set(AppTab.EXPLORER);
        return workspace.ok("Imported " + b.description() + note);
    }

    /** Reads x0,x1,label rows into the Training tab's drawn points (a 2-D dataset; labels below its K). */
    public boolean importPoints(Path path) {
        if (!training.datasetProperty().get().isPlanar()) {
            return workspace.fail("Cannot import points: choose a 2-D dataset first");
        }
        double[][] rows;
        try {
            rows = PointCsv.read(path, Points.MAX);
        } catch (ImportException e) {
            return workspace.fail("Cannot import " + path.getFileName() + ": " + e.getMessage());
        }
        int k = training.setup().classes();
        double[][] xy = new double[rows.length][];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i][2] >= k) {
                return workspace.fail("Cannot import " + path.getFileName() + ": row " + (i + 1) + " has label "
                        + (int) rows[i][2] + " but there are " + k + " classes");
            }
            xy[i] = new double[] {rows[i][0], rows[i][1]};
            labels[i] = (int) rows[i][2];
        }
        try {
            training.drawn().setPoints(new Points(xy, labels));
        } catch (IllegalArgumentException e) {
            return workspace.fail("Cannot import " + path.getFileName() + ": " + e.getMessage());
        }
        workspace.tabProperty().set(AppTab.TRAINING);
        return workspace.ok("Imported " + rows.length + " points from " + path.getFileName());
    }

    /** Writes the Training tab's points (drawn, or the seeded dataset's) as x0,x1,label. */
    public boolean exportPoints(Path path) {
        try {
            org.softmaxlab.engine.Dataset d = training.setup().buildDataset();
            PointCsv.write(path, d.x(), d.labels());
        } catch (IOException | RuntimeException e) {
            return workspace.fail("Cannot export points to " + path.getFileName() + ": " + Workspace.describe(e));
        }
        return workspace.ok("Exported the points to " + path.getFileName());
    }

    /** What the preset picker says after an import. */
    static final String CUSTOM_IMPORT = "Imported";
}
