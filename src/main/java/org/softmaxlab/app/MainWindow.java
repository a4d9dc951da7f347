package org.softmaxlab.app;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.softmaxlab.attention.AttentionView;
import org.softmaxlab.explorer.ExplorerView;
import org.softmaxlab.losses.LossesView;
import org.softmaxlab.losses.LossesViewModel;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.training.TrainingView;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.SystemTheme;
import org.softmaxlab.ui.Theme;
import org.softmaxlab.ui.ViewSupport;

/**
 * The window's content: the menu bar (File, View), the two tabs and the status bar. Menu commands go to the
 * {@link Workspace}; presentation mode, zoom and the theme are style classes and inline font sizes on the root.
 */
public final class MainWindow {
    private static final double BASE_FONT = 15;
    private static final double PRESENTATION_FONT = 22;
    /** The window width at which presentation text is {@link #PRESENTATION_FONT}. */
    private static final double PRESENTATION_WIDTH = 1920;
    private static final String DARK_THEME_ID = "darkThemeItem";

    private final Workspace workspace;
    private final FileDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs;
    private final ChartExport charts;
    private final FileMenus menus;
    private final LessonTab lesson;
    private final SamplingTab sampling;
    private final CalibrationTab calibration;
    /** When each tab's content joins and leaves the window. */
    private final TabContents contents = new TabContents(root, this::applyPresentation);
    private final javafx.event.EventHandler<KeyEvent> zoomKeys = this::onZoomKey;
    private final javafx.event.EventHandler<KeyEvent> windowKeys = this::onWindowKey;
    private final CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
    private final javafx.beans.InvalidationListener sceneWidth = o -> {
        if (presentation.isSelected()) {
            applyFontSize();
        }
    };
    private final CheckMenuItem dark = new CheckMenuItem("Dark theme");
    private final javafx.scene.control.ToggleButton controls = columnToggle("controlsToggle", "Controls");
    private final javafx.scene.control.ToggleButton numbers = columnToggle("numbersToggle", "Numbers");
    private final javafx.scene.control.ToggleButton trainingControls = columnToggle("trainingControlsToggle",
            "Controls");
    /** Shows or collapses the side columns by their toggles and the mode. */
    private Runnable columns = () -> { };
    private double zoom = 1;

    private MainWindow(Workspace workspace, FileDialogs dialogs, ViewPreferences preferences) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.charts = new ChartExport(root, workspace, dialogs);
        this.menus = new FileMenus(workspace, dialogs, this::window);
        Tab explorer = new Tab("Explorer", ExplorerView.load(workspace.explorer(), presentation.selectedProperty()));
        explorer.setId("explorerTab");
        Tab training = new Tab("Training");
        training.setId("trainingTab");
        Lazy<Node> trainingContent = new Lazy<>(() -> TrainingView.load(workspace.training(),
                presentation.selectedProperty()));
        LossesViewModel lossLab = new LossesViewModel(workspace.explorer());
        Tab losses = new Tab("Losses");
        losses.setId("lossesTab");
        lossLab.activeProperty().bind(losses.selectedProperty());
        // Built the first time it is shown: the window opens sooner. It takes the window's mode and text size.
        Lazy<Node> lossesContent = new Lazy<>(() -> LossesView.load(lossLab));
        contents.whenChosen(losses, lossesContent);
        lesson = new LessonTab(workspace, explorer, training, trainingContent);
        sampling = new SamplingTab(workspace);
        contents.whenChosen(sampling.tab(), sampling.content());
        calibration = new CalibrationTab(workspace);
        contents.whenChosen(calibration.tab(), calibration.content());
        Tab attention = new Tab("Attention");
        attention.setId("attentionTab");
        contents.whenChosen(attention, new Lazy<>(() -> AttentionView.load(workspace.attention())));
        tabs = new TabPane(explorer, training, losses, lesson.tab(), sampling.tab(), calibration.tab(), attention);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        contents.leaveWhenHidden(List.of(training, losses, lesson.tab(), sampling.tab(), calibration.tab(), attention));
        // After the tabs' own listeners (the lesson gives back what it held): see detachHidden.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> Platform.runLater(contents::detachHidden));
        // The scenario's tab is the Explorer or the Training tab; the Losses tab shows the Explorer's state.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == explorer || b == training) {
                workspace.tabProperty().set(b == training ? AppTab.TRAINING : AppTab.EXPLORER);
            }
        });
        workspace.tabProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(
                b == AppTab.TRAINING ? training : explorer));
        // A scenario opened before the window existed (from the command line, a restored session) names its tab.
        tabs.getSelectionModel().select(workspace.tabProperty().get() == AppTab.TRAINING ? training : explorer);
        Label status = statusBar();
        root.setTop(menuBar());
        root.setCenter(tabs);
        javafx.scene.control.ToggleButton present = presentToggle();
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        bindColumns(explorer, training, trainingContent, preferences);
        bindTheme(preferences);
        root.setBottom(statusRow(status, present));
        root.getStyleClass().add("main-window");
        root.getStylesheets().addAll(ViewSupport.class.getResource("theme.css").toExternalForm(),
                MainWindow.class.getResource("app.css").toExternalForm());
        charts.install();
        Help.showOnHover(root);
        applyFontSize();
        contents.afterFirstFrame(training, trainingContent);
        contents.afterFirstFrame(lesson.tab(), Lazy.of(lesson.tab().getContent()));
    }

    /** The status line: the workspace's last message, red when it is an error. */
    private Label statusBar() {
        Label status = new Label();
        status.setId("statusBar");
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        // A long message is cut, never the buttons beside it.
        status.setMinWidth(0);
        status.textProperty().bind(workspace.statusProperty());
        workspace.statusIsErrorProperty().addListener((o, a, b) -> ViewSupport.setStyleClass(status, "error", b));
        return status;
    }

    /** The "Present (F5)" button, one with the View menu's item. */
    private javafx.scene.control.ToggleButton presentToggle() {
        javafx.scene.control.ToggleButton present = new javafx.scene.control.ToggleButton("Present (F5)");
        present.setId("presentationToggle");
        present.setFocusTraversable(false);
        present.selectedProperty().bindBidirectional(presentation.selectedProperty());
        presentation.selectedProperty().addListener((o, a, b) -> applyPresentation());
        return present;
    }

    /**
     * The side columns' toggles, each shown with its tab and remembered between sessions. In presentation mode the
     * control strips stay (they can be driven) and the numbers column steps aside for the loss banner above the
     * charts; beside a lesson's text too, the charts need the room.
     */
    private void bindColumns(Tab explorer, Tab training, Lazy<Node> trainingContent, ViewPreferences preferences) {
        Node explorerContent = explorer.getContent();
        columns = () -> {
            boolean on = presentation.isSelected();
            show(explorerContent.lookup(".controls-scroll"), controls.isSelected() || on);
            show(explorerContent.lookup(".numbers-scroll"), numbers.isSelected() && !on
                    && !lesson.holdsExplorerProperty().get());
            if (trainingContent.made()) {
                show(trainingContent.get().lookup(".controls-scroll"), trainingControls.isSelected() || on);
            }
        };
        // Each tab's own column toggles show while it is the tab shown.
        controls.visibleProperty().bind(explorer.selectedProperty());
        numbers.visibleProperty().bind(explorer.selectedProperty());
        trainingControls.visibleProperty().bind(training.selectedProperty());
        for (javafx.scene.control.ToggleButton t : List.of(controls, numbers, trainingControls)) {
            t.managedProperty().bind(t.visibleProperty());
            // Remembered between sessions, like the theme.
            t.setSelected(preferences.get(t.getId(), true));
            t.selectedProperty().addListener((o, a, b) -> {
                preferences.set(t.getId(), b);
                columns.run();
            });
        }
        lesson.holdsExplorerProperty().addListener(o -> columns.run());
        columns.run();
    }

    /** The theme the window opened in (see create), then the user's choice, remembered. */
    private void bindTheme(ViewPreferences preferences) {
        dark.setSelected(startsDark(preferences));
        Theme.apply(root, dark.isSelected());
        dark.selectedProperty().addListener((o, a, b) -> {
            Theme.apply(root, b);
            preferences.set(dark.getId(), b);
        });
    }

    /** The status line with the column toggles and the Present button at its right. */
    private javafx.scene.layout.HBox statusRow(Label status, javafx.scene.control.ToggleButton present) {
        for (javafx.scene.control.ToggleButton t : List.of(controls, numbers, trainingControls, present)) {
            t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(status, controls, numbers, trainingControls,
                present);
        bottom.getStyleClass().add("status-row");
        return bottom;
    }

    /** Builds the window content over a workspace; {@code dialogs} answers the file questions. */
    public static Parent create(Workspace workspace, FileDialogs dialogs) {
        // The theme first: the window's controls are made with it, and JavaFX's own stylesheet is never loaded.
        ViewPreferences preferences = new ViewPreferences(workspace.home());
        Theme.install(startsDark(preferences));
        return new MainWindow(workspace, dialogs, preferences).root;
    }

    /** The theme a window opens in: the user's last choice, or on the first start the desktop's preference. */
    private static boolean startsDark(ViewPreferences preferences) {
        return preferences.get(DARK_THEME_ID, () -> SystemTheme.prefersDark().orElse(false));
    }

    private MenuBar menuBar() {
        // File > Import Logits reads a row of next-token logits while the Sampling tab is shown, a validation set
        // while the Calibration tab is.
        menus.importLogitsWith(p -> sampling.tab().isSelected() ? sampling.importRow(p, dialogs, this::window)
                : calibration.tab().isSelected() ? calibration.importRows(p, dialogs, this::window)
                : workspace.importLogits(p));
        Menu file = menus.file(() -> tabs.getSelectionModel().select(lesson.tab()),
                scale -> charts.exportCharts(tabs.getSelectionModel().getSelectedItem().getContent(), scale));
        Menu edit = menus.edit();
        presentation.setId("presentationItem");
        presentation.setAccelerator(KeyCombination.valueOf("F5"));

        dark.setId(DARK_THEME_ID);
        Menu view = new Menu("View", null, presentation,
                FileMenus.item("Zoom in", "zoomInItem", null, () -> zoom(1.1)),
                FileMenus.item("Zoom out", "zoomOutItem", null, () -> zoom(1 / 1.1)),
                FileMenus.item("Actual size", "zoomResetItem", null, () -> zoom(0)),
                new SeparatorMenuItem(), dark);
        // Menus show the keys as people name them ("Ctrl++", "Ctrl+-", "Ctrl+0"); a key filter takes every way of
        // typing them: "+" with or without Shift (it is Shift+= on most layouts) and the numeric keypad.
        view.getItems().get(1).setAccelerator(new KeyCharacterCombination("+", KeyCombination.SHORTCUT_DOWN));
        view.getItems().get(2).setAccelerator(new KeyCharacterCombination("-", KeyCombination.SHORTCUT_DOWN));
        view.getItems().get(3).setAccelerator(new KeyCharacterCombination("0", KeyCombination.SHORTCUT_DOWN));
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, zoomKeys);
                old.removeEventFilter(KeyEvent.KEY_PRESSED, windowKeys);
                old.widthProperty().removeListener(sceneWidth);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, zoomKeys);
                scene.addEventFilter(KeyEvent.KEY_PRESSED, windowKeys);
                scene.widthProperty().addListener(sceneWidth);
            }
        });
        return new MenuBar(file, edit, view);
    }

    /**
     * Shortcut with +, = or keypad + zooms in, with - or keypad - out, with 0 or keypad 0 back to actual size, Shift
     * or not; consumed here, so the menus' accelerators (for their labels) do not act a second time.
     */
    private void onZoomKey(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoom(1.1);
            case MINUS, SUBTRACT -> zoom(1 / 1.1);
            case DIGIT0, NUMPAD0 -> zoom(0);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * A toggle that shows (selected) or collapses a side column of {@code tab}, so that the charts take its room.
     */
    private static javafx.scene.control.ToggleButton columnToggle(String id, String text) {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton(text);
        toggle.setId(id);
        toggle.setSelected(true);
        toggle.setFocusTraversable(false);
        Help.set(toggle, "Show or collapse this column; the charts take its room.");
        return toggle;
    }

    /** Shows a node, or takes it out of sight and of the layout (a column not found: nothing). */
    private static void show(Node node, boolean shown) {
        if (node != null) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    /**
     * Large fonts and thick lines for the back of a lecture hall, with a slim control strip that can still be driven:
     * every control marked {@code presentation-hidden} in the views' FXML steps aside (the Explorer keeps the
     * selected sample's logits, the preset, T and the target; the Training tab Play/Step/Reset, speed, learning rate
     * and dataset).
     */
    private void applyPresentation() {
        boolean on = presentation.isSelected();
        ViewSupport.setStyleClass(root, "presentation", on);
        root.lookupAll(".presentation-hidden").forEach(n -> show(n, !on));
        root.lookupAll(".presentation-only").forEach(n -> show(n, on));
        columns.run();
        applyFontSize();
    }

    /**
     * Keys that work wherever the focus is: Ctrl+Tab, and in presentation mode PageDown / PageUp (what a clicker
     * sends), switch tabs; Esc leaves presentation mode. (Space, Right and R belong to the Training tab's view.)
     */
    private void onWindowKey(KeyEvent e) {
        boolean presenting = presentation.isSelected();
        boolean inLesson = lesson.tab().isSelected();
        if (presenting && inLesson && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
            // A clicker's keys move through the lesson's sections.
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                lesson.model().next();
            } else {
                lesson.model().previous();
            }
        } else if ((presenting && e.getCode() == KeyCode.PAGE_DOWN) || (e.isShortcutDown() && e.getCode() == KeyCode.TAB
                && !e.isShiftDown())) {
            tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + 1) % tabs.getTabs().size());
        } else if ((presenting && e.getCode() == KeyCode.PAGE_UP) || (e.isShortcutDown()
                && e.getCode() == KeyCode.TAB)) {
            int n = tabs.getTabs().size();
            tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + n - 1) % n);
        } else if (presenting && e.getCode() == KeyCode.ESCAPE) {
            presentation.setSelected(false);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.V
                && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
            menus.paste();
        } else {
            return;
        }
        e.consume();
    }

    private void zoom(double factor) {
        zoom = factor == 0 ? 1 : Math.max(0.6, Math.min(3, zoom * factor));
        applyFontSize();
    }

    private void applyFontSize() {
        // Presentation text is 22 px at 1920 px wide and scales with a narrower window, never below the normal size.
        double width = root.getScene() == null ? PRESENTATION_WIDTH : root.getScene().getWidth();
        double presentationFont = Math.max(BASE_FONT, PRESENTATION_FONT * Math.min(1, width / PRESENTATION_WIDTH));
        double size = (presentation.isSelected() ? presentationFont : BASE_FONT) * zoom;
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", size));
        for (Node n : root.lookupAll(".plot-canvas")) {
            n.setStyle(String.format(java.util.Locale.ROOT, "-sl-font-size: %.1fpx;", size * 0.93));
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
