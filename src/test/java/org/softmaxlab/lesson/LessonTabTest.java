package org.softmaxlab.lesson;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Lesson tab: the shipped notebook lesson, its live numbers, navigation, presentation keys and bad files. */
@Tag("ui")
class LessonTabTest extends WindowTest {
    @TempDir
    static Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void theNotebookLessonWalksThroughItsSectionsWithLiveNumbers(FxRobot robot) throws Exception {
        robot.clickOn("#lessonTab");
        ListView<String> index = robot.lookup("#lessonIndex").queryAs(ListView.class);
        assertTrue(index.getItems().size() >= 6, "at least six sections: " + index.getItems());
        Screen.await(robot, "#lessonTitle", t -> t.contains("What cross-entropy measures"));
        assertTrue(Screen.text(robot, "#lessonText").contains("0.2159 nats, which is 0.3115 bits"), Screen.text(robot, "#lessonText"));
        // The live view beside the text is the Explorer itself.
        Node live = robot.lookup("#probabilityChart").query();
        assertTrue(isInside(live, robot), "the Explorer is shown in the Lesson tab");
        robot.clickOn("#lessonNext");
        Screen.await(robot, "#lessonTitle", t -> t.contains("Softmax and its properties"));
        robot.clickOn("#lessonPrev");
        Screen.await(robot, "#lessonTitle", t -> t.contains("What cross-entropy measures"));
        int weighted = index.getItems().indexOf(index.getItems().stream()
                .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains("weighted cross-entropy")).findFirst()
                .orElseThrow());
        for (int i = 0; i < weighted; i++) {
            robot.clickOn("#lessonNext");
        }
        Screen.await(robot, "#lessonTitle", t -> t.contains("Weighted cross-entropy"));
        Screen.await(robot, "#lessonText", t -> t.contains("1.3133"));
        Screen.await(robot, "#lossValue", "1.3133"::equals);
        // The reader changes the live view; the text follows.
        robot.interact(() -> workspace.explorer().dragLogit(1, 4.0));
        Screen.await(robot, "#lessonText", t -> !t.contains("1.3133"));
        // The training section brings the Training tab's view.
        robot.clickOn("#lessonNext");
        Screen.await(robot, "#lessonTitle", t -> t.contains("Training a Linear layer"));
        assertTrue(robot.lookup("#playButton").query().isVisible());
        Screen.await(robot, "#lessonText", t -> t.contains("the loss is 2.0499"));
        // Leaving the tab gives each view back to its own tab.
        robot.clickOn("#explorerTab");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        Tab explorer = tabs.getTabs().get(0);
        assertSame(explorer.getContent(), robot.lookup("#probabilityChart").query().getScene() == null ? null
                : ancestorTabContent(robot.lookup("#probabilityChart").query(), explorer));
    }

    @Test
    void theLiveExplorerGivesItsChartsTheRoomAt1280x720(FxRobot robot) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#lessonTab");
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("1."));
        WaitForAsyncUtils.waitForFxEvents();
        // Beside the text the numbers column steps aside (the loss is in the text), and comes back on the Explorer tab.
        Node numbers = robot.lookup(".numbers-scroll").query();
        assertTrue(!numbers.isVisible() && !numbers.isManaged(), "the numbers column steps aside in the lesson");
        assertChartsWhole(robot, "normal mode");
        // In presentation mode too: the charts two by two, whole, where three a row would not fit beside the text.
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertChartsWhole(robot, "presentation mode");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#explorerTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(numbers.isVisible(), "the numbers column is back in the Explorer tab");
    }

    @Test
    void theTextTakesAThirdOfAWindowWidenedWhileTheTabWasHidden(FxRobot robot) throws Exception {
        // The Lesson view was laid out at 1366 px (a hidden tab is, after the first frame), its text capped at 406.
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        FxToolkit.setupStage(stage -> stage.setWidth(1900));
        robot.clickOn("#lessonTab");
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("1."));
        WaitForAsyncUtils.waitForFxEvents();
        Region text = robot.lookup(".lesson").query();
        assertEquals(1900 / 3.0, text.getWidth(), 12, "the lesson's text at 1900 px");
    }

    /** The Explorer's four charts are at least 300x200 and wholly inside the window. */
    private static void assertChartsWhole(FxRobot robot, String mode) {
        for (String id : new String[] {"#probabilityChart", "#gradientChart", "#lossChart", "#lossCurve"}) {
            Region chart = robot.lookup(id).query();
            Bounds b = chart.localToScene(chart.getLayoutBounds());
            String what = mode + ": " + id + " at " + b;
            assertTrue(chart.getWidth() >= 300 && chart.getHeight() >= 200, what);
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= chart.getScene().getWidth() + 0.5
                    && b.getMinY() >= 0 && b.getMaxY() <= chart.getScene().getHeight() + 0.5, what);
        }
    }

    @Test
    void aClickerMovesThroughTheSectionsInPresentationMode(FxRobot robot) throws Exception {
        robot.clickOn("#lessonTab");
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("1."));
        robot.type(KeyCode.F5);
        robot.type(KeyCode.PAGE_DOWN);
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("2."));
        robot.type(KeyCode.PAGE_DOWN);
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("3."));
        robot.type(KeyCode.PAGE_UP);
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("2."));
        assertEquals("lessonTab", robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId(), "PageDown stays on the lesson");
    }

    @Test
    void aBadLessonFileSaysWhyAndTheLessonStays(FxRobot robot) throws Exception {
        robot.clickOn("#lessonTab");
        Screen.await(robot, "#lessonTitle", t -> t.startsWith("1."));
        dialogs.next = dir.resolve("bad-lesson.json");
        Files.writeString(dialogs.next, "{\"title\": \"Mine\", \"sections\": [{\"title\": \"One\", \"text\": \"{lost}\", "
                + "\"scenario\": {\"tab\": \"explorer\"}}]}");
        robot.clickOn("File").clickOn("#openLessonItem");
        Screen.await(robot, "#statusBar", t -> t.contains("Cannot open the lesson bad-lesson.json")
                && t.contains("{lost}"));
        assertTrue(Screen.text(robot, "#lessonTitle").startsWith("1."), "the lesson shown stays");
        dialogs.next = dir.resolve("good-lesson.json");
        Files.writeString(dir.resolve("b.json"), Files.readString(Path.of("resources/scenarios/example-b.json")));
        Files.writeString(dialogs.next, "{\"title\": \"Mine\", \"sections\": [{\"title\": \"Only B\", \"text\": "
                + "\"The loss is {loss}.\", \"math\": [\"L\"], \"scenario\": \"b.json\"}]}");
        robot.clickOn("File").clickOn("#openLessonItem");
        Screen.await(robot, "#lessonTitle", "Only B"::equals);
        Screen.await(robot, "#lessonText", "The loss is 1.3133."::equals);
    }

    private static boolean isInside(Node node, FxRobot robot) {
        Node holder = robot.lookup(".lesson-live").query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == holder) {
                return true;
            }
        }
        return false;
    }

    private static Node ancestorTabContent(Node node, Tab tab) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == tab.getContent()) {
                return n;
            }
        }
        return null;
    }
}
