package org.softmaxlab.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.ReliabilityCanvas;
import org.softmaxlab.engine.Calibration;
import org.softmaxlab.model.CalibrationDisplay;
import org.softmaxlab.model.CalibrationSource;
import org.softmaxlab.model.CalibrationState;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Bind;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LabView;

/**
 * The Calibration tab: the source, binning and temperature on the left; the readouts, the reliability diagram (with
 * the model's own bins outlined when T is not 1) and the held-out figures over training on the right. Built in code;
 * every text and number comes from the view-model's {@link CalibrationDisplay}.
 */
public final class CalibrationView {
    /** How long Fit T takes to move the temperature (on a log scale). */
    static final Duration FIT_ANIMATION = Duration.millis(700);
    private final CalibrationViewModel model;
    private final Label ece = LabView.readout("eceValue");
    private final Label mce = LabView.readout("mceValue");
    private final Label nll = LabView.readout("nllValue");
    private final Label brier = LabView.readout("brierValue");
    private final Label accuracy = LabView.readout("calibrationAccuracy");
    private final Label source = LabView.note("calibrationSourceText");
    private final Label verdict = new Label();
    private final Label fitNote = LabView.note("fitNote");
    private final ReliabilityCanvas reliability = new ReliabilityCanvas();
    private final CurveCanvas history = new CurveCanvas();
    private final Label historyNote = LabView.note("calibrationHistoryNote");
    private Timeline fitting;

    private CalibrationView(CalibrationViewModel model) {
        this.model = model;
    }

    /** The tab's content over {@code model}. */
    public static Parent load(CalibrationViewModel model) {
        return new CalibrationView(model).build();
    }

    private Parent build() {
        Parent root = LabView.root("calibrationView", controls(), charts(), null);
        // The Training tab's pulse stops while it is hidden: this tab takes the run's snapshots while it is shown.
        javafx.animation.AnimationTimer pulse = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (model.state().source() == CalibrationSource.TRAINING) {
                    model.onPulse();
                }
            }
        };
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
        model.displayProperty().addListener((o, a, d) -> show(d));
        model.historyProperty().addListener(o -> showHistory());
        model.raceHistoryProperty().addListener(o -> showHistory());
        model.stateProperty().addListener((o, a, s) -> {
            if (a.source() != s.source()) {
                showHistory();
            }
        });
        show(model.display());
        showHistory();
        return root;
    }

    private VBox controls() {
        ChoiceBox<String> sources = new ChoiceBox<>();
        sources.setId("calibrationSource");
        sources.setMaxWidth(Double.MAX_VALUE);
        Bind.choice(sources, Arrays.asList(CalibrationSource.values()), CalibrationSource::label,
                model.stateProperty(), CalibrationState::source, model::chooseSource);
        Help.set(sources, "Whose confidences: two synthetic models, the Training tab's model on fresh points, or "
                + "your validation set (File > Import Logits on this tab: logits, then targets).");
        VBox shareBox = heldOutShare();
        HBox binRow = binRow();
        Slider temperature = new Slider();
        temperature.setId("calibrationTemperature");
        Bind.logSlider(temperature, CalibrationState.TEMPERATURE, model.stateProperty(), CalibrationState::temperature,
                v -> model.setTemperature(v));
        Help.set(temperature, "Divides every logit by T before the softmax: the arg-max (so the accuracy) stays, "
                + "the confidences move. Log scale, 0.05 to 20.");
        Label temperatureValue = value(s -> "temperature T = " + Numbers.fixed4(s.temperature()));
        Button fit = new Button("Fit T");
        fit.setId("fitTemperature");
        fit.setOnAction(e -> animateFit());
        fit.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.state().fit().found(), model.stateProperty()));
        Help.set(fit, "Moves T to the temperature that minimises the NLL of these rows (Guo et al. 2017); the "
                + "model's own bins (T = 1) stay outlined.");
        Button reset = new Button("T = 1");
        reset.setId("resetTemperature");
        reset.setOnAction(e -> {
            stopFit();
            model.setTemperature(1);
        });
        HBox actions = new HBox(8, fit, reset);
        return new VBox(8, LabView.title("Logits and targets from"), sources, shareBox, LabView.title("Bins"),
                binRow, LabView.title("Temperature scaling"), temperatureValue, temperature, actions, fitNote,
                LabView.status("calibrationStatus", model.refusalProperty(), model.statusProperty()));
    }

    /** The Training source's held-out share and its Play button, shown only for that source. */
    private VBox heldOutShare() {
        Slider share = new Slider();
        share.setId("heldOutShare");
        share.setMin(CalibrationState.HELD_OUT.min());
        share.setMax(CalibrationState.HELD_OUT.max());
        Bind.slider(share, model.stateProperty(), CalibrationState::heldOutShare,
                v -> model.setHeldOutShare(Math.round(v * 20) / 20.0));
        Help.set(share, "Held-out points as a share of the Training tab's points: fresh draws from its generator, "
                + "never trained on.");
        Label shareValue = value(s -> "held-out share " + Numbers.decimals(s.heldOutShare(), 2) + " \u00d7");
        Button play = new Button();
        play.setId("calibrationPlay");
        play.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Boolean.TRUE.equals(model.runningProperty().getValue()) ? "Pause training" : "Play training",
                model.runningProperty()));
        play.setOnAction(e -> model.togglePlay());
        Help.set(play, "Plays or pauses the Training tab's run; each new step's model is scored here.");
        VBox shareBox = new VBox(4, shareValue, share, play);
        shareBox.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.state().source() == CalibrationSource.TRAINING, model.stateProperty()));
        shareBox.managedProperty().bind(shareBox.visibleProperty());
        return shareBox;
    }

    /** "bins [15] [equal width]". */
    private HBox binRow() {
        Spinner<Integer> bins = new Spinner<>();
        bins.setId("calibrationBins");
        bins.setPrefWidth(90);
        Bind.spinner(bins, CalibrationState.BINS, model.stateProperty(), CalibrationState::bins, model::setBins);
        Help.set(bins, "M, the number of bins (15 is the usual choice).");
        ChoiceBox<String> binning = new ChoiceBox<>();
        binning.setId("calibrationBinning");
        Bind.choice(binning, Arrays.asList(Calibration.Binning.values()),
                b -> b == Calibration.Binning.UNIFORM ? "equal width" : "equal count", model.stateProperty(),
                CalibrationState::binning, model::setBinning);
        Help.set(binning, "Equal-width bins ((m-1)/M, m/M], or bins of equal count over the sorted confidences.");
        Label binsLabel = new Label("bins");
        binsLabel.setMinWidth(Region.USE_PREF_SIZE);
        binning.setMinWidth(Region.USE_PREF_SIZE);
        // The spinner gives way in a narrow column (24% of a 1280 px window), never the words beside it.
        bins.setMinWidth(60);
        HBox binRow = new HBox(8, binsLabel, bins, binning);
        binRow.setAlignment(Pos.CENTER_LEFT);
        return binRow;
    }

    private Label value(java.util.function.Function<CalibrationState, String> text) {
        Label l = new Label();
        l.getStyleClass().add("number");
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> text.apply(model.state()),
                model.stateProperty()));
        return l;
    }

    private VBox charts() {
        FlowPane readouts = new FlowPane(24, 2, ece, mce, nll, brier, accuracy);
        verdict.setId("calibrationVerdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        reliability.setId("reliabilityChart");
        reliability.setTitle("Reliability: accuracy of each confidence bin against the diagonal");
        history.setId("calibrationHistory");
        history.setTitle("Held-out figures over training");
        history.setAxisNames("step", "ECE, NLL, accuracy");
        reliability.setMinSize(0, 0);
        history.setMinSize(0, 0);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.add(reliability, 0, 0);
        historyNote.setMaxWidth(320);
        historyNote.setMouseTransparent(true);
        grid.add(new javafx.scene.layout.StackPane(history, historyNote), 1, 0);
        grid.getColumnConstraints().addAll(LabView.column(56), LabView.column(44));
        grid.getRowConstraints().add(LabView.row(100));
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox box = new VBox(6, readouts, verdict, source, grid);
        box.setPadding(new Insets(8));
        return box;
    }

    private void show(CalibrationDisplay d) {
        ece.setText(d.eceText());
        mce.setText(d.mceText());
        nll.setText(d.nllText());
        brier.setText(d.brierText());
        accuracy.setText(d.accuracyText());
        verdict.setText(d.verdictText());
        source.setText(d.sourceText());
        fitNote.setText(d.fitText());
        boolean moved = d.original() != d.report();
        reliability.setBins(bins(d.report()), moved ? bins(d.original()) : null, "the model's own (T = 1)");
    }

    private static ReliabilityCanvas.Bin[] bins(Calibration.Report r) {
        return Arrays.stream(r.bins()).map(b -> new ReliabilityCanvas.Bin(b.lo(), b.hi(), b.count(), b.confidence(),
                b.accuracy())).toArray(ReliabilityCanvas.Bin[]::new);
    }

    private void showHistory() {
        CalibrationHistory h = model.historyProperty().get();
        CalibrationHistory r = model.raceHistoryProperty().get();
        boolean training = model.state().source() == CalibrationSource.TRAINING;
        List<CurveCanvas.Series> series = new ArrayList<>();
        if (training && h.size() > 0) {
            series.add(new CurveCanvas.Series("ECE", h.steps(), h.ece(), 0, null));
            series.add(new CurveCanvas.Series("NLL", h.steps(), h.nll(), 1, null));
            series.add(new CurveCanvas.Series("accuracy", h.steps(), h.accuracy(), 2, null));
            if (r.size() > 0) {
                series.add(new CurveCanvas.Series("ECE, " + r.name(), r.steps(), r.ece(), 0, new double[] {6, 4}));
                series.add(new CurveCanvas.Series("NLL, " + r.name(), r.steps(), r.nll(), 1, new double[] {6, 4}));
            }
        }
        historyNote.setText(training ? (h.size() > 0 ? "" : "Press Play on the Training tab: each step's model is "
                + "scored on the held-out points.") : "Choose \u201c" + CalibrationSource.TRAINING.label()
                + "\u201d to follow a run: NLL rising while accuracy stands still is over-confidence growing.");
        historyNote.setVisible(series.isEmpty());
        history.setSeries(series);
    }

    /** Moves T to the fitted temperature along a log scale, then exactly onto it. */
    private void animateFit() {
        double target = model.fittedTemperature();
        if (!(target > 0)) {
            return;
        }
        stopFit();
        double from = Math.log(model.state().temperature());
        double to = Math.log(target);
        int frames = 30;
        fitting = new Timeline();
        for (int i = 1; i <= frames; i++) {
            double t = i / (double) frames;
            double eased = t * t * (3 - 2 * t);
            double value = i == frames ? target : Math.exp(from + (to - from) * eased);
            fitting.getKeyFrames().add(new KeyFrame(FIT_ANIMATION.multiply(t), e -> model.setTemperature(value)));
        }
        fitting.play();
    }

    private void stopFit() {
        if (fitting != null) {
            fitting.stop();
        }
    }
}
