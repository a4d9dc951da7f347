package org.softmaxlab.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * A chart's drawing kept as a list of operations, each with the state it is drawn in, so that two redraws can be
 * compared and drawn again, whole or from any operation on ({@link RetainedPlot}).
 */
final class Recording implements Painter {
    enum Kind { FILL_RECT, STROKE_LINE, FILL_OVAL, STROKE_OVAL, POLYLINE, TEXT, IMAGE }

    /** The drawing state an operation uses. {@code dashes} is never changed once a state holds it. */
    record State(Paint fill, Paint stroke, double lineWidth, double[] dashes, double alpha, double fontSize,
                 TextAlignment align, VPos baseline) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Objects.equals(fill, s.fill) && Objects.equals(stroke, s.stroke)
                    && lineWidth == s.lineWidth && Arrays.equals(dashes, s.dashes) && alpha == s.alpha
                    && fontSize == s.fontSize && align == s.align && baseline == s.baseline;
        }

        @Override
        public int hashCode() {
            return Objects.hash(fill, stroke, lineWidth, Arrays.hashCode(dashes), alpha, fontSize, align, baseline);
        }
    }

    /**
     * One operation: a rectangle, line or oval by {@code a, b, c, d} (x, y, width, height; or x1, y1, x2, y2 for a
     * line); a text at ({@code a}, {@code b}); a polyline by {@code xs, ys}; an image in (a, b, c, d).
     */
    record Op(Kind kind, State state, double a, double b, double c, double d, String text, double[] xs, double[] ys,
              Image image) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Op p && kind == p.kind && a == p.a && b == p.b && c == p.c && d == p.d
                    && Objects.equals(text, p.text) && Arrays.equals(xs, p.xs) && Arrays.equals(ys, p.ys)
                    && image == p.image && state.equals(p.state);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, a, b, c, d, text);
        }

        /** Draws this operation on {@code g}, a canvas painter whose state is set first. */
        void replay(Painter g) {
            switch (kind) {
                case FILL_RECT -> g.fillRect(a, b, c, d);
                case STROKE_LINE -> g.strokeLine(a, b, c, d);
                case FILL_OVAL -> g.fillOval(a, b, c, d);
                case STROKE_OVAL -> g.strokeOval(a, b, c, d);
                case POLYLINE -> g.strokePolyline(xs, ys, xs.length);
                case TEXT -> g.fillText(text, a, b);
                case IMAGE -> g.drawImage(image, a, b, c, d);
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private Paint fill;
    private Paint stroke;
    private double lineWidth = 1;
    private double[] dashes;
    private double alpha = 1;
    private double fontSize = 12;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private State state;

    List<Op> ops() {
        return ops;
    }

    private State state() {
        if (state == null) {
            state = new State(fill, stroke, lineWidth, dashes, alpha, fontSize, align, baseline);
        }
        return state;
    }

    private void add(Kind kind, double a, double b, double c, double d) {
        ops.add(new Op(kind, state(), a, b, c, d, null, null, null, null));
    }

    @Override
    public void setFill(Paint p) {
        if (!Objects.equals(p, fill)) {
            fill = p;
            state = null;
        }
    }

    @Override
    public void setStroke(Paint p) {
        if (!Objects.equals(p, stroke)) {
            stroke = p;
            state = null;
        }
    }

    @Override
    public void setLineWidth(double w) {
        if (w != lineWidth) {
            lineWidth = w;
            state = null;
        }
    }

    @Override
    public void setLineDashes(double... d) {
        double[] next = d == null || d.length == 0 ? null : d.clone();
        if (!Arrays.equals(next, dashes)) {
            dashes = next;
            state = null;
        }
    }

    @Override
    public void setGlobalAlpha(double a) {
        if (a != alpha) {
            alpha = a;
            state = null;
        }
    }

    @Override
    public void setFontSize(double size) {
        if (size != fontSize) {
            fontSize = size;
            state = null;
        }
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        if (a != align) {
            align = a;
            state = null;
        }
    }

    @Override
    public void setTextBaseline(VPos b) {
        if (b != baseline) {
            baseline = b;
            state = null;
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        ops.add(new Op(Kind.TEXT, state(), x, y, 0, 0, text, null, null, null));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        add(Kind.FILL_RECT, x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        add(Kind.STROKE_LINE, x1, y1, x2, y2);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        add(Kind.FILL_OVAL, x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        add(Kind.STROKE_OVAL, x, y, w, h);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        ops.add(new Op(Kind.POLYLINE, state(), 0, 0, 0, 0, null, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), null));
    }

    @Override
    public void drawImage(Image image, double x, double y, double w, double h) {
        ops.add(new Op(Kind.IMAGE, state(), x, y, w, h, null, null, null, image));
    }
}
