package org.softmaxlab.training;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.chart.Numbers;
import org.softmaxlab.chart.ViewSupport;
import org.softmaxlab.engine.TrainingStep;

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
    @FXML private CurveCanvas lossHistoryChart;
    @FXML private CheckBox lossLogScale;
    @FXML private DecisionRegionCanvas decisionRegions;
    @FXML private VBox notebookBars;
    @FXML private BarCanvas logitBars;
    @FXML private BarCanvas probabilityBars;
    @FXML private HeatMapCanvas weightHeatMap;
    @FXML private ListView<String> trainingLog;

    private final TrainingViewModel model;
    private final AnimationTimer pulse;
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;
    private final javafx.beans.value.ChangeListener<Boolean> showingChanged = (o, a, b) -> updatePulse();
    private final javafx.beans.value.ChangeListener<javafx.stage.Window> windowChanged = (o, old, window) -> {
        if (old != null) {
            old.showingProperty().removeListener(showingChanged);
        }
        if (window != null) {
            window.showingProperty().addListener(showingChanged);
        }
        updatePulse();
    };
    /** Bidirectional bindings hold their ends weakly: keep the adapters. */
    private ObjectProperty<Integer> classesValue;
    private ObjectProperty<Integer> perClassValue;
    private ObjectProperty<Integer> batchValue;
    private boolean syncing;
    private org.softmaxlab.engine.Dataset shownData;

    private TrainingView(TrainingViewModel model) {
        this.model = model;
        this.pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.onPulse();
            }
        };
    }

    /** Loads the FXML and returns its root, bound to {@code model}; the pulse starts at once. */
    public static Parent load(TrainingViewModel model) {
        return ViewSupport.load(TrainingView.class, "TrainingView.fxml", "training.css", new TrainingView(model));
    }

    @FXML
    private void initialize() {
        datasetChoice.getItems().setAll(TrainingSetup.DATASETS);
        datasetChoice.valueProperty().bindBidirectional(model.datasetProperty());
        classesValue = bindSpinner(classesSpinner, 2, 6, model.classesProperty(), model);
        perClassValue = bindSpinner(perClassSpinner, 1, 1000, model.perClassProperty(), model);
        batchValue = bindSpinner(batchSpinner, 0, 10_000, model.batchSizeProperty(), model);
        SpinnerValueFactory.IntegerSpinnerValueFactory seeds =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE);
        seeds.setConverter(ViewSupport.safeIntegers(seeds, model::showProblem));
        dataSeedSpinner.setValueFactory(seeds);
        seeds.setValue((int) model.dataSeedProperty().get());
        seeds.valueProperty().addListener((o, a, b) -> model.dataSeedProperty().set(b));
        model.dataSeedProperty().addListener((o, a, b) -> seeds.setValue(b.intValue()));
        noiseSlider.valueProperty().bindBidirectional(model.noiseProperty());
        biasToggle.selectedProperty().bindBidirectional(model.biasProperty());
        seedLabel.textProperty().bind(model.initSeedProperty().asString("init seed %d"));
        boolean twoD = !TrainingSetup.NOTEBOOK.equals(model.datasetProperty().get());
        for (javafx.scene.Node n : new javafx.scene.Node[] {classesSpinner, perClassSpinner, noiseSlider,
                dataSeedSpinner}) {
            n.disableProperty().bind(model.datasetProperty().isEqualTo(TrainingSetup.NOTEBOOK));
        }
        decisionRegions.setVisible(twoD);

        optimizerChoice.getItems().setAll(TrainingSetup.SGD, TrainingSetup.ADAM);
        optimizerChoice.valueProperty().bindBidirectional(model.optimizerProperty());
        bindLogSlider(lrSlider, Math.log10(TrainingViewModel.MIN_LR), Math.log10(TrainingViewModel.MAX_LR),
                model.learningRateProperty());
        lrField.setText(Numbers.editable(model.learningRateProperty().get()));
        model.learningRateProperty().addListener((o, a, b) -> {
            if (!lrField.isFocused()) {
                lrField.setText(Numbers.editable(b.doubleValue()));
            }
        });
        lrField.setOnAction(e -> ViewSupport.setStyleClass(lrField, "invalid",
                model.commitLearningRate(lrField.getText()) != null));
        momentumSlider.valueProperty().bindBidirectional(model.momentumProperty());
        momentumSlider.disableProperty().bind(model.optimizerProperty().isEqualTo(TrainingSetup.ADAM));
        nesterovToggle.selectedProperty().bindBidirectional(model.nesterovProperty());
        weightDecaySlider.valueProperty().bindBidirectional(model.weightDecayProperty());

        trainWeightsEnabled.selectedProperty().bindBidirectional(model.weightsEnabledProperty());
        classWeightsField.setOnAction(e -> model.commitClassWeights(classWeightsField.getText()));
        classWeightsField.focusedProperty().addListener((o, was, is) -> {
            if (!is && !classWeightsField.getText().isBlank()) {
                model.commitClassWeights(classWeightsField.getText());
            }
        });
        model.classWeightsProperty().addListener((o, a, b) -> classWeightsField.setText(b));
        trainLabelSmoothingSlider.valueProperty().bindBidirectional(model.labelSmoothingProperty());
        bindLogSlider(trainTemperatureSlider, Math.log10(0.05), Math.log10(20), model.temperatureProperty());

        speedSlider.valueProperty().bindBidirectional(model.speedExponentProperty());
        speedLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                speedSlider.getValue() >= TrainingViewModel.MAX_SPEED_EXPONENT ? "max"
                        : String.format(java.util.Locale.ROOT, "%.0f/s", Math.pow(10, speedSlider.getValue())),
                speedSlider.valueProperty()));
        stopLossField.textProperty().bindBidirectional(model.stopAtLossProperty());
        stopStepsField.textProperty().bindBidirectional(model.stopAfterStepsProperty());

        stepValue.textProperty().bind(model.stepProperty().asString());
        trainLossValue.textProperty().bind(model.lossTextProperty());
        accuracyValue.textProperty().bind(model.accuracyTextProperty());
        gradNormValue.textProperty().bind(model.gradientNormTextProperty());
        rateValue.textProperty().bind(model.rateTextProperty());
        trainingMessage.textProperty().bind(model.messageProperty());
        playButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.runningProperty())
                .then("Pause").otherwise("Play"));
        lossLogScale.selectedProperty().addListener((o, a, b) -> lossHistoryChart.setLogY(b));
        lossHistoryChart.setAxisNames("step", "loss");
        weightHeatMap.setOnCellClicked(this::editWeight);
        model.snapshotProperty().addListener((o, a, b) -> show(b));
        addTooltips();
        playButton.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                old.windowProperty().removeListener(windowChanged);
                windowChanged.changed(null, old.getWindow(), null);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                scene.windowProperty().addListener(windowChanged);
                windowChanged.changed(null, null, scene.getWindow());
            }
        });
    }

    /** The pulse runs only while the view is in a showing window, so a closed view is not kept alive by it. */
    private void updatePulse() {
        javafx.scene.Scene scene = playButton.getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            pulse.start();
        } else {
            pulse.stop();
        }
    }

    @FXML
    private void onPlay() {
        model.togglePlay();
    }

    @FXML
    private void onStep() {
        model.step();
    }

    @FXML
    private void onReset() {
        model.reset();
    }

    @FXML
    private void onNewSeed() {
        model.newSeed();
    }

    /** Space plays or pauses, Right takes one step, R resets; not while typing, and only when this tab shows. */
    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || !playButton.isVisible()
                || playButton.getScene() == null || !isShowing()) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            model.togglePlay();
        } else if (e.getCode() == KeyCode.RIGHT) {
            model.step();
        } else if (e.getCode() == KeyCode.R) {
            model.reset();
        } else {
            return;
        }
        e.consume();
    }

    private boolean isShowing() {
        javafx.scene.Node n = playButton;
        while (n != null) {
            if (!n.isVisible()) {
                return false;
            }
            n = n.getParent();
        }
        return playButton.getScene().getWindow() != null && playButton.getScene().getWindow().isShowing();
    }

    private void editWeight(int cell) {
        TrainingSnapshot s = model.snapshotProperty().get();
        if (s == null || s.current() == null) {
            return;
        }
        int cols = s.current().weight()[0].length + (s.current().bias() == null ? 0 : 1);
        int row = cell / cols;
        int col = cell % cols;
        boolean isBias = col == s.current().weight()[0].length;
        double current = isBias ? s.current().bias()[row] : s.current().weight()[row][col];
        TextInputDialog dialog = new TextInputDialog(Numbers.editable(current));
        dialog.setTitle("Set initial weight");
        dialog.setHeaderText((isBias ? "b[" + row + "]" : "W[" + row + "][" + col + "]")
                + ": training restarts at step 0 from the current weights with this one changed.");
        dialog.initOwner(playButton.getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> model.setInitialParameter(row, col, text));
    }

    private void show(TrainingSnapshot s) {
        if (s == null || s.current() == null) {
            return;
        }
        TrainingStep c = s.current();
        lossHistoryChart.setCurve(s.historySteps(), s.historyLosses(), s.historySteps().length);
        lossHistoryChart.setMarker(s.steps(), c.loss(), Double.NaN);
        boolean twoD = s.dataset().features() == 2;
        decisionRegions.setVisible(twoD);
        notebookBars.setVisible(!twoD);
        if (twoD) {
            if (shownData != s.dataset()) {
                shownData = s.dataset();
                decisionRegions.setPoints(s.dataset().x(), s.dataset().labels());
            }
            decisionRegions.setModel(c.weight(), c.bias(), model.temperatureProperty().get());
        } else {
            logitBars.setValues(c.logits()[0], -1, null);
            probabilityBars.setValues(c.probabilities()[0], s.dataset().labels()[0], null);
        }
        int k = c.weight().length;
        int d = c.weight()[0].length;
        double[][] matrix = new double[k][d + (c.bias() == null ? 0 : 1)];
        String[] rows = new String[k];
        String[] cols = new String[matrix[0].length];
        for (int r = 0; r < k; r++) {
            System.arraycopy(c.weight()[r], 0, matrix[r], 0, d);
            if (c.bias() != null) {
                matrix[r][d] = c.bias()[r];
            }
            rows[r] = "class " + r;
        }
        for (int j = 0; j < d; j++) {
            cols[j] = "x" + j;
        }
        if (c.bias() != null) {
            cols[d] = "b";
        }
        weightHeatMap.setMatrix(matrix, rows, cols);
        if (!trainingLog.getItems().equals(s.log())) {
            // Virtualised: only the visible lines are laid out, however long the log grows.
            trainingLog.getItems().setAll(s.log());
            trainingLog.scrollTo(Math.max(0, s.log().size() - 1));
        }
    }

    private static ObjectProperty<Integer> bindSpinner(Spinner<Integer> spinner, int min, int max,
                                                       javafx.beans.property.IntegerProperty value,
                                                       TrainingViewModel model) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max);
        factory.setConverter(ViewSupport.safeIntegers(factory, model::showProblem));
        spinner.setValueFactory(factory);
        ObjectProperty<Integer> adapter = value.asObject();
        factory.valueProperty().bindBidirectional(adapter);
        return adapter;
    }

    /** A slider showing log10 of a positive property. */
    private void bindLogSlider(Slider slider, double min, double max, javafx.beans.property.DoubleProperty value) {
        slider.setMin(min);
        slider.setMax(max);
        slider.setValue(Math.log10(value.get()));
        slider.setBlockIncrement(0.1);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                try {
                    value.set(Math.pow(10, b.doubleValue()));
                } finally {
                    syncing = false;
                }
            }
        });
        value.addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                try {
                    slider.setValue(Math.log10(b.doubleValue()));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    private void addTooltips() {
        playButton.setTooltip(new Tooltip("Start or pause training (Space)."));
        speedSlider.setTooltip(new Tooltip("Steps per second, from 1 to as fast as the machine allows."));
        datasetChoice.setTooltip(new Tooltip("What the model learns to classify."));
        lrSlider.setTooltip(new Tooltip("Learning rate (log scale); changes apply while training runs."));
        momentumSlider.setTooltip(new Tooltip("SGD momentum; changes apply while training runs."));
        classWeightsField.setTooltip(new Tooltip("One weight per class, e.g. 10, 1, 1; press Enter."));
        lossLogScale.setTooltip(new Tooltip("Show the loss on a log scale."));
        org.softmaxlab.chart.Accessibility.helpFromTooltips(playButton);
    }
}
