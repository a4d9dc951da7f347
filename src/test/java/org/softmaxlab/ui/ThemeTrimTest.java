package org.softmaxlab.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's copies of Primer ({@link Theme}) leave out the selectors of {@code src/build/primer-unused.txt} and nothing
 * else, and the app never shows what they leave out: no class of the app refers to a control listed there, no FXML
 * names one, and no window of the app (every tab, presentation mode, the menus and the pickers' lists) holds a node
 * with a listed style class. Fails when someone adds, say, a TableView without taking it off the list.
 */
@Tag("ui")
class ThemeTrimTest extends WindowTest {
    private static final Path LIST = Path.of("src", "build", "primer-unused.txt");
    private static final java.util.regex.Pattern STYLE_CLASS = java.util.regex.Pattern.compile("\\.([A-Za-z][\\w-]*)");

    /** Style class (a trailing {@code *}: any ending) to the class that brings it, {@code -} for a variant. */
    private static Map<String, String> unused() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LIST)) {
            String[] words = line.strip().split("\\s+");
            if (!words[0].isEmpty() && !words[0].startsWith("#")) {
                assertEquals(2, words.length, "style class and owner: " + line);
                names.put(words[0], words[1]);
            }
        }
        return names;
    }

    private static boolean isUnused(String styleClass, Map<String, String> unused) {
        return unused.keySet().stream().anyMatch(u -> u.endsWith("*")
                ? styleClass.startsWith(u.substring(0, u.length() - 1)) : styleClass.equals(u));
    }

    private static boolean namesUnused(Selector selector, Map<String, String> unused) {
        java.util.regex.Matcher m = STYLE_CLASS.matcher(selector.toString());
        while (m.find()) {
            if (isUnused(m.group(1), unused)) {
                return true;
            }
        }
        return false;
    }

    /** Each rule as its selectors and its declarations' properties, in order. */
    private static List<String> rules(Stylesheet sheet, java.util.function.Predicate<Selector> keep) {
        List<String> rules = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            List<String> selectors = rule.getSelectors().stream().filter(keep).map(Selector::toString).toList();
            if (!selectors.isEmpty()) {
                rules.add(selectors + " "
                        + rule.getDeclarations().stream().map(javafx.css.Declaration::getProperty).toList());
            }
        }
        return rules;
    }

    @Test
    void theCopiesLeaveOutExactlyTheSelectorsThatNameAListedClass() throws IOException {
        Map<String, String> unused = unused();
        for (String theme : List.of("primer-light", "primer-dark")) {
            URL original = getClass().getResource("/atlantafx/base/theme/" + theme + ".css");
            URL copy = Theme.class.getResource(theme + ".css");
            assertNotNull(copy, theme + " copy on the classpath (written by the build)");
            Stylesheet primer = parse(original);
            Stylesheet trimmed = parse(copy);
            List<String> actual = rules(trimmed, s -> true);
            assertEquals(rules(primer, s -> !namesUnused(s, unused)), actual, theme);
            long all = primer.getRules().stream().mapToLong(r -> r.getSelectors().size()).sum();
            long kept = trimmed.getRules().stream().mapToLong(r -> r.getSelectors().size()).sum();
            assertTrue(kept < all * 0.4, theme + ": " + kept + " of " + all + " selectors kept");
            URL binary = Theme.class.getResource(theme + ".bss");
            assertNotNull(binary, "the binary form JavaFX loads in place of " + theme + ".css");
            assertEquals(actual, rules(Stylesheet.loadBinary(binary), s -> true), theme + ".bss is the copy's");
        }
    }

    private static Stylesheet parse(URL url) throws IOException {
        return new CssParser().parse(url);
    }

    @Test
    void theAppNeverUsesAControlWhoseStylesAreLeftOut() throws IOException {
        List<String> owners = unused().values().stream().filter(o -> !"-".equals(o)).distinct().toList();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("target", "classes", "org", "softmaxlab"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 100, "the app's compiled classes and resources");
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".class")) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String owner : owners) {
                    assertFalse(bytes.contains(owner.replace('.', '/')), file + " uses " + owner);
                }
            } else if (name.endsWith(".fxml")) {
                String fxml = Files.readString(file);
                for (String owner : owners) {
                    String simple = owner.substring(owner.lastIndexOf('.') + 1);
                    assertFalse(fxml.contains(owner) || fxml.contains("<" + simple + " ")
                            || fxml.contains("<" + simple + ">"), file + " uses " + owner);
                }
            }
        }
    }

    @Test
    void noWindowOfTheAppShowsALeftOutStyleClass(FxRobot robot) throws IOException {
        Map<String, String> unused = unused();
        assertEquals(Theme.class.getResource("primer-light.css").toExternalForm(),
                javafx.application.Application.getUserAgentStylesheet(), "the window uses the app's copy");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        for (boolean presentation : new boolean[] {false, true}) {
            for (Tab tab : tabs.getTabs()) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                String where = tab.getText() + (presentation ? ", presentation" : "");
                assertNoneShown(robot, unused, where);
                openEveryPicker(robot, tab.getContent(), unused, where);
            }
            robot.type(KeyCode.F5);
        }
        for (Menu menu : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            robot.interact(menu::show);
            WaitForAsyncUtils.waitForFxEvents();
            assertNoneShown(robot, unused, "menu " + menu.getText());
            robot.interact(menu::hide);
        }
    }

    /** Opens each choice box's and combo box's list in turn and looks at the windows while it shows. */
    private static void openEveryPicker(FxRobot robot, Node content, Map<String, String> unused, String where) {
        List<Node> pickers = new ArrayList<>();
        collect(content, pickers);
        for (Node n : pickers) {
            if (n instanceof ChoiceBox<?> choice) {
                robot.interact(choice::show);
                assertNoneShown(robot, unused, where + ", list of " + n.getId());
                robot.interact(choice::hide);
            } else if (n instanceof ComboBox<?> combo) {
                robot.interact(combo::show);
                assertNoneShown(robot, unused, where + ", list of " + n.getId());
                robot.interact(combo::hide);
            }
        }
    }

    private static void collect(Node n, List<Node> into) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ChoiceBox<?> || n instanceof ComboBox<?>) {
            into.add(n);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }

    private static void assertNoneShown(FxRobot robot, Map<String, String> unused, String where) {
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null) {
                    walk(w.getScene().getRoot(), unused, found);
                }
            }
        });
        assertEquals(List.of(), found, where);
    }

    private static void walk(Node n, Map<String, String> unused, List<String> found) {
        for (String c : n.getStyleClass()) {
            if (isUnused(c, unused)) {
                found.add(n.getClass().getSimpleName() + "." + c);
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, unused, found));
        }
    }
}
