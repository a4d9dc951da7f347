package org.softmaxlab.chart;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** Records chart drawing as an SVG document: shapes and text stay vector, images are embedded as PNG. */
public final class SvgPainter implements Painter {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private String fill = "#000000";
    private double fillOpacity = 1;
    private String stroke = "#000000";
    private double strokeOpacity = 1;
    private double lineWidth = 1;
    private double[] dashes;
    private double alpha = 1;
    private double fontSize = 12;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private TextRole role = TextRole.NOTE;

    public SvgPainter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The finished document. */
    public String document() {
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/"
                + "2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.2f %.2f\" font-family=\"sans-serif\">%n"
                + "%s</svg>%n", width, height, width, height, body);
    }

    @Override
    public void setFill(Paint p) {
        Color c = color(p);
        fill = hex(c);
        fillOpacity = c.getOpacity();
    }

    @Override
    public void setStroke(Paint p) {
        Color c = color(p);
        stroke = hex(c);
        strokeOpacity = c.getOpacity();
    }

    @Override
    public void setLineWidth(double w) {
        lineWidth = w;
    }

    @Override
    public void setLineDashes(double... d) {
        dashes = d == null || d.length == 0 ? null : d.clone();
    }

    @Override
    public void setGlobalAlpha(double a) {
        alpha = a;
    }

    @Override
    public void setFontSize(double size) {
        fontSize = size;
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
    }

    @Override
    public void setTextBaseline(VPos b) {
        baseline = b;
    }

    @Override
    public void setTextRole(TextRole r) {
        role = r;
    }

    @Override
    public void fillText(String text, double x, double y) {
        String anchor = align == TextAlignment.CENTER ? "middle" : align == TextAlignment.RIGHT ? "end" : "start";
        String base = baseline == VPos.TOP ? "hanging" : baseline == VPos.CENTER ? "central"
                : baseline == VPos.BOTTOM ? "text-after-edge" : "alphabetic";
        body.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" "
                + "text-anchor=\"%s\" dominant-baseline=\"%s\" %s>%s</text>%n", role.cssClass(), x, y, fontSize, anchor,
                base, fillStyle(), escape(text)));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" %s/>%n",
                x, y, w, h, fillStyle()));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                + "fill=\"none\" %s/>%n", x, y, w, h, strokeStyle()));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" %s/>%n",
                x1, y1, x2, y2, strokeStyle()));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.2f\" cy=\"%.2f\" rx=\"%.2f\" ry=\"%.2f\" %s/>%n",
                x + w / 2, y + h / 2, w / 2, h / 2, fillStyle()));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.2f\" cy=\"%.2f\" rx=\"%.2f\" ry=\"%.2f\" "
                + "fill=\"none\" %s/>%n", x + w / 2, y + h / 2, w / 2, h / 2, strokeStyle()));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ys[i])) {
                pen = false;
                continue;
            }
            d.append(String.format(Locale.ROOT, "%s%.2f %.2f ", pen ? "L" : "M", xs[i], ys[i]));
            pen = true;
        }
        if (d.length() > 0) {
            body.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" ").append(strokeStyle())
                    .append("/>\n");
        }
    }

    @Override
    public void drawImage(Image image, double x, double y, double w, double h) {
        try {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(PngExport.toBufferedImage(image), "png", png);
            body.append(String.format(Locale.ROOT, "<image x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    + "preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" "
                    + "href=\"data:image/png;base64,%s\"/>%n", x, y, w, h,
                    Base64.getEncoder().encodeToString(png.toByteArray())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String fillStyle() {
        return String.format(Locale.ROOT, "fill=\"%s\" fill-opacity=\"%.3f\"", fill, fillOpacity * alpha);
    }

    private String strokeStyle() {
        String s = String.format(Locale.ROOT, "stroke=\"%s\" stroke-opacity=\"%.3f\" stroke-width=\"%.2f\"", stroke,
                strokeOpacity * alpha, lineWidth);
        if (dashes != null) {
            StringBuilder d = new StringBuilder();
            for (double v : dashes) {
                d.append(d.length() > 0 ? "," : "").append(String.format(Locale.ROOT, "%.2f", v));
            }
            s += " stroke-dasharray=\"" + d + "\"";
        }
        return s;
    }

    private static Color color(Paint p) {
        return p instanceof Color c ? c : Color.BLACK;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
