package org.softmaxlab.engine;

/** Information-theoretic summaries of a probability row. */
public final class Information {
    private Information() {
    }

    /**
     * Entropy {@code H(p) = -sum_i p_i ln p_i} in nats (terms with {@code p_i = 0} contribute 0); between 0 (one-hot)
     * and {@code ln C} (uniform).
     *
     * @throws IllegalArgumentException for an empty row or an entry outside [0, 1]
     */
    public static double entropy(double[] p) {
        Checks.require(p != null && p.length > 0, "probabilities are empty");
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            Checks.require(p[i] >= 0 && p[i] <= 1, "p[" + i + "] = " + p[i] + " is not a probability");
            if (p[i] > 0) {
                h -= p[i] * Math.log(p[i]);
            }
        }
        return h;
    }
}
