package org.softmaxlab.engine;

/**
 * The one statement of how targets weigh in the loss, shared by {@link CrossEntropyLoss} (its general path and both
 * fast paths) and {@link LossCurve}.
 *
 * <p>Each sample's loss is {@code -sum_c q_c log p_c}. For a class-index target y with weights w and smoothing eps,
 * {@code q_c = (1 - eps) w_y [c = y] + (eps / C) w_c}, and q = 0 for an ignored sample; for a probability row t,
 * {@code q_c = w_c ((1 - eps) t_c + eps / C)}. The mean divides by {@code S = sum w_{y_n}} over the samples not
 * ignored (class indices) or by n (probability rows).
 */
final class TargetWeights {
    private TargetWeights() {
    }

    /** True when no weights, no smoothing and T = 1: the fused rows of {@link CrossEntropyLoss} apply. */
    static boolean isPlain(CrossEntropyOptions options) {
        return !options.hasWeight() && options.labelSmoothing() == 0 && options.temperature() == 1.0;
    }

    /** The share of sample {@code n}'s target in the mean's denominator: w_y, or 0 when it is ignored. */
    static double denominatorShare(CrossEntropyOptions options, int y) {
        return y == options.ignoreIndex() ? 0 : options.weightOf(y);
    }

    /** What the mean divides by for the first {@code n} class-index targets. */
    static double meanDenominator(CrossEntropyOptions options, int[] labels, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += denominatorShare(options, labels[i]);
        }
        return s;
    }

    /** What the mean divides by: S for class indices, n for probability rows. */
    static double meanDenominator(CrossEntropyOptions options, Targets targets) {
        if (targets instanceof Targets.ClassIndices indices) {
            return meanDenominator(options, indices.indices(), indices.size());
        }
        return targets.size();
    }

    /** How many class-index targets are not ignored (probability rows all count). */
    static int counted(CrossEntropyOptions options, Targets targets) {
        if (!(targets instanceof Targets.ClassIndices indices)) {
            return targets.size();
        }
        int count = 0;
        for (int i = 0; i < indices.size(); i++) {
            if (indices.get(i) != options.ignoreIndex()) {
                count++;
            }
        }
        return count;
    }

    /** The vector q of sample {@code sample} (see the class comment). */
    static double[] of(CrossEntropyOptions options, Targets targets, int sample, int classes) {
        double eps = options.labelSmoothing();
        double[] q = new double[classes];
        if (targets instanceof Targets.ClassIndices indices) {
            int y = indices.get(sample);
            if (y == options.ignoreIndex()) {
                return q;
            }
            for (int c = 0; c < classes; c++) {
                q[c] = eps / classes * options.weightOf(c);
            }
            q[y] += (1 - eps) * options.weightOf(y);
        } else {
            Targets.ClassProbabilities p = (Targets.ClassProbabilities) targets;
            for (int c = 0; c < classes; c++) {
                q[c] = options.weightOf(c) * (p.get(sample, c) * (1 - eps) + eps / classes);
            }
        }
        return q;
    }

    /**
     * Throws unless every one of the first {@code n} labels is a class in [0, classes) or the ignore index.
     *
     * @throws IllegalArgumentException naming the first label out of range
     */
    static void checkIndices(CrossEntropyOptions options, int[] labels, int n, int classes) {
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y != options.ignoreIndex() && (y < 0 || y >= classes)) {
                throw new IllegalArgumentException("targets[" + i + "] = " + y + " is out of range: class indices "
                        + "are 0.." + (classes - 1) + " (or ignore_index " + options.ignoreIndex() + ")");
            }
        }
    }
}
