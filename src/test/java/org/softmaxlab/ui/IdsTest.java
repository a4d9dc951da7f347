package org.softmaxlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The public ids three ways at once: docs/IDS.md (what users read), {@link Ids} (the contract in code) and the running
 * window (what their tests find). A renamed control, an id dropped from the page or one written there by mistake fails.
 */
@Tag("ui")
class IdsTest extends WindowTest {
    private static final Pattern DOCUMENTED = Pattern.compile("`#([A-Za-z0-9<>_-]+)`");

    @Test
    void theIdsPageListsExactlyTheIdsInCode() throws Exception {
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(Path.of("docs", "IDS.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(new LinkedHashSet<>(Ids.all()).size(), Ids.all().size(), "an id listed twice in Ids");
        assertEquals(Set.copyOf(Ids.all()), documented, "docs/IDS.md and Ids differ");
    }

    @Test
    void everyIdIsInTheWindowOnceItsTabIsShown(FxRobot robot) {
        Set<String> seen = new LinkedHashSet<>();
        Parent root = robot.lookup(".tab-pane").query().getScene().getRoot();
        // The weight rows are made when weights are first turned on; the dataset view's ids join the window the
        // first time it shows (an imported batch larger than the sample spinner's range).
        robot.interact(() -> {
            workspace.explorer().weightsEnabledProperty().set(true);
            assertTrue(workspace.importLogits(Path.of("src/test/resources/import/dataset_500x10.npz")));
        });
        robot.interact(() -> collect(root, seen));
        robot.interact(() -> workspace.explorer().applyPreset("Default"));
        TabPane tabs = (TabPane) root.lookup(".tab-pane");
        for (Tab tab : tabs.getTabs()) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                seen.add(tab.getId());
                collect(root, seen);
            });
        }
        robot.interact(() -> workspace.explorer().sampleCountProperty().set(1));
        robot.interact(() -> collect(root, seen));
        List<String> missing = new ArrayList<>();
        for (String id : Ids.all()) {
            Pattern family = Pattern.compile(Pattern.quote(id).replaceAll("<[a-z]+>", "\\\\E[A-Za-z0-9_]+\\\\Q"));
            if (seen.stream().noneMatch(s -> family.matcher(s).matches())) {
                missing.add(id);
            }
        }
        assertTrue(missing.isEmpty(), "documented ids not in the window: " + missing);
    }

    /** Every id in the scene graph below {@code node}, hidden or not, with the menus' items and the panes' content. */
    private static void collect(Node node, Set<String> ids) {
        if (node.getId() != null) {
            ids.add(node.getId());
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(menu -> collect(menu, ids));
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), ids);
        }
        if (node instanceof TitledPane titled && titled.getContent() != null) {
            collect(titled.getContent(), ids);
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> collect(item, ids));
        }
        if (node instanceof TabPane pane) {
            pane.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> collect(t.getContent(), ids));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, ids));
        }
    }

    private static void collect(MenuItem item, Set<String> ids) {
        if (item.getId() != null) {
            ids.add(item.getId());
        }
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> collect(child, ids));
        }
    }
}
