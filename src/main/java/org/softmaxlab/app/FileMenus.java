package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.softmaxlab.scenario.Examples;

/**
 * The File and Edit menus: scenario files, the examples, imports and exports; undo and redo of the Explorer, pasted
 * logits and the PyTorch code of the tab shown. The window's own View menu (modes, zoom, theme) stays in
 * {@link MainWindow}.
 */
final class FileMenus {
    private final Workspace workspace;
    private java.util.function.Predicate<Path> importLogits;
    private final FileDialogs dialogs;
    private final Supplier<Window> window;
    private final Menu recentMenu = new Menu("Open Recent");

    FileMenus(Workspace workspace, FileDialogs dialogs, Supplier<Window> window) {
        this.workspace = workspace;
        this.importLogits = workspace::importLogits;
        this.dialogs = dialogs;
        this.window = window;
    }

    /** Where File > Import Logits sends the chosen file (the Explorer's import unless told otherwise). */
    void importLogitsWith(java.util.function.Predicate<Path> importer) {
        importLogits = importer;
    }

    /**
     * The File menu; {@code showLesson} brings the Lesson tab forward after a lesson file opens, and
     * {@code exportCharts} writes the charts of the tab shown at a scale (0: SVG).
     */
    Menu file(Runnable showLesson, DoubleConsumer exportCharts) {
        MenuItem open = item("Open\u2026", "openItem", "Shortcut+O", this::open);
        MenuItem save = item("Save", "saveItem", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As\u2026", "saveAsItem", "Shortcut+Shift+S", this::saveAs);
        MenuItem importLogits = item("Import Logits\u2026", "importItem", "Shortcut+I", () -> dialogs
                .chooseImport(window.get()).ifPresent(p -> this.importLogits.test(p)));
        MenuItem importPoints = item("Import Points (x0,x1,label CSV)\u2026", "importPointsItem", null,
                () -> dialogs.chooseImport(window.get()).ifPresent(workspace::importPoints));
        MenuItem openLesson = item("Open Lesson\u2026", "openLessonItem", null, () -> dialogs
                .chooseOpen(window.get()).ifPresent(p -> {
                    if (workspace.lessons().open(p)) {
                        showLesson.run();
                    }
                }));
        Menu examples = new Menu("Examples");
        examples.setId("examplesMenu");
        for (Examples.Example e : Examples.ALL) {
            MenuItem m = new MenuItem(e.title());
            m.setOnAction(ev -> workspace.openExample(e));
            examples.getItems().add(m);
        }
        recentMenu.setId("recentMenu");
        workspace.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        Menu export = new Menu("Export");
        export.getItems().addAll(
                item("Charts of this tab as PNG (1x)\u2026", "exportPng1", null, () -> exportCharts.accept(1)),
                item("Charts of this tab as PNG (2x)\u2026", "exportPng2", null, () -> exportCharts.accept(2)),
                item("Charts of this tab as PNG (4x)\u2026", "exportPng4", null, () -> exportCharts.accept(4)),
                item("Charts of this tab as SVG\u2026", "exportSvg", null, () -> exportCharts.accept(0)),
                item("Explorer numbers as CSV\u2026", "exportExplorerCsv", null, () -> dialogs.chooseSave(
                        window.get(), "explorer.csv").ifPresent(workspace::exportExplorerCsv)),
                item("Training history as CSV\u2026", "exportHistoryCsv", null, () -> dialogs.chooseSave(
                        window.get(), "training-history.csv").ifPresent(workspace::exportHistoryCsv)),
                item("Training points as CSV\u2026", "exportPointsItem", null, () -> dialogs.chooseSave(
                        window.get(), "points.csv").ifPresent(workspace::exportPoints)));
        return new Menu("File", null, open, recentMenu, examples, openLesson, importLogits, importPoints,
                new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(), export);
    }

    /** The Edit menu. */
    Menu edit() {
        MenuItem undo = item("Undo Explorer Change", "undoItem", "Shortcut+Z", () -> workspace.explorer().undo());
        MenuItem redo = item("Redo Explorer Change", "redoItem", "Shortcut+Shift+Z",
                () -> workspace.explorer().redo());
        undo.disableProperty().bind(workspace.explorer().canUndoProperty().not());
        redo.disableProperty().bind(workspace.explorer().canRedoProperty().not());
        MenuItem paste = item("Paste Logits", "pasteItem", null, this::paste);
        MenuItem copyCode = item("Copy as PyTorch Code", "copyPyTorchItem", null, this::copyPyTorch);
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), paste, copyCode);
    }

    /** Edit > Paste Logits, and Ctrl+V outside a text field: the clipboard's text into the Explorer. */
    void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString()) {
            workspace.importText(clipboard.getString());
        } else {
            workspace.report("Cannot paste: the clipboard holds no text", true);
        }
    }

    /** Edit > Copy as PyTorch Code: the program that reproduces the tab shown, as {@code snippet} prints it. */
    private void copyPyTorch() {
        ClipboardContent content = new ClipboardContent();
        content.putString(workspace.pyTorchSnippet());
        Clipboard.getSystemClipboard().setContent(content);
        workspace.report("Copied the PyTorch code of the " + workspace.tabProperty().get().key() + " tab", false);
    }

    /** A menu item with an id (for users' tests), an optional accelerator and its action. */
    static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : workspace.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> workspace.open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void open() {
        dialogs.chooseOpen(window.get()).ifPresent(workspace::open);
    }

    private void save() {
        if (!workspace.save()) {
            if (workspace.fileProperty().get() == null) {
                saveAs();
            }
        }
    }

    private void saveAs() {
        dialogs.chooseSave(window.get(), "scenario.json").ifPresent(workspace::saveAs);
    }
}
