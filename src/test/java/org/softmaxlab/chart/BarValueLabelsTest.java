package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.softmaxlab.testing.SvgTexts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A value label inside a bar is written in the bar's contrast colour, so it must fit the bar: the part outside would
 * vanish on the background. Narrow bars and a large font (presentation mode) take their labels outside or none.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BarValueLabelsTest {
    private static final Pattern RECT = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" "
            + "width=\"([-0-9.]+)\" height=\"([-0-9.]+)\" fill=\"#");
    private final BarCanvas chart = new BarCanvas(BarCanvas.Range.SIGNED);

    @Start
    void start(Stage stage) {
        chart.setClassColors(true);
        chart.setTitle("Logits z of sample 0");
        stage.setScene(new Scene(new StackPane(chart), 320, 300));
        stage.show();
    }

    private record Box(double x0, double y0, double x1, double y1) {
    }

    private static List<Box> bars(String svg) {
        List<Box> out = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            out.add(new Box(x, y, x + Double.parseDouble(m.group(3)), y + Double.parseDouble(m.group(4))));
        }
        return out;
    }

    @Test
    void aLabelInsideABarFitsItsWidth(FxRobot robot) {
        for (double font : new double[] {13, 20.5, 26}) {
            String[] svg = new String[1];
            robot.interact(() -> {
                chart.setStyle("-sl-font-size: " + font + "px;");
                chart.applyCss();
                chart.setValues(new double[] {3, 1.5, 0.5, -1, -2}, 0, null);
                svg[0] = chart.toSvg();
            });
            List<Box> bars = bars(svg[0]);
            assertFalse(bars.isEmpty(), "the bars are in the SVG");
            for (SvgTexts.Text t : SvgTexts.of(svg[0])) {
                if (!t.role().equals("value")) {
                    continue;
                }
                for (Box b : bars) {
                    boolean within = t.y0() >= b.y0() - 0.5 && t.y1() <= b.y1() + 0.5 && t.x() > b.x0()
                            && t.x() < b.x1();
                    if (within) {
                        assertTrue(t.x0() >= b.x0() - 0.5 && t.x1() <= b.x1() + 0.5, "at " + font + " px \""
                                + t.text() + "\" (" + t.x0() + ".." + t.x1() + ") spills out of its bar ("
                                + b.x0() + ".." + b.x1() + ")");
                    }
                }
            }
        }
    }
}
