package org.softmaxlab.calibration;

/**
 * The held-out figures of one training run against its step, oldest first (the arrays are never changed).
 *
 * @param name what the run is ("cross-entropy", or the race's second loss)
 */
public record CalibrationHistory(String name, double[] steps, double[] ece, double[] nll, double[] accuracy) {
    /** Points kept: older ones are thinned to every other one when the history grows past this. */
    public static final int MAX_POINTS = 2000;

    public static CalibrationHistory empty(String name) {
        return new CalibrationHistory(name, new double[0], new double[0], new double[0], new double[0]);
    }

    public int size() {
        return steps.length;
    }

    /** The last step recorded, or -1. */
    public double lastStep() {
        return steps.length == 0 ? -1 : steps[steps.length - 1];
    }

    /** This history with one more point (thinned to half when it would pass {@link #MAX_POINTS}). */
    public CalibrationHistory plus(double step, double e, double n, double a) {
        double[][] columns = {steps, ece, nll, accuracy};
        double[] point = {step, e, n, a};
        double[][] next = new double[4][];
        boolean thin = steps.length + 1 > MAX_POINTS;
        for (int k = 0; k < 4; k++) {
            double[] old = columns[k];
            int kept = thin ? (old.length + 1) / 2 : old.length;
            double[] c = new double[kept + 1];
            for (int i = 0; i < kept; i++) {
                c[i] = thin ? old[2 * i] : old[i];
            }
            c[kept] = point[k];
            next[k] = c;
        }
        return new CalibrationHistory(name, next[0], next[1], next[2], next[3]);
    }
}
