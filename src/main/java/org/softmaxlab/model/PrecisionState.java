package org.softmaxlab.model;

import org.softmaxlab.engine.SoftmaxAlgorithm;

/**
 * The precision panel's one immutable value: the Explorer's selected sample (its logits divided by the temperature,
 * and its target), and the panel's own settings. Every edit is a {@code with...} copy.
 *
 * @param logits     the selected sample's z / T, in float64
 * @param target     its class index (or ignore_index)
 * @param labels     the class names
 * @param algorithm  how softmax is computed in each format
 * @param float32Sum whether the sum and the division are float32 operations (as GPU kernels do)
 * @param scale      every logit is multiplied by it before it is rounded to a format
 */
public record PrecisionState(double[] logits, int target, String[] labels, SoftmaxAlgorithm algorithm,
                             boolean float32Sum, double scale) {
    /** The scale slider's range (log scale). */
    public static final Limits.Range SCALE = new Limits.Range(0.1, 10_000);

    public PrecisionState {
        if (!(scale >= SCALE.min() && scale <= SCALE.max())) {
            throw new IllegalArgumentException("scale is " + scale + "; choose " + Numbers.rangeText(SCALE));
        }
    }

    /** The panel over an Explorer state, with the settings of {@code old} (or the defaults when null). */
    public static PrecisionState of(ExplorerState e, PrecisionState old) {
        double[] z = e.selectedLogits();
        for (int i = 0; i < z.length; i++) {
            z[i] /= e.temperature();
        }
        String[] labels = new String[z.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.toString(i);
        }
        return old == null ? new PrecisionState(z, e.selectedTarget(), labels, SoftmaxAlgorithm.STABLE, false, 1)
                : new PrecisionState(z, e.selectedTarget(), labels, old.algorithm, old.float32Sum, old.scale);
    }

    public PrecisionState withAlgorithm(SoftmaxAlgorithm a) {
        return new PrecisionState(logits, target, labels, a, float32Sum, scale);
    }

    public PrecisionState withFloat32Sum(boolean on) {
        return new PrecisionState(logits, target, labels, algorithm, on, scale);
    }

    public PrecisionState withScale(double s) {
        return new PrecisionState(logits, target, labels, algorithm, float32Sum, s);
    }

    /** The logits each format is given: z / T times the scale, in float64. */
    public double[] scaledLogits() {
        double[] z = logits.clone();
        for (int i = 0; i < z.length; i++) {
            z[i] *= scale;
        }
        return z;
    }
}
