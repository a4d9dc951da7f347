package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The decision regions' colours: the class colour mixed into white by how sure the model is. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class DecisionRegionCanvasTest {
    private DecisionRegionCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new DecisionRegionCanvas();
        chart.setPoints(new double[][] {{-1, 0}, {1, 0}}, new int[] {0, 1});
        stage.setScene(new Scene(new StackPane(chart), 400, 400));
        stage.show();
    }

    /** The colour drawn inside the plot, up and to the left, away from the points, the axes and the legend. */
    private Color nearTopLeft(FxRobot robot, double[][] weight) {
        robot.interact(() -> chart.setModel(weight, new double[] {0, 0}, 1));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = chart.canvas().snapshot(null, null));
        int x = (int) (0.3 * chart.getWidth());
        int y = (int) (0.25 * chart.getHeight());
        return image[0].getPixelReader().getColor(x, y);
    }

    private static void assertColour(Color expected, Color actual) {
        assertEquals(expected.getRed(), actual.getRed(), 1.5 / 255, "red of " + actual);
        assertEquals(expected.getGreen(), actual.getGreen(), 1.5 / 255, "green of " + actual);
        assertEquals(expected.getBlue(), actual.getBlue(), 1.5 / 255, "blue of " + actual);
    }

    @Test
    void aCertainRegionIsItsClassColourAtSixtyFivePercent(FxRobot robot) {
        Color drawn = nearTopLeft(robot, new double[][] {{-40, 0}, {40, 0}});
        assertColour(Color.WHITE.interpolate(Palette.classColor(0), 0.65), drawn);
        drawn = nearTopLeft(robot, new double[][] {{40, 0}, {-40, 0}});
        assertColour(Color.WHITE.interpolate(Palette.classColor(1), 0.65), drawn);
    }

    @Test
    void aTossUpIsTheColourAtFifteenPercentAndUndefinedLogitsAreGrey(FxRobot robot) {
        assertColour(Color.WHITE.interpolate(Palette.classColor(0), 0.15),
                nearTopLeft(robot, new double[][] {{0, 0}, {0, 0}}));
        assertColour(Color.LIGHTGRAY, nearTopLeft(robot, new double[][] {{Double.NaN, 0}, {0, 0}}));
    }

    @Test
    void bothAxesShareOneScaleAndWrongPointsAreRinged(FxRobot robot) {
        robot.interact(() -> {
            chart.setPoints(new double[][] {{-5, 0}, {5, 0.5}, {4, 0.2}}, new int[] {0, 1, 0});
            chart.setModel(new double[][] {{-1, 0}, {1, 0}}, new double[] {0, 0}, 1);
            chart.layout();
        });
        double[] units = chart.unitsPerPixel();
        assertEquals(units[0], units[1], 1e-12, "a unit is as long across as up");
        String[] svg = new String[1];
        robot.interact(() -> svg[0] = chart.toSvg());
        // Points are outlined in the plot's background colour, a wrong one ringed in the text colour.
        long rings = svg[0].lines().filter(l -> l.startsWith("<ellipse") && l.contains("stroke=")
                && !l.contains("stroke=\"#ffffff\"")).count();
        assertEquals(1, rings, "the point of class 0 at x = 4 lies in class 1's region");
    }
}
