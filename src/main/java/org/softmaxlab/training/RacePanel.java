package org.softmaxlab.training;

import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.model.RaceVariant;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.ui.Help;

/**
 * The race on the Training tab: {@code #raceToggle} starts a second run with the loss or learning rate chosen in
 * {@code #raceLossChoice}; its loss curve is drawn over the main one (with a legend) and, on 2-D data, its decision
 * regions beside the main ones.
 */
final class RacePanel {
    private final TrainingViewModel model;
    private final HistoryOverlay lossChart;
    private final DecisionRegionCanvas raceRegions;
    private org.softmaxlab.engine.Dataset shownData;

    RacePanel(TrainingViewModel model, CheckBox toggle, ChoiceBox<RaceVariant> choice, HistoryOverlay lossChart,
              DecisionRegionCanvas raceRegions) {
        this.model = model;
        this.lossChart = lossChart;
        this.raceRegions = raceRegions;
        RaceModel race = model.race();
        toggle.selectedProperty().bindBidirectional(race.enabledProperty());
        Help.set(toggle, "Race: a second run from the same seed, data and weights with another loss or "
                + "learning rate; Play, Step and Reset drive both.");
        choice.getItems().setAll(RaceVariant.values());
        choice.valueProperty().bindBidirectional(race.choiceProperty());
        choice.disableProperty().bind(race.enabledProperty().not());
        race.snapshotProperty().addListener((o, a, b) -> show());
        model.snapshotProperty().addListener((o, a, b) -> show());
        race.enabledProperty().addListener((o, a, b) -> show());
    }

    private void show() {
        TrainingSnapshot main = model.snapshotProperty().get();
        TrainingSnapshot second = model.race().snapshotProperty().get();
        boolean on = model.race().enabledProperty().get() && second != null && main != null;
        boolean planar = on && second.dataset() != null && second.dataset().features() == 2;
        raceRegions.setVisible(planar);
        raceRegions.setManaged(planar);
        if (!on) {
            lossChart.setRace(List.of());
            return;
        }
        lossChart.setRace(List.of(
                new CurveCanvas.Series("cross-entropy", main.historySteps(), main.historyLosses(),
                        0, null),
                new CurveCanvas.Series(model.race().choiceProperty().get().label(), second.historySteps(),
                        second.historyLosses(), 5, new double[] {3, 2})));
        if (planar && second.current() != null) {
            if (shownData != second.dataset()) {
                shownData = second.dataset();
                raceRegions.setPoints(second.dataset().x(), second.dataset().labels());
            }
            raceRegions.setModel(second.current().weight(), second.current().bias(), second.temperature());
            raceRegions.setTitle(model.race().choiceProperty().get().label() + ": step " + second.steps() + ", accuracy "
                    + org.softmaxlab.model.Numbers.percent(second.accuracy()));
        }
    }
}
