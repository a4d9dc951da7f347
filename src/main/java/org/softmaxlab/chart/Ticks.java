package org.softmaxlab.chart;

import java.util.Locale;

/**
 * Axis ticks a reader can trust: on a linear axis steps of 1, 2, 2.5 or 5 times a power of ten, the axis running from
 * one tick to another and every label written with the same decimals; on a count axis (steps, classes) whole numbers
 * only; on a log axis whole decades, labelled 1, 0.1, 0.01 and then 1e-3, 1e-4, ...
 */
final class Ticks {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5};
    /** The most decimals a tick label is written with before it takes a power of ten: 0.0005 is, 0.00025 is not. */
    static final int MOST_DECIMALS = 4;

    private Ticks() {
    }

    /**
     * Evenly spaced tick values with the axis range they span.
     *
     * @param lo       the axis start (the first tick)
     * @param hi       the axis end (the last tick)
     * @param values   the ticks, lo first
     * @param step     the distance between ticks
     * @param decimals decimals every label is written with
     */
    record Scale(double lo, double hi, double[] values, double step, int decimals) {
        /**
         * The label of tick {@code i}. Tiny ticks (finer than {@link #MOST_DECIMALS} decimals, all below 0.001) are
         * written as a mantissa and the power of ten of the largest ("-2.5e-10", "0", "2.5e-10"), not after a dozen
         * zeros; ticks of a small span at an offset (0.1234561) keep their decimals.
         */
        /** Every tick's label, in order. */
        String[] labels() {
            String[] out = new String[values.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = label(k);
            }
            return out;
        }

        String label(int i) {
            if (decimals <= MOST_DECIMALS) {
                return Ticks.format(values[i], decimals);
            }
            double largest = 0;
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
            }
            int exp = (int) Math.floor(Math.log10(largest) + 1e-9);
            if (exp > -MOST_DECIMALS) {
                return Ticks.format(values[i], decimals);
            }
            return values[i] == 0 ? "0"
                    : Ticks.format(values[i] / Math.pow(10, exp), Math.max(0, decimals + exp)) + "e" + exp;
        }
    }

    /** Ticks with their labels. */
    record Labelled(double[] values, String[] labels) {
    }

    /** The ticks (and their labels) that lie in [lo, hi]: an axis on its way to a new range shows those it reaches. */
    static Labelled within(double[] values, String[] labels, double lo, double hi) {
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            if (values[k] >= lo - 1e-12 && values[k] <= hi + 1e-12) {
                kept.add(k);
            }
        }
        double[] v = new double[kept.size()];
        String[] l = new String[kept.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[kept.get(i)];
            l[i] = labels[kept.get(i)];
        }
        return new Labelled(v, l);
    }

    /** At most {@code maxTicks} (at least 3: a range across 0 needs them) nice ticks whose range covers [lo, hi]. */
    static Scale linear(double lo, double hi, int maxTicks) {
        return scale(lo, hi, maxTicks, MANTISSAS, Double.MIN_VALUE);
    }

    /** As {@link #linear}, with whole-number steps (1, 2, 5, 10, 20, 25, 50, ...): step and class axes. */
    static Scale whole(double lo, double hi, int maxTicks) {
        return scale(lo, hi, maxTicks, MANTISSAS, 1);
    }

    private static Scale scale(double lo, double hi, int maxTicks, double[] mantissas, double minStep) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-300) {
            double pad = Math.max(Math.abs(lo) * 0.1, minStep == 1 ? 1 : 1e-12);
            lo -= pad;
            hi += pad;
        }
        int most = Math.max(3, maxTicks);
        double raw = (hi - lo) / (most - 1);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int attempt = 0; attempt < 4; attempt++, power *= 10) {
            for (double m : mantissas) {
                double step = Math.max(m * power, minStep);
                if (minStep == 1 && m == 2.5 && power < 10) {
                    continue;
                }
                double first = Math.floor(lo / step + 1e-9) * step;
                double last = Math.ceil(hi / step - 1e-9) * step;
                double span = (last - first) / step;
                if (!Double.isFinite(first) || !Double.isFinite(last) || !Double.isFinite(span)) {
                    // Near the end of the double range: two ticks at the data's ends.
                    return new Scale(lo, hi, new double[] {lo, hi}, hi - lo, 4);
                }
                int count = (int) Math.round(span) + 1;
                if (count >= 2 && count <= most) {
                    double[] values = new double[count];
                    for (int i = 0; i < count; i++) {
                        values[i] = clean(first + i * step);
                    }
                    return new Scale(values[0], values[count - 1], values, step, decimalsOf(step));
                }
            }
        }
        return new Scale(lo, hi, new double[] {lo, hi}, hi - lo, 4);
    }

    /** Decades from 10^{@code loExp} to 10^{@code hiExp} (exponents), every k-th so that at most maxTicks show. */
    static int[] decades(int loExp, int hiExp, int maxTicks) {
        int span = Math.max(1, hiExp - loExp);
        int every = (int) Math.ceil(span / (double) Math.max(1, maxTicks - 1));
        int count = span / every + 1;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = hiExp - i * every;
        }
        return out;
    }

    /** The label of 10^{@code exp}: "100", "10", "1", "0.1", "0.01", then "1e-3", "1e-4", ... */
    static String decadeLabel(int exp) {
        if (exp >= 0 && exp <= 5) {
            return Long.toString((long) Math.pow(10, exp));
        }
        if (exp < 0 && exp >= -2) {
            return "0." + "0".repeat(-exp - 1) + "1";
        }
        return "1e" + exp;
    }

    /** {@code v} with {@code decimals} decimals, "-0" written as "0". */
    static String format(double v, int decimals) {
        return Double.isFinite(v) ? org.softmaxlab.model.Numbers.fixed(v, decimals)
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A free-standing value (a hover readout): up to 4 significant decimals. */
    static String label(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The decimals a step needs: 0 for 1, 2, 5, 10; 1 for 0.5 and 2.5; 2 for 0.25; ... */
    private static int decimalsOf(double step) {
        for (int d = 0; d <= 12; d++) {
            double scaled = step * Math.pow(10, d);
            if (scaled >= 1 - 1e-9 && Math.abs(scaled - Math.rint(scaled)) < 1e-6 * scaled) {
                return d;
            }
        }
        return 12;
    }

    /** Rounds away the last-bit noise of first + i * step. */
    private static double clean(double v) {
        double r = Math.rint(v * 1e12) / 1e12;
        return Math.abs(r - v) < 1e-9 * Math.max(1, Math.abs(v)) ? r : v;
    }
}
