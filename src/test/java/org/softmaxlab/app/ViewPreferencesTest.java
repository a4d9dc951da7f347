package org.softmaxlab.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;

/** The side columns and the theme (the desktop's on the first start) are remembered in the app folder, and a bad file only costs the defaults. */
@Tag("ui")
class ViewPreferencesTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeReadGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve("view.properties"), "numbersToggle=\\u12");
        assertTrue(new ViewPreferences(dir).get("numbersToggle", true));
        ViewPreferences p = new ViewPreferences(dir);
        p.set("numbersToggle", false);
        assertFalse(new ViewPreferences(dir).get("numbersToggle", true), "written and read back");
    }

    @Test
    void aCollapsedColumnAndTheDarkThemeStayForTheNextWindow(FxRobot robot) {
        robot.clickOn("#numbersToggle");
        robot.interact(() -> ((CheckMenuItem) robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "darkThemeItem".equals(i.getId())).findFirst()
                .orElseThrow()).setSelected(true));
        Parent[] next = new Parent[1];
        robot.interact(() -> next[0] = MainWindow.create(workspace, dialogs));
        ToggleButton numbers = (ToggleButton) next[0].lookup("#numbersToggle");
        assertFalse(numbers.isSelected(), "the numbers column stays collapsed");
        Node column = ((javafx.scene.control.TabPane) next[0].lookup(".tab-pane")).getTabs().get(0).getContent()
                .lookup(".numbers-scroll");
        assertFalse(column.isVisible());
        assertTrue(next[0].getStyleClass().contains("dark"), "the theme stays");
        assertEquals(true, ((ToggleButton) next[0].lookup("#controlsToggle")).isSelected());
        // Back to the defaults for the tests after this one (they share the app folder).
        robot.interact(() -> {
            numbers.setSelected(true);
            new ViewPreferences(workspace.home()).set("darkThemeItem", false);
        });
    }

    @Test
    void theFirstStartFollowsTheDesktopThenTheUsersChoice(FxRobot robot) throws Exception {
        String before = System.getProperty(org.softmaxlab.ui.SystemTheme.PROPERTY);
        System.setProperty(org.softmaxlab.ui.SystemTheme.PROPERTY, "dark");
        try {
            Files.deleteIfExists(workspace.home().resolve("view.properties"));
            Parent[] window = new Parent[1];
            robot.interact(() -> window[0] = MainWindow.create(workspace, dialogs));
            assertTrue(window[0].getStyleClass().contains("dark"), "a dark desktop, no choice yet: dark");
            assertTrue(org.softmaxlab.ui.Theme.isDark(), "Primer Dark under every scene");
            robot.interact(() -> new ViewPreferences(workspace.home()).set("darkThemeItem", false));
            robot.interact(() -> window[0] = MainWindow.create(workspace, dialogs));
            assertFalse(window[0].getStyleClass().contains("dark"), "the user's light choice beats the desktop");
            assertFalse(org.softmaxlab.ui.Theme.isDark());
        } finally {
            if (before == null) {
                System.clearProperty(org.softmaxlab.ui.SystemTheme.PROPERTY);
            } else {
                System.setProperty(org.softmaxlab.ui.SystemTheme.PROPERTY, before);
            }
            Files.deleteIfExists(workspace.home().resolve("view.properties"));
        }
    }

    /**
     * The Training tab's view is built the first time it is needed (after the window's first frame, or when chosen),
     * and then takes the remembered state of its column like the Explorer's columns do from the start.
     */
    @Test
    void aTabBuiltAfterTheWindowTakesItsRememberedColumn(FxRobot robot) throws Exception {
        try {
            robot.interact(() -> new ViewPreferences(workspace.home()).set("trainingControlsToggle", false));
            Parent[] window = new Parent[1];
            robot.interact(() -> window[0] = MainWindow.create(workspace, dialogs));
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window[0].lookup(".tab-pane");
            javafx.scene.control.Tab training = tabs.getTabs().get(1);
            assertEquals(null, training.getContent(), "not built for a window that opens on the Explorer");
            robot.interact(() -> tabs.getSelectionModel().select(training));
            Node column = training.getContent().lookup(".controls-scroll");
            assertFalse(column.isVisible(), "the remembered collapsed column");
            assertFalse(column.isManaged());
            robot.interact(() -> ((ToggleButton) window[0].lookup("#trainingControlsToggle")).setSelected(true));
            assertTrue(column.isVisible(), "and its toggle still works");
        } finally {
            Files.deleteIfExists(workspace.home().resolve("view.properties"));
        }
    }
}
