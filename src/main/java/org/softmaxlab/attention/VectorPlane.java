package org.softmaxlab.attention;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.AttentionDisplay;
import org.softmaxlab.model.AttentionState;

/**
 * The tokens' query (orange) and key (blue) vectors as points of the plane, with a line from the chosen query to each
 * key as thick as its weight. When d = 2 they are the vectors themselves and can be dragged (a press on a query also
 * chooses it); for a larger d the plane shows their first two entries, faded.
 */
final class VectorPlane extends Region {
    private static final Color QUERY = Color.web("#E69F00");
    private static final Color KEY = Color.web("#56B4E9");
    private static final Color AXIS = Color.gray(0.55);
    private final Canvas canvas = new Canvas();
    private final AttentionViewModel model;
    /** The half-width of the plane shown, kept while a point is dragged so that the plane does not move under it. */
    private double extent = 3;
    private boolean dragQuery;
    private int dragged = -1;

    VectorPlane(AttentionViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        getStyleClass().add("vector-plane");
        setMinSize(120, 120);
        setPrefSize(300, 260);
        model.displayProperty().addListener(o -> draw());
        setOnMousePressed(e -> press(e.getX(), e.getY()));
        setOnMouseDragged(e -> drag(e.getX(), e.getY()));
        setOnMouseReleased(e -> dragged = -1);
        setAccessibleText("Query and key vectors in the plane; drag them when d = 2");
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double toX(double x) {
        return getWidth() / 2 + x / extent * (Math.min(getWidth(), getHeight()) / 2 - 14);
    }

    private double toY(double y) {
        return getHeight() / 2 - y / extent * (Math.min(getWidth(), getHeight()) / 2 - 14);
    }

    private double fromX(double px) {
        return (px - getWidth() / 2) / (Math.min(getWidth(), getHeight()) / 2 - 14) * extent;
    }

    private double fromY(double py) {
        return (getHeight() / 2 - py) / (Math.min(getWidth(), getHeight()) / 2 - 14) * extent;
    }

    /** Where the plane's point (x, y) is drawn, in this node's coordinates. */
    javafx.geometry.Point2D toPixels(double x, double y) {
        return new javafx.geometry.Point2D(toX(x), toY(y));
    }

    private void press(double px, double py) {
        AttentionState s = model.state();
        double best = 14 * 14;
        dragged = -1;
        for (int i = 0; i < s.size(); i++) {
            for (boolean isQuery : new boolean[] {true, false}) {
                double[] v = (isQuery ? s.q() : s.k())[i];
                double dx = toX(v[0]) - px;
                double dy = toY(v[1]) - py;
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    dragged = i;
                    dragQuery = isQuery;
                }
            }
        }
        if (dragged >= 0 && dragQuery) {
            int i = dragged;
            model.edit(st -> st.withQuery(i));
        }
    }

    private void drag(double px, double py) {
        if (dragged < 0 || model.state().dim() != 2) {
            return;
        }
        int i = dragged;
        boolean isQuery = dragQuery;
        double x = Math.max(-extent, Math.min(extent, fromX(px)));
        double y = Math.max(-extent, Math.min(extent, fromY(py)));
        model.edit(s -> s.withVectorMoved(isQuery, i, x, y));
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        AttentionState s = model.state();
        AttentionDisplay d = model.display();
        if (dragged < 0) {
            double most = 0;
            for (double[][] m : new double[][][] {s.q(), s.k()}) {
                for (double[] v : m) {
                    most = Math.max(most, Math.max(Math.abs(v[0]), Math.abs(v[1])));
                }
            }
            extent = Math.max(1, most * 1.15);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(toX(-extent), toY(0), toX(extent), toY(0));
        g.strokeLine(toX(0), toY(-extent), toX(0), toY(extent));
        g.setGlobalAlpha(s.dim() == 2 ? 1 : 0.65);
        double[] q = s.q()[s.query()];
        for (int j = 0; j < s.size(); j++) {
            double p = d.chosen()[j];
            if (p > 0.005) {
                g.setStroke(QUERY);
                g.setLineWidth(1 + 7 * p);
                g.strokeLine(toX(q[0]), toY(q[1]), toX(s.k()[j][0]), toY(s.k()[j][1]));
            }
        }
        Font font = Font.font(13);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < s.size(); i++) {
            point(g, s.k()[i], KEY, false, "k " + s.tokens()[i]);
            point(g, s.q()[i], QUERY, i == s.query(), "q " + s.tokens()[i]);
        }
        g.setGlobalAlpha(1);
    }

    private void point(GraphicsContext g, double[] v, Color colour, boolean chosen, String name) {
        double x = toX(v[0]);
        double y = toY(v[1]);
        double r = chosen ? 7 : 5;
        g.setFill(colour);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        if (chosen) {
            g.setStroke(AXIS);
            g.setLineWidth(2);
            g.strokeOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
        }
        g.fillText(name, x + r + 3, y);
    }
}
