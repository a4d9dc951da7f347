package org.softmaxlab.model;

/** Where the Sampling tab's logits come from; {@link #label()} is what the source picker shows. */
public enum SamplingSource {
    LANGUAGE_MODEL("Shakespeare trigram model (type a prompt)"),
    CAPITAL("Example (illustrative): a capital city"),
    CODE("Example (illustrative): code completion"),
    NEAR_TIE("Example (illustrative): a near-tie"),
    FLAT_TAIL("Example (illustrative): a long flat tail, 50,000 tokens"),
    EXPLORER("The Explorer's sample"),
    IMPORTED("Imported logits (File > Import Logits)");

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
