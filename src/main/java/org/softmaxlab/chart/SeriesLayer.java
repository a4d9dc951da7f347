package org.softmaxlab.chart;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;

/** A {@link CurveCanvas}'s further curves ({@link CurveCanvas.Series}) and their legend. */
final class SeriesLayer {
    private SeriesLayer() {
    }

    /** The further curves, each clipped to the plot's y range, and their legend at the plot's top right. */
    static void draw(PlotCanvas chart, Painter g, List<CurveCanvas.Series> series, DoubleUnaryOperator px,
                     DoubleUnaryOperator py, double font, double left, double top, double plotW) {
        double width = Math.max(2, font / 6);
        for (CurveCanvas.Series sr : series) {
            int n = sr.x().length;
            double[] cx = new double[n];
            double[] cy = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                double y = py.applyAsDouble(sr.y()[i]);
                if (Double.isFinite(y)) {
                    cx[m] = px.applyAsDouble(sr.x()[i]);
                    cy[m++] = y;
                }
            }
            g.setStroke(chart.classColor(sr.colour()));
            g.setLineWidth(width);
            if (sr.dashes() != null) {
                double[] d = sr.dashes().clone();
                for (int k = 0; k < d.length; k++) {
                    d[k] *= width;
                }
                g.setLineDashes(d);
            }
            if (m > 1) {
                g.strokePolyline(cx, cy, m);
            }
            g.setLineDashes((double[]) null);
        }
        if (series.isEmpty()) {
            return;
        }
        g.setTextRole(TextRole.LEGEND);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double widest = 0;
        for (CurveCanvas.Series sr : series) {
            widest = Math.max(widest, chart.textWidth(sr.name(), font));
        }
        double x = left + plotW - widest - font * 2.6;
        double y = top + font * 0.8;
        for (CurveCanvas.Series sr : series) {
            g.setStroke(chart.classColor(sr.colour()));
            g.setLineWidth(width);
            if (sr.dashes() != null) {
                double[] d = sr.dashes().clone();
                for (int k = 0; k < d.length; k++) {
                    d[k] *= width / 2;
                }
                g.setLineDashes(d);
            }
            g.strokeLine(x, y, x + font * 1.8, y);
            g.setLineDashes((double[]) null);
            g.setFill(chart.textFill());
            g.fillText(sr.name(), x + font * 2.2, y);
            y += font * 1.35;
        }
    }
}
