package org.softmaxlab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The optimisers the Training tab offers. */
public enum OptimizerKind {
    SGD("SGD", true),
    ADAM("Adam", false);

    private final String label;
    private final boolean hasMomentum;

    OptimizerKind(String label, boolean hasMomentum) {
        this.label = label;
        this.hasMomentum = hasMomentum;
    }

    /** The name shown to people and written in scenario files. */
    public String label() {
        return label;
    }

    /** Whether the momentum and Nesterov settings apply. */
    public boolean hasMomentum() {
        return hasMomentum;
    }

    /** The kind with that name, case-insensitive ("sgd", "Adam"), if any. */
    public static Optional<OptimizerKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.label.toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
