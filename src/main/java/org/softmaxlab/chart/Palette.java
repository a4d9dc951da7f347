package org.softmaxlab.chart;

import javafx.scene.paint.Color;

/**
 * Class colours for canvases that draw one colour per class (decision regions, scatter points): the Okabe-Ito
 * palette, distinguishable for colour-blind viewers. The same colours are the looked-up {@code -sl-class-N} colours
 * of the CSS, which style the controls.
 */
public final class Palette {
    private static final Color[] CLASSES = {
        Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#56B4E9"), Color.web("#D55E00"), Color.web("#F0E442"), Color.web("#000000")};

    /** How many distinct class colours there are before they repeat. */
    public static final int CLASS_COUNT = CLASSES.length;

    private Palette() {
    }

    /** The colour of class {@code c} (repeats after 8). */
    public static Color classColor(int c) {
        return CLASSES[Math.floorMod(c, CLASS_COUNT)];
    }
}
