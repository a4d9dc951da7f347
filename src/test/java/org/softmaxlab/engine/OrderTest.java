package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Order's selection against a full sort, on both of its paths (the heap for a few, the copy for many). */
class OrderTest {
    @Test
    void theKthLargestIsTheSortedRowsEntryWithTiesCountedEachTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(trial < 200 ? 50 : 20_000);
            // Few distinct values in half the trials: many ties across the heap's threshold.
            int distinct = trial % 2 == 0 ? 1 + random.nextInt(5) : 1_000_000;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(distinct) - distinct / 2.0 + (distinct > 10 ? random.nextDouble() : 0);
            }
            int[] from = Order.all(n);
            int k = 1 + random.nextInt(Math.min(n, trial % 3 == 0 ? n : 60));
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[n - k], Order.kthLargest(values, from, n, k), "n " + n + ", k " + k);
        }
    }

    @Test
    void topIsTheDescendingOrdersPrefixWithLowerIndicesFirstOnTies() {
        SplittableRandom random = new SplittableRandom(8);
        double[] values = new double[131_072];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(2_000) / 10.0;
        }
        int[] all = Order.descending(values);
        for (int k : new int[] {1, 2, 50, 200, 4096, 20_000}) {
            assertArrayEquals(Arrays.copyOf(all, k), Order.top(values, Order.all(values.length), values.length, k));
        }
    }

    @Test
    void topBeforeAnswersForTheRowAndCountAskedNotTheLastOnes() {
        double[] a = {0.5, 3, 1, 3, -2};
        double[] b = {9, 0, 1, 2, 8};
        assertArrayEquals(new int[] {1, 3, 2}, SamplingChain.topBefore(a, 3));
        assertArrayEquals(new int[] {1, 3}, SamplingChain.topBefore(a, 2), "another count");
        assertArrayEquals(new int[] {0, 4, 3}, SamplingChain.topBefore(b, 3), "another row");
        // An equal row in another array is ranked afresh, and equally.
        assertArrayEquals(SamplingChain.top(a.clone(), 5), SamplingChain.topBefore(a.clone(), 5));
    }
}
