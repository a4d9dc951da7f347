package org.softmaxlab.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.scenario.Examples;
import org.softmaxlab.testing.FxErrors;
import org.softmaxlab.testing.ScriptedDialogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File and View menus through the real window, with scripted answers to the file dialogs. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MainWindowTest {
    @TempDir
    static Path dir;
    private FxErrors errors;
    private Workspace workspace;

    /** Answers every file question with its {@code next}. */
    private final ScriptedDialogs scripted = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        workspace = org.softmaxlab.testing.Workspaces.fresh();
        stage.setScene(new Scene(MainWindow.create(workspace, scripted), 1920, 1080));
        stage.show();
    }

    /** The window settles before a test looks into it (PulseMonitor.awaitSettledWindow). */
    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        org.softmaxlab.testing.PulseMonitor.awaitSettledWindow();
    }

    @BeforeEach
    void record() {
        errors = FxErrors.install();
    }

    @AfterEach
    void noUncaughtErrors() {
        errors.assertNone();
        workspace.training().close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /**
     * Clicks a menu, then each item of the path, as a user does (only items in showing windows count). Under Monocle a
     * themed submenu does not open (in the real app it does), so past a submenu the pointer rests on it and the item
     * is fired from the submenu's items.
     */
    private static void menu(FxRobot robot, String menu, String... path) {
        robot.clickOn(showing(robot, menu));
        Node first = showing(robot, path[0]);
        if (path.length == 1) {
            robot.clickOn(first);
        } else {
            robot.moveTo(first, org.testfx.robot.Motion.HORIZONTAL_FIRST);
            javafx.scene.control.MenuItem item = (javafx.scene.control.MenuItem) first.getParent().getProperties()
                    .get(javafx.scene.control.MenuItem.class);
            for (int i = 1; i < path.length; i++) {
                String text = path[i];
                item = ((javafx.scene.control.Menu) item).getItems().stream().filter(m -> text.equals(m.getText()))
                        .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text));
            }
            javafx.scene.control.MenuItem chosen = item;
            robot.interact(() -> {
                // The menu closes as a click would close it, then the item acts.
                javafx.scene.control.Menu top = chosen.getParentMenu();
                while (top.getParentMenu() != null) {
                    top = top.getParentMenu();
                }
                top.hide();
                chosen.fire();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node showing(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                && n.isVisible()).query();
    }

    private static void type(FxRobot robot, String id, String value) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(value).type(KeyCode.ENTER);
    }

    /**
     * The Training and Lesson tabs' views join the window in the frame after its first (it opens sooner), or at once
     * when chosen before that; either way the tab then shows its own view, with working controls. Made and styled, a
     * hidden tab's view leaves the window until it is chosen (the same view, kept), and a run goes on meanwhile.
     */
    @Test
    void tabsNotShownAtStartJoinAfterTheFirstFrameOrWhenChosen(FxRobot robot) throws Exception {
        Workspace other = org.softmaxlab.testing.Workspaces.fresh();
        Stage[] stages = new Stage[2];
        TabPane[] tabs = new TabPane[2];
        try {
            Node[] made = new Node[4];
            robot.interact(() -> {
                for (int i = 0; i < 2; i++) {
                    javafx.scene.Parent root = MainWindow.create(i == 0 ? workspace : other, scripted);
                    tabs[i] = (TabPane) root.lookup(".tab-pane");
                    if (i == 0) {
                        for (int t : new int[] {1, 3}) {
                            tabs[0].getTabs().get(t).contentProperty().addListener((o, old, content) -> {
                                if (content != null) {
                                    made[t] = content;
                                }
                            });
                        }
                    }
                    stages[i] = new Stage();
                    stages[i].setScene(new Scene(root, 1280, 720));
                    stages[i].show();
                    // Not yet part of the window: the first frame has the Explorer only.
                    assertNull(tabs[i].getTabs().get(1).getContent());
                    assertNull(tabs[i].getTabs().get(3).getContent());
                }
                // Chosen before the first frame: it comes at once.
                tabs[1].getSelectionModel().select(1);
                assertTrue(tabs[1].getTabs().get(1).getContent().getStyleClass().contains("training"));
            });
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            // Left alone, both come a frame later, without being chosen, are styled (their controls have skins) and
            // leave the window again.
            for (int t : new int[] {1, 3}) {
                assertNotNull(made[t], "tab " + t + " made");
                assertNotNull(((javafx.scene.control.Control) made[t].lookup(t == 1 ? "#stepButton" : ".button"))
                        .getSkin(), "tab " + t + " styled");
                assertNull(tabs[0].getTabs().get(t).getContent(), "tab " + t + " hidden, out of the window");
                assertNull(made[t].getScene(), "tab " + t + " hidden, out of the window");
            }
            assertEquals(0, tabs[0].getSelectionModel().getSelectedIndex());
            long before = workspace.training().stepProperty().get();
            robot.interact(() -> {
                stages[1].close();
                stages[0].toFront();
                tabs[0].getSelectionModel().select(1);
            });
            assertSame(made[1], tabs[0].getTabs().get(1).getContent(), "chosen, the same view comes back");
            robot.clickOn(robot.from(stages[0].getScene().getRoot()).lookup("#stepButton").queryButton());
            // The step is taken on the training worker and shown at the next pulse.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workspace.training().stepProperty().get() == before + 1);
            // With the Explorer shown the Training view is out of the window, and it still follows the run.
            robot.interact(() -> tabs[0].getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(made[1].getScene());
            robot.interact(() -> workspace.training().step());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workspace.training().stepProperty().get() == before + 2);
            robot.interact(() -> tabs[0].getSelectionModel().select(1));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(String.valueOf(before + 2),
                    robot.from(stages[0].getScene().getRoot()).lookup("#stepValue").queryLabeled().getText());
        } finally {
            robot.interact(() -> {
                for (Stage s : stages) {
                    if (s != null) {
                        s.close();
                    }
                }
            });
            other.training().close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void saveChangeOpenBringsEveryControlBack(FxRobot robot) throws Exception {
        menu(robot, "File", "Examples", "Notebook example B (weighted)");
        type(robot, "#logitField-0", "3.5");
        robot.interact(() -> robot.lookup("#labelSmoothingSlider").queryAs(Slider.class).setValue(0.25));
        robot.interact(() -> robot.lookup("#reductionChoice").queryAs(ChoiceBox.class).setValue("sum"));
        String loss = text(robot, "#lossValue");
        scripted.next = dir.resolve("lecture.json");
        menu(robot, "File", "Save As\u2026");
        assertTrue(Files.exists(scripted.next), text(robot, "#statusBar"));

        robot.clickOn("#explorerResetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(loss.equals(text(robot, "#lossValue")));
        menu(robot, "File", "Open\u2026");
        assertEquals(loss, text(robot, "#lossValue"));
        assertEquals("3.5", robot.lookup("#logitField-0").queryAs(TextField.class).getText());
        assertEquals(0.25, robot.lookup("#labelSmoothingSlider").queryAs(Slider.class).getValue());
        assertEquals("sum", robot.lookup("#reductionChoice").queryAs(ChoiceBox.class).getValue());
        assertTrue(robot.lookup("#weightsEnabled").queryAs(CheckBox.class).isSelected());
        assertEquals("10", robot.lookup("#weightField-1").queryAs(TextField.class).getText());
        assertEquals(2, robot.lookup("#classCount").queryAs(Spinner.class).getValue());
        assertTrue(text(robot, "#statusBar").startsWith("Opened lecture.json"));
    }

    @Test
    void eachShippedExampleShowsItsHeadline(FxRobot robot) throws Exception {
        menu(robot, "File", "Examples", Examples.ALL.get(0).title());
        assertEquals("0.2159", text(robot, "#lossValue"));
        menu(robot, "File", "Examples", Examples.ALL.get(1).title());
        assertEquals("1.3133", text(robot, "#lossValue"));
        menu(robot, "File", "Examples", Examples.ALL.get(2).title());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2.0499".equals(text(robot, "#trainLossValue")));
        for (Examples.Example e : Examples.ALL.subList(3, Examples.ALL.size())) {
            menu(robot, "File", "Examples", e.title());
            assertFalse(robot.lookup("#statusBar").queryAs(Label.class).getStyleClass().contains("error"),
                    text(robot, "#statusBar"));
        }
    }

    @Test
    void aChangeIsOnDiskWithinTwoSeconds(FxRobot robot) throws Exception {
        Path session = workspace.home().resolve("session.json");
        robot.interact(() -> SessionKeeper.keep(workspace));
        robot.interact(() -> workspace.explorer().commitLogit(0, "4.25"));
        // Saved SessionKeeper.DELAY (1.5 s) after the change; the wait allows for a slow machine.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(session)
                && org.softmaxlab.scenario.ScenarioJson.read(session).explorer().logits()[0][0] == 4.25);
    }

    /**
     * The window's colour is its scene's fill, and it follows the theme: it is the colour the theme's CSS gives the tab
     * headers' strip (Primer's -color-bg-default), dark after the switch and light again after switching back.
     */
    @Test
    void windowColourFollowsTheTheme(FxRobot robot) {
        Node root = robot.lookup(".main-window").query();
        javafx.scene.paint.Paint[] fills = new javafx.scene.paint.Paint[2];
        for (boolean dark : new boolean[] {true, false}) {
            robot.interact(() -> darkItem(robot).setSelected(dark));
            robot.interact(root::applyCss);
            // The tab headers' strip: Primer paints it in -color-bg-default.
            javafx.scene.layout.Region strip = robot.lookup(".tab-header-area").queryAs(javafx.scene.layout.Region.class);
            javafx.scene.paint.Paint css = strip.getBackground().getFills().get(0).getFill();
            String theme = dark ? "dark" : "light";
            assertEquals(css, root.getScene().getFill(), theme + ": the window's colour is the theme's");
            fills[dark ? 1 : 0] = css;
            // A window opened in this theme (the app's start, the render command) starts in its colour, and a
            // picture of a window (README's screenshots) is on it.
            robot.interact(() -> {
                Scene window = org.softmaxlab.ui.Theme.scene(new javafx.scene.layout.Pane(), 10, 10);
                assertEquals(css, window.getFill(), theme + ": a new window's colour");
                assertEquals(css, org.softmaxlab.chart.PngExport.snapshot(window.getRoot(), 1).getPixelReader()
                        .getColor(5, 5), theme + ": a picture of a window is on its colour");
            });
        }
        assertEquals(javafx.scene.paint.Color.WHITE, fills[0]);
        assertTrue(((javafx.scene.paint.Color) fills[1]).getBrightness() < 0.2, "dark is dark: " + fills[1]);
    }

    /** Placeholder text meets WCAG AA on its field, in the light and the dark theme. */
    @Test
    void placeholderTextIsReadableInBothThemes(FxRobot robot) {
        robot.clickOn("#trainingTab");
        javafx.scene.control.TextField field = robot.lookup("#stopLossField").queryAs(javafx.scene.control.TextField.class);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> darkItem(robot).setSelected(dark));
            robot.interact(() -> robot.lookup(".main-window").query().applyCss());
            javafx.scene.text.Text shown = field.lookupAll("Text").stream().map(n -> (javafx.scene.text.Text) n)
                    .filter(t -> field.getPromptText().equals(t.getText())).findFirst().orElseThrow();
            javafx.scene.paint.Color prompt = (javafx.scene.paint.Color) shown.getFill();
            java.util.List<javafx.scene.layout.BackgroundFill> fills = field.getBackground().getFills();
            javafx.scene.paint.Paint inner = fills.get(fills.size() - 1).getFill();
            // The field's inner fill may be a gradient: every one of its colours must carry the text.
            List<javafx.scene.paint.Color> backs = inner instanceof javafx.scene.paint.LinearGradient g
                    ? g.getStops().stream().map(javafx.scene.paint.Stop::getColor).toList()
                    : List.of((javafx.scene.paint.Color) inner);
            for (javafx.scene.paint.Color back : backs) {
                double ratio = org.softmaxlab.chart.Contrast.ratio(prompt, back);
                assertTrue(ratio >= org.softmaxlab.chart.Contrast.AA, (dark ? "dark" : "light") + ": " + prompt
                        + " on " + back + " is " + ratio);
            }
        }
    }

    /** The root's font size in px, from its style. */
    private static double fontSize(FxRobot robot) {
        String style = robot.lookup(".main-window").query().getStyle();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-fx-font-size: ([0-9.]+)px").matcher(style);
        assertTrue(m.find(), style);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void zoomKeysWorkWithAndWithoutShiftAndOnTheKeypad(FxRobot robot) {
        double base = fontSize(robot);
        KeyCode[][] zoomIn = {{KeyCode.CONTROL, KeyCode.EQUALS}, {KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS},
                {KeyCode.CONTROL, KeyCode.ADD}, {KeyCode.CONTROL, KeyCode.PLUS}};
        for (KeyCode[] keys : zoomIn) {
            robot.push(keys);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Math.round(base * 1.1 * 10) / 10.0, fontSize(robot), 0.051, java.util.Arrays.toString(keys));
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(base, fontSize(robot), 0.051, "Ctrl+0 resets");
        }
        robot.push(KeyCode.CONTROL, KeyCode.SUBTRACT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fontSize(robot) < base, "keypad minus zooms out");
        robot.push(KeyCode.CONTROL, KeyCode.NUMPAD0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(base, fontSize(robot), 0.051, "keypad 0 resets");
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem reset = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "zoomResetItem".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Ctrl+0", reset.getAccelerator().getDisplayText());
    }

    @Test
    void aScenarioOpensOnTheTabItNames(FxRobot robot) {
        Path trainingScenario = Path.of("resources/scenarios/example-c.json");
        robot.clickOn("#explorerTab");
        robot.interact(() -> workspace.open(trainingScenario));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("trainingTab", tabs.getSelectionModel().getSelectedItem().getId(), "File > Open");
        robot.interact(() -> {
            // From the command line the file is opened before the window exists.
            Workspace early = org.softmaxlab.testing.Workspaces.fresh();
            early.open(trainingScenario);
            javafx.scene.Parent window = MainWindow.create(early, scripted);
            TabPane shown = (TabPane) window.lookup(".tab-pane");
            assertEquals("trainingTab", shown.getSelectionModel().getSelectedItem().getId(), "command line");
            early.open(Path.of("resources/scenarios/imbalanced-weighted.json"));
            javafx.scene.Parent other = MainWindow.create(early, scripted);
            new javafx.scene.Scene(other);
            other.applyCss();
            assertEquals("10, 1, 1", ((javafx.scene.control.TextField) other.lookup("#classWeightsField")).getText(),
                    "a file's class weights show in a window made after it was opened");
            early.training().close();
        });
    }

    @Test
    void everyChartOfBothTabsHasItsExportMenu(FxRobot robot) {
        for (String tab : new String[] {"#explorerTab", "#trainingTab"}) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            for (javafx.scene.Node n : robot.lookup(".plot-canvas").queryAll()) {
                if (n.getScene() == null || n.getLayoutBounds().getWidth() < 1 || !isShowing(n)) {
                    continue;
                }
                robot.rightClickOn(n);
                WaitForAsyncUtils.waitForFxEvents();
                List<javafx.stage.Window> menus = javafx.stage.Window.getWindows().stream()
                        .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()).toList();
                assertEquals(1, menus.size(), "a menu on " + n.getId());
                javafx.scene.control.ContextMenu menu = (javafx.scene.control.ContextMenu) menus.get(0);
                assertEquals(List.of("Save chart as PNG (1x)\u2026", "Save chart as PNG (2x)\u2026",
                        "Save chart as PNG (4x)\u2026", "Save chart as SVG\u2026"), menu.getItems().stream()
                        .map(javafx.scene.control.MenuItem::getText).toList(), n.getId());
                robot.interact(menu::hide);
            }
        }
    }

    private static boolean isShowing(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void badFileIsReportedAndNothingChanges(FxRobot robot) throws Exception {
        menu(robot, "File", "Examples", Examples.ALL.get(0).title());
        scripted.next = dir.resolve("broken.json");
        Files.writeString(scripted.next, "{\"explorer\": {\"logits\": [[1, 2], [3]]}}");
        menu(robot, "File", "Open\u2026");
        assertTrue(text(robot, "#statusBar").contains("explorer.logits[1] must hold 2"), text(robot, "#statusBar"));
        assertTrue(robot.lookup("#statusBar").queryAs(Label.class).getStyleClass().contains("error"));
        assertEquals("0.2159", text(robot, "#lossValue"));
    }

    @Test
    void exportsPngAndCsv(FxRobot robot) throws Exception {
        menu(robot, "File", "Examples", Examples.ALL.get(0).title());
        scripted.next = Files.createDirectories(dir.resolve("png"));
        menu(robot, "File", "Export", "Charts of this tab as PNG (2x)\u2026");
        Path png = scripted.next.resolve("probabilityChart.png");
        assertTrue(Files.exists(png), text(robot, "#statusBar"));
        BufferedImage image = ImageIO.read(png.toFile());
        double width = robot.lookup("#probabilityChart").queryAs(Node.class).getLayoutBounds().getWidth();
        assertEquals(Math.round(2 * width), image.getWidth(), 2.0);
        assertTrue(distinctColours(image) > 3, "the chart is drawn, not blank");
        scripted.next = Files.createDirectories(dir.resolve("svg"));
        menu(robot, "File", "Export", "Charts of this tab as SVG\u2026");
        String svg = Files.readString(scripted.next.resolve("probabilityChart.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), "an SVG document");
        assertTrue(svg.contains(">0.6590</text>"), "the bar values are vector text");
        assertTrue(svg.split("<rect").length > 3, "the bars are rectangles");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(scripted.next.resolve("probabilityChart.svg").toFile());
        scripted.next = dir.resolve("numbers.csv");
        menu(robot, "File", "Export", "Explorer numbers as CSV\u2026");
        assertTrue(Files.readString(scripted.next).contains("-0.17049943055701605"));
    }

    @Test
    void presentationModeEnlargesTextAndKeepsAStripThatCanBeDriven(FxRobot robot) throws Exception {
        double before = robot.lookup("#lossValue").queryAs(Label.class).getFont().getSize();
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lossValue").queryAs(Label.class).getFont().getSize() > before * 1.3);
        for (String kept : new String[] {"#logitSlider-0", "#logitField-0", "#presetChoice", "#temperatureSlider",
                "#targetSelector"}) {
            assertTrue(onScreen(robot, kept), kept + " stays in presentation mode");
        }
        assertFalse(onScreen(robot, "#classCount"), "the rest steps aside");
        snapshot(robot, "presentation.png");
        // The numbers column steps aside for the loss above the charts; a logit typed in the strip moves it.
        assertTrue(onScreen(robot, "#bannerLoss"), "the loss banner");
        assertFalse(onScreen(robot, "#numbersGrid"), "the numbers column steps aside");
        String loss = robot.lookup("#bannerLoss").queryAs(Label.class).getText();
        type(robot, "#logitField-0", "4");
        assertFalse(loss.equals(robot.lookup("#bannerLoss").queryAs(Label.class).getText()), "the strip works");
        assertEquals(robot.lookup("#lossValue").queryAs(Label.class).getText(),
                robot.lookup("#bannerLoss").queryAs(Label.class).getText(), "the banner is the batch loss");
        // Training keys act from the Explorer, wherever the focus is; Right never switches tabs.
        robot.clickOn("#presetChoice");
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> robot.lookup("#temperatureSlider").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> workspace.training().stepProperty().get() == 1);
        assertEquals("explorerTab", robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId(), "Right stepped training and stayed on the tab");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainingTab", robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId(), "PageDown goes to the next tab");
        for (String kept : new String[] {"#playButton", "#stepButton", "#resetButton", "#speedSlider", "#lrSlider",
                "#datasetChoice"}) {
            assertTrue(onScreen(robot, kept), kept + " stays in presentation mode");
        }
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> workspace.training()
                .runningProperty().get());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !workspace.training()
                .runningProperty().get());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> workspace.training().stepProperty().get() == 0);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".main-window").query().getStyleClass().contains("presentation"), "Esc leaves");
        assertTrue(robot.lookup("#classesSpinner").query().isVisible());
        robot.clickOn("#presentationToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".main-window").query().getStyleClass().contains("presentation"), "the button");
        robot.clickOn("#presentationToggle");
        menu(robot, "View", "Dark theme");
        snapshot(robot, "dark.png");
        assertTrue(robot.lookup(".main-window").query().getStyleClass().contains("dark"));
        menu(robot, "View", "Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sideColumnsCollapseAndTheChartsTakeTheirRoom(FxRobot robot) {
        Node chart = robot.lookup("#probabilityChart").query();
        double before = chart.getLayoutBounds().getWidth();
        robot.clickOn("#controlsToggle");
        robot.clickOn("#numbersToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onScreen(robot, "#classCount"), "the controls column is collapsed");
        assertFalse(onScreen(robot, "#lossValue"), "the numbers column is collapsed");
        assertTrue(chart.getLayoutBounds().getWidth() > before * 1.3, "the charts took the room: " + before + " -> "
                + chart.getLayoutBounds().getWidth());
        robot.clickOn("#controlsToggle");
        robot.clickOn("#numbersToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen(robot, "#classCount") && onScreen(robot, "#lossValue"), "both back");
        robot.clickOn("#trainingTab");
        robot.clickOn("#trainingControlsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onScreen(robot, "#playButton"), "the training controls collapse too");
        robot.clickOn("#trainingControlsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen(robot, "#playButton"));
    }

    /** Visible, inside the window, with a size. */
    private static boolean onScreen(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0
                && b.getMaxX() <= n.getScene().getWidth() + 1 && b.getMaxY() <= n.getScene().getHeight() + 1;
    }

    @Test
    void scrollPanesOfBothTabsPaintTheirContentWithoutAnImageCache(FxRobot robot) {
        java.util.Set<Node> viewports = robot.lookup(".scroll-pane > .viewport").queryAll();
        assertTrue(viewports.size() >= 3, "the Explorer's two scroll panes and the Training tab's: " + viewports);
        for (Node viewport : viewports) {
            assertFalse(viewport.isCache(), "a cached viewport repaints all its controls on every slider drag");
        }
    }

    @Test
    void renderingSettingsMergeChangedAreasIntoFifteenRectanglesUnlessGiven() {
        String before = System.getProperty(SoftmaxLabApp.DIRTY_REGION_COUNT);
        try {
            System.clearProperty(SoftmaxLabApp.DIRTY_REGION_COUNT);
            SoftmaxLabApp.useRenderingSettings();
            assertEquals("15", System.getProperty(SoftmaxLabApp.DIRTY_REGION_COUNT));
            System.setProperty(SoftmaxLabApp.DIRTY_REGION_COUNT, "6");
            SoftmaxLabApp.useRenderingSettings();
            assertEquals("6", System.getProperty(SoftmaxLabApp.DIRTY_REGION_COUNT), "the command line wins");
        } finally {
            if (before == null) {
                System.clearProperty(SoftmaxLabApp.DIRTY_REGION_COUNT);
            } else {
                System.setProperty(SoftmaxLabApp.DIRTY_REGION_COUNT, before);
            }
        }
    }

    /** README's screenshots: both tabs at 1920x1080, light and dark, made by the app itself. */
    @Test
    void screenshotsOfBothTabsLightAndDark(FxRobot robot) throws Exception {
        robot.interact(() -> workspace.open(Path.of("resources/scenarios/imbalanced-weighted.json")));
        robot.interact(() -> workspace.explorer().applyPreset(org.softmaxlab.model.ExplorerPreset.EXAMPLE_A));
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> darkItem(robot).setSelected(dark));
            for (String tab : new String[] {"explorer", "training"}) {
                robot.clickOn("#" + tab + "Tab");
                robot.moveTo(robot.lookup("#statusBar").queryAs(Label.class));
                String name = tab + "-" + (dark ? "dark" : "light") + ".png";
                snapshot(robot, name);
                assertTrue(Files.size(Path.of("target", "screenshots", name)) > 20_000, name);
            }
        }
        robot.interact(() -> darkItem(robot).setSelected(false));
        // The loss lab, the lesson, stages mode and an imported dataset.
        robot.clickOn("#lossesTab");
        snapshot(robot, "losses-light.png");
        robot.clickOn("#lessonTab");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#lessonNext");
        }
        snapshot(robot, "lesson-light.png");
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(org.softmaxlab.model.DatasetKind.BLOBS));
        robot.clickOn("#stagesToggle");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#stepButton");
        }
        Thread.sleep(500);
        snapshot(robot, "training-stages.png");
        robot.clickOn("#stagesToggle");
        robot.interact(() -> workspace.importLogits(Path.of("src/test/resources/import/dataset_500x10.npz")));
        snapshot(robot, "explorer-dataset.png");
        for (String name : List.of("losses-light.png", "lesson-light.png", "training-stages.png",
                "explorer-dataset.png")) {
            assertTrue(Files.size(Path.of("target", "screenshots", name)) > 20_000, name);
        }
    }

    private static javafx.scene.control.CheckMenuItem darkItem(FxRobot robot) {
        return (javafx.scene.control.CheckMenuItem) robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "darkThemeItem".equals(i.getId())).findFirst().orElseThrow();
    }

    private static void snapshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        // Axes that ease to a new range settle within a few frames.
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        javafx.scene.Parent root = robot.lookup(".main-window").queryAs(javafx.scene.Parent.class);
        robot.interact(() -> {
            try {
                org.softmaxlab.chart.PngExport.write(org.softmaxlab.chart.PngExport.snapshot(root, 1),
                        Path.of("target", "screenshots", name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
