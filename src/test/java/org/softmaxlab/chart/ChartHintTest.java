package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An interaction hint is drawn on screen and left out of every exported image. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ChartHintTest {
    private HeatMapCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new HeatMapCanvas();
        chart.setTitle("Weights [W | b]");
        chart.setHint("click a cell to set it");
        chart.setMatrix(new double[][] {{1, -2}, {0.5, 3}}, new String[] {"class 0", "class 1"},
                new String[] {"x0", "b"});
        stage.setScene(new Scene(new StackPane(chart), 640, 360));
        stage.show();
    }

    @Test
    void theHintIsOnScreenButNotInImages(FxRobot robot) {
        String[] svgs = new String[1];
        robot.interact(() -> svgs[0] = chart.toSvg());
        String svg = svgs[0];
        assertTrue(svg.contains("Weights [W | b]"), "the title is exported");
        assertFalse(svg.contains("click a cell"), "the hint is not: " + svg);
        robot.interact(() -> PngExport.snapshot(chart, 1));
        assertEquals("click a cell to set it", chart.getHint(), "the hint stays for the screen");
    }
}
