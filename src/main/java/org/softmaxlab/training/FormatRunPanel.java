package org.softmaxlab.training;

import java.util.Arrays;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Help;

/**
 * The Training tab's format: {@code #trainingPrecision} (float64 is the run itself; float32, bfloat16 or float16
 * trains the same setup again in that format), {@code #lossScale} and {@code #masterWeights}; the format run's loss
 * history is drawn dashed over the run's, and {@code #formatRunNote} says where it stands and what it flushed.
 */
final class FormatRunPanel {
    FormatRunPanel(FormatRun run, ChoiceBox<String> precision, ChoiceBox<String> lossScale, CheckBox master,
                   Label note, HistoryOverlay chart) {
        precision.getItems().setAll(Arrays.stream(Precision.values()).map(p -> p == Precision.FLOAT64
                ? "float64 (the run)" : p.label()).toList());
        precision.getSelectionModel().select(run.precisionProperty().get().ordinal());
        precision.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                run.precisionProperty().set(Precision.values()[i.intValue()]);
            }
        });
        Help.set(precision, "Trains the same setup again, every operation rounded to this format, and draws its "
                + "loss over the run's: float16 stalls where its gradients underflow.");
        lossScale.getItems().setAll(FormatRun.LOSS_SCALES.stream().map(Numbers::count).toList());
        lossScale.getSelectionModel().select(FormatRun.LOSS_SCALES.indexOf(run.lossScaleProperty().get()));
        lossScale.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                run.lossScaleProperty().set(FormatRun.LOSS_SCALES.get(i.intValue()));
            }
        });
        Help.set(lossScale, "A static loss scale: the gradient is computed times S in the format (out of "
                + "float16's underflow) and divided by S before the update.");
        master.selectedProperty().bindBidirectional(run.float32MasterProperty());
        Help.set(master, "Keep the weights in float32 and update them there, as mixed-precision training does.");
        lossScale.disableProperty().bind(run.precisionProperty().isEqualTo(Precision.FLOAT64));
        master.disableProperty().bind(run.precisionProperty().isEqualTo(Precision.FLOAT64));
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        run.curveProperty().addListener((o, a, c) -> {
            note.setText(c.note());
            chart.setFormat(c.steps().length == 0 ? List.of() : List.of(new CurveCanvas.Series(
                    run.precisionProperty().get().label() + " run (dashed)", c.steps(), c.losses(), 3,
                    new double[] {2, 2})));
        });
    }
}
