package org.softmaxlab.chart;

/** Text widths in the chart font, each string and size measured once (see {@link PlotCanvas#textWidth}). */
final class TextWidths {
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    /**
     * Widths measured so far, by size and text: a chart measures the same tick labels, class names and titles on
     * every redraw, and a text layout costs more than the bar it labels. Bounded; cleared when full.
     */
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();
    private static final int WIDTHS_KEPT = 512;

    /**
     * The width {@code text} takes at {@code size} px: measured in the chart font, and at least 0.55 em a character,
     * so that a title fitted here also fits where another sans-serif font draws it (an SVG viewer).
     */
    double of(String text, double size) {
        String key = size + "\u0000" + text;
        Double known = widths.get(key);
        if (known != null) {
            return known;
        }
        measure.setText(text);
        measure.setFont(javafx.scene.text.Font.font(size));
        double width = Math.max(measure.getLayoutBounds().getWidth(), 0.55 * size * text.length());
        if (widths.size() >= WIDTHS_KEPT) {
            widths.clear();
        }
        widths.put(key, width);
        return width;
    }
}
