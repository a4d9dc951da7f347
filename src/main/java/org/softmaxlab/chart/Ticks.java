package org.softmaxlab.chart;

/** "Nice" axis ranges and tick labels (1, 2, 5 times a power of ten). */
final class Ticks {
    private Ticks() {
    }

    /** The smallest 1/2/5 x 10^k at least {@code value} (> 0). */
    static double niceCeiling(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= value * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A short label: up to 4 significant decimals, scientific for very small or large magnitudes. */
    static String label(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.0e", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
