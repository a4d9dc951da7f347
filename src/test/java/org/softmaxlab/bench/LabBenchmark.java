package org.softmaxlab.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.softmaxlab.engine.Calibration;
import org.softmaxlab.engine.SoftmaxAlgorithm;
import org.softmaxlab.model.AttentionDisplay;
import org.softmaxlab.model.AttentionState;
import org.softmaxlab.model.AttentionSweep;
import org.softmaxlab.model.PrecisionDisplay;
import org.softmaxlab.model.PrecisionState;
import org.softmaxlab.model.SamplingDisplay;
import org.softmaxlab.model.SamplingSettings;
import org.softmaxlab.model.SamplingSource;
import org.softmaxlab.model.SamplingState;

/**
 * What one change costs the newer tabs before anything is drawn: the state's display computed from the engine. Each
 * figure is the median of repeated changes after a warm-up, in ms, printed as one JSON line for bench/report.py.
 * (The frame cost of a change, CSS, layout and paint, is UiBenchmark's.)
 */
public final class LabBenchmark {
    private LabBenchmark() {
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        SplittableRandom random = new SplittableRandom(40);
        StringBuilder json = new StringBuilder("{");
        // The precision panel: four formats of a C = 10 sample, per logit change.
        double[] z = random.doubles(10, -3, 3).toArray();
        String[] labels = new String[10];
        Arrays.setAll(labels, Integer::toString);
        double precision = median(quick ? 200 : 2000, i -> {
            z[i % 10] = random.nextDouble(-3, 3);
            PrecisionDisplay.of(new PrecisionState(z.clone(), 0, labels, SoftmaxAlgorithm.STABLE, false, 1));
        });
        json.append(field("precision_panel_c10_ms", precision));
        // Calibration: ECE and the fitted temperature on 1,000,000 x 10 imported rows; a T drag on 100,000 rows.
        Calibration million = synthetic(random, 1_000_000, 10);
        double fit = median(3, i -> {
            // A temperature not asked before: Calibration answers a repeated question from its last two reports.
            million.report(1 + i * 1e-6, 15, Calibration.Binning.UNIFORM);
            million.fitTemperature();
        });
        json.append(", ").append(field("calibration_ece_and_fit_1m_ms", fit));
        Calibration rows = synthetic(random, 100_000, 10);
        double drag = median(quick ? 20 : 60, i -> rows.report(0.5 + i * 0.01, 15, Calibration.Binning.UNIFORM));
        json.append(", ").append(field("calibration_temperature_change_100k_ms", drag));
        // Sampling: a temperature change on a row of 131,072 logits, every step on.
        double[] row = random.doubles(131_072, -10, 10).toArray();
        String[] tokens = new String[row.length];
        Arrays.setAll(tokens, i -> "t" + i);
        SamplingState base = SamplingState.initial().withRow(SamplingSource.IMPORTED, row, tokens, new int[0], "")
                .withSettings(SamplingSettings.NEUTRAL.withTopK(50).withTopP(0.9).withMinP(0.05));
        double sampling = median(quick ? 10 : 40, i -> SamplingDisplay.of(base.withSettings(
                base.settings().withTemperature(0.5 + (i % 20) * 0.05))));
        json.append(", ").append(field("sampling_change_v131072_ms", sampling));
        // Attention: a change of d at 16 tokens (the sweep kept), and the sweep itself.
        AttentionState att = AttentionState.initial().withTokens("a b c d e f g h i j k l m n o p".split(" "));
        AttentionSweep sweep = AttentionSweep.of(att);
        double attention = median(quick ? 50 : 300, i -> AttentionDisplay.of(att.withDim(2 + i % 511), sweep));
        json.append(", ").append(field("attention_change_16_tokens_ms", attention));
        double sweepMs = median(quick ? 5 : 20, i -> AttentionSweep.of(att.withSeed(i)));
        json.append(", ").append(field("attention_sweep_16_tokens_ms", sweepMs));
        System.out.println(json.append("}"));
    }

    private static String field(String name, double ms) {
        return String.format(Locale.ROOT, "\"%s\": %.3f", name, ms);
    }

    /** The median time of {@code runs} calls of {@code change} after as many warm-up calls. */
    private static double median(int runs, IntConsumer change) {
        for (int i = 0; i < runs; i++) {
            change.accept(i);
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            change.accept(i);
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /** n rows of C logits, labels drawn from softmax(z / 2) (an over-confident model). */
    private static Calibration synthetic(SplittableRandom random, int n, int c) {
        double[][] logits = new double[n][c];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double[] p = new double[c];
            for (int k = 0; k < c; k++) {
                logits[i][k] = 3 * random.nextGaussian();
                p[k] = Math.exp(logits[i][k] / 2);
                sum += p[k];
            }
            double u = random.nextDouble() * sum;
            int k = 0;
            while (k < c - 1 && (u -= p[k]) > 0) {
                k++;
            }
            targets[i] = k;
        }
        return new Calibration(logits, targets);
    }
}
