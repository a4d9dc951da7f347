package org.softmaxlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.RoundedCrossEntropy;
import org.softmaxlab.engine.SoftmaxAlgorithm;

/**
 * Everything the precision panel shows, made from one {@link PrecisionState} by {@link #of}: the selected sample's
 * probabilities, loss and gradient in each format, each probability's error against float64 in the format's units in
 * the last place, the entries that overflowed or underflowed, and the scale at which each format first overflows. A
 * pure function, so the view only binds.
 *
 * @param columns       one per format, float64 first
 * @param rows          the classes shown (at most {@link #ROWS}: the most probable in float64, and the target)
 * @param overflowText  from which scale each format overflows with this algorithm
 * @param verdictText   what the columns show, in words
 */
public record PrecisionDisplay(List<Column> columns, int[] rows, String overflowText, String verdictText) {
    /** Classes listed. */
    public static final int ROWS = 5;

    /** How a value looks: exact to the format's rounding, within a few ulps, far off, or not a number. */
    public enum Grade { EXACT, CLOSE, FAR, BROKEN }

    /**
     * One format's figures.
     *
     * @param firstOverflow the smallest scale at which an entry overflows, or NaN when none does up to the slider's end
     */
    public record Column(Precision format, RoundedCrossEntropy.Result result, String[] probs, Grade[] grades,
                         String loss, String[] grads, double firstOverflow) {
        public double prob(int c) {
            return result.probs()[0][c];
        }

        public boolean overflow(int c) {
            return result.overflow()[0][c];
        }

        public boolean underflow(int c) {
            return result.underflow()[0][c];
        }
    }

    public static PrecisionDisplay of(PrecisionState s) {
        double[] z = s.scaledLogits();
        int[] rows = rows(z, s.target());
        List<Column> columns = new ArrayList<>();
        for (Precision f : Precision.values()) {
            RoundedCrossEntropy.Settings settings = settings(f, s);
            RoundedCrossEntropy.Result r = RoundedCrossEntropy.evaluate(new double[][] {z}, new int[] {s.target()},
                    Limits.IGNORE_INDEX, Reduction.SUM, settings);
            String[] probs = new String[rows.length];
            String[] grads = new String[rows.length];
            Grade[] grades = new Grade[rows.length];
            for (int k = 0; k < rows.length; k++) {
                int c = rows[k];
                double p = r.probs()[0][c];
                probs[k] = mark(short4(p), r.overflow()[0][c], r.underflow()[0][c]);
                grads[k] = short4(r.gradient()[0][c]);
                double ulps = r.ulpError()[0][c];
                grades[k] = !Double.isFinite(p) ? Grade.BROKEN : ulps <= 0.5 ? Grade.EXACT : ulps <= 4 ? Grade.CLOSE
                        : Grade.FAR;
            }
            columns.add(new Column(f, r, probs, grades, short4(r.loss()), grads,
                    firstOverflow(s.logits(), s.target(), settings)));
        }
        return new PrecisionDisplay(List.copyOf(columns), rows, overflowText(columns, s), verdict(columns));
    }

    private static RoundedCrossEntropy.Settings settings(Precision f, PrecisionState s) {
        return new RoundedCrossEntropy.Settings(f, s.float32Sum() ? Precision.FLOAT32 : f, s.algorithm());
    }

    /** The most probable classes in float64 (at most {@link #ROWS}), the target among them. */
    private static int[] rows(double[] z, int target) {
        int n = Math.min(ROWS, z.length);
        int[] top = org.softmaxlab.engine.SamplingChain.top(z, n);
        boolean hasTarget = target < 0 || target >= z.length;
        for (int c : top) {
            hasTarget |= c == target;
        }
        if (!hasTarget) {
            top[n - 1] = target;
        }
        return top;
    }

    /**
     * The smallest scale at which an entry overflows (its rounded logit, difference or exp infinite), found by
     * bisection to 1e-6 relative: overflow only grows with the scale. Only the largest and smallest logits decide it.
     */
    static double firstOverflow(double[] logits, int target, RoundedCrossEntropy.Settings settings) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double[] ends = {max, min};
        java.util.function.DoublePredicate overflows = scale -> {
            double[][] z = {{ends[0] * scale, ends[1] * scale}};
            boolean[] flags = RoundedCrossEntropy.evaluate(z, new int[] {0}, Limits.IGNORE_INDEX, Reduction.SUM,
                    settings).overflow()[0];
            return flags[0] || flags[1];
        };
        double hi = PrecisionState.SCALE.max();
        if (!overflows.test(hi)) {
            return Double.NaN;
        }
        double lo = 0;
        while (hi - lo > 1e-6 * hi) {
            double mid = (lo + hi) / 2;
            if (overflows.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static String overflowText(List<Column> columns, PrecisionState s) {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            parts.add(c.format().label() + (Double.isNaN(c.firstOverflow()) ? " never" : " from \u00d7"
                    + Numbers.decimals(c.firstOverflow(), 3)));
        }
        return s.algorithm().label() + " overflows: " + String.join(", ", parts);
    }

    private static String verdict(List<Column> columns) {
        for (Column c : columns) {
            if (!Double.isFinite(c.result().loss())) {
                return c.format().label() + " breaks: its softmax gives " + short4(c.result().loss())
                        + " for the loss. Try the stable algorithm, or a smaller scale.";
            }
        }
        Column f16 = columns.get(columns.size() - 1);
        for (int k = 0; k < f16.grades().length; k++) {
            if (f16.underflow(k)) {
                return "float16 rounds a probability to 0: its gradient is lost, though the loss looks fine.";
            }
        }
        return "Every format stays finite; colours show each probability's error in its format's ulps.";
    }

    /** A number in at most about 8 characters: 3 significant digits, NaN and the infinities by name. */
    public static String short4(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e4) {
            String t = String.format(Locale.ROOT, "%.4g", v);
            return t.contains(".") ? t.replaceAll("\\.?0+$", "") : t;
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String mark(String text, boolean overflow, boolean underflow) {
        return text + (overflow ? " \u2191" : underflow ? " \u2193" : "");
    }

    /** The algorithms' names for the picker. */
    public static List<SoftmaxAlgorithm> algorithms() {
        return List.of(SoftmaxAlgorithm.values());
    }
}
