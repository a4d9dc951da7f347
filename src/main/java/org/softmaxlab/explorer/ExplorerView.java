package org.softmaxlab.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.MathView;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.model.Derivation;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.LossUnits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LogSlider;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Explorer tab's controller: binds the controls of {@code ExplorerView.fxml} to an {@link ExplorerViewModel} and
 * shows its {@link ExplorerResults}. No arithmetic happens here; every number shown comes from the view-model.
 */
public final class ExplorerView {

    @FXML private Spinner<Integer> classCount;
    @FXML private CheckBox manyClassesToggle;
    @FXML private javafx.scene.control.Button addConstantButton;
    @FXML private Spinner<Integer> sampleCount;
    @FXML private ChoiceBox<Integer> sampleSelector;
    @FXML private ComboBox<Integer> targetSelector;
    @FXML private ChoiceBox<String> presetChoice;
    @FXML private TextField addConstantField;
    @FXML private Label logitsTitle;
    @FXML private VBox logitRows;
    @FXML private CheckBox weightsEnabled;
    @FXML private VBox weightRows;
    @FXML private Slider temperatureSlider;
    @FXML private TextField temperatureField;
    @FXML private Slider labelSmoothingSlider;
    @FXML private TextField labelSmoothingField;
    @FXML private ChoiceBox<String> reductionChoice;
    @FXML private Label messageLabel;
    @FXML private BarCanvas probabilityChart;
    @FXML private CheckBox logScaleToggle;
    @FXML private BarCanvas gradientChart;
    @FXML private BarCanvas lossChart;
    @FXML private BarCanvas logitChart;
    @FXML private CurveCanvas lossCurve;
    @FXML private ComboBox<Integer> sweepChoice;
    @FXML private Label lossValue;
    @FXML private javafx.scene.layout.BorderPane explorerRoot;
    @FXML private Label bannerLoss;
    @FXML private Label bannerNote;
    @FXML private javafx.scene.layout.GridPane chartGrid;
    /** The narrowest a chart is laid out in presentation mode's row of three. */
    private static final double ROW_CHART_WIDTH = 300;
    @FXML private VBox probabilityBox;
    @FXML private VBox gradientBox;
    @FXML private VBox sampleBox;
    @FXML private VBox curveBox;
    @FXML private Label entropyValue;
    @FXML private Label formulaLabel;
    @FXML private MathView formulaMath;
    @FXML private MathView derivationMath;
    @FXML private javafx.scene.control.TitledPane derivationPane;
    @FXML private Label numbersTitle;
    @FXML private GridPane numbersGrid;
    @FXML private Label stabilityVerdict;
    @FXML private GridPane stabilityGrid;
    @FXML private VBox precisionPanel;

    @FXML private VBox datasetBox;
    @FXML private BarCanvas lossHistogram;
    private DatasetPanel dataset;
    @FXML private CheckBox predictToggle;
    @FXML private javafx.scene.control.Button revealButton;
    @FXML private Label predictVerdict;
    private PredictView predict;
    private final ExplorerViewModel model;
    /** Presentation mode, as the window's one switch says. */
    private final javafx.beans.value.ObservableBooleanValue presenting;
    private ObjectProperty<Integer> classCountValue;
    private ObjectProperty<Integer> sampleCountValue;
    private boolean syncing;
    private Selectors selectors;
    private NumbersPanel numbers;
    private final ClassRows classRows = new ClassRows(this::onCommit);

    private ExplorerView(ExplorerViewModel model, javafx.beans.value.ObservableBooleanValue presenting) {
        this.model = model;
        this.presenting = presenting;
    }

    /** Loads the FXML and returns its root, bound to {@code model}, laid out as {@code presenting} asks. */
    public static Parent load(ExplorerViewModel model, javafx.beans.value.ObservableBooleanValue presenting) {
        return ViewSupport.load(ExplorerView.class, "ExplorerView.fxml", "explorer.css",
                new ExplorerView(model, presenting));
    }

    @FXML
    private void initialize() {
        bindCounts();
        selectors = new Selectors(model, sampleSelector, targetSelector, sweepChoice);
        bindLossOptions();
        showPreset(model.presetProperty().get());
        presetChoice.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && ExplorerPreset.names().contains(b)) {
                model.applyPreset(b);
            }
        });
        model.presetProperty().addListener((o, a, b) -> showPreset(b));
        weightsEnabled.selectedProperty().bindBidirectional(model.weightsEnabledProperty());
        weightRows.visibleProperty().bind(weightsEnabled.selectedProperty());
        weightRows.managedProperty().bind(weightRows.visibleProperty());
        weightsEnabled.selectedProperty().addListener((o, was, on) -> {
            if (on && weightRows.getChildren().isEmpty()) {
                classRows.rebuildWeights(model, weightRows);
            }
        });
        logScaleToggle.selectedProperty().addListener((o, a, b) -> probabilityChart.setLogScale(b));
        model.logits().addListener((ListChangeListener<DoubleProperty>) c -> rebuildClassRows());
        model.messageProperty().addListener((o, a, b) -> messageLabel.setText(b));
        model.resultProperty().addListener((o, a, b) -> show(b));
        model.unitsProperty().addListener((o, a, b) -> show(model.getResult()));
        lossCurve.setAxisNames("z", "L");
        numbers = new NumbersPanel(numbersGrid, stabilityGrid, stabilityVerdict);
        PrecisionPanel.fill(precisionPanel, model.precision());
        derivationPane.expandedProperty().addListener((o, a, b) -> showMath(model.getResult()));
        // The typeset formula takes the theme's text colour: a theme switch (or zoom) lays it out again.
        entropyValue.textFillProperty().addListener((o, a, b) -> showMath(model.getResult()));
        entropyValue.fontProperty().addListener((o, a, b) -> showMath(model.getResult()));
        probabilityChart.setClassColors(true);
        logitChart.setClassColors(true);
        // In presentation mode the probabilities take the whole top row, where the three charts under them still get
        // 300 px each (beside a lesson's text they may not).
        presenting.addListener(o -> arrangeCharts());
        chartGrid.widthProperty().addListener(o -> arrangeCharts());
        logitChart.setOnBarDrag(model::dragLogit);
        dataset = new DatasetPanel(model, datasetBox, lossHistogram, lossChart);
        // A press to release anywhere in the Explorer (a slider or a bar dragged) is one undo step. (On the view's
        // root: its scroll panes take their content as children only once skinned.)
        javafx.scene.Parent root = explorerRoot;
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> model.beginGesture());
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> model.endGesture());
        predict = new PredictView(model, probabilityChart, gradientChart, predictToggle, revealButton, predictVerdict);
        gradientChart.setClassColors(true);
        addHelp();
        rebuildClassRows();
        show(model.getResult());
    }

    /** The presets, then what the state came from when that is not a preset (an example, a file, "Custom"). */
    private void showPreset(String origin) {
        syncing = true;
        try {
            List<String> items = new ArrayList<>(ExplorerPreset.names());
            if (!items.contains(origin)) {
                items.add(origin);
            }
            if (!presetChoice.getItems().equals(items)) {
                presetChoice.getItems().setAll(items);
            }
            presetChoice.setValue(origin);
        } finally {
            syncing = false;
        }
    }

    @FXML
    private void onReset() {
        model.reset();
    }

    @FXML
    private void onAddConstant() {
        showFieldProblem(addConstantField, model.commitAddConstant(addConstantField.getText()));
    }

    private void bindCounts() {
        SpinnerValueFactory.IntegerSpinnerValueFactory classes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Limits.CLASSES.min(), Limits.MAX_SLIDER_CLASSES);
        classes.maxProperty().bind(Bindings.when(model.manyClassesProperty())
                .then(Limits.CLASSES.max()).otherwise(Limits.MAX_SLIDER_CLASSES));
        classes.setConverter(ViewSupport.safeIntegers(classes, messageLabel::setText));
        classCount.setValueFactory(classes);
        classCountValue = model.classCountProperty().asObject();
        classes.valueProperty().bindBidirectional(classCountValue);
        manyClassesToggle.selectedProperty().bindBidirectional(model.manyClassesProperty());

        SpinnerValueFactory.IntegerSpinnerValueFactory samples = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Limits.SAMPLES.min(), Limits.SAMPLES.max());
        // An imported dataset has more samples than the spinner makes: it shows their count and is not edited.
        samples.maxProperty().bind(Bindings.max(Limits.SAMPLES.max(), model.sampleCountProperty()));
        sampleCount.disableProperty().bind(model.sampleCountProperty().greaterThan(Limits.SAMPLES.max()));
        samples.setConverter(ViewSupport.safeIntegers(samples, messageLabel::setText));
        sampleCount.setValueFactory(samples);
        sampleCountValue = model.sampleCountProperty().asObject();
        samples.valueProperty().bindBidirectional(sampleCountValue);
        commitSpinnerOnFocusLoss(classCount);
        commitSpinnerOnFocusLoss(sampleCount);
    }

    private static void commitSpinnerOnFocusLoss(Spinner<Integer> spinner) {
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.increment(0);
                spinner.getEditor().setText(String.valueOf(spinner.getValue()));
            }
        });
    }

    private void bindLossOptions() {
        LogSlider.bind(temperatureSlider, Limits.TEMPERATURE_SLIDER, model.temperatureProperty(), 0.05);
        model.temperatureProperty().addListener((o, a, b) ->
                temperatureField.setText(Numbers.editable(b.doubleValue())));
        temperatureField.setText(Numbers.editable(model.temperatureProperty().get()));
        onCommit(temperatureField, () -> model.commitTemperature(temperatureField.getText()),
                () -> Numbers.editable(model.temperatureProperty().get()));

        labelSmoothingSlider.setMin(Limits.LABEL_SMOOTHING.min());
        labelSmoothingSlider.setMax(Limits.LABEL_SMOOTHING.max());
        labelSmoothingSlider.setBlockIncrement(0.05);
        labelSmoothingSlider.valueProperty().bindBidirectional(model.labelSmoothingProperty());
        labelSmoothingField.setText(Numbers.editable(model.labelSmoothingProperty().get()));
        model.labelSmoothingProperty().addListener((o, a, b) ->
                labelSmoothingField.setText(Numbers.editable(b.doubleValue())));
        onCommit(labelSmoothingField, () -> model.commitLabelSmoothing(labelSmoothingField.getText()),
                () -> Numbers.editable(model.labelSmoothingProperty().get()));

        reductionChoice.getItems().setAll(Arrays.stream(Reduction.values()).map(Reduction::label).toList());
        reductionChoice.setValue(model.reductionProperty().get().label());
        reductionChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.reductionProperty().set(Reduction.parse(b));
            }
        });
        model.reductionProperty().addListener((o, a, b) -> reductionChoice.setValue(b.label()));
    }

    /** Builds one editor row per listed class (logit and weight), with the ids users' tests rely on. */
    private void rebuildClassRows() {
        classRows.rebuild(model, logitRows, weightRows);
    }

    /** Enter or leaving the field commits; a refused entry is marked and explained, and the model keeps its value. */
    private void onCommit(TextField field, java.util.function.Supplier<String> commit,
                          java.util.function.Supplier<String> current) {
        field.setOnAction(e -> {
            String problem = commit.get();
            showFieldProblem(field, problem);
            if (problem == null) {
                field.setText(current.get());
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            // A field whose row was replaced (a new state with other classes) loses focus too: it commits nothing.
            if (!is && field.getScene() != null && !field.getText().equals(current.get())) {
                showFieldProblem(field, commit.get());
            }
        });
    }

    private void showFieldProblem(TextField field, String problem) {
        ViewSupport.setStyleClass(field, "invalid", problem != null);
        if (problem != null) {
            field.setTooltip(new Tooltip(problem));
        } else {
            field.setTooltip(null);
        }
        messageLabel.setText(problem == null ? "" : problem);
    }

    // ---- showing a result ----------------------------------------------------------------------------------

    private void show(ExplorerResults r) {
        if (r == null) {
            return;
        }
        selectors.show(r);
        int y = r.target();
        predict.show(r);
        // One sample: its logits take the per-sample chart's place (z -> P in one glance); more: the per-sample losses.
        boolean single = r.sampleLabels().length == 1;
        logitChart.setVisible(single);
        lossChart.setVisible(!single);
        logitChart.setTitle("Logits z of sample " + r.selected());
        logitChart.setLabels(r.classLabels());
        logitChart.setFixedReach(model.logitRangeProperty().get());
        logitChart.setValues(r.logits(), y, null);
        lossChart.setTitle(r.perSampleTitle());
        lossChart.setLabels(r.sampleLabels());
        lossChart.setValues(r.loss().perSampleLoss(), r.selected(), null);
        dataset.show(r);
        lossCurve.setCurve(r.curveX(), r.curveY(), r.curveX().length);
        lossCurve.setMarker(r.logits()[r.sweepClass()], r.loss().loss(), r.gradient()[r.sweepClass()]);
        lossCurve.setTitle("Loss as z" + r.sweepClass() + " of sample " + r.selected() + " sweeps");

        LossUnits units = model.unitsProperty().get();
        String loss = r.loss().isDefined() ? Numbers.fixed4(units.of(r.loss().loss())) : r.lossText();
        lossValue.setText(loss);
        ViewSupport.setStyleClass(lossValue, "undefined", !r.loss().isDefined());
        lossValue.setAccessibleText("batch loss " + loss + " " + units.label());
        bannerLoss.setText(loss);
        ViewSupport.setStyleClass(bannerLoss, "undefined", !r.loss().isDefined());
        bannerNote.setText(units.label() + ", over " + r.sampleLabels().length + (r.sampleLabels().length == 1
                ? " sample" : " samples"));
        entropyValue.setText("Entropy of sample " + r.selected() + "'s prediction, H(P) = "
                + Numbers.fixed4(units.of(r.entropy())) + " " + units.label() + " (max "
                + Numbers.fixed4(units.of(r.maxEntropy())) + "); the loss is in " + units.label());
        formulaLabel.setText(r.formula().text());
        showMath(r);
        logitsTitle.setText("Logits z of sample " + r.selected());
        numbersTitle.setText("Sample " + r.selected() + ", target " + (y == Limits.IGNORE_INDEX ? "ignored"
                : "class " + y));
        numbers.show(r);
    }

    /**
     * Two by two; in presentation mode, given the width, the probabilities across the top row, the gradient, the
     * per-sample (or logits) chart and the loss curve side by side below it.
     */
    private void arrangeCharts() {
        boolean rowOfThree = presenting.get()
                && chartGrid.getWidth() >= 3 * ROW_CHART_WIDTH + 2 * chartGrid.getHgap();
        if (chartGrid.getColumnConstraints().size() == (rowOfThree ? 3 : 2)) {
            return;
        }
        javafx.scene.layout.ColumnConstraints[] columns = new javafx.scene.layout.ColumnConstraints[rowOfThree ? 3 : 2];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new javafx.scene.layout.ColumnConstraints();
            columns[i].setPercentWidth(100.0 / columns.length);
        }
        chartGrid.getColumnConstraints().setAll(columns);
        javafx.scene.layout.GridPane.setConstraints(probabilityBox, 0, 0, rowOfThree ? 3 : 1, 1);
        javafx.scene.layout.GridPane.setConstraints(gradientBox, rowOfThree ? 0 : 1, rowOfThree ? 1 : 0);
        javafx.scene.layout.GridPane.setConstraints(sampleBox, rowOfThree ? 1 : 0, 1);
        javafx.scene.layout.GridPane.setConstraints(curveBox, rowOfThree ? 2 : 1, 1);
    }

    /** The typeset formula and, when open, the derivation; in the theme's text size and colour. */
    private void showMath(ExplorerResults r) {
        double px = Math.max(14, entropyValue.getFont().getSize() * 1.1);
        javafx.scene.paint.Color ink = entropyValue.getTextFill() instanceof javafx.scene.paint.Color c ? c
                : javafx.scene.paint.Color.web("#1E1E1E");
        formulaMath.setStyle(px, ink);
        // The class colours of the theme, as the charts draw them.
        formulaMath.setLatex(r.formula().latex(c -> hex(probabilityChart.classColor(c)),
                c -> hex(org.softmaxlab.chart.Contrast.textOn(probabilityChart.classColor(c)))));
        formulaMath.setAccessibleText(r.formula().text());
        if (derivationPane.isExpanded()) {
            derivationMath.setStyle(px, ink);
            derivationMath.setLatex(Derivation.latex(model.state(), r));
        }
    }

    /** A colour as LaTeX's {@code #RRGGBB}. */
    private static String hex(javafx.scene.paint.Color c) {
        java.util.HexFormat hex = java.util.HexFormat.of().withUpperCase();
        return "#" + hex.toHexDigits((byte) Math.round(c.getRed() * 255))
                + hex.toHexDigits((byte) Math.round(c.getGreen() * 255))
                + hex.toHexDigits((byte) Math.round(c.getBlue() * 255));
    }

    private void addHelp() {
        Help.set(classCount, "Number of classes C.");
        Help.set(manyClassesToggle, "Allow up to " + Limits.CLASSES.max()
                + " classes with generated logits.");
        Help.set(sampleCount, "Number of samples n in the batch.");
        Help.set(addConstantButton, "Add the number beside it to every logit of the sample: the"
                + " probabilities and the loss stay the same (softmax is shift invariant).");
        Help.set(sampleSelector, "The sample whose logits you are editing.");
        Help.set(targetSelector, "The correct class y of the selected sample.");
        Help.set(presetChoice, "Load a ready-made example.");
        Help.set(weightsEnabled, "Weight each class's loss by w_c (PyTorch's weight argument).");
        Help.set(temperatureSlider, "Temperature T: softmax(z/T); low T sharpens, high T flattens.");
        Help.set(labelSmoothingSlider, "Label smoothing: the target keeps 1-\u03b5 and spreads \u03b5.");
        Help.set(reductionChoice, "How per-sample losses combine: mean, sum or none.");
        Help.set(logScaleToggle, "Show probabilities on a log scale to see tiny ones.");
        temperatureSlider.setAccessibleText("temperature, log scale");
        labelSmoothingSlider.setAccessibleText("label smoothing");
    }
}
