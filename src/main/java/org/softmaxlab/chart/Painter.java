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

    /**
     * What the following texts are, for SVG readers and tests: {@code title}, {@code tick}, {@code axis-title},
     * {@code value}, {@code legend} or {@code note}. Drawing on a canvas ignores it.
     */
    default void setTextRole(String role) {
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
        return new Painter() {
            @Override
            public void setFill(Paint p) {
                g.setFill(p);
            }

            @Override
            public void setStroke(Paint p) {
                g.setStroke(p);
            }

            @Override
            public void setLineWidth(double w) {
                g.setLineWidth(w);
            }

            @Override
            public void setLineDashes(double... dashes) {
                g.setLineDashes(dashes);
            }

            @Override
            public void setGlobalAlpha(double alpha) {
                g.setGlobalAlpha(alpha);
            }

            @Override
            public void setFontSize(double size) {
                g.setFont(javafx.scene.text.Font.font(size));
            }

            @Override
            public void setTextAlign(TextAlignment align) {
                g.setTextAlign(align);
            }

            @Override
            public void setTextBaseline(VPos baseline) {
                g.setTextBaseline(baseline);
            }

            @Override
            public void fillText(String text, double x, double y) {
                g.fillText(text, x, y);
            }

            @Override
            public void fillRect(double x, double y, double w, double h) {
                g.fillRect(x, y, w, h);
            }

            /**
             * A horizontal or vertical line (grid lines, axes, outlines) is filled as rectangles, one per dash, with
             * the canvas's square caps: in software rendering a stroked line costs ~50 us against a few for a fill,
             * and the charts draw dozens each frame. Other lines are stroked.
             */
            @Override
            public void strokeLine(double x1, double y1, double x2, double y2) {
                if (x1 != x2 && y1 != y2) {
                    g.strokeLine(x1, y1, x2, y2);
                    return;
                }
                double half = g.getLineWidth() / 2;
                double[] dashes = g.getLineDashes();
                double period = 0;
                for (int k = 0; dashes != null && k < dashes.length; k++) {
                    period += dashes[k];
                }
                Paint fill = g.getFill();
                g.setFill(g.getStroke());
                if (!(period > 0)) {
                    fillSegment(x1, y1, x2, y2, half);
                } else {
                    double length = Math.abs(x2 - x1) + Math.abs(y2 - y1);
                    double dx = Math.signum(x2 - x1);
                    double dy = Math.signum(y2 - y1);
                    double at = 0;
                    for (int k = 0; at < length; k++) {
                        double dash = dashes[k % dashes.length];
                        double end = Math.min(length, at + dash);
                        if (k % 2 == 0) {
                            fillSegment(x1 + dx * at, y1 + dy * at, x1 + dx * end, y1 + dy * end, half);
                        }
                        at += dash;
                    }
                }
                g.setFill(fill);
            }

            private void fillSegment(double x1, double y1, double x2, double y2, double half) {
                g.fillRect(Math.min(x1, x2) - half, Math.min(y1, y2) - half, Math.abs(x2 - x1) + 2 * half,
                        Math.abs(y2 - y1) + 2 * half);
            }

            @Override
            public void fillOval(double x, double y, double w, double h) {
                g.fillOval(x, y, w, h);
            }

            @Override
            public void strokeOval(double x, double y, double w, double h) {
                g.strokeOval(x, y, w, h);
            }

            @Override
            public void strokePolyline(double[] xs, double[] ys, int n) {
                g.beginPath();
                boolean pen = false;
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(ys[i])) {
                        pen = false;
                    } else if (pen) {
                        g.lineTo(xs[i], ys[i]);
                    } else {
                        g.moveTo(xs[i], ys[i]);
                        pen = true;
                    }
                }
                g.stroke();
            }

            @Override
            public void drawImage(Image image, double x, double y, double w, double h) {
                g.setImageSmoothing(false);
                g.drawImage(image, x, y, w, h);
            }
        };
    }
}
