package org.softmaxlab.chart;

import java.awt.Color;
import java.awt.RenderingHints;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typeset mathematics: LaTeX laid out by jlatexmath and painted on a Canvas through FXGraphics2D. Laying a formula out
 * (parsing, boxes) happens on one background thread from the pulse after a change, newest text wins; the FX thread
 * only paints the laid-out formula, once, when it is ready. An unchanged text, size and colour cost nothing. The first
 * formula of a run costs a few hundred milliseconds (jlatexmath loads its fonts), which the app spends once its window
 * is on screen, through {@link #warmUp()}.
 */
public final class MathView extends Region {
    /** jlatexmath's fonts the formulas use (in its jar): JavaFX must know them by name, or other glyphs are drawn. */
    private static final String[] FONTS = {"base/jlm_cmmi10", "base/jlm_cmex10", "maths/jlm_cmsy10",
        "latin/jlm_cmr10", "latin/jlm_jlmr10", "latin/jlm_jlmi10"};
    private static final double PREF_WIDTH = 320;
    private static final ExecutorService LAYOUT = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "softmax-lab-math-layout");
        t.setDaemon(true);
        return t;
    });
    private static volatile boolean fontsLoaded;

    private final Canvas canvas = new Canvas();
    private String latex = "";
    private double size = 16;
    private javafx.scene.paint.Color color = javafx.scene.paint.Color.web("#1E1E1E");
    /** The newest request; a laid-out formula is painted only if it is still the newest. */
    private final AtomicReference<Request> newest = new AtomicReference<>();
    /** Hands the newest request to the layout thread at the next pulse ({@link #relayout}). */
    private final AnimationTimer nextPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            layOut(newest.get());
        }
    };

    private record Request(String latex, double size, javafx.scene.paint.Color color) {
    }

    public MathView() {
        getStyleClass().add("math-view");
        getChildren().add(canvas);
    }

    /**
     * Loads jlatexmath's fonts into JavaFX and its tables on the layout thread, ahead of the formulas queued after it.
     * Call it once the window is on screen: beside its first frame, on two cores, it held that frame back by 300 ms.
     */
    public static void warmUp() {
        LAYOUT.execute(() -> {
            loadFonts();
            new TeXFormula("L = -\\frac{1}{n}\\sum_i \\ln P_{y_i}").createTeXIcon(TeXConstants.STYLE_DISPLAY, 16);
        });
    }

    private static synchronized void loadFonts() {
        if (fontsLoaded) {
            return;
        }
        for (String font : FONTS) {
            try (java.io.InputStream in = TeXFormula.class.getResourceAsStream("fonts/" + font + ".ttf")) {
                if (in != null) {
                    javafx.scene.text.Font.loadFont(in, 10);
                }
            } catch (java.io.IOException e) {
                // A missing font shows as a fallback glyph; the formula's text is still the accessible text.
            }
        }
        fontsLoaded = true;
    }

    /** Shows {@code tex}; an unchanged text costs nothing. */
    public void setLatex(String tex) {
        if (!tex.equals(latex)) {
            latex = tex;
            relayout();
        }
    }

    public String getLatex() {
        return latex;
    }

    /** The text size in px and its colour (from the theme). */
    public void setStyle(double px, javafx.scene.paint.Color fill) {
        if (px != size || !fill.equals(color)) {
            size = px;
            color = fill;
            relayout();
        }
    }

    /**
     * Lays the formula out again. The layout thread is handed the newest request at the next pulse, not now: a logit
     * drag changes the formula in the pulse that also redraws the charts, and the layout (a few milliseconds on the
     * other core) ran beside that frame's work; a pulse later it runs while that frame is on screen. Several changes in
     * one pulse make one layout.
     */
    private void relayout() {
        newest.set(new Request(latex, size, color));
        nextPulse.start();
    }

    private void layOut(Request request) {
        LAYOUT.execute(() -> {
            if (newest.get() != request) {
                return;
            }
            loadFonts();
            TeXIcon icon = request.latex().isEmpty() ? null : new TeXFormula(request.latex())
                    .createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) request.size());
            if (icon != null) {
                javafx.scene.paint.Color c = request.color();
                icon.setForeground(new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue()));
            }
            Platform.runLater(() -> {
                if (newest.get() == request) {
                    paint(icon);
                }
            });
        });
    }

    private void paint(TeXIcon icon) {
        double w = icon == null ? 0 : icon.getIconWidth() + 4;
        double h = icon == null ? 0 : icon.getIconHeight() + 4;
        boolean resized = w != canvas.getWidth() || h != canvas.getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (icon != null) {
            icon.paintIcon(null, graphics(g), 2, 2);
        }
        if (resized) {
            requestLayout();
        }
    }

    /**
     * A Java2D view of {@code g} for jlatexmath. Strokes are drawn where they are asked for: FXGraphics2D otherwise
     * rounds a rectangle's corners to whole units of the user space before stroking it, and jlatexmath draws in
     * ems (scaled to the text size), so a coloured term's frame was drawn up to an em above and left of its fill.
     */
    private static FXGraphics2D graphics(javafx.scene.canvas.GraphicsContext g) {
        FXGraphics2D g2 = new FXGraphics2D(g);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g2;
    }

    /** Narrower than the formula: the formula is scaled down to fit, never cut. */
    @Override
    protected void layoutChildren() {
        double fit = fit(getWidth());
        canvas.setScaleX(fit);
        canvas.setScaleY(fit);
        // Scaling turns about the centre: move the canvas back to the top-left corner.
        canvas.setLayoutX(-canvas.getWidth() * (1 - fit) / 2);
        canvas.setLayoutY(-canvas.getHeight() * (1 - fit) / 2);
    }

    private double fit(double width) {
        return width <= 0 || canvas.getWidth() <= width ? 1 : width / canvas.getWidth();
    }

    /** Asks for no more than a panel's width; a wider formula is scaled down to what it gets. */
    @Override
    protected double computePrefWidth(double height) {
        return Math.min(canvas.getWidth(), PREF_WIDTH);
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.getHeight() * fit(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
