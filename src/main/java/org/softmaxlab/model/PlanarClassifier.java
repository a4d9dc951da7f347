package org.softmaxlab.model;

/**
 * A Linear layer on points of the plane, asked for its decision at (x0, x1): the most probable class of
 * softmax((W x + b) / T) and how sure it is. Reuses one scratch row, so the decision-region chart can ask for every
 * pixel without allocating; confined to one thread.
 */
public final class PlanarClassifier {
    /** What {@link #classify} returns where a logit is not finite. */
    public static final int UNDEFINED = -1;
    private final double[][] weight;
    private final double[] bias;
    private final double temperature;
    private final double[] z;
    private double certainty;

    /** @param weight K x 2; @param bias K, or null; @param temperature T > 0 */
    public PlanarClassifier(double[][] weight, double[] bias, double temperature) {
        this.weight = weight;
        this.bias = bias;
        this.temperature = temperature;
        this.z = new double[weight.length];
    }

    public int classes() {
        return weight.length;
    }

    /**
     * The most probable class at (x0, x1) (the first on ties), or {@link #UNDEFINED}; {@link #certainty()} then says
     * how far its probability is from a toss-up.
     */
    public int classify(double x0, double x1) {
        int classes = z.length;
        int best = 0;
        for (int k = 0; k < classes; k++) {
            z[k] = weight[k][0] * x0 + weight[k][1] * x1 + (bias == null ? 0 : bias[k]);
            if (!Double.isFinite(z[k])) {
                return UNDEFINED;
            }
            if (z[k] > z[best]) {
                best = k;
            }
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp((z[k] - z[best]) / temperature);
        }
        double top = 1 / sum;
        certainty = classes == 1 ? 1 : (top - 1.0 / classes) / (1 - 1.0 / classes);
        return best;
    }

    /** For the last defined {@link #classify}: 0 when its top probability is 1/K (a toss-up), 1 when it is 1. */
    public double certainty() {
        return certainty;
    }
}
