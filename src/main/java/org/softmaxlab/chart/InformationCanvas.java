package org.softmaxlab.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.softmaxlab.model.Numbers;

/**
 * Cross-entropy as one stacked bar: the target's own entropy H(Y), which no prediction removes, then KL(Y || P), the
 * part training can remove. With label smoothing H(Y) > 0 and its end is marked as the lowest loss reachable.
 */
public final class InformationCanvas extends PlotCanvas {
    /** H(Y): a neutral grey, since it is no class's. */
    private static final Color ENTROPY = Color.web("#9A9A9A");
    private double entropy = Double.NaN;
    private double kl = Double.NaN;
    private String unit = "nats";

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
        g.setTextRole("note");
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
        // Ticks under the bar.
        g.setStroke(axisStroke());
        g.setFill(textFill());
        g.setTextRole("tick");
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < scale.values().length; i++) {
            double x = left + scale.values()[i] / hi * plotW;
            g.strokeLine(x, top + barH, x, top + barH + 4);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == scale.values().length - 1 ? TextAlignment.RIGHT
                    : TextAlignment.CENTER);
            g.fillText(scale.label(i), x, top + barH + 6);
        }
        // Legend above the bar: what each part is, with its value.
        g.setTextRole("legend");
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
        if (entropy > 0) {
            g.setStroke(textFill());
            g.setLineWidth(Math.max(2, font / 7));
            g.setLineDashes(font / 3, font / 4);
            g.strokeLine(left + h, top - font * 0.4, left + h, top + barH + font * 0.4);
            g.setLineDashes((double[]) null);
            g.setTextRole("note");
            g.setTextAlign(h > plotW / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText("floor H(Y): the lowest loss reachable", left + h + (h > plotW / 2 ? -4 : 4),
                    top + barH + font * 1.6);
        }
    }
}
