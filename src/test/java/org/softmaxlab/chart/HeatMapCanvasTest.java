package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
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

/** The weight heat map's numbers: as many decimals as fit in a cell, none rather than numbers running together. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class HeatMapCanvasTest {
    private HeatMapCanvas map;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        map = new HeatMapCanvas();
        map.setMatrix(new double[][] {{0.221, 0, 0, 0}, {-1.419, 0, 0, 0}, {-1.514, 0, 0, 0}},
                new String[] {"class 0", "class 1", "class 2"}, new String[] {"x0", "x1", "x2", "b"});
        holder = new StackPane(map);
        stage.setScene(new Scene(holder, 700, 260));
        stage.show();
    }

    private List<SvgTexts.Text> valuesAt(FxRobot robot, double width) {
        String[] svg = new String[1];
        robot.interact(() -> {
            map.setMaxWidth(width);
            holder.getScene().getRoot().layout();
            svg[0] = map.toSvg();
        });
        assertNull(SvgTexts.problem(svg[0]), "no texts overlap at " + width + " px");
        return SvgTexts.of(svg[0]).stream().filter(t -> t.role().equals("value")).toList();
    }

    @Test
    void wideCellsShowThreeDecimalsAndNarrowOnesFewerOrNone(FxRobot robot) {
        List<SvgTexts.Text> wide = valuesAt(robot, 700);
        assertEquals(12, wide.size());
        assertTrue(wide.stream().anyMatch(t -> t.text().equals("-1.419")), wide.toString());
        for (double width : new double[] {400, 330, 300, 260}) {
            List<SvgTexts.Text> narrow = valuesAt(robot, width);
            // Each number inside its own column: the centres of neighbours further apart than the numbers are wide.
            double cell = (narrow.isEmpty() ? 0 : narrow.get(1).x() - narrow.get(0).x());
            for (SvgTexts.Text t : narrow) {
                assertTrue(t.x1() - t.x0() <= cell, width + " px: \"" + t.text() + "\" is wider than its cell " + cell);
            }
        }
        List<SvgTexts.Text> narrowest = valuesAt(robot, 260);
        assertTrue(narrowest.isEmpty() || narrowest.get(0).text().length() < 5, "no room for three decimals: "
                + narrowest);
    }
}
