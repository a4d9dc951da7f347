package org.softmaxlab.model;

/**
 * The Sampling tab's shipped examples: illustrative next-token logits with token strings, made up to show one
 * behaviour each (not taken from a real model).
 */
public final class SamplingExamples {
    /** Tokens of the long flat tail. */
    public static final int TAIL_TOKENS = 50_000;

    private SamplingExamples() {
    }

    /** One row of logits and its tokens. */
    public record Row(double[] logits, String[] tokens) {
    }

    public static Row of(SamplingSource source) {
        return switch (source) {
            case CAPITAL -> new Row(new double[] {9.1, 7.9, 6.2, 5.8, 5.1, 4.4, 3.9, 3.3, 2.9, 2.2, 1.6, 1.1, 0.4, -0.3,
                -1.2, -2.0}, new String[] {" Paris", " the", " a", " Lyon", " France", " not", " located", " one",
                " Marseille", " home", " known", " called", " Europe", " also", " Nice", " big"});
            case CODE -> new Row(new double[] {6.5, 6.1, 4.0, 3.7, 2.5, 2.2, 1.0, 0.2, -0.5, -1.5, -2.5, -3.0},
                new String[] {"(", " in", ":", " =", ".", "_", " range", "[", ",", " and", " #", "\n"});
            case NEAR_TIE -> new Row(new double[] {3.00, 2.98, 2.95, 1.0, 0.5, 0.0, -0.5, -1.0},
                new String[] {" cat", " dog", " fox", " bird", " cow", " hen", " pig", " yak"});
            case FLAT_TAIL -> tail();
            default -> throw new IllegalArgumentException(source + " is not a shipped example");
        };
    }

    /** Five strong tokens over 49,995 near-equal ones: top-k keeps little, top-p must reach deep into the tail. */
    private static Row tail() {
        double[] z = new double[TAIL_TOKENS];
        String[] t = new String[TAIL_TOKENS];
        String[] head = {" yes", " no", " maybe", " perhaps", " never"};
        double[] headLogits = {8.0, 7.5, 7.0, 6.0, 5.5};
        for (int i = 0; i < TAIL_TOKENS; i++) {
            if (i < head.length) {
                z[i] = headLogits[i];
                t[i] = head[i];
            } else {
                // A gentle, deterministic slope with small ripples: a long tail of nearly flat logits.
                z[i] = -0.00002 * i + 0.05 * ((i * 7919 % 101) / 101.0);
                t[i] = " tok" + i;
            }
        }
        return new Row(z, t);
    }
}
