package org.softmaxlab.chart;

import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.Numbers;

/**
 * A line plot y(x) on a Canvas, with an optional marked point and its tangent (the loss-versus-logit curve), a
 * log-scale y option and a hover readout of the nearest point (the training loss history). Data is copied into
 * arrays kept between updates; redrawn once per pulse.
 */
public final class CurveCanvas extends PlotCanvas {
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int count;
    private double markX = Double.NaN;
    private double markY = Double.NaN;
    private double markSlope = Double.NaN;
    private boolean logY;
    private boolean wholeX;
    private String xName = "x";
    private String yName = "y";
    private double hoverX = Double.NaN;
    private String readout = "";
    private double[] pixelX = new double[0];
    private double[] pixelY = new double[0];
    private java.util.List<Series> series = java.util.List.of();
    private double headroom = 1;
    private Ticks.Scale fixedX;
    private String[] fixedXLabels;

    /**
     * A further curve drawn over the main one, named in the chart's legend.
     *
     * @param name   the legend's text
     * @param x      its x values, ascending
     * @param y      its y values
     * @param colour the palette colour it is drawn in, by index (the stylesheet's {@code -sl-class-N}); the legend
     *               says what it means
     * @param dashes a dash pattern in multiples of the line width, or null for a solid line
     */
    public record Series(String name, double[] x, double[] y, int colour, double[] dashes) {
    }

    public CurveCanvas() {
        getStyleClass().add("curve-canvas");
        setOnMouseMoved(e -> {
            hoverX = e.getX();
            invalidatePlot();
        });
        setOnMouseExited(e -> {
            hoverX = Double.NaN;
            invalidatePlot();
        });
    }

    /** Shows the first {@code n} points of {@code x} and {@code y} (copied). */
    public void setCurve(double[] x, double[] y, int n) {
        if (n == count && java.util.Arrays.equals(xs, 0, n, x, 0, n) && java.util.Arrays.equals(ys, 0, n, y, 0, n)) {
            return;
        }
        if (xs.length < n) {
            xs = new double[Math.max(n, 2 * xs.length)];
            ys = new double[xs.length];
        }
        System.arraycopy(x, 0, xs, 0, n);
        System.arraycopy(y, 0, ys, 0, n);
        count = n;
        invalidatePlot();
    }

    /** Replaces the further curves (with the main curve empty, they alone set the axes). */
    public void setSeries(java.util.List<Series> newSeries) {
        series = java.util.List.copyOf(newSeries);
        invalidatePlot();
    }

    /** The further curves shown. */
    public java.util.List<Series> series() {
        return series;
    }

    /** Marks the point (x, y) and draws its tangent of the given slope (NaN slope: no tangent). */
    public void setMarker(double x, double y, double slope) {
        if (Double.compare(x, markX) == 0 && Double.compare(y, markY) == 0 && Double.compare(slope, markSlope) == 0) {
            return;
        }
        markX = x;
        markY = y;
        markSlope = slope;
        invalidatePlot();
    }

    public void setAxisNames(String x, String y) {
        xName = x;
        yName = y;
        invalidatePlot();
    }

    public void setLogY(boolean log) {
        logY = log;
        invalidatePlot();
    }

    public boolean isLogY() {
        return logY;
    }

    public int pointCount() {
        return count;
    }

    /** The x value of point {@code i}. */
    public double xAt(int i) {
        return xs[i];
    }

    /** The y value of point {@code i}. */
    public double yAt(int i) {
        return ys[i];
    }

    public double markY() {
        return markY;
    }

    /** What the hover readout shows now ("" when the mouse is not over the plot). */
    public String readout() {
        return readout;
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        double font = fontSize();
        double left = font * 4.6;
        double right = 12;
        // A line under the title for the y axis's name, above the plot.
        double top = titleHeight() + font * 1.3;
        // The tick labels and the x axis's name under the plot, with room for the name's descenders (p_y's "_").
        double bottom = font * 2.6 + 2;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        readout = "";
        if (plotW <= 10 || plotH <= 10 || (count == 0 && series.isEmpty())) {
            return;
        }
        double[] dataX = dataRangeX();
        double x0 = dataX[0];
        double x1 = dataX[1];
        final double dataX0 = x0;
        final double dataX1 = x1;
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        double[] dataY = dataRangeY();
        if (!Double.isFinite(dataY[0])) {
            g.setFill(negativeFill());
            g.fillText("no finite values", left, top);
            return;
        }
        int mostY = (int) Math.max(3, Math.min(9, plotH / (font * 2.2)));
        int mostX = (int) Math.max(3, Math.min(9, plotW / (font * 5)));
        YAxis yAxis = yAxis(dataY[0], dataY[1], mostY);
        Ticks.Scale xScale = fixedX != null ? fixedX : wholeX ? Ticks.whole(x0, x1, mostX)
                : Ticks.linear(x0, x1, mostX);
        x0 = xScale.lo();
        x1 = xScale.hi();
        final double lo = yAxis.lo();
        final double hi = yAxis.hi();
        final double fx0 = x0;
        final double fx1 = x1;
        DoubleUnaryOperator px = x -> left + (x - fx0) / (fx1 - fx0) * plotW;
        DoubleUnaryOperator py = y -> top + (1 - (ty(y) - lo) / (hi - lo)) * plotH;

        drawAxes(g, yAxis, xScale, px, left, top, plotW, plotH, font);
        drawCurve(g, px, py, plotW, font);
        SeriesLayer.draw(this, g, series, px, py, font, left, top, plotW);
        if (Double.isFinite(markX) && Double.isFinite(markY)) {
            drawMark(g, px, py, dataX1 - dataX0, new double[] {left, top, left + plotW, top + plotH}, font);
        }
        g.setFill(textFill());
        g.setTextRole(TextRole.AXIS_TITLE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(yName, left, top - 2);
        g.setTextRole(TextRole.NOTE);
        drawReadout(g, px, py, left, plotW, top, fx0, fx1);
    }

    /** The first and last x of the curve and the further series. */
    private double[] dataRangeX() {
        double x0 = count > 0 ? xs[0] : Double.POSITIVE_INFINITY;
        double x1 = count > 0 ? xs[count - 1] : Double.NEGATIVE_INFINITY;
        for (Series sr : series) {
            if (sr.x().length > 0) {
                x0 = Math.min(x0, sr.x()[0]);
                x1 = Math.max(x1, sr.x()[sr.x().length - 1]);
            }
        }
        return new double[] {x0, x1};
    }

    /** The smallest and largest finite y (log10 y on a log axis) of the curve and the series; +inf, -inf if none. */
    private double[] dataRangeY() {
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double y = ty(ys[i]);
            if (Double.isFinite(y)) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        for (Series sr : series) {
            for (double v : sr.y()) {
                double y = ty(v);
                if (Double.isFinite(y)) {
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        return new double[] {yMin, yMax};
    }

    /** The y axis's range (in ty units) and its ticks with their labels. */
    private record YAxis(double lo, double hi, double[] ticks, String[] labels) {
    }

    /** Linear: from 0 (or below) to the eased top with headroom; log: whole decades around the data. */
    private YAxis yAxis(double yMin, double yMax, int mostY) {
        if (!logY) {
            Ticks.Scale scale = Ticks.linear(Math.min(0, yMin), Math.max(yMax * headroom, 1e-12), mostY);
            // On screen the top eases to a new range (a sweep that reaches higher, a loss that fell).
            double top = easedTop(scale.hi());
            Ticks.Labelled inside = Ticks.within(scale.values(), scale.labels(), scale.lo(), top);
            return new YAxis(scale.lo(), top, inside.values(), inside.labels());
        }
        double lo = Math.floor(yMin);
        double hi = Math.max(Math.ceil(yMax), lo + 1);
        int[] exps = Ticks.decades((int) lo, (int) hi, mostY);
        double[] ticks = new double[exps.length];
        String[] labels = new String[exps.length];
        for (int k = 0; k < exps.length; k++) {
            ticks[k] = exps[k];
            labels[k] = Ticks.decadeLabel(exps[k]);
        }
        return new YAxis(lo, hi, ticks, labels);
    }

    /** Grid lines and tick labels of both axes, the x axis's name and the axis lines. */
    private void drawAxes(Painter g, YAxis yAxis, Ticks.Scale xScale, DoubleUnaryOperator px, double left, double top,
                          double plotW, double plotH, double font) {
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.setFill(textFill());
        g.setTextRole(TextRole.TICK);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < yAxis.ticks().length; k++) {
            double share = (yAxis.ticks()[k] - yAxis.lo()) / (yAxis.hi() - yAxis.lo());
            double y = Math.round(top + (1 - share) * plotH) + 0.5;
            g.setGlobalAlpha(0.25);
            g.strokeLine(left, y, left + plotW, y);
            g.setGlobalAlpha(1);
            g.fillText(yAxis.labels()[k], left - 6, y);
        }
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k < xScale.values().length; k++) {
            double x = px.applyAsDouble(xScale.values()[k]);
            // The last label ends at the plot's right edge rather than running past the chart.
            g.setTextAlign(k == xScale.values().length - 1 ? TextAlignment.RIGHT : k == 0 ? TextAlignment.LEFT
                    : TextAlignment.CENTER);
            boolean last = k == xScale.values().length - 1;
            g.fillText(fixedX != null ? fixedXLabels[k] : xScale.label(k), last ? x + 2 : k == 0 ? x - 2 : x,
                    top + plotH + 4);
        }
        g.setTextRole(TextRole.AXIS_TITLE);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xName, left + plotW / 2, top + plotH + font * 1.2 + 2);
        g.setLineWidth(Math.max(1.5, font / 10));
        g.strokeLine(left + 0.5, top, left + 0.5, top + plotH);
        g.strokeLine(left, top + plotH + 0.5, left + plotW, top + plotH + 0.5);
    }

    /** The main curve, thinned to two points a pixel. */
    private void drawCurve(Painter g, DoubleUnaryOperator px, DoubleUnaryOperator py, double plotW, double font) {
        g.setStroke(plotFill());
        g.setLineWidth(Math.max(2, font / 6));
        int stride = Math.max(1, count / (int) Math.max(1, plotW * 2));
        int points = (count + stride - 1) / stride;
        if (pixelX.length < points) {
            pixelX = new double[points];
            pixelY = new double[points];
        }
        for (int i = 0, j = 0; i < count; i += stride, j++) {
            pixelX[j] = px.applyAsDouble(xs[i]);
            pixelY[j] = py.applyAsDouble(ys[i]);
        }
        if (points > 0) {
            g.strokePolyline(pixelX, pixelY, points);
        }
    }

    /** The marked point with its tangent (slope markSlope) clipped to {@code box} (x0, y0, x1, y1). */
    private void drawMark(Painter g, DoubleUnaryOperator px, DoubleUnaryOperator py, double dataSpan, double[] box,
                          double font) {
        double mx = px.applyAsDouble(markX);
        double my = py.applyAsDouble(markY);
        if (Double.isFinite(markSlope) && !logY) {
            double span = dataSpan * 0.18;
            double[] seg = Clip.segment(px.applyAsDouble(markX - span), py.applyAsDouble(markY - markSlope * span),
                    px.applyAsDouble(markX + span), py.applyAsDouble(markY + markSlope * span),
                    box[0], box[1], box[2], box[3]);
            if (seg != null) {
                g.setStroke(textFill());
                g.setLineWidth(Math.max(1.5, font / 9));
                g.setLineDashes(font / 2, font / 3);
                g.strokeLine(seg[0], seg[1], seg[2], seg[3]);
                g.setLineDashes((double[]) null);
            }
        }
        double r = Math.max(5, font / 2.5);
        g.setFill(plotFill());
        g.fillOval(mx - r, my - r, 2 * r, 2 * r);
        g.setStroke(textFill());
        g.setLineWidth(Math.max(1.5, font / 10));
        g.strokeOval(mx - r, my - r, 2 * r, 2 * r);
    }

    private void drawReadout(Painter g, DoubleUnaryOperator px,
                             DoubleUnaryOperator py, double left, double plotW, double top,
                             double axisX0, double axisX1) {
        if (count == 0 || !Double.isFinite(hoverX) || hoverX < left || hoverX > left + plotW) {
            return;
        }
        double x = axisX0 + (hoverX - left) / plotW * (axisX1 - axisX0);
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        readout = xName + " = " + Ticks.label(xs[best]) + ", " + yName + " = " + Numbers.fixed4(ys[best]);
        double bx = px.applyAsDouble(xs[best]);
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeLine(bx, top, bx, py.applyAsDouble(ys[best]));
        g.setFill(textFill());
        g.setTextAlign(bx > left + plotW / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(readout, bx + (bx > left + plotW / 2 ? -6 : 6), top + 2);
    }

    /**
     * Room above the highest point, as a factor of it (1: none), so that the legend at the top right stays clear of
     * curves that run near their top.
     */
    public void setHeadroom(double factor) {
        headroom = factor;
        invalidatePlot();
    }

    /** The x axis's ticks and their labels, fixed (a log axis drawn in its exponents: 2, 8, 32, ...); null: chosen. */
    public void setXTicks(double[] at, String[] labels) {
        fixedX = at == null ? null : new Ticks.Scale(at[0], at[at.length - 1], at.clone(), 1, 0);
        fixedXLabels = at == null ? null : labels.clone();
        invalidatePlot();
    }

    /** Whether the x axis counts (training steps): whole-number ticks only. */
    public void setWholeX(boolean whole) {
        wholeX = whole;
        invalidatePlot();
    }

    private double ty(double y) {
        return logY ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
    }
}
