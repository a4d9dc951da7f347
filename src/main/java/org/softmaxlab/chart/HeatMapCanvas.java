package org.softmaxlab.chart;

import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.Numbers;

/**
 * A matrix as coloured cells with their values: orange above 0, blue below, white at 0, scaled to the largest
 * magnitude. Used for the weight matrix [W | b]. A click on a cell reports its row-major index.
 */
public final class HeatMapCanvas extends PlotCanvas {
    /** A diverging scale centred at 0, safe for colour-blind viewers (ColorBrewer RdBu ends), apart from the classes'. */
    private static final Color POSITIVE = Color.web("#B2182B");
    private static final Color NEGATIVE = Color.web("#2166AC");
    private double[][] values = new double[0][];
    private String[] rowNames = new String[0];
    private String[] columnNames = new String[0];
    private double left;
    private double top;
    private double cellW;
    private double[][] arrows;
    private double cellH;
    private IntConsumer onCellClicked = i -> { };

    public HeatMapCanvas() {
        getStyleClass().add("heat-map");
        setOnMouseClicked(e -> {
            if (values.length == 0 || cellW <= 0) {
                return;
            }
            int col = (int) ((e.getX() - left) / cellW);
            int row = (int) ((e.getY() - top) / cellH);
            if (row >= 0 && row < values.length && col >= 0 && col < values[0].length) {
                onCellClicked.accept(row * values[0].length + col);
            }
        });
    }

    public void setMatrix(double[][] m, String[] rows, String[] columns) {
        values = m;
        rowNames = rows;
        columnNames = columns;
        invalidatePlot();
    }

    /** Called with {@code row * columns + column} when a cell is clicked. */
    public void setOnCellClicked(IntConsumer handler) {
        onCellClicked = handler;
    }

    /** The fill of a cell holding {@code v} when the largest magnitude shown is {@code max}. */
    static Color cellFill(double v, double max) {
        if (!Double.isFinite(v)) {
            return Color.LIGHTGRAY;
        }
        double t = Math.min(1, Math.abs(v) / max);
        return Color.WHITE.interpolate(v >= 0 ? POSITIVE : NEGATIVE, t);
    }

    public double[][] matrix() {
        return values;
    }

    /**
     * Draws in each cell an arrow for how that entry is about to move (up for an increase), its length relative to
     * the largest move; null for none. Same shape as the matrix.
     */
    public void setArrows(double[][] moves) {
        arrows = moves;
        invalidatePlot();
    }

    /** The arrows shown, or null. */
    public double[][] arrows() {
        return arrows;
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        if (values.length == 0) {
            return;
        }
        double font = fontSize();
        left = font * 4.5;
        top = titleHeight() + font * 1.4;
        int rows = values.length;
        int cols = values[0].length;
        double bar = font * 5.5;
        cellW = (width - left - 8 - bar) / cols;
        cellH = Math.min((height - top - 8) / rows, font * 3);
        double max = 1e-12;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        int decimals = decimalsThatFit(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setTextRole("tick");
        for (int c = 0; c < cols; c++) {
            g.setFill(textFill());
            g.fillText(c < columnNames.length ? columnNames[c] : "", left + (c + 0.5) * cellW, top - font * 0.7);
        }
        for (int r = 0; r < rows; r++) {
            g.setFill(textFill());
            g.setTextRole("tick");
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(r < rowNames.length ? rowNames[r] : "", left - 6, top + (r + 0.5) * cellH);
            g.setTextAlign(TextAlignment.CENTER);
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                Color cell = cellFill(v, max);
                g.setFill(cell);
                g.fillRect(left + c * cellW + 1, top + r * cellH + 1, cellW - 2, cellH - 2);
                // A faint outline: a cell near 0 is nearly the window's colour, and without its number it would vanish.
                g.setStroke(axisStroke());
                g.setLineWidth(1);
                g.setGlobalAlpha(0.3);
                g.strokeRect(left + c * cellW + 1.5, top + r * cellH + 1.5, cellW - 3, cellH - 3);
                g.setGlobalAlpha(1);
                if (decimals > 0) {
                    // The cell's own text colour, not the theme's: a light cell needs dark text in the dark theme.
                    g.setFill(Contrast.textOn(cell));
                    g.setTextRole("value");
                    g.fillText(Numbers.decimals(v, decimals), left + (c + 0.5) * cellW, top + (r + 0.5) * cellH);
                }
            }
        }
        drawArrows(g, rows, cols, font);
        drawColorBar(g, left + cols * cellW + font, top, font, Math.max(font * 4, rows * cellH), max);
    }

    /**
     * The most decimals (3, 2 or 1) with which every value fits inside its cell, or 0 where none do (narrow cells show
     * their colours only; a click on a cell shows its value, as the exports do). Measured as that many 8s, the widest
     * digit, so that a training run measures a handful of texts, not each new value.
     */
    private int decimalsThatFit(double font) {
        for (int d = 3; d >= 1; d--) {
            int longest = 0;
            for (double[] row : values) {
                for (double v : row) {
                    longest = Math.max(longest, Numbers.decimals(v, d).length());
                }
            }
            if (textWidth("8".repeat(longest), font) <= cellW - 4) {
                return d;
            }
        }
        return 0;
    }

    private void drawArrows(Painter g, int rows, int cols, double font) {
        if (arrows == null || arrows.length != rows || arrows[0].length != cols) {
            return;
        }
        double most = 0;
        for (double[] row : arrows) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    most = Math.max(most, Math.abs(v));
                }
            }
        }
        if (most == 0) {
            return;
        }
        g.setStroke(textFill());
        g.setFill(textFill());
        g.setLineWidth(Math.max(2, font / 7));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = arrows[r][c];
                if (!Double.isFinite(v) || v == 0) {
                    continue;
                }
                double x = left + (c + 1) * cellW - font * 0.7;
                double mid = top + (r + 0.5) * cellH;
                double half = Math.max(3, Math.abs(v) / most * cellH * 0.4);
                double tip = v > 0 ? mid - half : mid + half;
                g.strokeLine(x, v > 0 ? mid + half : mid - half, x, tip);
                double head = Math.min(font * 0.35, half);
                g.strokeLine(x, tip, x - head, tip + (v > 0 ? head : -head));
                g.strokeLine(x, tip, x + head, tip + (v > 0 ? head : -head));
            }
        }
    }

    /** The legend of the scale: -max at the bottom, 0 in the middle (white), +max at the top. */
    private void drawColorBar(Painter g, double x, double y, double font, double h, double max) {
        int steps = 24;
        double w = font * 0.9;
        for (int i = 0; i < steps; i++) {
            double v = max * (1 - 2.0 * (i + 0.5) / steps);
            g.setFill(cellFill(v, max));
            g.fillRect(x, y + i * h / steps, w, h / steps + 0.5);
        }
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeRect(x, y, w, h);
        g.setFill(textFill());
        g.setTextRole("legend");
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Numbers.decimals(max, 2), x + w + 3, y);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("0", x + w + 3, y + h / 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(Numbers.decimals(-max, 2), x + w + 3, y + h);
    }
}
