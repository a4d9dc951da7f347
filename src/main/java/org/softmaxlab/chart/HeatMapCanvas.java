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
    private boolean[][] masked;
    private String[] rowNotes = new String[0];
    private double scaleMax = Double.NaN;
    private int highlightedRow = -1;

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

    /**
     * Greys the cells marked true and leaves their numbers out (an attention mask: those keys are hidden from the
     * query); null for none. Same shape as the matrix.
     */
    public void setMasked(boolean[][] cells) {
        masked = cells;
        invalidatePlot();
    }

    /** Whether the cell at ({@code row}, {@code column}) is drawn greyed. */
    public boolean isMasked(int row, int column) {
        return masked != null && row < masked.length && column < masked[row].length && masked[row][column];
    }

    /** A short text drawn to the right of each row (its entropy); an empty array for none. */
    public void setRowNotes(String[] notes) {
        rowNotes = notes == null ? new String[0] : notes;
        invalidatePlot();
    }

    /** The colours' full strength at magnitude {@code max} (1 for probabilities); NaN: the largest magnitude shown. */
    public void setScaleMax(double max) {
        scaleMax = max;
        invalidatePlot();
    }

    /** Outlines row {@code row} (the chosen query), or none for -1. */
    public void setHighlightedRow(int row) {
        if (row != highlightedRow) {
            highlightedRow = row;
            invalidatePlot();
        }
    }

    /** The centre of a cell in this chart's coordinates, as last drawn (NaN before the first draw). */
    public javafx.geometry.Point2D cellCentre(int row, int column) {
        return cellW <= 0 ? new javafx.geometry.Point2D(Double.NaN, Double.NaN)
                : new javafx.geometry.Point2D(left + (column + 0.5) * cellW, top + (row + 0.5) * cellH);
    }

    /** A point inside a cell, near its top-left corner, clear of its number (for reading its colour). */
    public javafx.geometry.Point2D cellCorner(int row, int column) {
        return new javafx.geometry.Point2D(left + column * cellW + 4, top + row * cellH + 4);
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
        double notes = 0;
        for (String note : rowNotes) {
            notes = Math.max(notes, textWidth(note, font) + font * 0.6);
        }
        cellW = (width - left - 8 - bar - notes) / cols;
        cellH = Math.min((height - top - 8) / rows, font * 3);
        boolean signed = false;
        for (double[] row : values) {
            for (double v : row) {
                signed |= Double.isFinite(v) && v < 0;
            }
        }
        double max = scaleMax > 0 ? scaleMax : largestMagnitude();
        int decimals = decimalsThatFit(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setTextRole(TextRole.TICK);
        for (int c = 0; c < cols; c++) {
            g.setFill(textFill());
            g.fillText(fitted(c < columnNames.length ? columnNames[c] : "", cellW - 3, font), left + (c + 0.5) * cellW,
                    top - font * 0.7);
        }
        for (int r = 0; r < rows; r++) {
            g.setFill(textFill());
            g.setTextRole(TextRole.TICK);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(r < rowNames.length ? rowNames[r] : "", left - 6, top + (r + 0.5) * cellH);
            g.setTextAlign(TextAlignment.CENTER);
            for (int c = 0; c < cols; c++) {
                drawCell(g, r, c, max, decimals);
            }
            if (r < rowNotes.length) {
                g.setFill(textFill());
                g.setTextRole(TextRole.TICK);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(rowNotes[r], left + cols * cellW + font * 0.4, top + (r + 0.5) * cellH);
            }
        }
        if (highlightedRow >= 0 && highlightedRow < rows) {
            g.setStroke(textFill());
            g.setLineWidth(Math.max(2, font / 7));
            g.strokeRect(left + 0.5, top + highlightedRow * cellH + 0.5, cols * cellW - 1, cellH - 1);
        }
        drawArrows(g, rows, cols, font);
        drawColorBar(g, left + cols * cellW + notes + font, top, font, Math.max(font * 4, rows * cellH), max,
                signed);
    }

    /** The largest |value| of the finite cells (at least 1e-12): the colour scale's end without a fixed one. */
    private double largestMagnitude() {
        double max = 1e-12;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    private void drawCell(Painter g, int r, int c, double max, int decimals) {
        double v = values[r][c];
        boolean hidden = isMasked(r, c);
        Color cell = hidden ? Color.GRAY.interpolate(backgroundFill(), 0.45) : cellFill(v, max);
        g.setFill(cell);
        g.fillRect(left + c * cellW + 1, top + r * cellH + 1, cellW - 2, cellH - 2);
        // A faint outline: a cell near 0 is nearly the window's colour, and without its number it would vanish.
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.setGlobalAlpha(0.3);
        g.strokeRect(left + c * cellW + 1.5, top + r * cellH + 1.5, cellW - 3, cellH - 3);
        g.setGlobalAlpha(1);
        if (decimals > 0 && !hidden) {
            // The cell's own text colour, not the theme's: a light cell needs dark text in the dark theme.
            g.setFill(Contrast.textOn(cell));
            g.setTextRole(TextRole.VALUE);
            g.fillText(cellText(v, decimals), left + (c + 0.5) * cellW, top + (r + 0.5) * cellH);
        }
    }

    /** {@code name} cut to its first letters that fit in {@code width} (columns of 16 tokens), whole when it fits. */
    private String fitted(String name, double width, double font) {
        String shown = name;
        while (shown.length() > 1 && textWidth(shown, font) > width) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown;
    }

    /** A cell's number: the infinities as the symbol (a masked score is -inf), NaN as itself. */
    private static String cellText(double v, int decimals) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221E" : "\u2212\u221E";
        }
        return Numbers.decimals(v, decimals);
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
                    longest = Math.max(longest, cellText(v, d).length());
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

    /**
     * The legend of the scale: -max at the bottom, 0 in the middle (white), +max at the top; with nothing below 0
     * (weights), 0 at the bottom.
     */
    private void drawColorBar(Painter g, double x, double y, double font, double h, double max, boolean signed) {
        int steps = 24;
        double w = font * 0.9;
        for (int i = 0; i < steps; i++) {
            double t = (i + 0.5) / steps;
            double v = signed ? max * (1 - 2.0 * t) : max * (1 - t);
            g.setFill(cellFill(v, max));
            g.fillRect(x, y + i * h / steps, w, h / steps + 0.5);
        }
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        g.strokeRect(x, y, w, h);
        g.setFill(textFill());
        g.setTextRole(TextRole.LEGEND);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Numbers.decimals(max, 2), x + w + 3, y);
        if (!signed) {
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("0", x + w + 3, y + h);
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        g.fillText("0", x + w + 3, y + h / 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(Numbers.decimals(-max, 2), x + w + 3, y + h);
    }
}
