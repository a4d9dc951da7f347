package org.softmaxlab.model;

import org.softmaxlab.engine.Calibration;

/**
 * Everything the Calibration tab shows is a function of this one immutable value: the validation set (logits and
 * targets, held by an engine {@link Calibration}), where it came from, its fitted temperature (found once per data),
 * the binning and the temperature the diagram is drawn at. Every edit is a {@code with...} copy.
 *
 * @param data         the rows being scored
 * @param fit          the NLL-minimising temperature of {@code data}, or why there is none
 * @param name         what the rows are, in words ("5,000 synthetic rows ...")
 * @param heldOutShare the Training source's held-out points as a share of its training points
 */
public record CalibrationState(CalibrationSource source, Calibration data, Calibration.Fit fit, String name, int bins,
                               Calibration.Binning binning, double temperature, double heldOutShare) {
    /** Bins' count the user can choose. */
    public static final Limits.IntRange BINS = new Limits.IntRange(1, 100);
    /** The temperature slider's range. */
    public static final Limits.Range TEMPERATURE = new Limits.Range(0.05, 20);
    /** The held-out share's range. */
    public static final Limits.Range HELD_OUT = new Limits.Range(0.1, 2);

    public CalibrationState {
        if (bins < BINS.min() || bins > BINS.max()) {
            throw new IllegalArgumentException("bins is " + bins + "; choose " + BINS.min() + " to " + BINS.max());
        }
        if (binning == Calibration.Binning.ADAPTIVE && bins > data.rows()) {
            throw new IllegalArgumentException("bins is " + bins + " but there are " + data.rows()
                    + " rows: adaptive bins need at least one row each");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature is " + temperature + "; it must be a positive number");
        }
    }

    /** The tab's first state: the over-confident example, 15 uniform bins, T = 1. */
    public static CalibrationState initial() {
        return example(CalibrationSource.OVERCONFIDENT, 15, Calibration.Binning.UNIFORM, 0.5);
    }

    /** An example source's data with these settings, at T = 1. */
    public static CalibrationState example(CalibrationSource source, int bins, Calibration.Binning binning,
                                           double heldOutShare) {
        CalibrationExamples.Data d = CalibrationExamples.of(source);
        String why = source == CalibrationSource.OVERCONFIDENT
                ? "labels drawn from softmax(z / 2): the model's softmax(z) is too sure"
                : "labels drawn from softmax(2z): the model's softmax(z) is too unsure";
        Calibration c = new Calibration(d.logits(), d.targets());
        return new CalibrationState(source, c, c.fitTemperature(), Numbers.count(d.targets().length)
                + " synthetic rows of " + CalibrationExamples.CLASSES + " classes, " + why, bins, binning, 1,
                heldOutShare);
    }

    /** New rows from {@code newSource}; a fresh fit goes with them, the temperature back to 1. */
    public CalibrationState withData(CalibrationSource newSource, Calibration newData, Calibration.Fit newFit,
                                     String newName) {
        int b = binning == Calibration.Binning.ADAPTIVE ? Math.min(bins, newData.rows()) : bins;
        return new CalibrationState(newSource, newData, newFit, newName, b, binning, 1, heldOutShare);
    }

    /** The same source's rows recomputed (a training step): the temperature stays. */
    public CalibrationState withRows(Calibration newData, Calibration.Fit newFit, String newName) {
        int b = binning == Calibration.Binning.ADAPTIVE ? Math.min(bins, newData.rows()) : bins;
        return new CalibrationState(source, newData, newFit, newName, b, binning, temperature, heldOutShare);
    }

    public CalibrationState withBins(int b) {
        return new CalibrationState(source, data, fit, name, b, binning, temperature, heldOutShare);
    }

    public CalibrationState withBinning(Calibration.Binning b) {
        return new CalibrationState(source, data, fit, name, bins, b, temperature, heldOutShare);
    }

    public CalibrationState withTemperature(double t) {
        return new CalibrationState(source, data, fit, name, bins, binning, t, heldOutShare);
    }

    public CalibrationState withHeldOutShare(double share) {
        return new CalibrationState(source, data, fit, name, bins, binning, temperature, share);
    }
}
