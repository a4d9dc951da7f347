package org.softmaxlab.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.chart.PlotCanvas;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.scenario.Examples;
import org.softmaxlab.testing.SvgTexts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every chart of the Explorer, Training and Losses tabs, drawn at 1280x720, 1920x1080 and 3840x2160 for the shipped
 * examples and for C in {2, 3, 10, 20, 1000} with n in {1, 8}: no text leaves its chart, no two texts overlap and no
 * two tick labels of an axis crowd each other (read from each chart's SVG, drawn by the same code as the screen).
 * The 4K window is a scene of its own, laid out as a window of that size lays it out: Monocle's headless screen
 * (1920x1080 here) cannot hold it.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ChartLabelsTest {
    private static final int[][] SIZES = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    /** Wider than the headless screen (surefire's headless.geometry): drawn off screen. */
    private static final int SCREEN_WIDTH = 1920;
    private Stage stage;
    private Workspace workspace;
    /** The window's root being checked. */
    private javafx.scene.Parent root;

    @Start
    void start(Stage primary) {
        stage = primary;
        workspace = org.softmaxlab.testing.Workspaces.fresh();
        stage.setScene(new Scene(MainWindow.create(workspace, FileDialogs.none()), 1920, 1080));
        stage.show();
    }

    /** The window settles before a test looks into it (PulseMonitor.awaitSettledWindow). */
    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        org.softmaxlab.testing.PulseMonitor.awaitSettledWindow();
    }

    @AfterEach
    void close() {
        workspace.training().close();
    }

    @Test
    void noChartTextCollidesOrLeavesItsChart(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            robot.interact(() -> {
                if (size[0] <= SCREEN_WIDTH) {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    root = stage.getScene().getRoot();
                } else {
                    root = MainWindow.create(workspace, FileDialogs.none());
                    new Scene(root, size[0], size[1]);
                }
            });
            for (Examples.Example example : Examples.ALL) {
                robot.interact(() -> workspace.openExample(example));
                check(robot, size, example.title(), problems);
            }
            for (int classes : new int[] {2, 3, 10, 20, 1000}) {
                for (int samples : new int[] {1, 8}) {
                    robot.interact(() -> {
                        workspace.explorer().manyClassesProperty().set(classes > 20);
                        workspace.explorer().load(ExplorerState.of(new double[][] {{0, 1}}, new int[1], null, false,
                                1, 0, Reduction.MEAN, 0).withShape(samples, classes));
                    });
                    check(robot, size, "C = " + classes + ", n = " + samples, problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, first ones: "
                + problems.subList(0, Math.min(80, problems.size())));
    }

    private void check(FxRobot robot, int[] size, String what, List<String> problems) {
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = (TabPane) root.lookup(".tab-pane");
        for (int t = 0; t < 3; t++) { // Explorer, Training, Losses
            int tab = t;
            robot.interact(() -> {
                tabs.getSelectionModel().select(tab);
                root.applyCss();
                root.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> svgs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            robot.interact(() -> {
                for (Node n : tabs.getTabs().get(tab).getContent().lookupAll(".plot-canvas")) {
                    if (n instanceof PlotCanvas chart && visible(chart) && chart.getWidth() > 0) {
                        svgs.add(chart.toSvg());
                        names.add(chart.getId());
                    }
                }
            });
            if (svgs.size() < 3) {
                problems.add(size[0] + "x" + size[1] + ", " + what + ", tab " + tab + ": only " + svgs.size()
                        + " charts drawn");
            }
            for (int i = 0; i < svgs.size(); i++) {
                String problem = SvgTexts.problem(svgs.get(i));
                if (problem != null) {
                    problems.add(size[0] + "x" + size[1] + ", " + what + ", " + names.get(i) + ": " + problem);
                }
            }
        }
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
