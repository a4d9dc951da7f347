package org.softmaxlab.model;

import java.util.Arrays;

/**
 * Points the user drew or imported on the plane, in place of a dataset generated from a seed.
 *
 * @param x      n x 2 coordinates (x0, x1)
 * @param labels n class indices
 */
public record Points(double[][] x, int[] labels) {
    /** Points a dataset may hold (drawn, or imported from CSV). */
    public static final int MAX = 10_000;

    public Points {
        if (x == null || labels == null || x.length != labels.length) {
            throw new IllegalArgumentException("points need one label per point");
        }
        if (x.length > MAX) {
            throw new IllegalArgumentException(x.length + " points; at most " + MAX + " are kept");
        }
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != 2 || !Double.isFinite(x[i][0]) || !Double.isFinite(x[i][1])) {
                throw new IllegalArgumentException("point " + i + " must be two finite coordinates");
            }
            if (labels[i] < 0) {
                throw new IllegalArgumentException("point " + i + " has label " + labels[i] + "; labels are >= 0");
            }
            copy[i] = x[i].clone();
        }
        x = copy;
        labels = labels.clone();
    }

    @Override
    public double[][] x() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return x.length;
    }

    /** The largest label + 1 (0 for no points). */
    public int classesUsed() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** These points with one more. */
    public Points plus(double x0, double x1, int label) {
        double[][] nx = Arrays.copyOf(x(), x.length + 1);
        nx[x.length] = new double[] {x0, x1};
        int[] nl = Arrays.copyOf(labels, labels.length + 1);
        nl[labels.length] = label;
        return new Points(nx, nl);
    }

    /** These points with point {@code i} moved. */
    public Points moved(int i, double x0, double x1) {
        double[][] nx = x();
        nx[i] = new double[] {x0, x1};
        return new Points(nx, labels);
    }

    /** These points without point {@code i}. */
    public Points without(int i) {
        double[][] nx = new double[x.length - 1][];
        int[] nl = new int[x.length - 1];
        for (int k = 0, j = 0; k < x.length; k++) {
            if (k != i) {
                nx[j] = x[k].clone();
                nl[j++] = labels[k];
            }
        }
        return new Points(nx, nl);
    }

    /** The index of the point nearest (x0, x1) within {@code radius}, or -1. */
    public int nearest(double x0, double x1, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < x.length; i++) {
            double d = (x[i][0] - x0) * (x[i][0] - x0) + (x[i][1] - x1) * (x[i][1] - x1);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points p && Arrays.deepEquals(x, p.x) && Arrays.equals(labels, p.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(x) * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Points[" + x.length + "]";
    }
}
