package org.softmaxlab.model;

import java.util.ArrayList;
import java.util.List;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossOutput;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Losses;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Softmax;
import org.softmaxlab.engine.Targets;

/**
 * What the Losses tab shows for the Explorer's state, all from the engine's {@link Losses}: each loss side by side
 * (value and the selected sample's gradient), the saturation curves |dL/dz_y| against p_y, the information view
 * CE = H(Y) + KL(Y || P) and the two-class view (softmax of two logits is the sigmoid of their difference).
 *
 * @param entries     the losses, in the order shown
 * @param saturation  |dL/dz_y| of one sample as its target logit sweeps, per loss
 * @param information the selected sample's cross-entropy split into H(Y) and KL(Y || P)
 * @param binary      the two-class view; {@code applies} is false unless C = 2
 * @param bits        whether every loss and gradient is in bits
 */
public record LossComparison(List<Entry> entries, Saturation saturation, Information information, Binary binary,
                             boolean bits) {

    /** The names of the side-by-side losses (the CLI's, and the {@code #lossValue-<name>} ids). */
    public static final String CROSS_ENTROPY = "cross_entropy";
    public static final String MSE = "mse";
    public static final String MULTI_MARGIN = "multi_margin";
    public static final String FOCAL = "focal";
    public static final String SMOOTHED = "label_smoothing";
    /** Label smoothing of the smoothed cross-entropy when the Explorer has none. */
    public static final double DEFAULT_SMOOTHING = 0.1;

    /**
     * One loss of the side-by-side view.
     *
     * @param name     its id part ({@link #CROSS_ENTROPY}, ...)
     * @param title    what the card says ("MSE on probabilities")
     * @param loss     the reduced loss of the Explorer's batch
     * @param gradient the selected sample's dL/dz
     * @param note     one line about it ("" when nothing to say)
     */
    public record Entry(String name, String title, double loss, double[] gradient, String note) {
    }

    /** The saturation curves: x = p_y, one y array per loss (|dL/dz_y|), and the current point. */
    public record Saturation(double[] probability, List<String> names, List<double[]> gradients,
                             double currentProbability, double[] currentGradients) {
    }

    /**
     * The selected sample: unweighted per-sample cross-entropy = H(Y) + KL(Y || P), with the two distributions KL
     * compares: {@code target} Y (after label smoothing) and {@code probability} P = softmax(z/T).
     */
    public record Information(double crossEntropy, double entropy, double kl, double labelSmoothing, double[] target,
                              double[] probability) {
    }

    /**
     * C = 2: d = (z_1 - z_0) / T, p_1 = sigmoid(d), the cross-entropy and BCE with logits on d (equal), and BCE with
     * the chosen pos_weight.
     */
    public record Binary(boolean applies, double difference, double probability, int target, double crossEntropy,
                         double bce, double posWeight, double bceWithPosWeight, double[] curveD, double[] curveP) {
    }

    /** Computes the view for {@code s}, focal's {@code gamma}, BCE's {@code posWeight}, in bits or nats. */
    public static LossComparison compute(ExplorerState s, double gamma, double posWeight, boolean bits) {
        double[][] z = s.logits();
        int[] y = s.targets();
        int selected = s.selectedSample();
        CrossEntropyOptions explorer = s.options();
        Reduction reduction = explorer.reduction();
        double t = s.temperature();
        CrossEntropyOptions plain = CrossEntropyOptions.defaults().withTemperature(t).withReduction(reduction);
        // mse and multi_margin have no ignore_index: they see the samples that count.
        int[] counted = countedRows(y);
        String left = counted.length < y.length ? "samples with ignored targets left out" : "";
        double[][] zc = rows(z, counted);
        int[] yc = new int[counted.length];
        for (int k = 0; k < counted.length; k++) {
            yc[k] = y[counted[k]];
        }
        int selectedCounted = indexOf(counted, selected);

        List<Entry> entries = new ArrayList<>();
        // Cross-entropy itself (the Explorer's weights, temperature and reduction): the Explorer's smoothing is the
        // next card's, as the saturation curve's cross-entropy is unsmoothed too.
        LossOutput ce = Losses.evaluate(LossSpec.crossEntropy(explorer.withLabelSmoothing(0)).withBits(bits), z,
                Targets.indices(y));
        entries.add(entry(CROSS_ENTROPY, "Cross-entropy", ce, selected, ""));
        double eps = s.labelSmoothing() > 0 ? s.labelSmoothing() : DEFAULT_SMOOTHING;
        LossOutput smoothed = Losses.evaluate(LossSpec.crossEntropy(explorer.withLabelSmoothing(eps)).withBits(bits),
                z, Targets.indices(y));
        entries.add(entry(SMOOTHED, "CE, smoothing " + Numbers.decimals(eps, 2), smoothed, selected,
                "floor H(Y) > 0: never 0, even when right"));
        if (counted.length > 0) {
            LossOutput mse = Losses.evaluate(LossSpec.of(LossKind.MSE, plain).withBits(bits), zc,
                    Targets.indices(yc));
            entries.add(entry(MSE, "MSE of P", mse, selectedCounted, left));
            CrossEntropyOptions hinge = explorer.hasWeight() ? plain.withWeight(explorer.weight()) : plain;
            LossOutput margin = Losses.evaluate(LossSpec.of(LossKind.MULTI_MARGIN, hinge).withBits(bits), zc,
                    Targets.indices(yc));
            entries.add(entry(MULTI_MARGIN, "Multi-margin", margin, selectedCounted,
                    onKink(zc, yc, t) ? "on a kink: a hinge is exactly 0 and counts 0, as in PyTorch" : left));
        }
        CrossEntropyOptions alpha = explorer.withLabelSmoothing(0);
        LossOutput focal = Losses.evaluate(LossSpec.of(LossKind.FOCAL, alpha).withGamma(gamma).withBits(bits), z,
                Targets.indices(y));
        entries.add(entry(FOCAL, "Focal, \u03b3 " + Numbers.decimals(gamma, 1), focal, selected,
                gamma == 0 ? "gamma 0: cross-entropy itself" : ""));

        double[] row = s.selectedLogits();
        int target = s.selectedTarget();
        Saturation saturation = target < 0 ? null : saturation(row, target, t, gamma, bits);
        Information information = target < 0 ? null : information(row, target, t, s.labelSmoothing(), bits);
        return new LossComparison(List.copyOf(entries), saturation, information,
                binary(row, target, t, posWeight, bits), bits);
    }

    /** Cross-entropy = H(Y) + KL(Y || P) for one row and its target, smoothed by {@code smoothing}. */
    private static Information information(double[] row, int target, double t, double smoothing, boolean bits) {
        CrossEntropyOptions single = CrossEntropyOptions.defaults().withTemperature(t)
                .withLabelSmoothing(smoothing).withReduction(Reduction.NONE);
        Targets targetOfRow = Targets.indices(target);
        LossOutput one = Losses.evaluate(LossSpec.crossEntropy(single).withBits(bits), new double[][] {row},
                targetOfRow);
        return new Information(one.perSampleLoss()[0], one.targetEntropy()[0], one.kl()[0], smoothing,
                Losses.targetRow(targetOfRow, 0, row.length, single), one.probabilities()[0]);
    }

    /** The entry named {@code name}, if shown. */
    public java.util.Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Entry entry(String name, String title, LossOutput out, int row, String note) {
        double[] g = row >= 0 ? out.gradient()[row] : new double[out.gradient()[0].length];
        return new Entry(name, title, out.loss(), g, note);
    }

    /** Points of the sweep: p_y from 0.0005 to 0.9995 (a smooth curve at any chart width; each costs 4 losses). */
    static final int SWEEP_POINTS = 101;

    private static Saturation saturation(double[] row, int y, double t, double gamma, boolean bits) {
        CrossEntropyOptions one = CrossEntropyOptions.defaults().withTemperature(t);
        List<String> names = List.of(CROSS_ENTROPY, MSE, MULTI_MARGIN, FOCAL);
        List<LossSpec> specs = List.of(LossSpec.crossEntropy(one).withBits(bits),
                LossSpec.of(LossKind.MSE, one).withBits(bits), LossSpec.of(LossKind.MULTI_MARGIN, one).withBits(bits),
                LossSpec.of(LossKind.FOCAL, one).withGamma(gamma).withBits(bits));
        double[] current = new double[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            current[k] = Math.abs(Losses.evaluate(specs.get(k), new double[][] {row},
                    Targets.indices(y)).gradient()[0][y]);
        }
        // The curves do not depend on the target's own logit: dragging it (the usual gesture here) moves only the
        // current point, and the 404 evaluations of the sweep are the last ones.
        SweepKey key = new SweepKey(withoutTarget(row, y), y, t, gamma, bits);
        Sweep sweep = lastSweep;
        if (sweep == null || !sweep.key().equals(key)) {
            sweep = sweep(key, row, specs);
            lastSweep = sweep;
        }
        return new Saturation(sweep.probability(), names, sweep.gradients(), Softmax.softmax(row, t)[y], current);
    }

    /** |dL/dz_y| of each loss at {@link #SWEEP_POINTS} values of p_y, the other logits held. */
    private static Sweep sweep(SweepKey key, double[] row, List<LossSpec> specs) {
        int y = key.target();
        double t = key.temperature();
        // The target logit that gives p_y = p: z_y = T (logit(p) + logsumexp_{c != y}(z_c / T)).
        double rest = restLogSumExp(row, y, t);
        double[] p = new double[SWEEP_POINTS];
        List<double[]> curves = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            curves.add(new double[SWEEP_POINTS]);
        }
        for (int i = 0; i < SWEEP_POINTS; i++) {
            double q = 0.0005 + 0.999 * i / (SWEEP_POINTS - 1);
            double[] z = row.clone();
            z[y] = t * (Math.log(q / (1 - q)) + rest);
            p[i] = Softmax.softmax(z, t)[y];
            for (int k = 0; k < specs.size(); k++) {
                curves.get(k)[i] = Math.abs(Losses.evaluate(specs.get(k), new double[][] {z},
                        Targets.indices(y)).gradient()[0][y]);
            }
        }
        return new Sweep(key, p, List.copyOf(curves));
    }

    private static double[] withoutTarget(double[] row, int y) {
        double[] rest = row.clone();
        rest[y] = 0;
        return rest;
    }

    /** What the saturation curves depend on. */
    private record SweepKey(double[] others, int target, double temperature, double gamma, boolean bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SweepKey k && java.util.Arrays.equals(others, k.others) && target == k.target
                    && Double.compare(temperature, k.temperature) == 0 && Double.compare(gamma, k.gamma) == 0
                    && bits == k.bits;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(others) * 31 + target;
        }
    }

    private record Sweep(SweepKey key, double[] probability, List<double[]> gradients) {
    }

    /** The last sweep made (the Losses tab asks on the FX thread; a stale read only costs a recomputation). */
    private static volatile Sweep lastSweep;

    private static double restLogSumExp(double[] row, int y, double t) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < row.length; c++) {
            if (c != y) {
                m = Math.max(m, row[c] / t);
            }
        }
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
            if (c != y) {
                sum += Math.exp(row[c] / t - m);
            }
        }
        return m + Math.log(sum);
    }

    private static Binary binary(double[] row, int target, double t, double posWeight, boolean bits) {
        if (row.length != 2 || target < 0) {
            return new Binary(false, Double.NaN, Double.NaN, target, Double.NaN, Double.NaN, posWeight, Double.NaN,
                    new double[0], new double[0]);
        }
        double d = (row[1] - row[0]) / t;
        LossOutput ce = Losses.evaluate(LossSpec.crossEntropy(CrossEntropyOptions.defaults().withTemperature(t))
                .withBits(bits), new double[][] {row}, Targets.indices(target));
        Targets label = Targets.probabilities(new double[][] {{target}});
        LossSpec bce = LossSpec.of(LossKind.BCE_WITH_LOGITS, CrossEntropyOptions.defaults()).withBits(bits);
        double plainBce = Losses.evaluate(bce, new double[][] {{d}}, label).loss();
        double weighted = Losses.evaluate(bce.withPosWeight(new double[] {posWeight}), new double[][] {{d}}, label)
                .loss();
        // The logistic curve over a range that holds d: the sigmoid is the two-class softmax.
        double reach = Math.max(8, Math.ceil(Math.abs(d) + 1));
        double[] curveD = new double[SWEEP_POINTS];
        double[] curveP = new double[SWEEP_POINTS];
        for (int i = 0; i < SWEEP_POINTS; i++) {
            curveD[i] = -reach + 2 * reach * i / (SWEEP_POINTS - 1);
            curveP[i] = Losses.sigmoid(curveD[i]);
        }
        return new Binary(true, d, Losses.sigmoid(d), target, ce.loss(), plainBce, posWeight, weighted, curveD,
                curveP);
    }

    private static boolean onKink(double[][] z, int[] y, double t) {
        for (int i = 0; i < z.length; i++) {
            for (int c = 0; c < z[i].length; c++) {
                if (c != y[i] && 1.0 - z[i][y[i]] / t + z[i][c] / t == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] countedRows(int[] y) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] != Limits.IGNORE_INDEX).toArray();
    }

    private static double[][] rows(double[][] z, int[] which) {
        double[][] out = new double[which.length][];
        for (int k = 0; k < which.length; k++) {
            out[k] = z[which[k]];
        }
        return out;
    }

    private static int indexOf(int[] a, int v) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == v) {
                return k;
            }
        }
        return -1;
    }
}
