package org.softmaxlab.training;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.ParameterTable;
import org.softmaxlab.model.RaceVariant;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LogSlider;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Training tab's controller: binds {@code TrainingView.fxml} to a {@link TrainingViewModel} and draws its newest
 * snapshot once per pulse (an {@link AnimationTimer} asks the view-model for it; training never waits for the UI).
 */
public final class TrainingView {
    @FXML private Button playButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private TextField stopLossField;
    @FXML private TextField stopStepsField;
    @FXML private ChoiceBox<String> datasetChoice;
    @FXML private Spinner<Integer> classesSpinner;
    @FXML private Spinner<Integer> perClassSpinner;
    @FXML private Slider noiseSlider;
    @FXML private Spinner<Integer> dataSeedSpinner;
    @FXML private CheckBox biasToggle;
    @FXML private Label seedLabel;
    @FXML private ChoiceBox<String> optimizerChoice;
    @FXML private Slider lrSlider;
    @FXML private TextField lrField;
    @FXML private Slider momentumSlider;
    @FXML private CheckBox nesterovToggle;
    @FXML private Slider weightDecaySlider;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private CheckBox trainWeightsEnabled;
    @FXML private TextField classWeightsField;
    @FXML private Slider trainLabelSmoothingSlider;
    @FXML private Slider trainTemperatureSlider;
    @FXML private Label stepValue;
    @FXML private Label trainLossValue;
    @FXML private Label accuracyValue;
    @FXML private Label gradNormValue;
    @FXML private Label rateValue;
    @FXML private Label trainingMessage;
    @FXML private Button resetLowerLrButton;
    @FXML private Label trainingHint;
    @FXML private CurveCanvas lossHistoryChart;
    @FXML private ChoiceBox<String> trainingPrecision;
    @FXML private ChoiceBox<String> lossScale;
    @FXML private CheckBox masterWeights;
    @FXML private Label formatRunNote;
    @FXML private CheckBox lossLogScale;
    @FXML private DecisionRegionCanvas decisionRegions;
    @FXML private HBox regionsRow;
    @FXML private HBox messageRow;
    @FXML private HBox bottomSwitch;
    @FXML private javafx.scene.control.ToggleButton weightsViewToggle;
    @FXML private javafx.scene.control.ToggleButton logViewToggle;
    @FXML private StackPane weightsCell;
    @FXML private StackPane logCell;
    @FXML private VBox logBox;
    @FXML private BarCanvas logitBars;
    @FXML private BarCanvas probabilityBars;
    @FXML private HeatMapCanvas weightHeatMap;
    @FXML private ListView<String> trainingLog;
    @FXML private VBox stagesBox;
    @FXML private javafx.scene.layout.HBox drawRow;
    @FXML private ChoiceBox<String> drawClassChoice;
    @FXML private Button clearPointsButton;
    @FXML private Label drawHint;
    @FXML private CheckBox raceToggle;
    @FXML private ChoiceBox<RaceVariant> raceLossChoice;
    @FXML private DecisionRegionCanvas raceRegions;
    @FXML private Slider historySlider;
    @FXML private Label historyLabel;

    private final TrainingViewModel model;
    /** Presentation mode, as the window's one switch says: the keys then work from every tab. */
    private final javafx.beans.value.ObservableBooleanValue presenting;
    /** The keys and the pulse, following the window the view is in. */
    private TrainingKeys keyboard;
    /** Bidirectional bindings hold their ends weakly: keep the adapters. */
    private ObjectProperty<Integer> classesValue;
    private ObjectProperty<Integer> perClassValue;
    private ObjectProperty<Integer> batchValue;
    private org.softmaxlab.engine.Dataset shownData;

    private TrainingView(TrainingViewModel model, javafx.beans.value.ObservableBooleanValue presenting) {
        this.model = model;
        this.presenting = presenting;
    }

    /** Loads the FXML and returns its root, bound to {@code model}; the pulse starts at once. */
    public static Parent load(TrainingViewModel model, javafx.beans.value.ObservableBooleanValue presenting) {
        return ViewSupport.load(TrainingView.class, "TrainingView.fxml", "training.css",
                new TrainingView(model, presenting));
    }

    @FXML
    private void initialize() {
        javafx.scene.control.ToggleGroup bottomView = new javafx.scene.control.ToggleGroup();
        weightsViewToggle.setToggleGroup(bottomView);
        logViewToggle.setToggleGroup(bottomView);
        // One of the two is always chosen: pressing the chosen one keeps it.
        bottomView.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
            arrangeCells(regionsRow.isVisible());
        });
        arrangeCells(false);
        bindData();

        bindOptimizer();

        bindLoss();

        bindRunAndReadouts();
        lossLogScale.selectedProperty().addListener((o, a, b) -> lossHistoryChart.setLogY(b));
        lossHistoryChart.setAxisNames("step", "loss");
        lossHistoryChart.setWholeX(true);
        weightHeatMap.setOnCellClicked(this::editWeight);
        model.snapshotProperty().addListener((o, a, b) -> show(b));
        new StagesPanel(model, stagesBox, logitBars, probabilityBars, weightHeatMap, decisionRegions);
        bindHistory();
        new PointEditor(model, decisionRegions, drawRow, drawClassChoice, clearPointsButton, drawHint);
        HistoryOverlay overlay = new HistoryOverlay(lossHistoryChart);
        new RacePanel(model, raceToggle, raceLossChoice, overlay, raceRegions);
        new FormatRunPanel(model.formatRun(), trainingPrecision, lossScale, masterWeights, formatRunNote, overlay);
        // A view made for a run under way (a second window, a render) shows where it is at once.
        show(model.snapshotProperty().get());
        logitBars.setClassColors(true);
        probabilityBars.setClassColors(true);
        addHelp();
        keyboard = new TrainingKeys(model, playButton, presenting);
    }

    /** The data's controls: dataset, classes, points, noise, seed and bias. */
    private void bindData() {
        // The pickers hold the names people read (and users' tests set); the view-model holds the kinds.
        datasetChoice.getItems().setAll(DatasetKind.labels());
        bindByLabel(datasetChoice, model.datasetProperty(), DatasetKind::label,
                label -> DatasetKind.fromLabel(label).orElse(null));
        classesValue = bindSpinner(classesSpinner, Limits.TRAINING_CLASSES, model.classesProperty(), model);
        perClassValue = bindSpinner(perClassSpinner, Limits.POINTS_PER_CLASS, model.perClassProperty(), model);
        batchValue = bindSpinner(batchSpinner, Limits.BATCH_SIZE, model.batchSizeProperty(), model);
        SpinnerValueFactory.IntegerSpinnerValueFactory seeds =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(Limits.SEED.min(), Limits.SEED.max());
        seeds.setConverter(ViewSupport.safeIntegers(seeds, model::showProblem));
        dataSeedSpinner.setValueFactory(seeds);
        seeds.setValue((int) model.dataSeedProperty().get());
        seeds.valueProperty().addListener((o, a, b) -> model.dataSeedProperty().set(b));
        model.dataSeedProperty().addListener((o, a, b) -> seeds.setValue(b.intValue()));
        setRange(noiseSlider, Limits.NOISE_SLIDER);
        noiseSlider.valueProperty().bindBidirectional(model.noiseProperty());
        biasToggle.selectedProperty().bindBidirectional(model.biasProperty());
        seedLabel.textProperty().bind(model.initSeedProperty().asString("init seed %d"));
        for (javafx.scene.Node n : new javafx.scene.Node[] {classesSpinner, perClassSpinner, noiseSlider,
                dataSeedSpinner}) {
            n.disableProperty().bind(model.datasetProperty().isEqualTo(DatasetKind.NOTEBOOK));
        }
        decisionRegions.setVisible(model.datasetProperty().get().isPlanar());
    }

    /** The optimizer and its settings. */
    private void bindOptimizer() {
        optimizerChoice.getItems().setAll(java.util.Arrays.stream(OptimizerKind.values()).map(OptimizerKind::label)
                .toList());
        bindByLabel(optimizerChoice, model.optimizerProperty(), OptimizerKind::label,
                label -> OptimizerKind.fromName(label).orElse(null));
        LogSlider.bind(lrSlider, Limits.LEARNING_RATE_SLIDER, model.learningRateProperty(), 0.1);
        lrField.setText(Numbers.editable(model.learningRateProperty().get()));
        model.learningRateProperty().addListener((o, a, b) -> {
            if (!lrField.isFocused()) {
                lrField.setText(Numbers.editable(b.doubleValue()));
            }
        });
        lrField.setOnAction(e -> ViewSupport.setStyleClass(lrField, "invalid",
                model.commitLearningRate(lrField.getText()) != null));
        setRange(momentumSlider, Limits.MOMENTUM_SLIDER);
        momentumSlider.valueProperty().bindBidirectional(model.momentumProperty());
        momentumSlider.disableProperty().bind(model.optimizerProperty().isEqualTo(OptimizerKind.ADAM));
        nesterovToggle.selectedProperty().bindBidirectional(model.nesterovProperty());
        setRange(weightDecaySlider, Limits.WEIGHT_DECAY_SLIDER);
        weightDecaySlider.valueProperty().bindBidirectional(model.weightDecayProperty());
    }

    /** The loss's class weights, label smoothing and temperature. */
    private void bindLoss() {
        trainWeightsEnabled.selectedProperty().bindBidirectional(model.weightsEnabledProperty());
        classWeightsField.setOnAction(e -> model.commitClassWeights(classWeightsField.getText()));
        classWeightsField.focusedProperty().addListener((o, was, is) -> {
            if (!is && !classWeightsField.getText().isBlank()) {
                model.commitClassWeights(classWeightsField.getText());
            }
        });
        classWeightsField.setText(model.classWeightsProperty().get());
        model.classWeightsProperty().addListener((o, a, b) -> classWeightsField.setText(b));
        setRange(trainLabelSmoothingSlider, Limits.LABEL_SMOOTHING);
        trainLabelSmoothingSlider.valueProperty().bindBidirectional(model.labelSmoothingProperty());
        LogSlider.bind(trainTemperatureSlider, Limits.TEMPERATURE_SLIDER, model.temperatureProperty(), 0.1);
    }

    /** Speed and stop conditions, then the readouts, the message row and Play's text. */
    private void bindRunAndReadouts() {
        setRange(speedSlider, Limits.SPEED_EXPONENT);
        speedSlider.valueProperty().bindBidirectional(model.speedExponentProperty());
        speedLabel.textProperty().bind(model.speedTextProperty());
        stopLossField.textProperty().bindBidirectional(model.stopAtLossProperty());
        stopStepsField.textProperty().bindBidirectional(model.stopAfterStepsProperty());
        stepValue.textProperty().bind(model.stepProperty().asString());
        trainLossValue.textProperty().bind(model.lossTextProperty());
        accuracyValue.textProperty().bind(model.accuracyTextProperty());
        gradNormValue.textProperty().bind(model.gradientNormTextProperty());
        rateValue.textProperty().bind(model.rateTextProperty());
        trainingMessage.textProperty().bind(model.messageProperty());
        resetLowerLrButton.textProperty().bind(model.lowerLrOfferProperty());
        resetLowerLrButton.visibleProperty().bind(model.lowerLrOfferProperty().isNotEmpty());
        resetLowerLrButton.managedProperty().bind(resetLowerLrButton.visibleProperty());
        // No blank band under the readouts while there is nothing to say.
        messageRow.visibleProperty().bind(model.messageProperty().isNotEmpty()
                .or(model.lowerLrOfferProperty().isNotEmpty()));
        messageRow.managedProperty().bind(messageRow.visibleProperty());
        trainingHint.textProperty().bind(model.hintProperty());
        trainingHint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        trainingHint.managedProperty().bind(trainingHint.visibleProperty());
        playButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.runningProperty())
                .then("Pause").otherwise("Play"));
    }

    /**
     * The history scrubber: it runs from step 0 to the run's current step and follows it; dragging it back shows that
     * step (training pauses); back at the end, or Play, carries on.
     */
    private void bindHistory() {
        historySlider.setId("historySlider");
        historySlider.setMin(0);
        historySlider.setBlockIncrement(1);
        Help.set(historySlider, "Drag back through past steps; every chart shows that step.");
        historySlider.maxProperty().bind(model.historyEndProperty());
        boolean[] following = {false};
        model.stepProperty().addListener((o, a, b) -> {
            following[0] = true;
            historySlider.setValue(b.doubleValue());
            following[0] = false;
        });
        // A view made for a run under way starts at its step.
        historySlider.setValue(model.stepProperty().get());
        historySlider.valueProperty().addListener((o, a, b) -> {
            long s = Math.round(b.doubleValue());
            if (!following[0] && s != model.stepProperty().get()) {
                model.scrub(s);
            }
        });
        historyLabel.textProperty().bind(javafx.beans.binding.Bindings.when(model.pastProperty())
                .then("past step").otherwise(""));
    }

    @FXML private void onPlay() { model.togglePlay(); }
    @FXML private void onStep() { model.step(); }
    @FXML private void onReset() { model.reset(); }
    @FXML private void onResetLowerLr() { model.resetWithLowerLr(); }
    @FXML private void onNewSeed() { model.newSeed(); }

    private void editWeight(int cell) {
        TrainingSnapshot s = model.snapshotProperty().get();
        ParameterTable table = s == null ? null : s.parameters();
        if (table == null) {
            return;
        }
        ParameterTable.Entry entry = table.entry(cell);
        TextInputDialog dialog = new TextInputDialog(Numbers.editable(entry.value()));
        dialog.setTitle("Set initial weight");
        dialog.setHeaderText(entry.name()
                + ": training restarts at step 0 from the current weights with this one changed.");
        dialog.initOwner(playButton.getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> model.setInitialParameter(entry.row(), entry.column(), text));
    }

    /**
     * On 2-D data the decision regions and the log take the right-hand cells; on the notebook's data the logits and
     * the probabilities do, and the log shares the weights' cell behind a Weights / Log switch.
     */
    private void arrangeCells(boolean planar) {
        regionsRow.setVisible(planar);
        decisionRegions.setVisible(planar);
        logitBars.setVisible(!planar);
        probabilityBars.setVisible(!planar);
        bottomSwitch.setVisible(!planar);
        bottomSwitch.setManaged(!planar);
        StackPane home = planar ? logCell : weightsCell;
        if (logBox.getParent() != home) {
            ((StackPane) logBox.getParent()).getChildren().remove(logBox);
            home.getChildren().add(logBox);
        }
        boolean logShown = planar || logViewToggle.isSelected();
        logBox.setVisible(logShown);
        weightHeatMap.setVisible(planar || !logShown);
    }

    private void show(TrainingSnapshot s) {
        if (s == null || s.current() == null) {
            return;
        }
        TrainingStep c = s.current();
        lossHistoryChart.setCurve(s.historySteps(), s.historyLosses(), s.historySteps().length);
        lossHistoryChart.setMarker(s.steps(), c.loss(), Double.NaN);
        boolean planar = s.dataset().features() == 2;
        arrangeCells(planar);
        if (planar) {
            if (shownData != s.dataset()) {
                shownData = s.dataset();
                // Drawn points keep the plane where it is; a seeded dataset is fitted.
                decisionRegions.setPoints(s.dataset().x(), s.dataset().labels(),
                        model.drawn().pointsProperty().get() != null);
            }
            decisionRegions.setModel(c.weight(), c.bias(), s.temperature());
        } else {
            logitBars.setValues(c.logits()[0], s.dataset().labels()[0], null);
            probabilityBars.setValues(c.probabilities()[0], s.dataset().labels()[0], null);
        }
        ParameterTable table = s.parameters();
        weightHeatMap.setMatrix(table.values(), table.rows(), table.columns());
        if (!trainingLog.getItems().equals(s.log())) {
            // Virtualised: only the visible lines are laid out, however long the log grows.
            trainingLog.getItems().setAll(s.log());
            trainingLog.scrollTo(s.log().isEmpty() ? 0 : s.log().size() - 1);
        }
    }

    private static ObjectProperty<Integer> bindSpinner(Spinner<Integer> spinner, Limits.IntRange range,
                                                       javafx.beans.property.IntegerProperty value,
                                                       TrainingViewModel model) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(range.min(), range.max());
        factory.setConverter(ViewSupport.safeIntegers(factory, model::showProblem));
        spinner.setValueFactory(factory);
        ObjectProperty<Integer> adapter = value.asObject();
        factory.valueProperty().bindBidirectional(adapter);
        return adapter;
    }

    /** A picker of names kept in step with a property of kinds, both ways. */
    private static <K> void bindByLabel(ChoiceBox<String> box, ObjectProperty<K> kind,
                                        java.util.function.Function<K, String> label,
                                        java.util.function.Function<String, K> parse) {
        box.setValue(label.apply(kind.get()));
        box.valueProperty().addListener((o, a, b) -> {
            K k = b == null ? null : parse.apply(b);
            if (k != null && k != kind.get()) {
                kind.set(k);
            }
        });
        kind.addListener((o, a, b) -> box.setValue(label.apply(b)));
    }

    private static void setRange(Slider slider, Limits.Range range) {
        slider.setMin(range.min());
        slider.setMax(range.max());
    }

    private void addHelp() {
        Help.set(playButton, "Start or pause training (Space).");
        Help.set(speedSlider, "Steps per second, from 1 to as fast as the machine allows.");
        Help.set(datasetChoice, "What the model learns to classify.");
        Help.set(lrSlider, "Learning rate (log scale); changes apply while training runs.");
        Help.set(momentumSlider, "SGD momentum; changes apply while training runs.");
        Help.set(classWeightsField, "One weight per class, e.g. 10, 1, 1; press Enter.");
        Help.set(lossLogScale, "Show the loss on a log scale.");
    }
}
