package org.softmaxlab.chart;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * Base of the app's charts: a Region holding a Canvas, redrawn at most once per layout pass (so once per pulse,
 * however many times the data changed in between) and only while it can be seen. On screen a redraw draws again
 * only what changed ({@link RetainedPlot}); exports draw it whole. Colours and the font size come from CSS:
 * {@code -sl-plot-fill, -sl-highlight-fill, -sl-negative-fill, -sl-ghost-stroke, -sl-axis-stroke, -sl-text-fill,
 * -sl-background-fill, -sl-class-N-fill (N = 0..7, other), -sl-font-size}; a change of any (a theme switch) redraws.
 */
public abstract class PlotCanvas extends Region {
    private static final StyleablePropertyFactory<PlotCanvas> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final CssMetaData<PlotCanvas, Paint> PLOT = CSS.createPaintCssMetaData("-sl-plot-fill",
            s -> s.plotFill, Color.web("#0072B2"));
    private static final CssMetaData<PlotCanvas, Paint> HIGHLIGHT = CSS.createPaintCssMetaData("-sl-highlight-fill",
            s -> s.highlightFill, Color.web("#E69F00"));
    private static final CssMetaData<PlotCanvas, Paint> NEGATIVE = CSS.createPaintCssMetaData("-sl-negative-fill",
            s -> s.negativeFill, Color.web("#D55E00"));
    private static final CssMetaData<PlotCanvas, Paint> GHOST = CSS.createPaintCssMetaData("-sl-ghost-stroke",
            s -> s.ghostStroke, Color.web("#333333"));
    private static final CssMetaData<PlotCanvas, Paint> AXIS = CSS.createPaintCssMetaData("-sl-axis-stroke",
            s -> s.axisStroke, Color.web("#666666"));
    private static final CssMetaData<PlotCanvas, Paint> TEXT = CSS.createPaintCssMetaData("-sl-text-fill",
            s -> s.textFill, Color.web("#222222"));
    private static final CssMetaData<PlotCanvas, Paint> BACKGROUND = CSS.createPaintCssMetaData(
            "-sl-background-fill", s -> s.backgroundFill, Color.WHITE);
    /** {@code -sl-class-0-fill} ... {@code -sl-class-7-fill}, then {@code -sl-class-other-fill}. */
    private static final List<CssMetaData<PlotCanvas, Paint>> CLASS_FILLS = classFills();
    private static final CssMetaData<PlotCanvas, Number> FONT_SIZE = CSS.createSizeCssMetaData("-sl-font-size",
            s -> s.fontSize, 14.0);

    private final StyleableObjectProperty<Paint> plotFill = new Styled<>(PLOT, "plotFill");
    private final StyleableObjectProperty<Paint> highlightFill = new Styled<>(HIGHLIGHT, "highlightFill");
    private final StyleableObjectProperty<Paint> negativeFill = new Styled<>(NEGATIVE, "negativeFill");
    private final StyleableObjectProperty<Paint> ghostStroke = new Styled<>(GHOST, "ghostStroke");
    private final StyleableObjectProperty<Paint> axisStroke = new Styled<>(AXIS, "axisStroke");
    private final StyleableObjectProperty<Paint> textFill = new Styled<>(TEXT, "textFill");
    private final StyleableObjectProperty<Number> fontSize = new Styled<>(FONT_SIZE, "fontSize");
    private final StyleableObjectProperty<Paint> backgroundFill = new Styled<>(BACKGROUND, "backgroundFill");
    private final List<StyleableObjectProperty<Paint>> classFills = CLASS_FILLS.stream()
            .<StyleableObjectProperty<Paint>>map(meta -> new Styled<>(meta, meta.getProperty())).toList();

    private final Canvas canvas = new Canvas();
    private final RetainedPlot retained = new RetainedPlot(canvas);
    private boolean dirty = true;
    private String title = "";
    private String hint = "";
    private boolean hintShown = true;

    protected PlotCanvas() {
        getStyleClass().add("plot-canvas");
        getChildren().addAll(canvas, retained.overlay());
        setMinSize(120, 90);
        setPrefSize(480, 280);
    }

    /** The caption drawn above the plot. */
    public final void setTitle(String title) {
        String t = title == null ? "" : title;
        if (!t.equals(this.title)) {
            this.title = t;
            invalidatePlot();
        }
    }

    public final String getTitle() {
        return title;
    }

    /**
     * What the user can do with the chart ("click a cell to set it"), drawn after the title on screen; exports and
     * rendered images leave it out.
     */
    public final void setHint(String hint) {
        this.hint = hint == null ? "" : hint;
        invalidatePlot();
    }

    public final String getHint() {
        return hint;
    }

    /** Whether the hint is drawn; off for images and SVG made for slides. */
    public final void setHintShown(boolean shown) {
        if (hintShown != shown) {
            hintShown = shown;
            invalidatePlot();
        }
    }

    /**
     * Marks the drawing stale. Only this node is marked for layout (its size does not depend on the data), so a data
     * change does not make the ancestors lay themselves out again; on screen the chart is drawn at the start of the next
     * pulse, before its style pass ({@link #drawBeforeStyle}), or else in its layout pass.
     */
    protected final void invalidatePlot() {
        dirty = true;
        setNeedsLayout(true);
        drawBeforeStyle();
    }

    @Override
    protected final void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            retained.reset();
            dirty = true;
        }
        redraw();
    }

    /** Draws the chart at its canvas's size if it is stale and can be seen. */
    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (dirty && w > 0 && h > 0) {
            if (isShowingOnScreen() && !isTreeVisible()) {
                // Not seen (another tab, a hidden box): drawn in the pulse it shows, in its final state. A hidden
                // canvas drawn anyway costs the pulse its paint and can make the renderer repaint the whole window.
                // Off screen (a render, an image) every chart is drawn, as before.
                shownTop = Double.NaN;
                drawBeforeStyle();
                return;
            }
            dirty = false;
            Recording drawing = new Recording();
            paint(drawing, w, h);
            retained.show(drawing.ops(), w, h);
        }
    }

    /** The scene whose pulses draw this stale chart before their style pass, once it can be seen; null when none. */
    private Scene earlyScene;
    private final Runnable drawEarly = this::drawEarly;

    /**
     * Draws a stale chart on screen at the start of the next pulse it can be seen in, at its laid-out size: after a
     * change of its data, or when its tab or box shows. Nodes it adds then are styled in that pulse's style pass;
     * added later, in the layout pass, they left the scene's style stale, and JavaFX styled it in the pulse after and,
     * with nothing else changed there, repainted the whole window (13-20 ms at 1920x1080 in software, after nearly
     * every drag that added a value label or a tick). A new size is still drawn in layout.
     */
    private void drawBeforeStyle() {
        Scene scene = getScene();
        if (scene == earlyScene || scene == null || !isShowingOnScreen()) {
            return;
        }
        stopDrawingEarly();
        earlyScene = scene;
        scene.addPreLayoutPulseListener(drawEarly);
    }

    private void drawEarly() {
        if (getScene() == earlyScene && !isTreeVisible()) {
            return;
        }
        stopDrawingEarly();
        redraw();
    }

    private void stopDrawingEarly() {
        if (earlyScene != null) {
            earlyScene.removePreLayoutPulseListener(drawEarly);
            earlyScene = null;
        }
    }

    /** Whether this chart and each of its ancestors is visible. */
    private boolean isTreeVisible() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The chart as an SVG document at its current size: shapes and text stay vector. */
    public final String toSvg() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        SvgPainter svg = new SvgPainter(w, h);
        boolean shown = hintShown;
        hintShown = false;
        exporting = true;
        try {
            paint(svg, w, h);
        } finally {
            hintShown = shown;
            exporting = false;
        }
        return svg.document();
    }

    private void paint(Painter g, double w, double h) {
        g.setFontSize(fontSize());
        g.setFill(textFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setTextRole(TextRole.TITLE);
        String[] lines = title.split("\n", -1);
        if (hintShown && !hint.isEmpty() && textWidth(lines[lines.length - 1] + "  (" + hint + ")", fontSize())
                <= w - 16) {
            // The hint only where it fits: the title comes first.
            lines[lines.length - 1] += "  (" + hint + ")";
        }
        for (int i = 0; i < lines.length; i++) {
            // A title wider than the chart is set smaller to fit, never cut.
            double width = textWidth(lines[i], fontSize());
            g.setFontSize(width > w - 16 ? Math.max(6, fontSize() * (w - 16) / width) : fontSize());
            g.fillText(lines[i], 8, 4 + i * lineHeight());
        }
        g.setFontSize(fontSize());
        g.setTextRole(TextRole.NOTE);
        draw(g, w, h);
    }

    private final TextWidths widths = new TextWidths();

    /**
     * The width {@code text} takes at {@code size} px: measured in the chart font, and at least 0.55 em a character,
     * so that a title fitted here also fits where another sans-serif font draws it (an SVG viewer).
     */
    protected final double textWidth(String text, double size) {
        return widths.of(text, size);
    }

    /** Draws the plot below the title; {@code g} has the text font and colour set. */
    protected abstract void draw(Painter g, double width, double height);

    /** Height taken by the title: its lines ("\n" starts a second one) and a gap. */
    protected final double titleHeight() {
        return (title.split("\n", -1).length - 1) * lineHeight() + fontSize() * 1.6 + 4;
    }

    private double lineHeight() {
        return fontSize() * 1.3;
    }

    protected final Paint plotFill() {
        return plotFill.get();
    }

    protected final Paint negativeFill() {
        return negativeFill.get();
    }

    protected final Paint ghostStroke() {
        return ghostStroke.get();
    }

    protected final Paint axisStroke() {
        return axisStroke.get();
    }

    protected final Paint textFill() {
        return textFill.get();
    }

    /** The plot's background colour (the theme's). */
    protected final Color backgroundFill() {
        return backgroundFill.get() instanceof Color c ? c : Color.WHITE;
    }

    /**
     * The colour of class {@code c} in this chart's theme: the stylesheet's {@code -sl-class-N}, which defaults to
     * {@link Palette#classColor}.
     */
    public final Color classColor(int c) {
        int i = c >= 0 && c < Palette.CLASS_COUNT ? c : Palette.CLASS_COUNT;
        return classFills.get(i).get() instanceof Color color ? color : Palette.classColor(c);
    }

    /** Changes whenever the stylesheet changes one of the chart's colours or sizes (a theme switch). */
    protected final int styleVersion() {
        return styleVersion;
    }

    private int styleVersion;

    protected final double fontSize() {
        return fontSize.get().doubleValue();
    }

    /**
     * Whether a secondary press at (x, y) (local coordinates) is this chart's own (a drawn point's removal) rather than
     * the cue for the chart's export menu.
     */
    public boolean wantsSecondaryPress(double x, double y) {
        return false;
    }

    private final javafx.animation.AnimationTimer nextFrame = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            invalidatePlot();
        }
    };
    private boolean exporting;

    /**
     * The top of a data-fitted value axis as drawn: on screen it moves to a new {@code target} over a few frames (a
     * third of the way a frame) rather than jumping, so a rescale is seen as one; exports and charts off screen take
     * the target at once.
     */
    protected final double easedTop(double target) {
        if (!isShowingOnScreen() || !(shownTop > 0) || !(target > 0)) {
            shownTop = target;
            return target;
        }
        double gap = target - shownTop;
        if (Math.abs(gap) <= 0.005 * target) {
            shownTop = target;
            return target;
        }
        shownTop += EASING * gap;
        redrawNextFrame();
        return shownTop;
    }

    /** The share of the way to a new axis range covered each frame. */
    private static final double EASING = 0.35;
    private double shownTop = Double.NaN;

    /** Draws the chart again in the next frame: for a transition under way (an axis easing to a new range). */
    protected final void redrawNextFrame() {
        nextFrame.start();
    }

    /**
     * Whether the chart is on screen now, so a transition can play; an export or a chart outside a showing window
     * (a render, a layout check) is drawn in its final state.
     */
    protected final boolean isShowingOnScreen() {
        return !exporting && getScene() != null && getScene().getWindow() != null
                && getScene().getWindow().isShowing();
    }

    /** The canvas, for snapshots in tests and exports. */
    public final Canvas canvas() {
        return canvas;
    }

    private static List<CssMetaData<PlotCanvas, Paint>> classFills() {
        List<CssMetaData<PlotCanvas, Paint>> fills = new java.util.ArrayList<>();
        for (int c = 0; c <= Palette.CLASS_COUNT; c++) {
            int i = c;
            String name = c < Palette.CLASS_COUNT ? "-sl-class-" + c + "-fill" : "-sl-class-other-fill";
            fills.add(CSS.createPaintCssMetaData(name, s -> s.classFills.get(i), Palette.classColor(c)));
        }
        return List.copyOf(fills);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** A styleable property that redraws the plot when CSS changes it. */
    private final class Styled<T> extends javafx.css.SimpleStyleableObjectProperty<T> {
        Styled(CssMetaData<PlotCanvas, T> meta, String name) {
            super(meta, PlotCanvas.this, name, meta.getInitialValue(PlotCanvas.this));
        }

        @Override
        protected void invalidated() {
            styleVersion++;
            invalidatePlot();
        }
    }
}
