package org.softmaxlab.model;

/** What multiplies q k^T on the Attention tab: the transformer's 1/sqrt(d), none, or the user's number. */
public enum AttentionScale {
    INVERSE_SQRT_D("1/sqrt(d)"),
    ONE("1"),
    SLIDER("slider");

    private final String label;

    AttentionScale(String label) {
        this.label = label;
    }

    /** The choice's text, as {@code #attentionScale} shows it. */
    public String label() {
        return label;
    }
}
