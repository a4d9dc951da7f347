package org.softmaxlab.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.softmaxlab.chart.Numbers;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Information;
import org.softmaxlab.engine.LossCurve;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;

/**
 * The Explorer's state and everything derived from it, as plain {@code javafx.beans} properties (no scene graph,
 * testable without the toolkit). The batch is n samples x C classes of logits with one target each; the per-class
 * properties in {@link #logits()} edit the selected sample. Every change re-evaluates the engine once; changes made
 * together (a preset, a resize) are evaluated once at the end.
 */
public final class ExplorerViewModel {
    public static final int MIN_CLASSES = 2;
    public static final int MAX_SLIDER_CLASSES = 20;
    public static final int MAX_CLASSES = 1000;
    public static final int MAX_SAMPLES = 8;
    public static final double DEFAULT_LOGIT_RANGE = 10;
    public static final double DEFAULT_WEIGHT_RANGE = 10;
    public static final double MIN_TEMPERATURE = 0.05;
    public static final double MAX_TEMPERATURE = 20;
    private static final int CURVE_POINTS = 241;

    private final IntegerProperty classCount = new SimpleIntegerProperty(this, "classCount", 5);
    private final IntegerProperty sampleCount = new SimpleIntegerProperty(this, "sampleCount", 1);
    private final IntegerProperty selectedSample = new SimpleIntegerProperty(this, "selectedSample", 0);
    private final IntegerProperty target = new SimpleIntegerProperty(this, "target", 0);
    private final BooleanProperty weightsEnabled = new SimpleBooleanProperty(this, "weightsEnabled", false);
    private final BooleanProperty manyClasses = new SimpleBooleanProperty(this, "manyClasses", false);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1.0);
    private final DoubleProperty labelSmoothing = new SimpleDoubleProperty(this, "labelSmoothing", 0.0);
    private final ObjectProperty<Reduction> reduction = new SimpleObjectProperty<>(this, "reduction", Reduction.MEAN);
    private final IntegerProperty sweepClass = new SimpleIntegerProperty(this, "sweepClass", 0);
    private final StringProperty preset = new SimpleStringProperty(this, "preset", ExplorerPreset.DEFAULT);
    private final ReadOnlyDoubleWrapper logitRange = new ReadOnlyDoubleWrapper(this, "logitRange",
            DEFAULT_LOGIT_RANGE);
    private final ReadOnlyDoubleWrapper weightRange = new ReadOnlyDoubleWrapper(this, "weightRange",
            DEFAULT_WEIGHT_RANGE);
    private final ObservableList<DoubleProperty> logits = FXCollections.observableArrayList();
    private final ObservableList<DoubleProperty> weights = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExplorerResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private double[][] logitMatrix = new double[0][];
    private int[] targets = new int[0];
    private double[] weightValues = new double[0];
    /** While > 0, changes are being made together: one evaluation happens when it returns to 0. */
    private int batch;

    public ExplorerViewModel() {
        classCount.addListener((o, a, b) -> resize());
        sampleCount.addListener((o, a, b) -> resize());
        manyClasses.addListener((o, a, b) -> {
            if (!b && classCount.get() > MAX_SLIDER_CLASSES) {
                classCount.set(MAX_SLIDER_CLASSES);
            }
        });
        selectedSample.addListener((o, a, b) -> loadSelectedSample());
        target.addListener((o, a, b) -> {
            if (batch == 0 && inRange(selectedSample.get(), targets.length)) {
                int y = b.intValue();
                if (y != CrossEntropyOptions.DEFAULT_IGNORE_INDEX && !inRange(y, classCount.get())) {
                    refuse("target " + y + " is not a class (0.." + (classCount.get() - 1) + ")");
                    target.set(a.intValue());
                    return;
                }
                targets[selectedSample.get()] = y;
                recompute();
            }
        });
        weightsEnabled.addListener((o, a, b) -> recompute());
        temperature.addListener((o, a, b) -> recompute());
        labelSmoothing.addListener((o, a, b) -> recompute());
        reduction.addListener((o, a, b) -> recompute());
        sweepClass.addListener((o, a, b) -> recompute());
        applyPreset(ExplorerPreset.named(ExplorerPreset.DEFAULT));
    }

    // ---- commands ------------------------------------------------------------------------------------------

    /** Loads a preset by name (see {@link ExplorerPreset#all()}). */
    public void applyPreset(String name) {
        applyPreset(ExplorerPreset.named(name));
    }

    void applyPreset(ExplorerPreset p) {
        inBatch(() -> {
            load(p.logits(), p.targets(), p.weights(), p.weights() != null, p.temperature(), p.labelSmoothing(),
                    p.reduction(), 0);
            preset.set(p.name());
        });
    }

    /** Back to the default preset. */
    public void reset() {
        applyPreset(ExplorerPreset.DEFAULT);
    }

    /**
     * Adds {@code k} to every logit of every sample: softmax, loss and gradient do not change. Refused (with a
     * message) when a logit would overflow.
     */
    public void addToAllLogits(double k) {
        if (!Double.isFinite(k)) {
            message.set("the constant must be a finite number");
            return;
        }
        for (double[] row : logitMatrix) {
            for (double v : row) {
                if (!Double.isFinite(v + k)) {
                    message.set("adding " + Numbers.editable(k) + " would push a logit past the largest double");
                    return;
                }
            }
        }
        inBatch(() -> {
            for (double[] row : logitMatrix) {
                for (int c = 0; c < row.length; c++) {
                    row[c] += k;
                }
            }
            widenLogitRange();
            loadSelectedSample();
        });
    }

    /**
     * Sets logit {@code c} of the selected sample from typed text. Returns null when accepted, otherwise the problem
     * (the state is unchanged). A value outside the slider's range widens the range.
     */
    public String commitLogit(int c, String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("logit " + c + ": " + p.error());
        }
        logits.get(c).set(p.value());
        return accepted();
    }

    /** Sets the weight of class {@code c} from typed text; negative weights are refused. */
    public String commitWeight(int c, String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("weight " + c + ": " + p.error());
        }
        if (p.value() < 0) {
            return refuse("weight " + c + ": weights must be >= 0, got " + Numbers.editable(p.value()));
        }
        weights.get(c).set(p.value());
        return accepted();
    }

    /** Sets the temperature from typed text; it must be a finite number > 0. */
    public String commitTemperature(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok() || p.value() <= 0) {
            return refuse("temperature: " + (p.ok() ? "T must be > 0" : p.error()));
        }
        temperature.set(p.value());
        return accepted();
    }

    /** Sets label smoothing from typed text; it must lie in [0, 1]. */
    public String commitLabelSmoothing(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok() || p.value() < 0 || p.value() > 1) {
            return refuse("label smoothing: " + (p.ok() ? "\u03b5 must be in [0, 1]" : p.error()));
        }
        labelSmoothing.set(p.value());
        return accepted();
    }

    /** Parses a constant for {@link #addToAllLogits}; null when accepted. */
    public String commitAddConstant(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("constant: " + p.error());
        }
        addToAllLogits(p.value());
        return accepted();
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /** A copy of all logits, samples x classes. */
    public double[][] logitMatrix() {
        double[][] copy = new double[logitMatrix.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = logitMatrix[i].clone();
        }
        return copy;
    }

    /** A copy of every sample's target. */
    public int[] targets() {
        return targets.clone();
    }

    /** A copy of the class weights (used only when weighting is on). */
    public double[] weightValues() {
        return weightValues.clone();
    }

    /**
     * Replaces the whole state at once (scenario files): logits n x C, one target per sample, C weights (used when
     * {@code weighted}), temperature, smoothing, reduction and the selected sample. The caller has validated them.
     */
    public void load(double[][] z, int[] y, double[] w, boolean weighted, double t, double eps, Reduction r,
                     int selected) {
        inBatch(() -> {
            manyClasses.set(z[0].length > MAX_SLIDER_CLASSES);
            sampleCount.set(z.length);
            classCount.set(z[0].length);
            resize();
            for (int i = 0; i < z.length; i++) {
                logitMatrix[i] = z[i].clone();
            }
            targets = y.clone();
            Arrays.fill(weightValues, 1.0);
            if (w != null) {
                System.arraycopy(w, 0, weightValues, 0, weightValues.length);
            }
            weightsEnabled.set(weighted);
            temperature.set(t);
            labelSmoothing.set(eps);
            reduction.set(r);
            selectedSample.set(selected);
            sweepClass.set(0);
            logitRange.set(DEFAULT_LOGIT_RANGE);
            widenLogitRange();
            loadSelectedSample();
            loadWeights();
            message.set("");
        });
    }

    /** The options the engine is called with now. */
    public CrossEntropyOptions options() {
        return new CrossEntropyOptions(weightsEnabled.get() ? weightValues.clone() : null,
                CrossEntropyOptions.DEFAULT_IGNORE_INDEX, reduction.get(), labelSmoothing.get(), temperature.get());
    }

    // ---- recomputation -------------------------------------------------------------------------------------

    private void inBatch(Runnable changes) {
        batch++;
        try {
            changes.run();
        } finally {
            batch--;
        }
        recompute();
    }

    /** Resizes the batch to the class and sample counts, keeping what fits. */
    private void resize() {
        inBatch(() -> {
            int c = Math.max(MIN_CLASSES, Math.min(classCount.get(), manyClasses.get() ? MAX_CLASSES
                    : MAX_SLIDER_CLASSES));
            int n = Math.max(1, Math.min(sampleCount.get(), MAX_SAMPLES));
            if (c != classCount.get()) {
                classCount.set(c);
            }
            if (n != sampleCount.get()) {
                sampleCount.set(n);
            }
            double[][] z = new double[n][];
            int[] y = new int[n];
            SplittableRandom random = new SplittableRandom(c * 31L + n);
            for (int i = 0; i < n; i++) {
                z[i] = new double[c];
                for (int k = 0; k < c; k++) {
                    boolean known = i < logitMatrix.length && k < logitMatrix[i].length;
                    z[i][k] = known ? logitMatrix[i][k] : c > MAX_SLIDER_CLASSES ? 2 * gaussian(random) : 0.0;
                }
                y[i] = i < targets.length ? Math.min(targets[i], c - 1) : 0;
            }
            double[] w = Arrays.copyOf(weightValues, c);
            for (int k = weightValues.length; k < c; k++) {
                w[k] = 1.0;
            }
            logitMatrix = z;
            targets = y;
            weightValues = w;
            rebuildProperties(c);
            if (selectedSample.get() >= n) {
                selectedSample.set(n - 1);
            }
            if (sweepClass.get() >= c) {
                sweepClass.set(0);
            }
            loadSelectedSample();
            loadWeights();
        });
    }

    private void rebuildProperties(int c) {
        if (logits.size() == c) {
            return;
        }
        List<DoubleProperty> zs = new ArrayList<>(c);
        List<DoubleProperty> ws = new ArrayList<>(c);
        for (int k = 0; k < c; k++) {
            final int cls = k;
            DoubleProperty z = new SimpleDoubleProperty(this, "logit" + k);
            z.addListener((o, a, b) -> {
                if (batch == 0) {
                    logitMatrix[selectedSample.get()][cls] = b.doubleValue();
                    widenLogitRange();
                    recompute();
                }
            });
            zs.add(z);
            DoubleProperty w = new SimpleDoubleProperty(this, "weight" + k, 1.0);
            w.addListener((o, a, b) -> {
                if (batch == 0) {
                    weightValues[cls] = b.doubleValue();
                    if (b.doubleValue() > weightRange.get()) {
                        weightRange.set(Math.ceil(b.doubleValue()));
                    }
                    recompute();
                }
            });
            ws.add(w);
        }
        // Weights first: views rebuild their class rows when the logits list changes.
        weights.setAll(ws);
        logits.setAll(zs);
    }

    private void loadSelectedSample() {
        int s = selectedSample.get();
        if (!inRange(s, logitMatrix.length)) {
            return;
        }
        inBatch(() -> {
            for (int k = 0; k < logits.size(); k++) {
                logits.get(k).set(logitMatrix[s][k]);
            }
            target.set(targets[s]);
        });
    }

    private void loadWeights() {
        inBatch(() -> {
            for (int k = 0; k < weights.size(); k++) {
                weights.get(k).set(weightValues[k]);
            }
            double max = 0;
            for (double w : weightValues) {
                max = Math.max(max, w);
            }
            weightRange.set(Math.max(DEFAULT_WEIGHT_RANGE, Math.ceil(max)));
        });
    }

    private void widenLogitRange() {
        double max = 0;
        for (double[] row : logitMatrix) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max > logitRange.get()) {
            logitRange.set(niceRange(max));
        }
    }

    /** The smallest 1, 2 or 5 x 10^k at least {@code v}, or {@code v} itself near the top of the double range. */
    private static double niceRange(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return Double.isFinite(m * p) ? m * p : v;
            }
        }
        return v;
    }

    private void recompute() {
        if (batch > 0 || logitMatrix.length == 0) {
            return;
        }
        int s = selectedSample.get();
        CrossEntropyOptions options = options();
        CrossEntropyLoss loss = new CrossEntropyLoss(options);
        Targets t = Targets.indices(targets);
        LossResult r;
        try {
            r = loss.evaluate(logitMatrix, t);
        } catch (IllegalArgumentException e) {
            // Every edit is validated before it reaches the batch; should one slip through, keep the last result.
            message.set(e.getMessage());
            return;
        }
        double[] z = logitMatrix[s].clone();
        double[] scaled = new double[z.length];
        double[] naiveExp = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            scaled[k] = z[k] / options.temperature();
            naiveExp[k] = Math.exp(scaled[k]);
        }
        double[] naive = naive(scaled, naiveExp);
        int sweep = Math.min(sweepClass.get(), z.length - 1);
        double range = Math.max(logitRange.get(), Math.abs(z[sweep]));
        double[] xs = new double[CURVE_POINTS];
        for (int k = 0; k < xs.length; k++) {
            // range * (...) rather than -range + 2 range k/(N-1): no overflow for ranges near Double.MAX_VALUE.
            xs[k] = range * (2.0 * k / (CURVE_POINTS - 1) - 1);
        }
        double[] ys = LossCurve.sweep(loss, logitMatrix, t, r, s, sweep, xs);
        String lossText = r.isDefined() ? Numbers.fixed4(r.loss()) : r.undefinedReason();
        result.set(new ExplorerResult(r, s, targets[s], z, lossText, Formula.of(logitMatrix, targets, options, r),
                Information.entropy(r.probabilities()[s]), naive, naiveExp, xs, ys, sweep));
    }

    /** exp(z) / sum exp(z) with no shift: overflows to Infinity and NaN on purpose. */
    private static double[] naive(double[] scaled, double[] exps) {
        boolean finite = true;
        for (double v : scaled) {
            finite &= Double.isFinite(v);
        }
        if (!finite) {
            double[] nan = new double[scaled.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return org.softmaxlab.engine.Softmax.naiveSoftmax(scaled);
    }

    private String refuse(String problem) {
        message.set(problem);
        return problem;
    }

    private String accepted() {
        message.set("");
        return null;
    }

    private static boolean inRange(int i, int length) {
        return i >= 0 && i < length;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public IntegerProperty classCountProperty() {
        return classCount;
    }

    public IntegerProperty sampleCountProperty() {
        return sampleCount;
    }

    public IntegerProperty selectedSampleProperty() {
        return selectedSample;
    }

    /** The target class of the selected sample. */
    public IntegerProperty targetProperty() {
        return target;
    }

    public BooleanProperty weightsEnabledProperty() {
        return weightsEnabled;
    }

    /** When on, C may go up to {@link #MAX_CLASSES}; logits of new classes are generated (seeded Gaussian). */
    public BooleanProperty manyClassesProperty() {
        return manyClasses;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty labelSmoothingProperty() {
        return labelSmoothing;
    }

    public ObjectProperty<Reduction> reductionProperty() {
        return reduction;
    }

    /** Which class's logit the loss curve sweeps. */
    public IntegerProperty sweepClassProperty() {
        return sweepClass;
    }

    /** The name of the preset last applied. */
    public StringProperty presetProperty() {
        return preset;
    }

    /** Half-width of the logit sliders' range; grows to fit typed values. */
    public ReadOnlyDoubleProperty logitRangeProperty() {
        return logitRange.getReadOnlyProperty();
    }

    /** Upper end of the weight sliders' range; grows to fit typed values. */
    public ReadOnlyDoubleProperty weightRangeProperty() {
        return weightRange.getReadOnlyProperty();
    }

    /** One property per class: the selected sample's logits. Replaced when C changes. */
    public ObservableList<DoubleProperty> logits() {
        return logits;
    }

    /** One property per class: the class weights. Replaced when C changes. */
    public ObservableList<DoubleProperty> weights() {
        return weights;
    }

    public ReadOnlyObjectProperty<ExplorerResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ExplorerResult getResult() {
        return result.get();
    }

    /** The last refused input, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
