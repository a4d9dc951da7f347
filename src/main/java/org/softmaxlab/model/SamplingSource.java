package org.softmaxlab.model;

/** Where the Sampling tab's logits come from; {@link #label()} is what the source picker shows. */
public enum SamplingSource {
    LANGUAGE_MODEL("Word model (Shakespeare)"),
    CAPITAL("Example: a capital city"),
    CODE("Example: code completion"),
    NEAR_TIE("Example: a near-tie"),
    FLAT_TAIL("Example: a flat tail, 50,000"),
    EXPLORER("The Explorer's sample"),
    IMPORTED("Imported logits");

    private final String label;

    SamplingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the source is one of the shipped examples. */
    public boolean isExample() {
        return this == CAPITAL || this == CODE || this == NEAR_TIE || this == FLAT_TAIL;
    }

    public static SamplingSource fromLabel(String label) {
        for (SamplingSource s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no sampling source is labelled '" + label + "'");
    }
}
