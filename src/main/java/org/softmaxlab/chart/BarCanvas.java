package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.Numbers;

/**
 * One bar per class, drawn on a Canvas so that 1000 bars cost a few milliseconds. The data is copied into arrays
 * kept between updates; each {@link #setValues} only marks the plot for redrawing in the next pulse.
 *
 * <p>Ranges: {@link Range#PROBABILITY} (0..1, or 10^-k..1 on a log axis), {@link Range#SIGNED} (symmetric around a
 * zero line: the sign is where the bar is, not its colour) and {@link Range#POSITIVE} (0..a nice maximum). Bars of
 * classes take their class's colour ({@link Palette}); other bars the plot colour. One bar can be marked (the target
 * class, the selected sample) by a solid outline; a dashed ghost outline per bar shows a reference value (the target
 * distribution).
 */
public final class BarCanvas extends PlotCanvas {
    /** How the value axis is laid out. */
    public enum Range { PROBABILITY, SIGNED, POSITIVE }

    private static final int VALUE_LABEL_LIMIT = 12;
    private static final int LOG_FLOOR_DECADES = 16;

    private final Range range;
    private double[] values = new double[0];
    private double[] ghost = new double[0];
    private boolean hasGhost;
    private int highlight = -1;
    private boolean logScale;
    private String[] labels;
    private boolean classColors;
    /** The class each bar shows (null: bar i is class i): colours and drags follow the class, not the place. */
    private int[] order;
    /** When > 0, a SIGNED axis runs from -fixedReach to fixedReach whatever the data (a drag does not rescale it). */
    private double fixedReach;
    private BarDrag onDrag;
    private int dragged = -1;
    /** The geometry of the last drawing, to turn a mouse position into a bar and a value. */
    private double lastLeft;
    private double lastTop;
    private double lastPlotH;
    private double lastSlot;
    private ValueAxis lastAxis;

    /** Receives the value a bar is dragged to. */
    @FunctionalInterface
    public interface BarDrag {
        void dragged(int bar, double value);
    }

    public BarCanvas(@javafx.beans.NamedArg("range") Range range) {
        this.range = range;
        getStyleClass().add("bar-canvas");
        setOnMousePressed(e -> {
            dragged = onDrag == null ? -1 : barAt(e.getX());
            dragTo(e.getY());
        });
        setOnMouseDragged(e -> dragTo(e.getY()));
        setOnMouseReleased(e -> dragged = -1);
    }

    /**
     * Lets the user drag a bar up or down: {@code handler} gets the bar and the value under the mouse, on every move.
     */
    public void setOnBarDrag(BarDrag handler) {
        onDrag = handler;
        setCursor(handler == null ? null : javafx.scene.Cursor.V_RESIZE);
    }

    /** Which class each bar shows when the bars are reordered (ranked); null for class order. */
    public void setBarOrder(int[] classes) {
        order = classes == null ? null : classes.clone();
        invalidatePlot();
    }

    private int classOf(int bar) {
        return order != null && bar < order.length ? order[bar] : bar;
    }

    /** The top of the value axis as last drawn (NaN before the first frame). */
    double drawnAxisTop() {
        return lastAxis == null ? Double.NaN : lastAxis.hi();
    }

    /** A fixed symmetric reach for a SIGNED axis (0: fit the data). */
    public void setFixedReach(double reach) {
        if (fixedReach != reach) {
            fixedReach = reach;
            invalidatePlot();
        }
    }

    /** The bar under x, or -1. */
    int barAt(double x) {
        if (lastAxis == null || lastSlot <= 0 || x < lastLeft) {
            return -1;
        }
        int c = (int) ((x - lastLeft) / lastSlot);
        return c < values.length ? c : -1;
    }

    /** The value at height y of the last drawing. */
    double valueAt(double y) {
        double f = 1 - (y - lastTop) / lastPlotH;
        double t = lastAxis.lo() + Math.max(0, Math.min(1, f)) * (lastAxis.hi() - lastAxis.lo());
        return lastAxis.log() ? Math.pow(10, t) : t;
    }

    private void dragTo(double y) {
        if (dragged >= 0 && onDrag != null && lastAxis != null) {
            onDrag.dragged(classOf(dragged), valueAt(y));
        }
    }

    /**
     * Shows {@code v} (copied), highlighting bar {@code highlighted} (-1 for none), with an optional ghost outline
     * per bar ({@code null} for none).
     */
    public void setValues(double[] v, int highlighted, double[] ghostValues) {
        if (highlighted == highlight && hasGhost == (ghostValues != null) && java.util.Arrays.equals(values, v)
                && (ghostValues == null || java.util.Arrays.equals(ghost, ghostValues))) {
            // Nothing changed: no redraw (a chart beside the one being dragged stays as it is).
            return;
        }
        if (values.length != v.length) {
            values = new double[v.length];
        }
        System.arraycopy(v, 0, values, 0, v.length);
        hasGhost = ghostValues != null;
        if (hasGhost) {
            if (ghost.length != ghostValues.length) {
                ghost = new double[ghostValues.length];
            }
            System.arraycopy(ghostValues, 0, ghost, 0, ghostValues.length);
        }
        highlight = highlighted;
        invalidatePlot();
    }

    /** Names under the bars (null: the class index). */
    public void setLabels(String[] names) {
        if (java.util.Arrays.equals(labels, names)) {
            return;
        }
        labels = names == null ? null : names.clone();
        invalidatePlot();
    }

    /** A copy of the values shown, for tests and exports. */
    /** The ghost outlines shown (a copy), or null when there are none. */
    public double[] ghostValues() {
        return hasGhost ? java.util.Arrays.copyOf(ghost, values.length) : null;
    }

    public double[] values() {
        return values.clone();
    }

    public int highlighted() {
        return highlight;
    }

    /** Whether bar i is class i and takes its colour (probabilities, gradients, logits); else the plot colour. */
    public void setClassColors(boolean byClass) {
        classColors = byClass;
        invalidatePlot();
    }

    /** Log-scale value axis (probability range only): shows tiny probabilities. */
    public void setLogScale(boolean log) {
        logScale = log;
        invalidatePlot();
    }

    public boolean isLogScale() {
        return logScale;
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        double font = fontSize();
        double right = 8;
        double top = titleHeight() + font * (values.length <= VALUE_LABEL_LIMIT ? 1.2 : 0.4);
        double bottom = font * 1.9;
        double plotH = height - top - bottom;
        if (plotH <= 10 || values.length == 0) {
            return;
        }
        ValueAxis axis = eased(axis(plotH, font));
        // Room for the widest tick label (tiny gradients have long ones), at least the usual margin.
        double widest = 0;
        for (String label : axis.labels()) {
            widest = Math.max(widest, textWidth(label, font));
        }
        double left = Math.max(font * 4.6, widest + font * 0.8);
        double plotW = width - left - right;
        if (plotW <= 10) {
            return;
        }
        lastAxis = axis;
        lastLeft = left;
        lastTop = top;
        lastPlotH = plotH;
        lastSlot = plotW / values.length;
        drawAxis(g, axis, left, top, plotW, plotH, font);
        int n = values.length;
        double slot = plotW / n;
        double barW = Math.max(1, slot * (n > 200 ? 1.0 : 0.72));
        double zeroY = axis.y(0, top, plotH);
        for (int c = 0; c < n; c++) {
            double x = left + c * slot + (slot - barW) / 2;
            double v = values[c];
            if (!Double.isFinite(v)) {
                g.setFill(textFill());
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("NaN", x + barW / 2, top);
                continue;
            }
            double y = axis.y(v, top, plotH);
            g.setFill(classColors ? classColor(classOf(c)) : plotFill());
            double barTop = Math.min(y, zeroY);
            double barH = Math.max(Math.abs(zeroY - y), v != 0 ? 1 : 0);
            g.fillRect(x, barTop, barW, barH);
            if (c == highlight) {
                // The marked bar: a solid outline in the text colour, drawn around even a bar of height 0.
                double pad = Math.max(1.5, font / 8);
                g.setStroke(textFill());
                g.setLineWidth(Math.max(2, font / 6));
                g.strokeRect(x - pad, barTop - pad, barW + 2 * pad, Math.max(barH, 1) + 2 * pad);
            }
            if (hasGhost && c < ghost.length && ghost[c] != 0) {
                drawGhost(g, x, barW, axis.y(ghost[c], top, plotH), zeroY, font);
            }
            drawValueLabel(g, new Bar(c, v, x, y, barW, barH), slot, axis, top, plotH, font);
        }
        drawClassLabels(g, left, top + plotH, slot, font);
    }

    /** The dashed outline of a bar's target value (its top at {@code gy}). */
    private void drawGhost(Painter g, double x, double barW, double gy, double zeroY, double font) {
        g.setStroke(ghostStroke());
        g.setLineWidth(Math.max(1.5, font / 8));
        g.setLineDashes(font / 2, font / 3);
        g.strokeRect(x, Math.min(gy, zeroY), barW, Math.abs(zeroY - gy));
        g.setLineDashes((double[]) null);
    }

    /** One bar's place: class c, value v, its left x, its value's y, width and height. */
    private record Bar(int c, double v, double x, double y, double w, double h) {
    }

    /**
     * A value label only where it fits its slot (the numbers panel has every value); outside the bar's end, or inside
     * it when outside would leave the plot (over the axis labels). Many bars have none: not even formatted (a thousand
     * labels cost more than the bars).
     */
    private void drawValueLabel(Painter g, Bar bar, double slot, ValueAxis axis, double top, double plotH,
                                double font) {
        double v = bar.v();
        double x = bar.x();
        double y = bar.y();
        String label = values.length <= VALUE_LABEL_LIMIT ? Numbers.fixed4(v) : null;
        if (label == null || label.length() * font * 0.58 > slot * 0.96) {
            return;
        }
        boolean below = v < 0;
        double outside = below ? y + 2 + font : y - 2 - font;
        // A tall bar takes its label inside where outside would cross its outline or the dashed target
        // above it; a short one under a dashed target takes it above the target.
        boolean tall = bar.h() > font * 1.6;
        boolean underGhost = hasGhost && bar.c() < ghost.length && !below && ghost[bar.c()] > v;
        double labelY = below ? y + 2 : y - 2;
        if (underGhost && !tall) {
            labelY = axis.y(ghost[bar.c()], top, plotH) - 2;
            outside = labelY - font;
        }
        // Inside only if it fits the bar's width: written in the bar's contrast colour, the part outside
        // would vanish on the background ("3.0000" read ".000" in presentation mode).
        boolean inside = tall && textWidth(label, font) <= bar.w() - 2 && (outside < top - font * 0.2
                || outside > top + plotH || underGhost || bar.c() == highlight);
        if (!inside && bar.c() == highlight) {
            // Outside the marked bar: clear of its outline.
            double clear = Math.max(1.5, font / 8) + Math.max(2, font / 6);
            labelY += below ? clear : -clear;
            outside += below ? clear : -clear;
        }
        if (!inside && (outside < top - font * 0.2 || outside > top + plotH)) {
            return;
        }
        g.setTextRole(TextRole.VALUE);
        g.setFill(inside ? Contrast.textOn((javafx.scene.paint.Color) (classColors
                ? classColor(classOf(bar.c())) : plotFill())) : textFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(below == inside ? VPos.BOTTOM : VPos.TOP);
        g.fillText(label, x + bar.w() / 2, inside ? (below ? y - 2 : y + 2) : labelY);
    }

    private void drawClassLabels(Painter g, double left, double baseY, double slot, double font) {
        int n = values.length;
        // Numbers need 2.6 em a label; longer names (tokens) as much room as the widest of them.
        double widest = 0;
        if (labels != null) {
            for (String name : labels) {
                widest = Math.max(widest, textWidth(name, font));
            }
        }
        int every = Math.max(1, (int) Math.ceil(Math.max(font * 2.6, widest + font * 0.6) / slot));
        g.setTextRole(TextRole.TICK);
        g.setFill(textFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double right = getWidth() - 2;
        for (int c = 0; c < n; c += every) {
            String name = labels != null && c < labels.length ? labels[c] : Integer.toString(c);
            double x = left + c * slot + slot / 2;
            // A name that would run past the chart's right edge ends at the edge.
            boolean atEdge = x + textWidth(name, font) / 2 > right;
            g.setTextAlign(atEdge ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(name, atEdge ? right : x, baseY + 4);
        }
    }

    private void drawAxis(Painter g, ValueAxis axis, double left, double top, double plotW, double plotH,
                          double font) {
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.setFill(textFill());
        g.setTextRole(TextRole.TICK);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // Where the ticks lie closer than a line of text, every other label (from the zero line out) is left out.
        // The lowest label sits above its line (below), half a line nearer the one above it: labels keep 1.8 lines
        // apart, so it keeps a third of a line clear of its neighbour.
        double spacing = axis.ticks().length < 2 ? plotH : plotH / (axis.ticks().length - 1);
        int every = (int) Math.ceil(font * 1.8 / Math.max(1, spacing));
        int zero = 0;
        for (int i = 0; i < axis.ticks().length; i++) {
            if (axis.ticks()[i] == 0) {
                zero = i;
            }
        }
        for (int i = 0; i < axis.ticks().length; i++) {
            double y = Math.round(axis.y(axis.ticks()[i], top, plotH)) + 0.5;
            g.setGlobalAlpha(0.25);
            g.strokeLine(left, y, left + plotW, y);
            g.setGlobalAlpha(1);
            if (Math.abs(i - zero) % every != 0) {
                continue;
            }
            // The lowest label sits on its line rather than across it, clear of the class names below the plot.
            g.setTextBaseline(y > top + plotH - font * 0.6 ? VPos.BOTTOM : VPos.CENTER);
            g.fillText(axis.labels()[i], left - 6, y);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(Math.max(1.5, font / 10));
        double zeroY = Math.round(axis.y(0, top, plotH)) + 0.5;
        g.strokeLine(left, zeroY, left + plotW, zeroY);
        g.strokeLine(left + 0.5, top, left + 0.5, top + plotH);
    }

    /** Maps values to pixels for the current data, with nice ticks for a plot {@code plotH} high. */
    private ValueAxis axis(double plotH, double font) {
        int most = (int) Math.max(3, Math.min(9, plotH / (font * 2.2)));
        if (range == Range.PROBABILITY && logScale) {
            double min = 1;
            for (double v : values) {
                if (v > 0 && v < min) {
                    min = v;
                }
            }
            return ValueAxis.logProbability(Math.min(LOG_FLOOR_DECADES, Math.max(2,
                    (int) Math.ceil(-Math.log10(min)))), most);
        }
        if (range == Range.PROBABILITY) {
            return ValueAxis.linear(Ticks.linear(0, 1, Math.min(most, 5)));
        }
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        // Headroom above the largest bar for its value label; all zeros (a loss at rest) get a plain 0..1 axis.
        double reach = range == Range.SIGNED && fixedReach > 0 ? fixedReach : max == 0 ? 1 : max * 1.08;
        return range == Range.SIGNED ? ValueAxis.symmetric(reach, most)
                : ValueAxis.linear(Ticks.linear(0, reach, most));
    }

    /** A data-fitted axis eases to its new range on screen ({@link #easedTop}); the ticks are the new axis's. */
    private ValueAxis eased(ValueAxis target) {
        boolean fitted = range != Range.PROBABILITY && !(range == Range.SIGNED && fixedReach > 0);
        double hi = fitted ? easedTop(target.hi()) : target.hi();
        if (hi == target.hi()) {
            return target;
        }
        double lo = range == Range.SIGNED ? -hi : target.lo();
        Ticks.Labelled inside = Ticks.within(target.ticks(), target.labels(), lo, hi);
        return new ValueAxis(lo, hi, false, inside.values(), inside.labels());
    }
}
