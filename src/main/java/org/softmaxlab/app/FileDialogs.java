package org.softmaxlab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files; the UI tests substitute their own answers. */
public interface FileDialogs {

    /** A scenario file to open. */
    Optional<Path> chooseOpen(Window owner);

    /** Where to save; {@code suggestedName} like "scenario.json" or "chart.png". */
    Optional<Path> chooseSave(Window owner, String suggestedName);

    /** A folder to export into. */
    Optional<Path> chooseDirectory(Window owner);

    /** A file of logits to import (.npy, .npz, .csv, .tsv, .txt); by default asked as {@link #chooseOpen}. */
    default Optional<Path> chooseImport(Window owner) {
        return chooseOpen(owner);
    }

    /** Answers every question with "cancelled": for headless rendering and tests that never pick a file. */
    static FileDialogs none() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOpen(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSave(Window owner, String suggestedName) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner) {
                return Optional.empty();
            }
        };
    }

    /** The platform's file choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOpen(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario or lesson (*.json)",
                        "*.json"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseImport(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import logits");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Logits (*.npy, *.npz, *.csv, *.tsv, *.txt)", "*.npy", "*.npz",
                                "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseSave(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save");
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Export into folder");
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}
