package org.softmaxlab.chart;

import javafx.scene.paint.Color;

/**
 * WCAG 2 contrast between colours: text on a background is readable for the AA level at a ratio of at least
 * {@link #AA} (1 for the same colour, 21 for black on white).
 */
public final class Contrast {
    /** WCAG AA for normal text. */
    public static final double AA = 4.5;
    /** Pure black: with white it covers every background at AA (a softer grey leaves a band of mid tones). */
    private static final Color DARK_TEXT = Color.BLACK;
    private static final Color LIGHT_TEXT = Color.WHITE;

    private Contrast() {
    }

    /** The contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance (sRGB channels linearised). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** Dark or white text, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        return ratio(DARK_TEXT, background) >= ratio(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
