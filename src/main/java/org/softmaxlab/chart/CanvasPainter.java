package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** {@link Painter} over a Canvas's graphics context: what the charts draw on screen and into PNGs. */
final class CanvasPainter implements Painter {
    private final GraphicsContext g;

    CanvasPainter(GraphicsContext g) {
        this.g = g;
    }

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
}
