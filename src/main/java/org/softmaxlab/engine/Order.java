package org.softmaxlab.engine;

/**
 * Stable index orders of a row of doubles, the tie rule every sampling step shares: equal values keep the lower index
 * first. A merge sort on primitive indices, so a row of 262,144 entries is ordered without boxing.
 */
final class Order {
    private Order() {
    }

    /** The indices of {@code values[from[0..n)]} by value, largest first; ties keep the order of {@code from}. */
    static int[] descending(double[] values, int[] from, int n) {
        int[] a = java.util.Arrays.copyOf(from, n);
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // Strictly greater on the right goes first; equal keeps the left (stable).
                    b[k++] = values[a[j]] > values[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** The indices of {@code values[from[0..n)]} by value, smallest first; ties keep the order of {@code from}. */
    static int[] ascending(double[] values, int[] from, int n) {
        double[] negated = new double[values.length];
        for (int i = 0; i < n; i++) {
            negated[from[i]] = -values[from[i]];
        }
        return descending(negated, from, n);
    }
}
