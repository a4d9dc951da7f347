package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.testing.SvgTexts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The information view's second part: Y and P class by class, under the H + KL bar, where there is room. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InformationCanvasTest {
    private InformationCanvas chart;
    private StackPane box;

    @Start
    void start(Stage stage) {
        chart = new InformationCanvas();
        box = new StackPane(chart);
        stage.setScene(new Scene(box, 480, 420));
        stage.show();
    }

    /** Smoothing eps over C classes with target y: (1 - eps) onehot(y) + eps / C. */
    private static double[] smoothed(int classes, int y, double eps) {
        double[] t = new double[classes];
        java.util.Arrays.fill(t, eps / classes);
        t[y] += 1 - eps;
        return t;
    }

    private List<SvgTexts.Text> texts(FxRobot robot, double[] y, double[] p) {
        String[] svg = new String[1];
        robot.interact(() -> {
            chart.setSplit(0.3, 0.9, "nats");
            chart.setDistributions(y, p);
            svg[0] = chart.toSvg();
        });
        assertNull(SvgTexts.problem(svg[0]), "no text overlaps another or leaves the chart");
        return SvgTexts.of(svg[0]);
    }

    @Test
    void everyClassShowsItsTargetAndPredictionWithTheTargetLabelled(FxRobot robot) {
        List<SvgTexts.Text> texts = texts(robot, smoothed(3, 1, 0.2), new double[] {0.2, 0.5, 0.3});
        assertTrue(texts.stream().anyMatch(t -> t.text().startsWith("Y (dashed) and P per class")), texts.toString());
        List<String> classes = texts.stream().filter(t -> t.role().equals("tick")).map(SvgTexts.Text::text)
                .filter(s -> s.matches("\\d+( \\(y\\))?")).toList();
        assertEquals(List.of("0", "1 (y)", "2"), classes);
    }

    @Test
    void manyClassesShowTheTwelveLargestInClassOrder(FxRobot robot) {
        double[] p = new double[20];
        for (int c = 0; c < 20; c++) {
            p[c] = (c + 1) / 210.0;
        }
        List<SvgTexts.Text> texts = texts(robot, smoothed(20, 2, 0.1), p);
        assertTrue(texts.stream().anyMatch(t -> t.text().equals("Y (dashed) and P, the 12 largest of 20 classes")),
                texts.toString());
        int[][] shown = new int[1][];
        robot.interact(() -> shown[0] = chart.shownClasses());
        // The target (Y = 0.905) and the eleven most probable classes, 9 to 19.
        assertArrayEquals(new int[] {2, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, shown[0]);
    }

    @Test
    void aShortChartLeavesTheDistributionsOut(FxRobot robot) {
        robot.interact(() -> {
            chart.setMaxHeight(170);
            box.layout();
        });
        List<SvgTexts.Text> texts = texts(robot, smoothed(3, 0, 0), new double[] {0.6, 0.3, 0.1});
        assertTrue(texts.stream().noneMatch(t -> t.text().startsWith("Y (dashed)")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.text().startsWith("CE = H + KL")), "the bar stays: " + texts);
    }
}
