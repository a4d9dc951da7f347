package org.softmaxlab.engine;

import java.util.Arrays;

/**
 * Stable index orders of a row of doubles, with the tie rule every sampling step shares: equal values keep the lower
 * index first. A row of 131,072 entries is ordered by one primitive sort of long keys (the value rounded to float,
 * then the index), then the rare runs of equal floats are put in exact double order; and the highest few are found
 * by selection, not by sorting the row.
 */
final class Order {
    private Order() {
    }

    /** The indices {@code from[0..n)} by value, largest first; equal values in ascending index order. */
    static int[] descending(double[] values, int[] from, int n) {
        long[] keys = new long[n];
        for (int j = 0; j < n; j++) {
            int i = from[j];
            keys[j] = ((long) ~sortable(values[i]) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = (int) keys[j];
        }
        // Values that round to one float: insertion sort by the doubles, stable, so equal doubles keep index order.
        int start = 0;
        for (int j = 1; j <= n; j++) {
            if (j == n || (keys[j] >>> 32) != (keys[start] >>> 32)) {
                if (j - start > 1) {
                    exact(values, order, start, j);
                }
                start = j;
            }
        }
        return order;
    }

    /** As {@link #descending(double[], int[], int)} over every index of the row. */
    static int[] descending(double[] values) {
        return descending(values, all(values.length), values.length);
    }

    /** The indices {@code from[0..n)} by value, smallest first; equal values in ascending index order. */
    static int[] ascending(double[] values, int[] from, int n) {
        double[] negated = new double[values.length];
        for (int j = 0; j < n; j++) {
            negated[from[j]] = -values[from[j]];
        }
        return descending(negated, from, n);
    }

    /** The {@code k} highest of {@code from[0..n)}, largest first (ties: lower index), without sorting them all. */
    static int[] top(double[] values, int[] from, int n, int k) {
        if (k >= n) {
            return descending(values, from, n);
        }
        double threshold = kthLargest(values, from, n, k);
        int[] candidates = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (values[from[j]] >= threshold) {
                candidates[m++] = from[j];
            }
        }
        return Arrays.copyOf(descending(values, candidates, m), k);
    }

    /**
     * The k-th highest of {@code values[from[0..n)]} (1 <= k <= n), counting equal values each time. A few (the usual
     * top-k of a vocabulary) are kept in a min-heap over one scan, where most entries cost one comparison; many are
     * selected from a copy.
     */
    static double kthLargest(double[] values, int[] from, int n, int k) {
        if (k > HEAP_MAX || (long) k * 8 > n) {
            double[] copy = new double[n];
            for (int j = 0; j < n; j++) {
                copy[j] = values[from[j]];
            }
            return kthLargest(copy, k);
        }
        double[] heap = new double[k];
        for (int j = 0; j < k; j++) {
            heap[j] = values[from[j]];
        }
        for (int j = k / 2 - 1; j >= 0; j--) {
            siftDown(heap, j, heap[j]);
        }
        for (int j = k; j < n; j++) {
            double v = values[from[j]];
            if (v > heap[0]) {
                siftDown(heap, 0, v);
            }
        }
        return heap[0];
    }

    /** The largest k for which {@link #kthLargest(double[], int[], int, int)} keeps a heap. */
    private static final int HEAP_MAX = 4096;

    /** Puts {@code v} at {@code at} of the min-heap and moves it down to its place. */
    private static void siftDown(double[] heap, int at, double v) {
        int i = at;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heap.length) {
                break;
            }
            if (child + 1 < heap.length && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= v) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }

    /** The k-th highest of {@code values} (1 <= k <= length); {@code values} is reordered (quickselect). */
    static double kthLargest(double[] values, int k) {
        int target = values.length - k;
        int lo = 0;
        int hi = values.length - 1;
        java.util.SplittableRandom pivots = new java.util.SplittableRandom(values.length);
        while (lo < hi) {
            double pivot = values[lo + pivots.nextInt(hi - lo + 1)];
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                if (values[i] < pivot) {
                    swap(values, lt++, i++);
                } else if (values[i] > pivot) {
                    swap(values, i, gt--);
                } else {
                    i++;
                }
            }
            if (target < lt) {
                hi = lt - 1;
            } else if (target > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return values[target];
    }

    static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void swap(double[] v, int a, int b) {
        double t = v[a];
        v[a] = v[b];
        v[b] = t;
    }

    /** A float-rounded value as an int whose signed order is the value's order (0 and -0 one key). */
    private static int sortable(double v) {
        int bits = Float.floatToRawIntBits(v == 0 ? 0f : (float) v);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }

    private static void exact(double[] values, int[] order, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            int idx = order[j];
            int k = j - 1;
            while (k >= from && values[order[k]] < values[idx]) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = idx;
        }
    }
}
