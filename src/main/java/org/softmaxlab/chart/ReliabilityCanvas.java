package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A reliability diagram: each bin's accuracy (bars) against the diagonal of perfect calibration (dashed), the gap
 * between accuracy and mean confidence shaded, a second set of bins (the model before a temperature) outlined, and
 * the bins' row counts as a histogram below.
 */
public final class ReliabilityCanvas extends PlotCanvas {
    /** One bin: its confidence range, its rows, their mean confidence and their accuracy. */
    public record Bin(double lo, double hi, int count, double confidence, double accuracy) {
    }

    private static final Color GAP = Color.web("#D55E00");
    private Bin[] bins = new Bin[0];
    private Bin[] before;
    private String beforeName = "";

    public ReliabilityCanvas() {
        getStyleClass().add("reliability");
    }

    /** The bins drawn, and (or null) the bins outlined for comparison, named in the legend. */
    public void setBins(Bin[] shown, Bin[] outlined, String outlinedName) {
        bins = shown;
        before = outlined;
        beforeName = outlinedName;
        invalidatePlot();
    }

    public Bin[] bins() {
        return bins;
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        if (bins.length == 0) {
            return;
        }
        double font = fontSize();
        double left = font * 3.6;
        double right = 10;
        double top = titleHeight() + font * 1.6;
        double bottom = font * 3.2;
        double plotH = height - top - bottom;
        double histH = Math.max(font * 2, plotH * 0.22);
        double gap = font * 2.6;
        double diagramH = plotH - histH - gap;
        double w = width - left - right;
        if (w < 20 || diagramH < 20) {
            return;
        }
        double histTop = top + diagramH + gap;
        drawAxes(g, font, left, top, w, diagramH);
        int most = 1;
        for (Bin b : bins) {
            most = Math.max(most, b.count());
        }
        for (Bin b : bins) {
            if (b.count() > 0) {
                drawBin(g, b, left, top, w, diagramH, histTop + histH, b.count() / (double) most * histH);
            }
        }
        if (before != null) {
            drawBefore(g, left, top, w, diagramH);
        }
        g.setStroke(textFill());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(left, top + diagramH, left + w, top);
        g.setLineDashes();
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeLine(left, histTop + histH, left + w, histTop + histH);
        g.setFill(textFill());
        g.setTextRole(TextRole.NOTE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("rows per bin (most: " + most + ")", left, histTop - font * 1.25);
        drawLegend(g, font, left, top - font * 1.4, w);
        g.setTextRole(TextRole.AXIS_TITLE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("confidence (the largest probability)", left + w / 2, height - 2);
    }

    /**
     * One bin: its accuracy as a bar, the gap to its mean confidence shaded with a line at the confidence, and its
     * share of the rows as a bar of height {@code countH} up from {@code histBottom}.
     */
    private void drawBin(Painter g, Bin b, double left, double top, double w, double diagramH, double histBottom,
                         double countH) {
        double x0 = left + b.lo() * w;
        double bw = Math.max(3, (b.hi() - b.lo()) * w);
        double xs = Math.min(x0, left + w - bw);
        double yAcc = top + (1 - b.accuracy()) * diagramH;
        double yConf = top + (1 - b.confidence()) * diagramH;
        g.setFill(plotFill());
        g.fillRect(xs + 1, yAcc, bw - 2, top + diagramH - yAcc);
        g.setFill(GAP);
        g.setGlobalAlpha(0.35);
        g.fillRect(xs + 1, Math.min(yAcc, yConf), bw - 2, Math.abs(yConf - yAcc));
        g.setGlobalAlpha(1);
        g.setStroke(GAP);
        g.setLineWidth(2);
        g.strokeLine(xs + 1, yConf, xs + bw - 1, yConf);
        g.setFill(axisStroke());
        g.fillRect(xs + 1, histBottom - countH, bw - 2, countH);
    }

    /** The bins before the change (T = 1) as dashed outlines behind the bars. */
    private void drawBefore(Painter g, double left, double top, double w, double diagramH) {
        g.setStroke(ghostStroke());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        for (Bin b : before) {
            if (b.count() > 0) {
                double x0 = left + b.lo() * w;
                double bw = Math.max(3, (b.hi() - b.lo()) * w);
                double y = top + (1 - b.accuracy()) * diagramH;
                g.strokeRect(Math.min(x0, left + w - bw) + 1, y, bw - 2, top + diagramH - y);
            }
        }
        g.setLineDashes();
    }

    private void drawAxes(Painter g, double font, double left, double top, double w, double h) {
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeLine(left, top, left, top + h);
        g.strokeLine(left, top + h, left + w, top + h);
        g.setFill(textFill());
        g.setTextRole(TextRole.TICK);
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            String t = i == 0 ? "0" : i == 5 ? "1" : "0." + (2 * i);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(t, left - 5, top + (1 - v) * h);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(t, left + v * w, top + h + 3);
            g.setGlobalAlpha(0.15);
            g.strokeLine(left, top + (1 - v) * h, left + w, top + (1 - v) * h);
            g.setGlobalAlpha(1);
        }
    }

    private void drawLegend(Painter g, double font, double left, double y, double w) {
        g.setTextRole(TextRole.LEGEND);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = left;
        String[] names = before == null ? new String[] {"accuracy", "gap to confidence", "perfect calibration"}
                : new String[] {"accuracy", "gap to confidence", "perfect calibration", beforeName};
        for (int i = 0; i < names.length; i++) {
            double tw = textWidth(names[i], font);
            if (x + font * 1.6 + tw > left + w) {
                break;
            }
            switch (i) {
                case 0 -> {
                    g.setFill(plotFill());
                    g.fillRect(x, y - font * 0.35, font * 1.1, font * 0.7);
                }
                case 1 -> {
                    g.setFill(GAP);
                    g.setGlobalAlpha(0.5);
                    g.fillRect(x, y - font * 0.35, font * 1.1, font * 0.7);
                    g.setGlobalAlpha(1);
                }
                case 2 -> {
                    g.setStroke(textFill());
                    g.setLineDashes(6, 4);
                    g.strokeLine(x, y, x + font * 1.1, y);
                    g.setLineDashes();
                }
                default -> {
                    g.setStroke(ghostStroke());
                    g.setLineDashes(4, 3);
                    g.strokeRect(x, y - font * 0.35, font * 1.1, font * 0.7);
                    g.setLineDashes();
                }
            }
            g.setFill(textFill());
            g.fillText(names[i], x + font * 1.5, y);
            x += font * 1.5 + tw + font * 1.2;
        }
    }
}
