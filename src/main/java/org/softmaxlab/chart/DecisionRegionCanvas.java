package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.PlanarClassifier;

/**
 * 2-D points coloured by class over the regions a linear softmax model predicts: each region in its class colour,
 * lighter where the model is unsure (the top probability near 1/K). The regions are rendered into a small image
 * (one pixel per {@link #CELL} screen pixels) that is scaled up, so a redraw costs well under a millisecond.
 */
public final class DecisionRegionCanvas extends PlotCanvas {
    /** Screen pixels per rendered cell: at least one sample per 2 px, scaled up smoothly. */
    static final int CELL = 2;
    private static final int LEVELS = 256;
    private int[][] shades;
    private int shadesVersion = -1;
    /** Where the model's logits are no longer finite numbers. */
    private static final int UNDEFINED = argb(Color.LIGHTGRAY);
    private double[][] points = new double[0][];
    private int[] labels = new int[0];
    private PlanarClassifier model;
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;
    /** The area shown, in data units (the points' box grown to equal scale). */
    private double x0;
    private double x1;
    private double y0;
    private double y1;
    private WritableImage image;
    /** Data units per pixel across and up in the last drawing (equal: the axes share a scale). */
    private double[] lastUnits = {Double.NaN, Double.NaN};
    private int[] row = new int[0];
    private boolean hasArea;
    private boolean editable;
    private double lastLeft;
    private double lastTop;
    private double lastPlotW;
    private double lastPlotH;

    public DecisionRegionCanvas() {
        getStyleClass().add("decision-regions");
    }

    /** The points (n x 2) and their classes; fixes the plotted area to hold them. */
    public void setPoints(double[][] xy, int[] classes) {
        setPoints(xy, classes, false);
    }

    /**
     * The points and their classes; with {@code keepArea} the plotted area stays as it is (while the user draws, a
     * point added near the edge does not rescale the plane under the mouse), unless a point falls outside it.
     */
    public void setPoints(double[][] xy, int[] classes, boolean keepArea) {
        boolean inside = keepArea && hasArea;
        for (double[] p : xy) {
            inside &= p[0] >= minX && p[0] <= maxX && p[1] >= minY && p[1] <= maxY;
        }
        points = xy;
        labels = classes;
        if (inside) {
            invalidatePlot();
            return;
        }
        if (xy.length == 0) {
            // Nothing to fit: a plane from -3 to 3 to draw on.
            minX = -3;
            maxX = 3;
            minY = -3;
            maxY = 3;
            hasArea = true;
            invalidatePlot();
            return;
        }
        hasArea = true;
        minX = Double.POSITIVE_INFINITY;
        minY = Double.POSITIVE_INFINITY;
        maxX = Double.NEGATIVE_INFINITY;
        maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double padX = Math.max(0.1, 0.08 * (maxX - minX));
        double padY = Math.max(0.1, 0.08 * (maxY - minY));
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        invalidatePlot();
    }

    /**
     * A second model whose class boundaries are drawn as a dashed outline over the regions (the boundary after the
     * update being taken apart); null for none.
     */
    public void setPreviewModel(double[][] w, double[] b, double t) {
        preview = w == null ? null : new PlanarClassifier(w, b, t);
        invalidatePlot();
    }

    /** Whether a preview boundary is drawn. */
    public boolean hasPreview() {
        return preview != null;
    }

    private PlanarClassifier preview;

    /** The model whose predictions colour the regions: weight K x 2, bias K (or null), temperature. */
    public void setModel(double[][] w, double[] b, double t) {
        model = new PlanarClassifier(w, b, t);
        invalidatePlot();
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        double font = fontSize();
        // A line under the title for the vertical axis's name, above the plot.
        double top = titleHeight() + font * 1.3;
        double left = font * 3.6;
        double bottom = font * 2.6;
        double plotW = width - left - 10;
        double plotH = height - top - bottom;
        if (plotW < 10 || plotH < 10 || !hasArea) {
            return;
        }
        lastLeft = left;
        lastTop = top;
        lastPlotW = plotW;
        lastPlotH = plotH;
        // One unit is as long across as up: a spiral stays round. The data's box grows along one axis to fit.
        double unit = Math.max((maxX - minX) / plotW, (maxY - minY) / plotH);
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        x0 = cx - unit * plotW / 2;
        x1 = cx + unit * plotW / 2;
        y0 = cy - unit * plotH / 2;
        y1 = cy + unit * plotH / 2;
        lastUnits = new double[] {(x1 - x0) / plotW, (y1 - y0) / plotH};
        if (model != null) {
            int w = Math.max(1, (int) (plotW / CELL));
            int h = Math.max(1, (int) (plotH / CELL));
            if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
                image = new WritableImage(w, h);
            }
            renderRegions(image.getPixelWriter(), w, h);
            g.drawImage(image, left, top, plotW, plotH);
        }
        if (preview != null) {
            drawPreviewBoundary(g, left, top, plotW, plotH, font);
        }
        double r = Math.max(3, font / 3.5);
        for (int i = 0; i < points.length; i++) {
            double px = left + (points[i][0] - x0) / (x1 - x0) * plotW;
            double py = top + (1 - (points[i][1] - y0) / (y1 - y0)) * plotH;
            g.setFill(classColor(labels[i]));
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            // An outline keeps each point visible on its own region; a dark ring marks one the model gets wrong.
            boolean wrong = model != null && model.classify(points[i][0], points[i][1]) != labels[i];
            g.setStroke(wrong ? textFill() : backgroundFill());
            g.setLineWidth(wrong ? Math.max(2, font / 7) : 1);
            double ring = wrong ? r + 1.5 : r;
            g.strokeOval(px - ring, py - ring, 2 * ring, 2 * ring);
        }
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, plotW - 1, plotH - 1);
        drawAxes(g, left, top, plotW, plotH, font);
        drawLegend(g, left, top, plotW);
    }

    /** Where the preview model's class changes between neighbouring 3 px cells, a dark dot: its boundaries. */
    private void drawPreviewBoundary(Painter g, double left, double top, double plotW, double plotH, double font) {
        double step = 3;
        int w = (int) (plotW / step);
        int h = (int) (plotH / step);
        int[] above = new int[w];
        g.setFill(textFill());
        double dot = Math.max(2, font / 7);
        for (int j = 0; j < h; j++) {
            double y = y1 - (j + 0.5) / h * (y1 - y0);
            int leftClass = -2;
            for (int i = 0; i < w; i++) {
                double x = x0 + (i + 0.5) / w * (x1 - x0);
                int c = preview.classify(x, y);
                boolean edge = (i > 0 && c != leftClass) || (j > 0 && c != above[i]);
                // Every other edge cell: a dotted line that does not hide the regions under it.
                if (edge && ((i + j) & 1) == 0) {
                    g.fillRect(left + i * step, top + j * step, dot, dot);
                }
                leftClass = c;
                above[i] = c;
            }
        }
    }

    /** x0 under the plot, x1 beside it, with nice ticks in the same units. */
    private void drawAxes(Painter g, double left, double top, double plotW, double plotH, double font) {
        g.setFill(textFill());
        g.setTextRole(TextRole.TICK);
        Ticks.Scale xs = Ticks.linear(x0, x1, (int) Math.max(3, Math.min(9, plotW / (font * 5))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k < xs.values().length; k++) {
            double x = left + (xs.values()[k] - x0) / (x1 - x0) * plotW;
            if (x >= left - 1 && x <= left + plotW + 1) {
                g.fillText(xs.label(k), x, top + plotH + 3);
            }
        }
        Ticks.Scale ys = Ticks.linear(y0, y1, (int) Math.max(3, Math.min(9, plotH / (font * 2.2))));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < ys.values().length; k++) {
            double y = top + (1 - (ys.values()[k] - y0) / (y1 - y0)) * plotH;
            if (y >= top - 1 && y <= top + plotH + 1) {
                g.fillText(ys.label(k), left - 5, y);
            }
        }
        g.setTextRole(TextRole.AXIS_TITLE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x0", left + plotW / 2, top + plotH + font * 1.3);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x1", left, top - 2);
    }

    /** The data point (x0, x1) under the canvas pixel (px, py), or null outside the plot. */
    public double[] dataAt(double px, double py) {
        if (lastPlotW <= 0 || px < lastLeft || px > lastLeft + lastPlotW || py < lastTop || py > lastTop + lastPlotH) {
            return null;
        }
        return new double[] {x0 + (px - lastLeft) / lastPlotW * (x1 - x0),
            y1 - (py - lastTop) / lastPlotH * (y1 - y0)};
    }

    /** The canvas pixel of data point (x, y). */
    public double[] pixelOf(double x, double y) {
        return new double[] {lastLeft + (x - x0) / (x1 - x0) * lastPlotW,
            lastTop + (1 - (y - y0) / (y1 - y0)) * lastPlotH};
    }

    /** The index of the point drawn under (px, py), within a few pixels, or -1. */
    public int pointNear(double px, double py) {
        double reach = Math.max(6, fontSize() / 2);
        int best = -1;
        double bestD = reach * reach;
        for (int i = 0; i < points.length; i++) {
            double[] at = pixelOf(points[i][0], points[i][1]);
            double d = (at[0] - px) * (at[0] - px) + (at[1] - py) * (at[1] - py);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Whether the user draws on this plane (then a right-click on a point removes it, not opens the chart menu). */
    public void setEditable(boolean on) {
        editable = on;
        setCursor(on ? javafx.scene.Cursor.CROSSHAIR : null);
    }

    @Override
    public boolean wantsSecondaryPress(double x, double y) {
        return editable && pointNear(x, y) >= 0;
    }

    /** The points shown (shared). */
    public double[][] points() {
        return points;
    }

    /** Data units per pixel across and up, as last drawn. */
    double[] unitsPerPixel() {
        return lastUnits.clone();
    }

    /** One chip per class, top right: which colour is which class. */
    private void drawLegend(Painter g, double left, double top, double plotW) {
        int classes = 0;
        for (int y : labels) {
            classes = Math.max(classes, y + 1);
        }
        double font = fontSize();
        double entry = font * 5.6;
        double x = left + plotW - classes * entry - 4;
        double y = top + 4;
        g.setGlobalAlpha(0.85);
        g.setFill(backgroundFill());
        g.fillRect(x - 4, y, classes * entry + 4, font * 1.5);
        g.setGlobalAlpha(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextRole(TextRole.LEGEND);
        for (int c = 0; c < classes; c++) {
            double cx = x + c * entry;
            g.setFill(classColor(c));
            g.fillOval(cx, y + font * 0.35, font * 0.8, font * 0.8);
            g.setFill(textFill());
            g.fillText("class " + c, cx + font, y + font * 0.75);
        }
    }

    private void renderRegions(PixelWriter out, int w, int h) {
        if (shadesVersion != styleVersion()) {
            shades = shades();
            shadesVersion = styleVersion();
        }
        if (row.length < w) {
            row = new int[w];
        }
        for (int j = 0; j < h; j++) {
            double y = y1 - (j + 0.5) / h * (y1 - y0);
            for (int i = 0; i < w; i++) {
                double x = x0 + (i + 0.5) / w * (x1 - x0);
                int best = model.classify(x, y);
                row[i] = best == PlanarClassifier.UNDEFINED ? UNDEFINED : shades[Math.min(best, Palette.CLASS_COUNT)]
                        [(int) Math.round(model.certainty() * (LEVELS - 1))];
            }
            out.setPixels(0, j, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
    }

    /**
     * Each class colour (the last row: the classes past the palette) mixed into the plot's background, from 15% (a
     * toss-up) to 65% (certain), in {@link #LEVELS} steps, as ARGB: a frame of regions then allocates nothing (a
     * Color per cell made most of the app's garbage while training). Made again when the theme changes.
     */
    private int[][] shades() {
        int[][] shades = new int[Palette.CLASS_COUNT + 1][LEVELS];
        for (int c = 0; c < shades.length; c++) {
            for (int level = 0; level < LEVELS; level++) {
                double certainty = level / (LEVELS - 1.0);
                shades[c][level] = argb(backgroundFill().interpolate(classColor(c), 0.15 + 0.5 * certainty));
            }
        }
        return shades;
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
