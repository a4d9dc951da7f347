package org.softmaxlab.losses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.InformationCanvas;
import org.softmaxlab.model.LossComparison;
import org.softmaxlab.model.LossUnits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Losses tab: the Explorer's logits and targets under cross-entropy, MSE, multi-margin, focal and label-smoothed
 * cross-entropy side by side; the saturation chart (why not MSE); the information view (CE = H + KL) with the units
 * switch; and the two-class view. Built in code: every number comes from the view-model's {@link LossComparison}.
 */
public final class LossesView {
    private static final List<String> NAMES = List.of(LossComparison.CROSS_ENTROPY, LossComparison.SMOOTHED,
            LossComparison.MSE, LossComparison.MULTI_MARGIN, LossComparison.FOCAL);
    private static final Map<String, String> SHORT = Map.of(LossComparison.CROSS_ENTROPY, "cross-entropy",
            LossComparison.MSE, "MSE", LossComparison.MULTI_MARGIN, "multi-margin", LossComparison.FOCAL, "focal");

    private final LossesViewModel model;
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Map<String, Label> notes = new LinkedHashMap<>();
    private final Map<String, BarCanvas> gradients = new LinkedHashMap<>();
    private final Map<String, Label> saturationValues = new LinkedHashMap<>();
    private final CurveCanvas saturation = new CurveCanvas();
    private final InformationCanvas information = new InformationCanvas();
    private final CurveCanvas binary = new CurveCanvas();
    private final Label binaryText = new Label();
    /** A chart column's preferred width, and the two-class column's while it is only a note. */
    private static final double COLUMN_WIDTH = 420;
    private static final double NOTE_WIDTH = 200;
    /** The two-class column: a chart's share of the width at C = 2, else a narrow note saying how to get there. */
    private VBox binaryBox;
    private final Label gammaValue = new Label();
    private final Label posWeightValue = new Label();

    private LossesView(LossesViewModel model) {
        this.model = model;
    }

    /** The tab's content over {@code model}. */
    public static Parent load(LossesViewModel model) {
        return new LossesView(model).build();
    }

    private Parent build() {
        HBox header = header();

        HBox cards = new HBox(8);
        for (String name : NAMES) {
            cards.getChildren().add(card(name));
        }
        alignCharts();

        VBox saturationBox = saturationColumn();

        information.setId("informationChart");
        information.setTitle("Information: CE = H(Y) + KL(Y || P), selected sample");
        information.setMinHeight(150);
        information.setPrefHeight(200);
        VBox informationBox = column(information);

        binaryBox = binaryColumn();
        for (javafx.scene.Node chart : List.of(saturation, information, binary)) {
            VBox.setVgrow(chart, Priority.ALWAYS);
        }

        HBox charts = new HBox(8, saturationBox, informationBox, binaryBox);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(cards, Priority.SOMETIMES);
        VBox content = new VBox(10, header, cards, charts);
        content.setPadding(new Insets(8));
        content.getStyleClass().add("losses-view");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        content.getStylesheets().add(LossesView.class.getResource("losses.css").toExternalForm());
        scroll.setId("lossesView");
        org.softmaxlab.ui.ViewSupport.drawViewportDirectly(scroll);
        model.resultProperty().addListener((o, a, b) -> show(b));
        show(model.resultProperty().get());
        return scroll;
    }

    /** The heading with the units, focal's gamma and the CE-vs-MSE preset. */
    private HBox header() {
        ChoiceBox<String> units = new ChoiceBox<>();
        units.setId("unitsChoice");
        units.getItems().setAll(LossUnits.NATS.label(), LossUnits.BITS.label());
        units.setValue(model.unitsProperty().get().label());
        units.valueProperty().addListener((o, a, b) -> model.unitsProperty().set(LossUnits.fromLabel(b)));
        model.unitsProperty().addListener((o, a, b) -> units.setValue(b.label()));
        Help.set(units, "Every loss in the app in nats (ln, PyTorch's) or bits (log2): bits = nats / ln 2.");
        Slider gamma = new Slider(0, 5, model.gammaProperty().get());
        gamma.setId("focalGammaSlider");
        gamma.setBlockIncrement(0.5);
        gamma.valueProperty().bindBidirectional(model.gammaProperty());
        gammaValue.setId("focalGammaValue");
        gammaValue.textProperty().bind(model.gammaProperty().asString(java.util.Locale.ROOT, "%.2f"));
        Help.set(gamma, "Focal loss's gamma: (1 - p_y)^gamma down-weights samples already right.");
        Button preset = new Button("Confident and wrong: CE vs MSE");
        preset.setId("ceVsMseButton");
        preset.setOnAction(e -> model.showConfidentAndWrong());
        Help.set(preset, "A sample the model is sure of and wrong about: MSE's gradient all but vanishes.");
        Label heading = new Label("The Explorer's logits and targets under five losses");
        heading.getStyleClass().add("section-title");
        HBox header = new HBox(12, heading, spacer(), new Label("Units"), units, new Label("Focal \u03b3"), gamma,
                gammaValue, preset);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("losses-header");
        return header;
    }

    /** The saturation curves with |dL/dz_y| of each loss at the current point, two to a row. */
    private VBox saturationColumn() {
        saturation.setId("saturationChart");
        saturation.setTitle("Saturation: |dL/dz_y| as the target's probability p_y sweeps");
        saturation.setAxisNames("p_y", "|dL/dz_y|");
        saturation.setMinHeight(200);
        saturation.setPrefHeight(260);
        // |dL/dz_y| of each loss at the current point, two to a row.
        GridPane saturationRow = new GridPane();
        saturationRow.setHgap(8);
        saturationRow.setVgap(2);
        List<String> swept = List.of(LossComparison.CROSS_ENTROPY, LossComparison.MSE, LossComparison.MULTI_MARGIN,
                LossComparison.FOCAL);
        for (int k = 0; k < swept.size(); k++) {
            Label value = new Label();
            value.setId("saturationValue-" + swept.get(k));
            value.getStyleClass().add("number");
            saturationValues.put(swept.get(k), value);
            saturationRow.add(new Label(SHORT.get(swept.get(k))), 2 * (k % 2), k / 2);
            saturationRow.add(value, 2 * (k % 2) + 1, k / 2);
        }
        VBox saturationBox = column(saturation, saturationRow);
        return saturationBox;
    }

    /** The two-class view: BCE's sigmoid curve, its text and pos_weight. */
    private VBox binaryColumn() {
        binary.setId("binaryChart");
        binary.setAxisNames("d = (z1 - z0) / T", "p1 = sigmoid(d)");
        binary.setMinHeight(200);
        binary.setPrefHeight(260);
        binaryText.setId("binaryText");
        binaryText.setWrapText(true);
        binaryText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Slider posWeight = new Slider(0.1, 10, model.posWeightProperty().get());
        posWeight.setId("posWeightSlider");
        posWeight.valueProperty().bindBidirectional(model.posWeightProperty());
        posWeightValue.setId("posWeightValue");
        posWeightValue.textProperty().bind(model.posWeightProperty().asString(java.util.Locale.ROOT, "%.2f"));
        Help.set(posWeight, "BCEWithLogits' pos_weight: the weight of the positive class's term.");
        HBox posWeightRow = new HBox(8, new Label("pos_weight"), posWeight, posWeightValue);
        posWeightRow.setAlignment(Pos.CENTER_LEFT);
        posWeightRow.visibleProperty().bind(binary.visibleProperty());
        posWeightRow.managedProperty().bind(posWeightRow.visibleProperty());
        return column(binary, binaryText, posWeightRow);
    }

    private VBox card(String name) {
        Label title = new Label();
        title.setWrapText(true);
        title.getStyleClass().add("card-title");
        Label value = new Label("-");
        value.setId("lossValue-" + name);
        value.getStyleClass().addAll("loss-value", "number");
        Label note = new Label();
        note.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("note");
        BarCanvas bars = new BarCanvas(BarCanvas.Range.SIGNED);
        bars.setId("lossGradient-" + name);
        bars.setClassColors(true);
        bars.setTitle("dL/dz, selected sample");
        bars.setMinHeight(150);
        bars.setPrefHeight(190);
        titles.put(name, title);
        values.put(name, value);
        notes.put(name, note);
        gradients.put(name, bars);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox card = new VBox(4, title, value, note, bars);
        card.getStyleClass().add("loss-card");
        card.setMinWidth(0);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setPrefWidth(260);
        return card;
    }

    /**
     * Every card's note is as tall as the tallest note wrapped at its width (USE_PREF_SIZE would ask for one unwrapped
     * line), so that no note is cut and the five gradient charts below start at the same height.
     */
    private void alignCharts() {
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>();
        for (Label note : notes.values()) {
            inputs.addAll(List.of(note.widthProperty(), note.textProperty(), note.fontProperty()));
        }
        javafx.beans.binding.DoubleBinding tallest = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> notes.values().stream().mapToDouble(n -> n.prefHeight(n.getWidth() > 0 ? n.getWidth() : -1))
                        .max().orElse(0), inputs.toArray(javafx.beans.Observable[]::new));
        notes.values().forEach(note -> note.minHeightProperty().bind(tallest));
    }

    private static VBox column(javafx.scene.Node... nodes) {
        VBox box = new VBox(4, nodes);
        box.setMinWidth(0);
        box.setPrefWidth(COLUMN_WIDTH);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void show(LossComparison c) {
        if (c == null) {
            return;
        }
        String unit = c.bits() ? "bits" : "nats";
        int target = model.explorer().state().selectedTarget();
        String[] classNames = new String[model.explorer().state().classes()];
        for (int k = 0; k < classNames.length; k++) {
            classNames[k] = k == target ? k + " (y)" : String.valueOf(k);
        }
        for (String name : NAMES) {
            LossComparison.Entry e = c.entry(name).orElse(null);
            boolean shown = e != null;
            values.get(name).setText(shown ? Numbers.fixed4(e.loss()) : "-");
            titles.get(name).setText(shown ? e.title() : name + ": no sample counts");
            notes.get(name).setText(shown ? e.note() : "");
            BarCanvas bars = gradients.get(name);
            if (shown) {
                bars.setLabels(classNames);
                bars.setValues(e.gradient(), target, null);
            }
        }
        showSaturation(c);
        if (c.information() == null) {
            information.setSplit(Double.NaN, Double.NaN, unit);
        } else {
            information.setSplit(c.information().entropy(), c.information().kl(), unit);
            information.setDistributions(c.information().target(), c.information().probability());
        }
        showBinary(c, unit);
    }

    private void showSaturation(LossComparison c) {
        LossComparison.Saturation s = c.saturation();
        if (s == null) {
            saturation.setSeries(List.of());
            saturation.setTitle("Saturation: the selected sample's target is ignored");
            saturationValues.values().forEach(l -> l.setText("-"));
            return;
        }
        saturation.setTitle("Saturation: |dL/dz_y| as the target's probability p_y sweeps");
        double[][] dashes = {null, {3, 2}, {1, 1.5}, {5, 2, 1, 2}};
        List<CurveCanvas.Series> series = new ArrayList<>();
        for (int k = 0; k < s.names().size(); k++) {
            series.add(new CurveCanvas.Series(SHORT.get(s.names().get(k)), s.probability(), s.gradients().get(k),
                    k, dashes[k]));
            saturationValues.get(s.names().get(k)).setText(Numbers.fixed4(s.currentGradients()[k]));
        }
        saturation.setSeries(series);
        saturation.setMarker(s.currentProbability(), s.currentGradients()[0], Double.NaN);
    }

    private void showBinary(LossComparison c, String unit) {
        LossComparison.Binary b = c.binary();
        // Beyond two classes the column narrows to its note and the saturation and information charts take the room.
        binary.setVisible(b.applies());
        binary.setManaged(b.applies());
        HBox.setHgrow(binaryBox, b.applies() ? Priority.ALWAYS : Priority.NEVER);
        binaryBox.setPrefWidth(b.applies() ? COLUMN_WIDTH : NOTE_WIDTH);
        ViewSupport.setStyleClass(binaryText, "note", !b.applies());
        if (!b.applies()) {
            binary.setCurve(new double[0], new double[0], 0);
            binary.setMarker(Double.NaN, Double.NaN, Double.NaN);
            binary.setTitle("Two classes");
            binaryText.setText("Two classes: set C = 2 in the Explorer to see softmax as a sigmoid, and cross-entropy "
                    + "as BCEWithLogits.");
            return;
        }
        binary.setTitle("Two classes: p1 = softmax(z)_1 = sigmoid(z1 - z0)");
        binary.setCurve(b.curveD(), b.curveP(), b.curveD().length);
        binary.setMarker(b.difference(), b.probability(), Double.NaN);
        binaryText.setText("d = " + Numbers.fixed4(b.difference()) + ", p1 = " + Numbers.fixed4(b.probability())
                + "; target " + b.target() + ": CE = " + Numbers.fixed4(b.crossEntropy()) + " = BCEWithLogits(d, "
                + b.target() + ") = " + Numbers.fixed4(b.bce()) + " " + unit + "; with pos_weight "
                + Numbers.decimals(b.posWeight(), 2) + ": " + Numbers.fixed4(b.bceWithPosWeight()));
    }
}
