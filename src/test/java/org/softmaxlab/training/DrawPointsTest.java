package org.softmaxlab.training;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Points;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Data you can draw: click, drag, right-click, Delete and Clear on the plane; saved in the scenario; CSV in and out. */
@Tag("ui")
class DrawPointsTest extends WindowTest {
    @TempDir
    static Path dir;

    private static Point2D onPlane(FxRobot robot, double fx, double fy) {
        DecisionRegionCanvas plane = robot.lookup("#decisionRegions").queryAs(DecisionRegionCanvas.class);
        javafx.geometry.Bounds b = plane.localToScreen(plane.getLayoutBounds());
        // Inside the plot (the axes take the left and bottom margins).
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    /** Where point {@code i} is drawn now (the plane's layout may have moved since it was clicked). */
    private Point2D whereIs(FxRobot robot, int i) {
        DecisionRegionCanvas plane = robot.lookup("#decisionRegions").queryAs(DecisionRegionCanvas.class);
        double[] xy = workspace.training().drawn().pointsProperty().get().x()[i];
        double[] px = plane.pixelOf(xy[0], xy[1]);
        return plane.localToScreen(px[0], px[1]);
    }

    private void awaitPoints(int n) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.training().drawn().pointsProperty().get() != null
                && workspace.training().drawn().pointsProperty().get().size() == n);
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeDrawnPointsAreTrainedOnAndSavedInTheScenario(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(DatasetKind.BLOBS));
        robot.clickOn("#clearPointsButton");
        awaitPoints(0);
        ChoiceBox<String> classes = robot.lookup("#drawClassChoice").queryAs(ChoiceBox.class);
        robot.clickOn(onPlane(robot, 0.3, 0.3));
        awaitPoints(1);
        robot.interact(() -> classes.getSelectionModel().select(1));
        robot.clickOn(onPlane(robot, 0.7, 0.3));
        awaitPoints(2);
        robot.interact(() -> classes.getSelectionModel().select(2));
        robot.clickOn(onPlane(robot, 0.5, 0.7));
        awaitPoints(3);
        Points p = workspace.training().drawn().pointsProperty().get();
        assertEquals(java.util.List.of(0, 1, 2), java.util.Arrays.stream(p.labels()).boxed().toList());
        assertTrue(p.x()[0][0] < p.x()[1][0], "left of the second");
        assertTrue(p.x()[2][1] < p.x()[0][1], "below the first");
        // Training restarted at step 0 on them.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.training().snapshotProperty().get() != null
                && workspace.training().snapshotProperty().get().dataset().size() == 3);
        assertEquals(0, workspace.training().stepProperty().get());
        dialogs.next = dir.resolve("drawn.json");
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dialogs.next));
        JsonNode saved = new ObjectMapper().readTree(dialogs.next.toFile());
        assertEquals(2, saved.get("version").asInt(), "drawn points make a version 2 file");
        JsonNode points = saved.get("training").get("points");
        assertEquals(3, points.size());
        assertEquals(p.x()[1][0], points.get(1).get(0).asDouble());
        assertEquals(2, points.get(2).get(2).asInt());
        // Reopening the file trains on the same points.
        robot.interact(() -> workspace.training().drawn().clearPoints());
        robot.interact(() -> workspace.open(dialogs.next));
        awaitPoints(3);
    }

    @Test
    void rightClickDeleteDragAndCsvEditThePoints(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(DatasetKind.BLOBS));
        robot.clickOn("#clearPointsButton");
        awaitPoints(0);
        robot.clickOn(onPlane(robot, 0.4, 0.4));
        awaitPoints(1);
        robot.clickOn(onPlane(robot, 0.6, 0.6));
        awaitPoints(2);
        double before = workspace.training().drawn().pointsProperty().get().x()[1][0];
        robot.drag(onPlane(robot, 0.6, 0.6), MouseButton.PRIMARY).moveTo(onPlane(robot, 0.8, 0.6)).release(
                MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> workspace.training().drawn().pointsProperty().get().x()[1][0] > before);
        assertEquals(2, workspace.training().drawn().pointsProperty().get().size(), "a drag moves, it does not add");
        robot.clickOn(whereIs(robot, 1), MouseButton.SECONDARY);
        awaitPoints(1);
        robot.clickOn(whereIs(robot, 0));
        robot.type(KeyCode.DELETE);
        awaitPoints(0);
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "x0,x1,label\n0.5,1.5,0\n-1,2,1\n3,0,2\n");
        dialogs.next = csv;
        robot.clickOn("File").clickOn("#importPointsItem");
        awaitPoints(3);
        dialogs.next = dir.resolve("out.csv");
        robot.clickOn("File").clickOn("Export").clickOn("#exportPointsItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dialogs.next));
        assertEquals("x0,x1,label\n0.5,1.5,0\n-1.0,2.0,1\n3.0,0.0,2\n", Files.readString(dialogs.next));
        Files.writeString(csv, "x0,x1,label\n0.5,oops,0\n");
        dialogs.next = csv;
        robot.clickOn("File").clickOn("#importPointsItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.statusProperty().get()
                .contains("row 2, column 2"));
        assertEquals(3, workspace.training().drawn().pointsProperty().get().size(), "a bad file changes nothing");
    }
}
