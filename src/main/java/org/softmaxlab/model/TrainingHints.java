package org.softmaxlab.model;

/**
 * One-line hints about a training run, from its history alone: when the accuracy has stopped rising well short of
 * 100% on points of the plane, the likely reason is that a linear model cannot separate them.
 */
public final class TrainingHints {
    /** Steps without a gain of {@link #GAIN} in accuracy that count as a plateau. */
    public static final int PLATEAU_STEPS = 1000;
    /** A rise in accuracy (a fraction) that counts as progress. */
    public static final double GAIN = 0.005;
    /** At or above this accuracy a plateau needs no explanation. */
    public static final double GOOD_ENOUGH = 0.95;

    private TrainingHints() {
    }

    /**
     * The plateau hint, or "" when there is none.
     *
     * @param steps      the history's step numbers, increasing
     * @param accuracies the accuracy at each (NaN where unknown)
     * @param planar     whether the data are points of the plane (a linear model draws straight boundaries there)
     */
    public static String plateau(double[] steps, double[] accuracies, boolean planar) {
        if (!planar || steps.length == 0) {
            return "";
        }
        double best = Double.NEGATIVE_INFINITY;
        double since = steps[0];
        for (int i = 0; i < steps.length; i++) {
            if (accuracies[i] > best + GAIN) {
                best = accuracies[i];
                since = steps[i];
            }
        }
        double now = accuracies[accuracies.length - 1];
        double last = steps[steps.length - 1];
        if (!(now < GOOD_ENOUGH) || last - since < PLATEAU_STEPS) {
            return "";
        }
        return "Accuracy has stayed near " + Numbers.percent(best) + " for " + Numbers.count(last - since)
                + " steps: a linear model splits the plane with straight lines, and these classes cannot be "
                + "separated that way.";
    }
}
