package org.softmaxlab.engine;

/**
 * The reduced loss of a batch as one logit {@code z[sample][cls]} sweeps a range with every other logit fixed.
 *
 * <p>Each sample's loss is {@code -sum_c q_c log p_c = Q * lse(z/T) - sum_c q_c z_c / T} with the weighted target
 * vector q of {@link TargetWeights} and {@code Q = sum_c q_c}, and only {@code lse} and the {@code q_k z_k} term
 * depend on the swept logit, so each point costs O(1) after one O(C) pass. The denominator of the mean does not depend
 * on the logits. The slope of the curve at the current logit is {@code gradient[sample][cls]} of
 * {@link CrossEntropyLoss#evaluate}.
 */
public final class LossCurve {
    private LossCurve() {
    }

    /**
     * @param base   the result of evaluating {@code logits} and {@code targets} with {@code loss}
     * @param values the values the logit takes (finite)
     * @return the reduced loss at each value (NaN everywhere when the loss is undefined)
     * @throws IllegalArgumentException for a sample or class out of range or a non-finite value
     */
    public static double[] sweep(CrossEntropyLoss loss, double[][] logits, Targets targets, LossResult base, int sample,
                                 int cls, double[] values) {
        Checks.require(sample >= 0 && sample < logits.length, "sample " + sample + " is out of range");
        Checks.require(cls >= 0 && cls < logits[sample].length, "class " + cls + " is out of range");
        Checks.finite(values, "values");
        double[] out = new double[values.length];
        if (!base.isDefined()) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        CrossEntropyOptions options = loss.options();
        double t = options.temperature();
        double[] z = logits[sample];
        int classes = z.length;
        double[] q = TargetWeights.of(options, targets, sample, classes);
        double total = 0;
        double qz = 0;
        double otherMax = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            total += q[c];
            if (c != cls) {
                qz += q[c] * (z[c] / t);
                otherMax = Math.max(otherMax, z[c] / t);
            }
        }
        double otherSum = 0;
        for (int c = 0; c < classes; c++) {
            if (c != cls) {
                otherSum += Math.exp(z[c] / t - otherMax);
            }
        }
        double rest = 0;
        for (int i = 0; i < logits.length; i++) {
            if (i != sample) {
                rest += base.perSampleLoss()[i];
            }
        }
        double scale = options.reduction() == Reduction.MEAN ? 1.0 / TargetWeights.meanDenominator(options, targets) : 1.0;
        for (int k = 0; k < values.length; k++) {
            double u = values[k] / t;
            double lse;
            if (classes == 1) {
                lse = u;
            } else {
                double m = Math.max(u, otherMax);
                lse = m + Math.log(Math.exp(u - m) + otherSum * Math.exp(otherMax - m));
            }
            double rowLoss = total * lse - qz - q[cls] * u;
            out[k] = (rest + rowLoss) * scale;
        }
        return out;
    }
}
