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
    static final int CELL = 4;
    private static final int LEVELS = 256;
    private static final int[][] SHADES = shades();
    /** Where the model's logits are no longer finite numbers. */
    private static final int UNDEFINED = argb(Color.LIGHTGRAY);
    private double[][] points = new double[0][];
    private int[] labels = new int[0];
    private PlanarClassifier model;
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;
    private WritableImage image;
    private int[] row = new int[0];

    public DecisionRegionCanvas() {
        getStyleClass().add("decision-regions");
    }

    /** The points (n x 2) and their classes; fixes the plotted area. */
    public void setPoints(double[][] xy, int[] classes) {
        points = xy;
        labels = classes;
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

    /** The model whose predictions colour the regions: weight K x 2, bias K (or null), temperature. */
    public void setModel(double[][] w, double[] b, double t) {
        model = new PlanarClassifier(w, b, t);
        invalidatePlot();
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        double top = titleHeight();
        double plotW = width - 16;
        double plotH = height - top - 8;
        if (plotW < 10 || plotH < 10 || points.length == 0) {
            return;
        }
        double left = 8;
        if (model != null) {
            int w = Math.max(1, (int) (plotW / CELL));
            int h = Math.max(1, (int) (plotH / CELL));
            if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
                image = new WritableImage(w, h);
            }
            renderRegions(image.getPixelWriter(), w, h);
            g.drawImage(image, left, top, plotW, plotH);
        }
        double r = Math.max(3, fontSize() / 3.5);
        g.setLineWidth(1);
        for (int i = 0; i < points.length; i++) {
            double px = left + (points[i][0] - minX) / (maxX - minX) * plotW;
            double py = top + (1 - (points[i][1] - minY) / (maxY - minY)) * plotH;
            g.setFill(Palette.classColor(labels[i]));
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.setStroke(Color.WHITE);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
        g.setStroke(axisStroke());
        g.strokeRect(left + 0.5, top + 0.5, plotW - 1, plotH - 1);
        drawLegend(g, left, top, plotW);
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
        g.setFill(Color.WHITE);
        g.fillRect(x - 4, y, classes * entry + 4, font * 1.5);
        g.setGlobalAlpha(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextRole("legend");
        for (int c = 0; c < classes; c++) {
            double cx = x + c * entry;
            g.setFill(Palette.classColor(c));
            g.fillOval(cx, y + font * 0.35, font * 0.8, font * 0.8);
            g.setFill(Color.BLACK);
            g.fillText("class " + c, cx + font, y + font * 0.75);
        }
    }

    private void renderRegions(PixelWriter out, int w, int h) {
        if (row.length < w) {
            row = new int[w];
        }
        for (int j = 0; j < h; j++) {
            double y = maxY - (j + 0.5) / h * (maxY - minY);
            for (int i = 0; i < w; i++) {
                double x = minX + (i + 0.5) / w * (maxX - minX);
                int best = model.classify(x, y);
                row[i] = best == PlanarClassifier.UNDEFINED ? UNDEFINED : SHADES[Math.floorMod(best, SHADES.length)]
                        [(int) Math.round(model.certainty() * (LEVELS - 1))];
            }
            out.setPixels(0, j, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
    }

    /**
     * Each class colour mixed into white, from 15% (a toss-up) to 65% (certain), in {@link #LEVELS} steps, as ARGB:
     * a frame of regions then allocates nothing (a Color per cell made most of the app's garbage while training).
     */
    private static int[][] shades() {
        int[][] shades = new int[Palette.CLASS_COUNT][LEVELS];
        for (int c = 0; c < shades.length; c++) {
            for (int level = 0; level < LEVELS; level++) {
                double certainty = level / (LEVELS - 1.0);
                shades[c][level] = argb(Color.WHITE.interpolate(Palette.classColor(c), 0.15 + 0.5 * certainty));
            }
        }
        return shades;
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
