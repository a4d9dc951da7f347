package org.softmaxlab.model;

import org.softmaxlab.engine.Losses;

/** The unit every loss in the app is shown in: nats (natural logarithm, PyTorch's) or bits (log base 2). */
public enum LossUnits {
    NATS("nats", 1.0),
    BITS("bits", Losses.BITS_PER_NAT);

    private final String label;
    private final double perNat;

    LossUnits(String label, double perNat) {
        this.label = label;
        this.perNat = perNat;
    }

    /** "nats" or "bits", as the units picker and the labels say. */
    public String label() {
        return label;
    }

    /** A loss, entropy or gradient in nats, in this unit. */
    public double of(double nats) {
        return nats * perNat;
    }

    public boolean isBits() {
        return this == BITS;
    }

    /** The unit labelled {@code label}. */
    public static LossUnits fromLabel(String label) {
        return "bits".equals(label) ? BITS : NATS;
    }
}
