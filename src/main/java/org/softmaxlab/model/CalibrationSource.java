package org.softmaxlab.model;

/** Where the Calibration tab's logits and targets come from. */
public enum CalibrationSource {
    /** A synthetic model whose logits are twice as sharp as the labels it is scored on. */
    OVERCONFIDENT("Over-confident example"),
    /** A synthetic model whose logits are half as sharp as its labels. */
    UNDERCONFIDENT("Under-confident example"),
    /** The Training tab's current model, scored on fresh points from its dataset's generator. */
    TRAINING("Training tab's model"),
    /** A user's validation set (File > Import Logits on this tab). */
    IMPORTED("Imported logits");

    private final String label;

    CalibrationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
