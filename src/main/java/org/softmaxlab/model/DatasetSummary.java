package org.softmaxlab.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Softmax;

/**
 * The Explorer's dataset view of an imported batch (more than {@link Limits#SAMPLES} samples): the accuracy, a
 * histogram of the per-sample losses and the worst samples by loss.
 *
 * @param samples     n
 * @param counted     samples whose target is not ignored
 * @param accuracy    fraction of the counted samples whose largest logit is the target (NaN when none counts)
 * @param binEdges    the histogram's bin edges (bins + 1, from 0 to the largest loss)
 * @param counts      samples per bin
 * @param worst       the samples with the largest loss, largest first (at most {@link #WORST})
 * @param worstLosses their losses
 */
public record DatasetSummary(int samples, int counted, double accuracy, double[] binEdges, int[] counts,
                             int[] worst, double[] worstLosses) {
    /** Worst samples listed. */
    public static final int WORST = 20;
    /** Histogram bins. */
    public static final int BINS = 20;

    /** The summary of {@code r} for class-index {@code targets} ({@code ignoreIndex}: not counted). */
    public static DatasetSummary of(double[][] logits, int[] targets, LossResult r, int ignoreIndex) {
        int n = targets.length;
        double[] loss = r.perSampleLoss();
        int counted = 0;
        int correct = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (targets[i] == ignoreIndex) {
                continue;
            }
            counted++;
            if (Softmax.argmax(logits[i]) == targets[i]) {
                correct++;
            }
            if (Double.isFinite(loss[i])) {
                max = Math.max(max, loss[i]);
            }
        }
        double top = max > 0 ? max : 1;
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = top * b / BINS;
        }
        int[] counts = new int[BINS];
        for (int i = 0; i < n; i++) {
            if (targets[i] != ignoreIndex && Double.isFinite(loss[i])) {
                counts[Math.min(BINS - 1, (int) (loss[i] / top * BINS))]++;
            }
        }
        int[] order = IntStream.range(0, n).filter(i -> targets[i] != ignoreIndex).boxed()
                .sorted((a, b) -> Double.compare(loss[b], loss[a])).limit(WORST).mapToInt(Integer::intValue)
                .toArray();
        double[] worstLosses = Arrays.stream(order).mapToDouble(i -> loss[i]).toArray();
        return new DatasetSummary(n, counted, counted == 0 ? Double.NaN : (double) correct / counted, edges, counts,
                order, worstLosses);
    }

    /** The histogram's bars as doubles (for a bar chart). */
    public double[] countValues() {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }

    /** Each bin's label: its lower edge. */
    public String[] binLabels() {
        String[] labels = new String[BINS];
        for (int b = 0; b < BINS; b++) {
            labels[b] = b % 5 == 0 ? Numbers.decimals(binEdges[b], 2) : "";
        }
        return labels;
    }
}
