package org.softmaxlab.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.LossUnits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.state.StateModel;
import org.softmaxlab.state.UndoHistory;

/**
 * The Explorer as {@code javafx.beans} properties over one immutable {@link ExplorerState} (no scene graph, testable
 * without the toolkit), held by a {@link StateModel} as every tab's is. The state is the only truth: a property set
 * by a control becomes a {@code with...} edit of the state, and each new state is pushed back into the properties and
 * evaluated once by {@link ExplorerResults#compute}; undo remembers the states edits leave. The per-class properties
 * in {@link #logits()} edit the selected sample.
 */
public final class ExplorerViewModel {
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
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper(this, "preset", ExplorerPreset.DEFAULT);
    private final ReadOnlyDoubleWrapper logitRange = new ReadOnlyDoubleWrapper(this, "logitRange");
    private final ReadOnlyDoubleWrapper weightRange = new ReadOnlyDoubleWrapper(this, "weightRange");
    private final ObservableList<DoubleProperty> logits = FXCollections.observableArrayList();
    private final ObservableList<DoubleProperty> weights = FXCollections.observableArrayList();
    /** The one state and its results, computed once per new state; the state's pushes set the properties above. */
    private final StateModel<ExplorerState, ExplorerResults> model =
            new StateModel<>(ExplorerPreset.named(ExplorerPreset.DEFAULT).toState(), ExplorerResults::compute);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The unit of every loss shown in the app (the Losses tab's units switch); the Explorer's loss follows it. */
    private final ObjectProperty<LossUnits> units = new SimpleObjectProperty<>(this, "units", LossUnits.NATS);

    private final UndoHistory<ExplorerState> history = new UndoHistory<>();

    /** Predict, then reveal: over this view-model's state. */
    private final PredictionModel prediction = new PredictionModel(this);

    /** The preset or example the state came from, and its name: the picker shows it until the state differs. */
    private ExplorerState origin;
    private String originName = CUSTOM;

    /** What the preset picker says once the state is no longer the preset or example it came from. */
    public static final String CUSTOM = "Custom";

    private final PrecisionViewModel precision;

    public ExplorerViewModel() {
        onEdit(classCount, c -> s -> s.withShape(s.samples(), maxClasses(c.intValue())));
        onEdit(sampleCount, n -> s -> s.withShape(n.intValue(), s.classes()));
        onEdit(selectedSample, i -> s -> s.withSelectedSample(i.intValue()));
        onEdit(weightsEnabled, on -> s -> s.withWeightsEnabled(on));
        onEdit(temperature, t -> s -> s.withTemperature(t.doubleValue()));
        onEdit(labelSmoothing, eps -> s -> s.withLabelSmoothing(eps.doubleValue()));
        onEdit(reduction, r -> s -> s.withReduction(r));
        onEdit(sweepClass, c -> s -> s.withSweepClass(c.intValue()));
        target.addListener((o, a, b) -> {
            if (!model.pushing() && !model.state().isTarget(b.intValue())) {
                refuse("target " + b + " is not a class (0.." + (model.state().classes() - 1) + ")");
                showAgain();
            } else if (!model.pushing()) {
                edit(s -> s.withTarget(b.intValue()));
            }
        });
        manyClasses.addListener((o, a, b) -> {
            if (!model.pushing() && !b && classCount.get() > Limits.MAX_SLIDER_CLASSES) {
                edit(s -> s.withShape(s.samples(), Limits.MAX_SLIDER_CLASSES));
            }
        });
        // The default preset, shown as loaded (and nothing to undo yet).
        origin = model.state();
        originName = ExplorerPreset.DEFAULT;
        showAgain();
        model.stateProperty().addListener((o, a, next) -> show(next));
        precision = new PrecisionViewModel(stateProperty());
    }

    /** Loads a preset by name (see {@link ExplorerPreset#all()}). */
    public void applyPreset(String name) {
        ExplorerPreset p = ExplorerPreset.named(name);
        load(p.toState(), p.name());
    }

    /** Back to the default preset. */
    public void reset() {
        applyPreset(ExplorerPreset.DEFAULT);
    }

    /** Replaces the whole state at once (a restored session); the picker says {@link #CUSTOM}. */
    public void load(ExplorerState s) {
        load(s, CUSTOM);
    }

    /**
     * Replaces the whole state at once with one that {@code name} produced (a preset, an example, a file); the preset
     * picker shows that name until the state differs from it. "Many classes" follows the class count.
     */
    public void load(ExplorerState s, String name) {
        origin = s;
        originName = name;
        model.whilePushing(() -> manyClasses.set(s.classes() > Limits.MAX_SLIDER_CLASSES));
        message.set("");
        history.remember(model.state());
        setState(s);
    }

    /** A gesture (a slider or a bar dragged from press to release) is one undo step (see UndoHistory). */
    public void beginGesture() {
        history.beginGesture();
    }

    public void endGesture() {
        history.endGesture();
    }

    /** Back to the state before the last step (an edit, a gesture, a preset or a file); false when there is none. */
    public boolean undo() {
        return travel(history.back(model.state()));
    }

    /** Forward again to the state an undo left. */
    public boolean redo() {
        return travel(history.forward(model.state()));
    }

    private boolean travel(ExplorerState to) {
        if (to == null) {
            return false;
        }
        message.set("");
        setState(to);
        return true;
    }

    /**
     * Adds {@code k} to every logit of every sample: softmax, loss and gradient do not change. Refused (with a
     * message) when a logit would overflow.
     */
    public void addToAllLogits(double k) {
        if (!Double.isFinite(k)) {
            message.set("the constant must be a finite number");
        } else if (!model.state().canShiftAllLogits(k)) {
            message.set("adding " + Numbers.editable(k) + " would push a logit past the largest double");
        } else {
            edit(s -> s.withAllLogitsShifted(k));
        }
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
        edit(s -> s.withLogit(c, p.value()));
        return accepted();
    }

    /** A logit dragged on the chart to {@code v} (selected sample, class {@code c}). */
    public void dragLogit(int c, double v) {
        if (Double.isFinite(v)) {
            edit(s -> s.withLogit(c, v));
            message.set("");
        }
    }

    /** A probability bar dragged to {@code p}: the logit of class {@code c} that gives it, the others fixed. */
    public void dragProbability(int c, double p) {
        double z = model.state().logitForProbability(c, p);
        dragLogit(c, z);
    }

    /** Sets the weight of class {@code c} from typed text; negative weights are refused. */
    public String commitWeight(int c, String text) {
        return commitIn("weight " + c, v -> "weights must be " + Numbers.rangeText(Limits.CLASS_WEIGHT) + ", got "
                + Numbers.editable(v), Limits.CLASS_WEIGHT, text, v -> s -> s.withWeight(c, v));
    }

    /** Sets the temperature from typed text; it must be a finite number inside {@link Limits#TEMPERATURE}. */
    public String commitTemperature(String text) {
        return commitIn("temperature", v -> "T must be " + Numbers.rangeText(Limits.TEMPERATURE), Limits.TEMPERATURE,
                text, v -> s -> s.withTemperature(v));
    }

    /** Sets label smoothing from typed text; it must lie in [0, 1]. */
    public String commitLabelSmoothing(String text) {
        return commitIn("label smoothing", v -> "\u03b5 must be " + Numbers.rangeText(Limits.LABEL_SMOOTHING),
                Limits.LABEL_SMOOTHING, text, v -> s -> s.withLabelSmoothing(v));
    }

    /**
     * A typed number for {@code what}, applied by {@code change} when it is finite and inside {@code range}; else
     * refused with the parse error or {@code rule} (given the value). Null when accepted, otherwise the problem.
     */
    private String commitIn(String what, java.util.function.DoubleFunction<String> rule, Limits.Range range,
                            String text,
                            java.util.function.DoubleFunction<UnaryOperator<ExplorerState>> change) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok() || !range.contains(p.value())) {
            return refuse(what + ": " + (p.ok() ? rule.apply(p.value()) : p.error()));
        }
        edit(change.apply(p.value()));
        return accepted();
    }

    /** Parses a constant for {@link #addToAllLogits}; null when accepted. */
    public String commitAddConstant(String text) {
        Numbers.Parsed p = Numbers.parseFinite(text);
        if (!p.ok()) {
            return refuse("constant: " + p.error());
        }
        addToAllLogits(p.value());
        return message.get().isEmpty() ? null : message.get();
    }

    /** The state now. */
    public ExplorerState state() { return model.state(); }

    /** A copy of all logits, samples x classes. */
    public double[][] logitMatrix() { return model.state().logits(); }

    /** A copy of every sample's target. */
    public int[] targets() { return model.state().targets(); }

    /** A copy of the class weights (used only when weighting is on). */
    public double[] weightValues() { return model.state().weights(); }

    /** The options the engine is called with now. */
    public CrossEntropyOptions options() { return model.state().options(); }

    /** When {@code property} is changed by a control (not by a push), applies the edit it stands for. */
    private <T> void onEdit(ObservableValue<T> property, java.util.function.Function<T, UnaryOperator<ExplorerState>>
            editFor) {
        property.addListener((o, a, b) -> {
            if (!model.pushing()) {
                edit(editFor.apply(b));
            }
        });
    }

    private void edit(UnaryOperator<ExplorerState> change) {
        ExplorerState before = model.state();
        if (!model.edit(change)) {
            // Every edit is validated before it reaches the state; should one slip through, it is refused.
            refused();
        } else if (model.state() != before) {
            history.remember(before);
        }
    }

    /** Makes {@code next} the state (a file, a preset, an undo), shown even when it is the state already. */
    private void setState(ExplorerState next) {
        if (next == model.state()) {
            showAgain();
        } else if (!model.edit(s -> next)) {
            refused();
        }
    }

    /** A refused edit: its message shown, and the controls showing the state again. */
    private void refused() {
        message.set(model.refusalProperty().get());
        showAgain();
    }

    /** The state shown again in every property (a control may hold a value the state refused). */
    private void showAgain() {
        model.whilePushing(() -> show(model.state()));
    }

    /** Shows {@code s} in every property (as the state is pushed out); the views follow the properties. */
    private void show(ExplorerState s) {
        sampleCount.set(s.samples());
        classCount.set(s.classes());
        rebuildClassProperties(s.classes());
        selectedSample.set(s.selectedSample());
        double[] z = s.selectedLogits();
        double[] w = s.weights();
        for (int k = 0; k < z.length; k++) {
            logits.get(k).set(z[k]);
            weights.get(k).set(w[k]);
        }
        target.set(s.selectedTarget());
        weightsEnabled.set(s.weightsEnabled());
        temperature.set(s.temperature());
        labelSmoothing.set(s.labelSmoothing());
        reduction.set(s.reduction());
        sweepClass.set(s.sweepClass());
        logitRange.set(s.logitRange());
        weightRange.set(s.weightRange());
        preset.set(s.sameProblemAs(origin) ? originName : CUSTOM);
    }

    /** One logit and one weight property per class; replaced only when C changes. */
    private void rebuildClassProperties(int c) {
        if (logits.size() == c) {
            return;
        }
        List<DoubleProperty> zs = new ArrayList<>(c);
        List<DoubleProperty> ws = new ArrayList<>(c);
        for (int k = 0; k < c; k++) {
            final int cls = k;
            DoubleProperty z = new SimpleDoubleProperty(this, "logit" + k);
            onEdit(z, v -> s -> s.withLogit(cls, v.doubleValue()));
            zs.add(z);
            DoubleProperty w = new SimpleDoubleProperty(this, "weight" + k, 1.0);
            onEdit(w, v -> s -> s.withWeight(cls, v.doubleValue()));
            ws.add(w);
        }
        // Weights first: views rebuild their class rows when the logits list changes.
        weights.setAll(ws);
        logits.setAll(zs);
    }

    private int maxClasses(int requested) {
        return Math.min(requested, manyClasses.get() ? Limits.CLASSES.max() : Limits.MAX_SLIDER_CLASSES);
    }

    private String refuse(String problem) {
        message.set(problem);
        return problem;
    }

    private String accepted() {
        message.set("");
        return null;
    }

    public IntegerProperty classCountProperty() { return classCount; }
    public IntegerProperty sampleCountProperty() { return sampleCount; }
    public IntegerProperty selectedSampleProperty() { return selectedSample; }
    /** The target class of the selected sample. */
    public IntegerProperty targetProperty() { return target; }
    public BooleanProperty weightsEnabledProperty() { return weightsEnabled; }
    /** When on, C may go up to {@link Limits#CLASSES}; logits of new classes are generated (seeded Gaussian). */
    public BooleanProperty manyClassesProperty() { return manyClasses; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public DoubleProperty labelSmoothingProperty() { return labelSmoothing; }
    public ObjectProperty<Reduction> reductionProperty() { return reduction; }
    /** Which class's logit the loss curve sweeps. */
    public IntegerProperty sweepClassProperty() { return sweepClass; }
    /** The preset, example or file the state came from, or {@link #CUSTOM} once it differs from it. */
    public ReadOnlyStringProperty presetProperty() { return preset.getReadOnlyProperty(); }
    /** Half-width of the logit sliders' range; grows to fit typed values. */
    public ReadOnlyDoubleProperty logitRangeProperty() { return logitRange.getReadOnlyProperty(); }
    /** Upper end of the weight sliders' range; grows to fit typed values. */
    public ReadOnlyDoubleProperty weightRangeProperty() { return weightRange.getReadOnlyProperty(); }
    /** One property per class: the selected sample's logits. Replaced when C changes. */
    public ObservableList<DoubleProperty> logits() { return logits; }
    /** One property per class: the class weights. Replaced when C changes. */
    public ObservableList<DoubleProperty> weights() { return weights; }
    public ReadOnlyObjectProperty<ExplorerState> stateProperty() { return model.stateProperty(); }
    /** The precision panel's view-model: it follows the selected sample. */
    public PrecisionViewModel precision() { return precision; }
    public ReadOnlyObjectProperty<ExplorerResults> resultProperty() { return model.displayProperty(); }
    public ExplorerResults getResult() { return model.display(); }
    /** The last refused input, or "". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObjectProperty<LossUnits> unitsProperty() { return units; }
    public PredictionModel prediction() { return prediction; }
    public ReadOnlyBooleanProperty canUndoProperty() { return history.canUndoProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return history.canRedoProperty(); }
}
