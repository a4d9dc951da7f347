package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A data-fitted axis moves to its new range over a few frames on screen, and exports take the final range. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AxisEasingTest {
    private BarCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new BarCanvas(BarCanvas.Range.POSITIVE);
        chart.setValues(new double[] {1, 0.5}, -1, null);
        stage.setScene(new Scene(new StackPane(chart), 400, 300));
        stage.show();
    }

    @Test
    void aRescaleIsEasedOnScreenAndExportsAreFinal(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> chart.drawnAxisTop() > 0);
        double before = chart.drawnAxisTop();
        double[] drawn = new double[1];
        robot.interact(() -> {
            chart.setValues(new double[] {10, 5}, -1, null);
            chart.layout();
            drawn[0] = chart.drawnAxisTop();
        });
        double first = drawn[0];
        assertTrue(first > before && first < 10, "one frame later the axis is on its way: " + before + " -> " + first);
        // The SVG export is drawn at the final range.
        String[] svg = new String[1];
        robot.interact(() -> svg[0] = chart.toSvg());
        assertTrue(svg[0].contains(">10</text>") || svg[0].contains(">12</text>"), "the final ticks in the export");
        // A few frames later it has arrived: a nice range above the largest bar.
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> chart.drawnAxisTop() >= 10.8);
        double settled = chart.drawnAxisTop();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(settled, chart.drawnAxisTop(), 0, "and stays");
    }
}
