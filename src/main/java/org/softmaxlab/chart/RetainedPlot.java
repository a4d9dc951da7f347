package org.softmaxlab.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A chart on screen as nodes, one per drawing operation (title, ticks, bars, value labels, a marker), over a canvas
 * that holds what is too large for nodes. A redraw updates only the nodes whose operation changed, and JavaFX repaints
 * only what they cover. A drawing too large for nodes (a thousand bars, a long curve, an image) goes on the canvas from
 * its start up to what changed since the last redraw, and the nodes show the rest; the canvas is drawn again only when
 * its part changes, and it is hidden while it holds nothing. In software rendering a shown canvas costs its whole
 * area in every repaint that touches it: at 1920x1080 the Explorer's four charts cost about 2 ms a logit change with
 * their axes on canvases, where the moved bars' nodes cost their own strips.
 *
 * <p>What the layers show is what one canvas drawing the whole list shows: the nodes draw the operations in order,
 * over the canvas, in the same geometry and state.
 */
final class RetainedPlot {
    /** The most operations kept as nodes. */
    private static final int MOST_NODES = 160;
    /** The most points of a polyline kept as a node. */
    private static final int MOST_POLYLINE_POINTS = 64;
    /** How far ahead a node of an operation's kind is looked for before a new one is made. */
    private static final int LOOK_AHEAD = 4;

    private final Canvas canvas;
    private final Pane overlay = new Pane();
    private final Rectangle overlayClip = new Rectangle();
    /** The operations drawn last time; the first {@link #split} of them are on the canvas. */
    private List<Recording.Op> shown = List.of();
    private int split;
    /** The operation each overlay node shows. */
    private final List<Recording.Op> nodeOps = new ArrayList<>();
    /** Fonts by size; bounded, as a title fitted to the width takes any size. */
    private final Map<Double, Font> fonts = new HashMap<>();

    RetainedPlot(Canvas canvas) {
        this.canvas = canvas;
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.setClip(overlayClip);
    }

    Pane overlay() {
        return overlay;
    }

    /** Forgets what is drawn: the next {@link #show} draws all on the canvas (a new size, a cleared canvas). */
    void reset() {
        shown = List.of();
        split = 0;
        nodeOps.clear();
        overlay.getChildren().clear();
    }

    /** Shows {@code ops}, a whole redraw of a {@code w} by {@code h} chart. */
    void show(List<Recording.Op> ops, double w, double h) {
        overlay.resize(w, h);
        overlayClip.setWidth(w);
        overlayClip.setHeight(h);
        int same = commonPrefix(shown, ops);
        boolean first = shown.isEmpty();
        if (fitsNodes(ops, 0)) {
            // All of it as nodes: the canvas is cleared once and hidden.
            if (split > 0 || first) {
                drawCanvas(ops, 0, w, h);
                split = 0;
            }
            showNodes(ops, 0);
        } else if (!first && same >= split && fitsNodes(ops, split)) {
            // The canvas still shows its part: only the nodes follow.
            showNodes(ops, split);
        } else {
            // Too much for nodes: the canvas draws up to what changed (all of it the first time), nodes the rest.
            int next = first || !fitsNodes(ops, same) ? ops.size() : same;
            drawCanvas(ops, next, w, h);
            split = next;
            showNodes(ops, next);
        }
        canvas.setVisible(split > 0);
        shown = ops;
    }

    private static int commonPrefix(List<Recording.Op> a, List<Recording.Op> b) {
        int n = Math.min(a.size(), b.size());
        int i = 0;
        while (i < n && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean fitsNodes(List<Recording.Op> ops, int from) {
        if (ops.size() - from > MOST_NODES) {
            return false;
        }
        for (int i = from; i < ops.size(); i++) {
            Recording.Op op = ops.get(i);
            if (op.kind() == Recording.Kind.IMAGE
                    || op.kind() == Recording.Kind.POLYLINE && op.xs().length > MOST_POLYLINE_POINTS) {
                return false;
            }
        }
        return true;
    }

    private void drawCanvas(List<Recording.Op> ops, int count, double w, double h) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        Painter g = Painter.of(gc);
        Recording.State applied = null;
        for (int i = 0; i < count; i++) {
            Recording.Op op = ops.get(i);
            if (op.state() != applied) {
                apply(g, op.state());
                applied = op.state();
            }
            op.replay(g);
        }
        // The canvas keeps its state between redraws: leave it as a fresh one starts.
        gc.setGlobalAlpha(1);
        gc.setLineDashes((double[]) null);
    }

    private static void apply(Painter g, Recording.State s) {
        if (s.fill() != null) {
            g.setFill(s.fill());
        }
        if (s.stroke() != null) {
            g.setStroke(s.stroke());
        }
        g.setLineWidth(s.lineWidth());
        g.setLineDashes(s.dashes());
        g.setGlobalAlpha(s.alpha());
        g.setFontSize(s.fontSize());
        g.setTextAlign(s.align());
        g.setTextBaseline(s.baseline());
    }

    /**
     * Makes the overlay draw {@code ops} from {@code from} on. The nodes stay in place where the kinds of operation
     * line up with the last drawing's; where they do not (a value label left out or added), nodes are removed or
     * added there alone, so the rest are neither moved nor remade. A node whose operation is unchanged is not
     * touched, and JavaFX repaints nothing for it.
     */
    private void showNodes(List<Recording.Op> ops, int from) {
        ObservableList<Node> nodes = overlay.getChildren();
        int j = 0;
        for (int i = from; i < ops.size(); i++, j++) {
            Recording.Op op = ops.get(i);
            int match = -1;
            for (int k = j; k < Math.min(nodes.size(), j + LOOK_AHEAD); k++) {
                if (nodeOps.get(k).kind() == op.kind()) {
                    match = k;
                    break;
                }
            }
            if (match < 0) {
                Node node = update(null, op);
                node.setManaged(false);
                nodes.add(j, node);
                nodeOps.add(j, op);
                continue;
            }
            if (match > j) {
                nodes.remove(j, match);
                nodeOps.subList(j, match).clear();
            }
            if (!op.equals(nodeOps.get(j))) {
                Node node = nodes.get(j);
                Node updated = update(node, op);
                if (updated != node) {
                    // A node of another shape (a line now dashed) is replaced.
                    updated.setManaged(false);
                    nodes.set(j, updated);
                }
                nodeOps.set(j, op);
            }
        }
        if (nodes.size() > j) {
            nodes.remove(j, nodes.size());
            nodeOps.subList(j, nodeOps.size()).clear();
        }
    }

    /** {@code node} (or a new node where it is of another kind) made to draw {@code op}. */
    private Node update(Node node, Recording.Op op) {
        Recording.State s = op.state();
        return switch (op.kind()) {
            case FILL_RECT -> rectangle(node, op, s);
            case STROKE_LINE -> line(node, op, s);
            case FILL_OVAL, STROKE_OVAL -> oval(node, op, s);
            case POLYLINE -> polyline(node, op, s);
            case TEXT -> text(node, op, s);
            default -> throw new IllegalStateException("no node draws " + op.kind());
        };
    }

    private static Node rectangle(Node node, Recording.Op op, Recording.State s) {
        Rectangle r = node instanceof Rectangle old ? old : new Rectangle();
        r.setX(op.a());
        r.setY(op.b());
        r.setWidth(op.c());
        r.setHeight(op.d());
        r.setFill(s.fill());
        r.setOpacity(s.alpha());
        return r;
    }

    private static Node line(Node node, Recording.Op op, Recording.State s) {
        if (s.dashes() == null && (op.a() == op.c() || op.b() == op.d())) {
            // As the canvas painter fills it: a rectangle with the square caps.
            Rectangle r = node instanceof Rectangle old ? old : new Rectangle();
            double half = s.lineWidth() / 2;
            r.setX(Math.min(op.a(), op.c()) - half);
            r.setY(Math.min(op.b(), op.d()) - half);
            r.setWidth(Math.abs(op.c() - op.a()) + 2 * half);
            r.setHeight(Math.abs(op.d() - op.b()) + 2 * half);
            r.setFill(s.stroke());
            r.setOpacity(s.alpha());
            return r;
        }
        Line l = node instanceof Line old ? old : new Line();
        l.setStartX(op.a());
        l.setStartY(op.b());
        l.setEndX(op.c());
        l.setEndY(op.d());
        stroked(l, s);
        return l;
    }

    private static Node oval(Node node, Recording.Op op, Recording.State s) {
        boolean fill = op.kind() == Recording.Kind.FILL_OVAL;
        Ellipse e = node instanceof Ellipse old && (old.getFill() != null) == fill ? old : new Ellipse();
        e.setCenterX(op.a() + op.c() / 2);
        e.setCenterY(op.b() + op.d() / 2);
        e.setRadiusX(op.c() / 2);
        e.setRadiusY(op.d() / 2);
        if (fill) {
            e.setFill(s.fill());
            e.setStroke(null);
            e.setOpacity(s.alpha());
        } else {
            e.setFill(null);
            stroked(e, s);
        }
        return e;
    }

    private static Node polyline(Node node, Recording.Op op, Recording.State s) {
        Path p = node instanceof Path old ? old : new Path();
        List<PathElement> elements = new ArrayList<>();
        boolean pen = false;
        for (int i = 0; i < op.xs().length; i++) {
            if (!Double.isFinite(op.ys()[i])) {
                pen = false;
            } else {
                elements.add(pen ? new LineTo(op.xs()[i], op.ys()[i]) : new MoveTo(op.xs()[i], op.ys()[i]));
                pen = true;
            }
        }
        p.getElements().setAll(elements);
        stroked(p, s);
        return p;
    }

    /** A text node aligned by its own layout width, as the canvas aligns it; fonts kept per size. */
    private Node text(Node node, Recording.Op op, Recording.State s) {
        Text t = node instanceof Text old ? old : new Text();
        if (fonts.size() >= 32 && !fonts.containsKey(s.fontSize())) {
            fonts.clear();
        }
        Font font = fonts.computeIfAbsent(s.fontSize(), Font::font);
        t.setFont(font);
        t.setText(op.text());
        t.setFill(s.fill());
        t.setOpacity(s.alpha());
        t.setTextOrigin(s.baseline() == null ? VPos.BASELINE : s.baseline());
        // Aligned by its own layout width, as the canvas aligns it (the node lays the text out once).
        double width = s.align() == TextAlignment.LEFT || s.align() == TextAlignment.JUSTIFY ? 0
                : t.getLayoutBounds().getWidth();
        t.setX(op.a() - (s.align() == TextAlignment.CENTER ? width / 2
                : s.align() == TextAlignment.RIGHT ? width : 0));
        t.setY(op.b());
        return t;
    }

    /** As the canvas strokes: the line's colour, width and dashes, square caps. */
    private static void stroked(Shape shape, Recording.State s) {
        Paint stroke = s.stroke();
        shape.setStroke(stroke);
        shape.setStrokeWidth(s.lineWidth());
        shape.setOpacity(s.alpha());
        List<Double> dashes = new ArrayList<>();
        if (s.dashes() != null) {
            for (double d : s.dashes()) {
                dashes.add(d);
            }
        }
        if (!shape.getStrokeDashArray().equals(dashes)) {
            shape.getStrokeDashArray().setAll(dashes);
        }
    }
}
