package org.softmaxlab.chart;

/**
 * A bar chart's value axis, linear or log10, from {@code lo} to {@code hi} (in log10 units when log), with its ticks
 * and their labels.
 */
record ValueAxis(double lo, double hi, boolean log, double[] ticks, String[] labels) {
    /** The pixel y of value {@code v} on a plot {@code plotH} high from {@code top}, clamped to the plot. */
    double y(double v, double top, double plotH) {
        double t;
        if (log) {
            t = v <= 0 ? lo : Math.max(lo, Math.log10(v));
        } else {
            t = v;
        }
        double f = (t - lo) / (hi - lo);
        return top + plotH * (1 - Math.max(0, Math.min(1, f)));
    }

    /** The scale's ticks as a linear axis. */
    static ValueAxis linear(Ticks.Scale s) {
        return new ValueAxis(s.lo(), s.hi(), false, s.values(), s.labels());
    }

    /** Probabilities on a log10 axis from 10^-decades to 1, a tick a decade (at most {@code most}). */
    static ValueAxis logProbability(int decades, int most) {
        int[] exps = Ticks.decades(-decades, 0, most);
        double[] ticks = new double[exps.length];
        String[] labels = new String[exps.length];
        for (int k = 0; k < exps.length; k++) {
            ticks[k] = Math.pow(10, exps[k]);
            labels[k] = Ticks.decadeLabel(exps[k]);
        }
        return new ValueAxis(-decades, 0, true, ticks, labels);
    }

    /** A signed axis from -reach to reach (rounded out to nice ticks), its ticks mirrored about 0. */
    static ValueAxis symmetric(double reach, int most) {
        Ticks.Scale half = Ticks.linear(0, reach, Math.max(2, (most + 1) / 2));
        int n = half.values().length;
        double[] ticks = new double[2 * n - 1];
        String[] labels = new String[ticks.length];
        for (int k = 0; k < n; k++) {
            ticks[n - 1 - k] = -half.values()[k];
            ticks[n - 1 + k] = half.values()[k];
            labels[n - 1 - k] = k == 0 ? half.label(0) : "-" + half.label(k);
            labels[n - 1 + k] = half.label(k);
        }
        return new ValueAxis(-half.hi(), half.hi(), false, ticks, labels);
    }
}
