package org.softmaxlab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** WCAG contrast of the heat map's numbers on their cells, over every value a cell can show. */
class ContrastTest {
    @Test
    void theContrastRatioIsWcags() {
        assertEquals(21, Contrast.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Contrast.ratio(Color.web("#777777"), Color.web("#777777")), 1e-12);
        assertEquals(4.48, Contrast.ratio(Color.web("#777777"), Color.WHITE), 0.01);
    }

    @Test
    void everyHeatMapCellsNumberMeetsAa() {
        for (int k = -1000; k <= 1000; k++) {
            double v = k / 1000.0;
            Color cell = HeatMapCanvas.cellFill(v, 1);
            double ratio = Contrast.ratio(Contrast.textOn(cell), cell);
            assertTrue(ratio >= Contrast.AA, "value " + v + ": " + ratio + " on " + cell);
        }
        Color undefined = HeatMapCanvas.cellFill(Double.NaN, 1);
        assertTrue(Contrast.ratio(Contrast.textOn(undefined), undefined) >= Contrast.AA);
    }
}
