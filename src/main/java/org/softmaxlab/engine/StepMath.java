package org.softmaxlab.engine;

import java.util.Arrays;

/** What the {@link SamplingStep}s share: the tokens in play, the k-th highest score, top-p's cuts, a partial softmax. */
final class StepMath {
    /** Rows up to this many live tokens are cut by top-p in one exact sort; longer ones by value buckets first. */
    static final int EXACT_CUT = 2048;
    /** Value buckets of the long-row top-p cut. */
    static final int BUCKETS = 4096;

    /**
     * Top-p's cut on the live tokens sorted ascending (ties: the higher index first): the prefix whose cumulative
     * probability stays {@code <= limit}, summed token by token as Hugging Face's cumsum does.
     */
    static boolean[] cutSorted(double[] scores, int[] live, double[] probs, double limit) {
        int n = live.length;
        int[] position = new int[scores.length];
        for (int j = 0; j < n; j++) {
            position[live[j]] = j;
        }
        int[] desc = Order.descending(scores, live, n);
        boolean[] removed = new boolean[n];
        double cumulative = 0;
        for (int j = n - 1; j >= 0; j--) {
            int at = position[desc[j]];
            cumulative += probs[at];
            if (cumulative > limit) {
                break;
            }
            removed[at] = true;
        }
        return removed;
    }

    /**
     * The same cut on a long row: the live tokens' probability summed per value bucket from the lowest, the buckets
     * wholly under the limit removed, and only the bucket the limit falls in sorted and summed token by token.
     */
    static boolean[] cutByBuckets(double[] scores, int[] live, double[] probs, double limit) {
        int n = live.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i : live) {
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        double scale = max > min ? (BUCKETS - 1) / (max - min) : 0;
        int[] bucket = new int[n];
        double[] mass = new double[BUCKETS];
        for (int j = 0; j < n; j++) {
            bucket[j] = (int) ((scores[live[j]] - min) * scale);
            mass[bucket[j]] += probs[j];
        }
        double cumulative = 0;
        int edge = 0;
        while (edge < BUCKETS && cumulative + mass[edge] <= limit) {
            cumulative += mass[edge++];
        }
        boolean[] removed = new boolean[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            removed[j] = bucket[j] < edge;
            m += bucket[j] == edge ? 1 : 0;
        }
        // The edge bucket's tokens as positions 0..m-1, sorted descending (ties: lower index), summed from the end.
        int[] at = new int[m];
        double[] edgeScores = new double[m];
        m = 0;
        for (int j = 0; j < n; j++) {
            if (bucket[j] == edge) {
                edgeScores[m] = scores[live[j]];
                at[m++] = j;
            }
        }
        int[] desc = Order.descending(edgeScores, Order.all(m), m);
        for (int j = m - 1; j >= 0; j--) {
            cumulative += probs[at[desc[j]]];
            if (cumulative > limit) {
                break;
            }
            removed[at[desc[j]]] = true;
        }
        return removed;
    }

    /** The k-th highest score among the tokens in play (a removed token is below them all). */
    static double floor(double[] scores, int[] live, int k) {
        if (k > live.length) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k == 1) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i : live) {
                max = Math.max(max, scores[i]);
            }
            return max;
        }
        return Order.kthLargest(scores, live, live.length, k);
    }

    /** Removes every token but {@code kept}. */
    static void keepOnly(double[] scores, int[] kept) {
        boolean[] keep = new boolean[scores.length];
        for (int i : kept) {
            keep[i] = true;
        }
        for (int i = 0; i < scores.length; i++) {
            if (!keep[i]) {
                scores[i] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    static void checkKeep(int minTokensToKeep) {
        Checks.require(minTokensToKeep >= 1,
                "min_tokens_to_keep is " + minTokensToKeep + "; it must be a whole number of at least 1");
    }

    /** The indices of the finite scores, in index order. */
    static int[] live(double[] scores) {
        int n = 0;
        int[] live = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                live[n++] = i;
            }
        }
        return Arrays.copyOf(live, n);
    }

    /** Softmax of {@code scores[order[j]]}, position j by position (the removed tokens, left out, have 0). */
    static double[] probabilities(double[] scores, int[] order) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            max = Math.max(max, scores[i]);
        }
        double[] p = new double[order.length];
        double sum = 0;
        for (int j = 0; j < order.length; j++) {
            p[j] = Exponential.exp(scores[order[j]] - max);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    private StepMath() {
    }
}
