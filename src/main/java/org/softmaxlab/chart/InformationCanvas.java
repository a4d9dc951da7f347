package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.Numbers;

/**
 * Cross-entropy as one stacked bar: the target's own entropy H(Y), which no prediction removes, then KL(Y || P), the
 * part training can remove. With label smoothing H(Y) > 0 and its end is marked as the lowest loss reachable. Below,
 * where there is room, the two distributions KL compares, class by class: P as a bar in the class's colour and Y as the
 * dashed outline the Explorer draws for the target (the {@value #MOST_CLASSES} largest classes when there are more).
 */
public final class InformationCanvas extends PlotCanvas {
    /** H(Y): a neutral grey, since it is no class's. */
    private static final Color ENTROPY = Color.web("#9A9A9A");
    private double entropy = Double.NaN;
    private double kl = Double.NaN;
    private String unit = "nats";
    /** The most classes the distributions show: the largest by max(Y_c, P_c), in class order. */
    static final int MOST_CLASSES = 12;
    private double[] target = new double[0];
    private double[] probability = new double[0];

    public InformationCanvas() {
        getStyleClass().add("information-canvas");
        setPrefSize(420, 220);
    }

    /** Shows CE = H + KL (NaN: the selected sample's target is ignored), in {@code unit}. */
    public void setSplit(double entropy, double kl, String unit) {
        if (Double.compare(entropy, this.entropy) == 0 && Double.compare(kl, this.kl) == 0 && unit.equals(this.unit)) {
            return;
        }
        this.entropy = entropy;
        this.kl = kl;
        this.unit = unit;
        invalidatePlot();
    }

    /** The distributions KL(Y || P) compares: the target Y (after smoothing) and the prediction P, per class. */
    public void setDistributions(double[] target, double[] probability) {
        double[] y = target == null ? new double[0] : target;
        double[] p = probability == null ? new double[0] : probability;
        if (java.util.Arrays.equals(y, this.target) && java.util.Arrays.equals(p, this.probability)) {
            return;
        }
        this.target = y.clone();
        this.probability = p.clone();
        invalidatePlot();
    }

    /** The classes the distributions show, in class order. */
    int[] shownClasses() {
        int classes = Math.min(target.length, probability.length);
        Integer[] order = new Integer[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.max(target[b], probability[b]),
                Math.max(target[a], probability[a])));
        return java.util.Arrays.stream(order).limit(MOST_CLASSES).mapToInt(Integer::intValue).sorted().toArray();
    }

    public double entropy() {
        return entropy;
    }

    public double kl() {
        return kl;
    }

    @Override
    protected void draw(Painter g, double width, double height) {
        double font = fontSize();
        double left = font;
        double right = font;
        double top = titleHeight() + font * 2.8;
        double plotW = width - left - right;
        if (plotW < 40) {
            return;
        }
        g.setTextRole(TextRole.NOTE);
        g.setFill(textFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (!Double.isFinite(entropy) || !Double.isFinite(kl)) {
            g.fillText(Double.isFinite(entropy) ? "KL is infinite: a target class has probability 0"
                    : "the selected sample's target is ignored: no loss to split", left, titleHeight());
            return;
        }
        double total = entropy + kl;
        Ticks.Scale scale = Ticks.linear(0, Math.max(total, 1e-9), (int) Math.max(3, Math.min(8, plotW / (font * 5))));
        double hi = scale.hi();
        double barH = Math.max(font * 1.8, Math.min(font * 3, height - top - font * 4));
        double h = entropy / hi * plotW;
        double k = kl / hi * plotW;
        g.setFill(ENTROPY);
        g.fillRect(left, top, h, barH);
        g.setFill(plotFill());
        g.fillRect(left + h, top, k, barH);
        g.setStroke(textFill());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, Math.max(0, h + k - 1), barH - 1);
        drawTicksUnder(g, scale, left, plotW, top + barH);
        drawLegend(g, left, font, total);
        if (entropy > 0) {
            g.setStroke(textFill());
            g.setLineWidth(Math.max(2, font / 7));
            g.setLineDashes(font / 3, font / 4);
            // From the bar's top down past it, towards its note: above the bar the "CE = H + KL" line is written.
            g.strokeLine(left + h, top, left + h, top + barH + font * 0.4);
            g.setLineDashes((double[]) null);
            g.setTextRole(TextRole.NOTE);
            // Written on the wider side of the line, shortened where the whole note does not fit on that side.
            boolean before = h > plotW / 2;
            double room = before ? left + h - 4 : width - left - h - 4;
            String note = "floor H(Y): the lowest loss reachable";
            g.setTextAlign(before ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(textWidth(note, font) <= room ? note : "floor H(Y)", left + h + (before ? -4 : 4),
                    top + barH + font * 1.6);
        }
        drawDistributions(g, top + barH + font * 3.4, width, height);
    }

    /** The scale's ticks and labels under the bar, whose bottom is at {@code y}. */
    private void drawTicksUnder(Painter g, Ticks.Scale scale, double left, double plotW, double y) {
        g.setStroke(axisStroke());
        g.setFill(textFill());
        g.setTextRole(TextRole.TICK);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < scale.values().length; i++) {
            double x = left + scale.values()[i] / scale.hi() * plotW;
            g.strokeLine(x, y, x, y + 4);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == scale.values().length - 1 ? TextAlignment.RIGHT
                    : TextAlignment.CENTER);
            g.fillText(scale.label(i), x, y + 6);
        }
    }

    /** Above the bar, what each part is with its value, and their sum. */
    private void drawLegend(Painter g, double left, double font, double total) {
        g.setTextRole(TextRole.LEGEND);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = titleHeight() + font * 0.7;
        double sw = font * 0.9;
        g.setFill(ENTROPY);
        g.fillRect(left, y - sw / 2, sw, sw);
        g.setFill(textFill());
        String hText = "H(Y) = " + Numbers.fixed4(entropy);
        g.fillText(hText, left + sw + 6, y);
        double x2 = left + sw + 6 + textWidth(hText, font) + font * 1.2;
        g.setFill(plotFill());
        g.fillRect(x2, y - sw / 2, sw, sw);
        g.setFill(textFill());
        g.fillText("KL(Y||P) = " + Numbers.fixed4(kl), x2 + sw + 6, y);
        g.setTextBaseline(VPos.TOP);
        g.fillText("CE = H + KL = " + Numbers.fixed4(total) + " " + unit, left, y + font * 0.9);
    }

    /** Y and P per class from {@code top} down, if a readable chart fits there. */
    private void drawDistributions(Painter g, double top, double width, double height) {
        int[] shown = shownClasses();
        double font = fontSize();
        double plotTop = top + font * 1.8;
        double plotBottom = height - font * 1.8;
        double left = font * 3;
        double plotW = width - left - font;
        if (shown.length == 0 || plotBottom - plotTop < font * 4 || plotW < shown.length * 6) {
            return;
        }
        g.setTextRole(TextRole.NOTE);
        g.setFill(textFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String caption = shown.length < target.length
                ? "Y (dashed) and P, the " + shown.length + " largest of " + target.length + " classes"
                : "Y (dashed) and P per class: KL is where they differ";
        g.fillText(caption, font, top);
        drawProbabilityAxis(g, left, plotTop, plotBottom, plotW, font);
        // The target class: Y's largest entry (1 - eps + eps / C), labelled "y" as in the Explorer's charts.
        int targetClass = 0;
        for (int c = 1; c < target.length; c++) {
            targetClass = target[c] > target[targetClass] ? c : targetClass;
        }
        double slot = plotW / shown.length;
        double barW = Math.max(3, Math.min(slot * 0.6, font * 3));
        g.setTextRole(TextRole.TICK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k < shown.length; k++) {
            int c = shown[k];
            double x = left + slot * k + (slot - barW) / 2;
            double pTop = plotBottom - probability[c] * (plotBottom - plotTop);
            g.setFill(classColor(c));
            g.fillRect(x, pTop, barW, plotBottom - pTop);
            double yTop = plotBottom - target[c] * (plotBottom - plotTop);
            if (target[c] > 0) {
                g.setStroke(textFill());
                g.setLineWidth(Math.max(1.5, font / 8));
                g.setLineDashes(font / 3, font / 4);
                g.strokeRect(x, yTop, barW, plotBottom - yTop);
                g.setLineDashes((double[]) null);
            }
            String name = c == targetClass ? c + " (y)" : Integer.toString(c);
            if (slot >= textWidth(name, font) + 4) {
                g.setFill(textFill());
                g.fillText(name, x + barW / 2, plotBottom + 4);
            }
        }
    }

    /** A probability axis, 0 to 1, up the left of the plot, and the plot's baseline. */
    private void drawProbabilityAxis(Painter g, double left, double plotTop, double plotBottom, double plotW,
                                     double font) {
        Ticks.Scale scale = Ticks.linear(0, 1, (int) Math.max(2, Math.min(5, (plotBottom - plotTop) / (font * 1.6))));
        g.setTextRole(TextRole.TICK);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(axisStroke());
        g.setLineWidth(1);
        for (int i = 0; i < scale.values().length; i++) {
            double y = plotBottom - scale.values()[i] * (plotBottom - plotTop);
            g.strokeLine(left - 4, y, left, y);
            g.fillText(scale.label(i), left - 6, y);
        }
        g.strokeLine(left, plotTop, left, plotBottom);
        g.strokeLine(left, plotBottom, left + plotW, plotBottom);
    }
}
