package org.softmaxlab.model;

/** Which keys each query of the Attention tab may not see: none, the later ones, or the cells the user clicked. */
public enum AttentionMask {
    NONE("none"),
    CAUSAL("causal"),
    CLICKED("click cells");

    private final String label;

    AttentionMask(String label) {
        this.label = label;
    }

    /** The choice's text, as {@code #attentionMask} shows it. */
    public String label() {
        return label;
    }
}
