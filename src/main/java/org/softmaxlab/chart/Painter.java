package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * The drawing operations the charts use, so one drawing routine paints both the screen (a Canvas's
 * GraphicsContext, {@link #of}) and an SVG document ({@link SvgPainter}).
 */
public interface Painter {
    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    /** Dash lengths, or null for a solid line. */
    void setLineDashes(double... dashes);

    void setGlobalAlpha(double alpha);

    void setFontSize(double size);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);

    /** What the following texts are, for SVG readers and tests. Drawing on a canvas ignores it. */
    default void setTextRole(TextRole role) {
    }

    void fillRect(double x, double y, double w, double h);

    /** A rectangle's outline: on a canvas (and its recording) four lines, each with the square caps. */
    default void strokeRect(double x, double y, double w, double h) {
        strokeLine(x, y, x + w, y);
        strokeLine(x + w, y, x + w, y + h);
        strokeLine(x + w, y + h, x, y + h);
        strokeLine(x, y + h, x, y);
    }

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    /** A polyline through the points; {@code NaN} in ys breaks the line. */
    void strokePolyline(double[] xs, double[] ys, int n);

    void drawImage(Image image, double x, double y, double w, double h);

    /** A painter over a Canvas's graphics context. */
    static Painter of(javafx.scene.canvas.GraphicsContext g) {
        return new CanvasPainter(g);
    }
}
