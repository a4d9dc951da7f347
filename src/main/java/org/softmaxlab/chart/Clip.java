package org.softmaxlab.chart;

/** Line segments cut to a rectangle, for a tangent that must stay inside its plot. */
final class Clip {
    private Clip() {
    }

    /** The part of the segment inside the rectangle (Liang-Barsky), or null when none is. */
    static double[] segment(double x1, double y1, double x2, double y2, double minX, double minY, double maxX,
                            double maxY) {
        double t0 = 0;
        double t1 = 1;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 > t1 ? null : new double[] {x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy};
    }
}
