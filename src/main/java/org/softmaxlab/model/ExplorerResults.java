package org.softmaxlab.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Information;
import org.softmaxlab.engine.LossCurve;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Softmax;
import org.softmaxlab.engine.Targets;

/**
 * Everything the Explorer shows for one {@link ExplorerState}, computed by {@link #compute} in one go: the views only
 * format and draw these values.
 *
 * @param loss          the engine's result for the whole batch
 * @param selected      the sample being edited
 * @param target        its target class (may be {@link Limits#IGNORE_INDEX})
 * @param logits        its logits
 * @param lossText      the batch loss as shown, or "undefined: ..." when the loss is NaN
 * @param formula       the loss formula with the current numbers substituted
 * @param entropy       entropy of the selected sample's prediction, in nats
 * @param maxEntropy    ln C, the entropy of the uniform prediction
 * @param ghostTarget   the selected sample's (smoothed) target distribution, or null when its target is ignored
 * @param classLabels   a label per class, the target's marked "(y)"
 * @param sampleLabels  a label per sample ("s0", ...)
 * @param listedClasses the classes the numbers panel and the stability table list: all of them, in class order, up to
 *                      {@link Limits#MAX_SLIDER_CLASSES}; beyond that the most probable, most probable first, with
 *                      the target always among them (in place of the last when it is not)
 * @param naive         naive softmax of the selected sample (may hold NaN: the overflow demonstration)
 * @param naiveExp      the naive exponentials exp(z/T) (may hold Infinity)
 * @param curveX        the swept logit's values
 * @param curveY        the batch loss at each
 * @param sweepClass    which class's logit the curve sweeps
 * @param perSampleTitle what the per-sample chart plots and how the batch loss is made from it
 * @param ranking       beyond {@link Limits#MAX_SLIDER_CLASSES} classes, every class by probability (most probable
 *                      first), sorted once for the listed classes and the ranked bars; else null
 * @param dataset       beyond {@link Limits#SAMPLES} samples (an imported batch), the dataset view; else null
 */
public record ExplorerResults(LossResult loss, int selected, int target, double[] logits, String lossText,
                              Formula formula, double entropy, double maxEntropy, double[] ghostTarget,
                              String[] classLabels, String[] sampleLabels, int[] listedClasses,
                              double[] naive, double[] naiveExp, double[] curveX, double[] curveY, int sweepClass,
                              String perSampleTitle, int[] ranking, DatasetSummary dataset) {
    /** Points on the loss curve. */
    static final int CURVE_POINTS = 241;

    /**
     * Evaluates {@code state} with the engine: the batch loss, the selected sample's numbers, the loss curve of its
     * swept logit and the naive softmax beside the stable one.
     *
     * @throws IllegalArgumentException when the engine refuses the state (an edit that was not validated)
     */
    public static ExplorerResults compute(ExplorerState state) {
        double[][] z = state.logits();
        int[] targets = state.targets();
        int s = state.selectedSample();
        CrossEntropyOptions options = state.options();
        CrossEntropyLoss loss = new CrossEntropyLoss(options);
        Targets t = Targets.indices(targets);
        LossResult r = loss.evaluate(z, t);
        int classes = state.classes();
        int y = targets[s];
        double[] row = z[s];
        double[] scaled = new double[classes];
        double[] naiveExp = new double[classes];
        boolean finite = true;
        for (int k = 0; k < classes; k++) {
            scaled[k] = row[k] / options.temperature();
            naiveExp[k] = Math.exp(scaled[k]);
            finite &= Double.isFinite(scaled[k]);
        }
        double[] naive = finite ? Softmax.naiveSoftmax(scaled) : nans(classes);
        int sweep = state.sweepClass();
        double range = Math.max(state.logitRange(), Math.abs(row[sweep]));
        double[] xs = new double[CURVE_POINTS];
        for (int k = 0; k < xs.length; k++) {
            // range * (...) rather than -range + 2 range k/(N-1): no overflow for ranges near Double.MAX_VALUE.
            xs[k] = range * (2.0 * k / (CURVE_POINTS - 1) - 1);
        }
        double[] ys = LossCurve.sweep(loss, z, t, r, s, sweep, xs);
        String lossText = r.isDefined() ? Numbers.fixed4(r.loss()) : r.undefinedReason();
        double[] p = r.probabilities()[s];
        int[] ranking = classes > Limits.MAX_SLIDER_CLASSES ? mostProbable(p, classes) : null;
        return new ExplorerResults(r, s, y, row, lossText, Formula.of(z, targets, options, r),
                Information.entropy(p), Math.log(classes), ghost(y, classes, options.labelSmoothing()),
                classLabels(classes, y), sampleLabels(z.length), listed(ranking, classes, y), naive,
                naiveExp, xs, ys, sweep, perSampleTitle(options, targets), ranking,
                z.length > Limits.SAMPLES.max() ? DatasetSummary.of(z, targets, r, options.ignoreIndex()) : null);
    }

    /**
     * The per-sample chart's title: what each bar is (-w_y ln P_y with weights; smoothed when eps > 0) and how the
     * batch loss comes from the bars (their sum divided by S, or by n, or their sum; none: the bars are the loss).
     */
    static String perSampleTitle(CrossEntropyOptions options, int[] targets) {
        String bar = (options.labelSmoothing() > 0 ? "smoothed " : "") + (options.hasWeight()
                ? "l_n = -w_y ln P_y" : "l_n = -ln P_y");
        double s = 0;
        int n = 0;
        for (int y : targets) {
            if (y != Limits.IGNORE_INDEX) {
                s += options.weightOf(y);
                n++;
            }
        }
        String batch = switch (options.reduction()) {
            case MEAN -> options.hasWeight() ? "loss = \u03a3 l_n / S, S = " + Numbers.editable(s)
                    : "loss = \u03a3 l_n / n, n = " + n;
            case SUM -> "loss = \u03a3 l_n";
            case NONE -> "loss: one per sample";
        };
        return "Per-sample " + bar + "\n" + batch;
    }

    /**
     * How the probability and gradient charts show the classes: in class order up to
     * {@link Limits#MAX_SLIDER_CLASSES}; beyond, ranked by probability (most probable first), which reads at 1000
     * classes. Bar i shows class {@code order()[i]}.
     */
    public record BarView(int[] order, double[] probabilities, double[] gradient, double[] ghost, String[] labels,
                          int targetBar, boolean ranked, String rankNote) {
    }

    /** The bars of the probability and gradient charts (see {@link BarView}). */
    public BarView bars() {
        double[] p = probabilities();
        double[] g = gradient();
        int classes = p.length;
        if (classes <= Limits.MAX_SLIDER_CLASSES) {
            return new BarView(IntStream.range(0, classes).toArray(), p, g, ghostTarget, classLabels, target, false,
                    "");
        }
        int[] order = ranking;
        double[] rp = new double[classes];
        double[] rg = new double[classes];
        double[] rghost = ghostTarget == null ? null : new double[classes];
        String[] labels = new String[classes];
        int targetBar = -1;
        for (int i = 0; i < classes; i++) {
            int c = order[i];
            rp[i] = p[c];
            rg[i] = g[c];
            if (rghost != null) {
                rghost[i] = ghostTarget[c];
            }
            labels[i] = classLabels[c];
            if (c == target) {
                targetBar = i;
            }
        }
        String note = targetBar < 0 ? "ranked" : "ranked, target " + target + " is #" + (targetBar + 1) + " of "
                + classes;
        return new BarView(order, rp, rg, rghost, labels, targetBar, true, note);
    }

    /** Probabilities of the selected sample. */
    public double[] probabilities() {
        return loss.probabilities()[selected];
    }

    /** dL/dlogits of the selected sample. */
    public double[] gradient() {
        return loss.gradient()[selected];
    }

    /** The target distribution with label smoothing eps: (1 - eps) on y plus eps / C everywhere. */
    private static double[] ghost(int y, int classes, double eps) {
        if (y == Limits.IGNORE_INDEX) {
            return null;
        }
        double[] g = new double[classes];
        for (int c = 0; c < classes; c++) {
            g[c] = (c == y ? 1 - eps : 0) + eps / classes;
        }
        return g;
    }

    private static String[] classLabels(int classes, int y) {
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = c == y ? c + " (y)" : Integer.toString(c);
        }
        return names;
    }

    private static String[] sampleLabels(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "s" + i;
        }
        return names;
    }

    /** All classes up to the slider limit; beyond, the most probable of the ranking with the target always in. */
    private static int[] listed(int[] ranking, int classes, int target) {
        if (ranking == null) {
            return IntStream.range(0, classes).toArray();
        }
        int[] top = java.util.Arrays.copyOf(ranking, Limits.MAX_SLIDER_CLASSES);
        if (target != Limits.IGNORE_INDEX && IntStream.of(top).noneMatch(c -> c == target)) {
            top[top.length - 1] = target;
        }
        return top;
    }

    /** The {@code count} most probable classes, most probable first (ties: lower class first). */
    private static int[] mostProbable(double[] p, int count) {
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -p[c]).thenComparing(c -> c))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
