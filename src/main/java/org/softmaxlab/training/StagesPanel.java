package org.softmaxlab.training;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.chart.MathView;
import org.softmaxlab.engine.UpdateStages;
import org.softmaxlab.model.UpdateStage;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.ViewSupport;

/**
 * Stages mode on the Training tab: a toggle, the stage's name with Previous and Next, its typeset formula and
 * numbers, and the chart the stage is about marked ({@code stage-focus}); for 2-D data the weight heat map shows
 * arrows for the update and the decision regions the boundary after it.
 */
final class StagesPanel {
    private final TrainingViewModel model;
    private final Label name = new Label();
    private final MathView formula = new MathView();
    private final Label numbers = new Label();
    private final BarCanvas logitBars;
    private final BarCanvas probabilityBars;
    private final HeatMapCanvas heatMap;
    private final DecisionRegionCanvas regions;

    StagesPanel(TrainingViewModel model, VBox box, BarCanvas logitBars, BarCanvas probabilityBars,
                HeatMapCanvas heatMap, DecisionRegionCanvas regions) {
        this.model = model;
        this.logitBars = logitBars;
        this.probabilityBars = probabilityBars;
        this.heatMap = heatMap;
        this.regions = regions;
        CheckBox toggle = new CheckBox("Stages");
        toggle.setId("stagesToggle");
        toggle.selectedProperty().bindBidirectional(model.stagesModeProperty());
        Help.set(toggle, "Step walks through one update stage by stage: forward, softmax, coefficients, "
                + "P - Y, gradient, optimiser state, update.");
        Button previous = new Button("\u25c0");
        previous.setId("stagePrev");
        previous.setOnAction(e -> model.previousStage());
        Help.set(previous, "Previous stage");
        Button next = new Button("\u25b6");
        next.setId("stageNext");
        next.setOnAction(e -> model.nextStage());
        Help.set(next, "Next stage (Step and Right do the same); after stage 7 the update is taken");
        name.setId("stageName");
        name.getStyleClass().add("stage-name");
        name.setWrapText(true);
        formula.setId("stageFormula");
        numbers.setId("stageNumbers");
        numbers.getStyleClass().addAll("stage-numbers", "number");
        numbers.setWrapText(true);
        numbers.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, toggle, previous, name, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox details = new VBox(4, formula, numbers);
        for (Node n : List.of(previous, name, next, details)) {
            n.visibleProperty().bind(model.stagesModeProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        box.getChildren().setAll(bar, details);
        model.stageViewProperty().addListener((o, a, b) -> show(b));
        model.stagesModeProperty().addListener((o, a, b) -> show(model.stageViewProperty().get()));
    }

    private void show(UpdateStage s) {
        for (Node chart : List.of(logitBars, probabilityBars, heatMap, regions)) {
            ViewSupport.setStyleClass(chart, "stage-focus", false);
        }
        heatMap.setArrows(null);
        regions.setPreviewModel(null, null, 1);
        if (s == null) {
            name.setText(model.stagesModeProperty().get() ? "Stages: waiting for the next update" : "");
            formula.setLatex("");
            numbers.setText("");
            return;
        }
        name.setText(s.name());
        // In the theme's text colour (light on the dark theme).
        formula.setStyle(Math.max(14, name.getFont().getSize() * 1.1), name.getTextFill() instanceof
                javafx.scene.paint.Color ink ? ink : javafx.scene.paint.Color.web("#1E1E1E"));
        formula.setLatex(s.latex());
        formula.setAccessibleText(s.name());
        numbers.setText(s.numbers());
        UpdateStages data = model.snapshotProperty().get() == null ? null : model.snapshotProperty().get().stages();
        Node focus = switch (s.stage()) {
            case 1 -> regions.isVisible() ? regions : logitBars;
            case 2, 3, 4 -> regions.isVisible() ? regions : probabilityBars;
            case 5, 6, 7 -> heatMap;
            default -> null;
        };
        if (focus != null) {
            ViewSupport.setStyleClass(focus, "stage-focus", true);
        }
        if (data != null && s.stage() >= 5) {
            heatMap.setArrows(data.parameterMoves());
        }
        if (data != null && s.stage() == 7 && regions.isVisible()) {
            regions.setPreviewModel(data.newWeight(), data.newBias(), model.temperatureProperty().get());
        }
    }
}
