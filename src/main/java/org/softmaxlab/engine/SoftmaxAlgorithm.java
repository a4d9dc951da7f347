package org.softmaxlab.engine;

import java.util.Locale;

/** How softmax and its log are computed, op by op (see {@link RoundedCrossEntropy}). */
public enum SoftmaxAlgorithm {
    /** Subtract the row's maximum, exponentiate, sum, divide; the log of each probability. */
    STABLE,
    /** Exponentiate the logits as they are, sum, divide: overflows where exp(z) does. */
    NAIVE,
    /** The log-sum-exp form: z - max - log(sum(exp(z - max))); the probabilities as exp of it. */
    LOG_SOFTMAX;

    /** "stable", "naive" or "log_softmax" (any case). */
    public static SoftmaxAlgorithm parse(String name) {
        for (SoftmaxAlgorithm a : values()) {
            if (a.label().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("algorithm must be \"stable\", \"naive\" or \"log_softmax\", got \""
                + name + "\"");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
