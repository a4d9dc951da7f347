package org.softmaxlab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The texts of a chart's SVG, each with its box estimated from its size, length, anchor and baseline. */
public final class SvgTexts {
    private static final Pattern TEXT = Pattern.compile("<text class=\"([a-z-]+)\" x=\"([-0-9.]+)\" "
            + "y=\"([-0-9.]+)\" font-size=\"([0-9.]+)\" text-anchor=\"(\\w+)\" dominant-baseline=\"([a-z-]+)\""
            + "[^>]*>([^<]*)</text>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");

    private SvgTexts() {
    }

    /** One text: its role (the class), its content, its box and its anchor point. */
    public record Text(String role, String text, double x0, double y0, double x1, double y1, double x, double y) {
        public boolean overlaps(Text o) {
            return sharesColumn(o) && y0 < o.y1 - 1 && o.y0 < y1 - 1;
        }

        /** The two overlap across (by more than a pixel): one stands over the other, or they overlap. */
        private boolean sharesColumn(Text o) {
            return x0 < o.x1 - 1 && o.x0 < x1 - 1;
        }

        /** A tick label stacked over another with less than a quarter of a line between them. */
        public boolean crowds(Text o) {
            double gap = Math.max(o.y0 - y1, y0 - o.y1);
            double line = Math.min(y1 - y0, o.y1 - o.y0);
            return role.equals("tick") && o.role.equals("tick") && sharesColumn(o) && gap < 0.25 * line;
        }

        public boolean inside(double width, double height) {
            return x0 >= -1 && x1 <= width + 1 && y0 >= -1 && y1 <= height + 1;
        }
    }

    public static List<Text> of(String svg) {
        Matcher m = TEXT.matcher(svg);
        List<Text> out = new ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(2));
            double y = Double.parseDouble(m.group(3));
            double size = Double.parseDouble(m.group(4));
            String text = m.group(7).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            if (text.isBlank()) {
                continue;
            }
            double w = 0.55 * size * text.length();
            double x0 = switch (m.group(5)) {
                case "middle" -> x - w / 2;
                case "end" -> x - w;
                default -> x;
            };
            double y0 = switch (m.group(6)) {
                case "hanging" -> y;
                case "central" -> y - size / 2;
                case "text-after-edge" -> y - size;
                default -> y - 0.8 * size;
            };
            out.add(new Text(m.group(1), text, x0, y0, x0 + w, y0 + size, x, y));
        }
        return out;
    }

    /** The SVG's width and height. */
    public static double[] size(String svg) {
        Matcher m = VIEW_BOX.matcher(svg);
        if (!m.find()) {
            throw new AssertionError("no viewBox");
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    /**
     * The first problem: a text outside the image, two texts overlapping, or two tick labels of one axis so close they
     * read as one; null when there is none.
     */
    public static String problem(String svg) {
        double[] size = size(svg);
        List<Text> texts = of(svg);
        for (Text t : texts) {
            if (!t.inside(size[0], size[1])) {
                return "\"" + t.text() + "\" leaves the image " + size[0] + "x" + size[1];
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (texts.get(i).overlaps(texts.get(j))) {
                    return "\"" + texts.get(i).text() + "\" overlaps \"" + texts.get(j).text() + "\"";
                }
                if (texts.get(i).crowds(texts.get(j))) {
                    return "tick labels \"" + texts.get(i).text() + "\" and \"" + texts.get(j).text() + "\" crowd";
                }
            }
        }
        return null;
    }
}
