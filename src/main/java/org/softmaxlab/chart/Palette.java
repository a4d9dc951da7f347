package org.softmaxlab.chart;

import javafx.scene.paint.Color;

/**
 * The one colour language of the app: class c has one colour everywhere (its chip, its bars, its points and region, its
 * legend entry): the Okabe-Ito palette, distinguishable for colour-blind viewers, for classes 0-7, and a neutral grey
 * beyond (there the target is marked by its outline and its "(y)" label, as everywhere, never by a colour of its own).
 * The same colours are the looked-up {@code -sl-class-N} colours of the CSS, which style the controls. Signs are shown
 * by position against the zero line, not by colour.
 */
public final class Palette {
    private static final Color[] CLASSES = {
        Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#56B4E9"), Color.web("#D55E00"), Color.web("#F0E442"), Color.web("#000000")};

    /** How many distinct class colours there are before they repeat. */
    public static final int CLASS_COUNT = CLASSES.length;

    private Palette() {
    }

    /** Classes past the palette: one neutral grey. */
    public static final Color OTHER_CLASS = Color.web("#9A9A9A");

    /** The CSS style class of a control in class {@code c}'s colour: {@code class-c}, or {@code class-other} from 8. */
    public static String styleClass(int c) {
        return c >= 0 && c < CLASS_COUNT ? "class-" + c : "class-other";
    }

    /** The colour of class {@code c}: Okabe-Ito for 0-7, {@link #OTHER_CLASS} after. */
    public static Color classColor(int c) {
        return c >= 0 && c < CLASS_COUNT ? CLASSES[c] : OTHER_CLASS;
    }
}
