package org.softmaxlab.explorer;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.softmaxlab.engine.SoftmaxAlgorithm;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.PrecisionDisplay;
import org.softmaxlab.model.PrecisionState;
import org.softmaxlab.ui.Bind;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Explorer's precision panel ({@code #precisionPanel}): the selected sample's probabilities, loss and gradient in
 * float64, float32, bfloat16 and float16 side by side, each probability coloured by its error in its format's ulps
 * and marked where it overflowed (an up arrow) or underflowed to 0 (a down arrow); the algorithm, the float32 sum and
 * the scale that multiplies every logit. Cells have ids {@code prec-FORMAT-ROW} (probabilities, ROW counting the
 * shown classes), {@code prec-FORMAT-loss} and {@code grad-FORMAT-ROW}.
 */
final class PrecisionPanel {
    private static final List<String> GRADES = Arrays.stream(PrecisionDisplay.Grade.values())
            .map(g -> "ulp-" + g.name().toLowerCase(java.util.Locale.ROOT)).toList();
    private final PrecisionViewModel model;
    private final GridPane grid = new GridPane();
    private final Label overflow = new Label();
    private final Label verdict = new Label();
    private int shownRows = -1;
    private Label[][] probs;
    private Label[][] grads;
    private Label[] losses;
    private Label[] names;

    private PrecisionPanel(PrecisionViewModel model) {
        this.model = model;
    }

    /** Fills {@code box} (the FXML's {@code #precisionPanel}) with the panel over {@code model}. */
    static void fill(VBox box, PrecisionViewModel model) {
        new PrecisionPanel(model).build(box);
    }

    private void build(VBox box) {
        Label title = new Label("float64, float32, bfloat16, float16");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinWidth(0);
        ChoiceBox<String> algorithm = new ChoiceBox<>();
        algorithm.setId("precisionAlgorithm");
        Bind.choice(algorithm, PrecisionDisplay.algorithms(), SoftmaxAlgorithm::label, model.stateProperty(),
                PrecisionState::algorithm, a -> model.edit(s -> s.withAlgorithm(a)));
        Help.set(algorithm, "stable: subtract max z first; naive: exp(z) as it is; log_softmax: "
                + "z - max - log(sum exp(z - max)).");
        CheckBox accumulate = new CheckBox("sum in float32");
        accumulate.setId("precisionAccumulate");
        accumulate.setSelected(model.state().float32Sum());
        accumulate.selectedProperty().addListener((o, a, on) -> model.edit(s -> s.withFloat32Sum(on)));
        model.stateProperty().addListener((o, a, s) -> accumulate.setSelected(s.float32Sum()));
        Help.set(accumulate, "The sum of exponentials and e / s as float32 operations, as GPU kernels do; each "
                + "probability then rounded to the format.");
        accumulate.setMinWidth(Region.USE_PREF_SIZE);
        VBox settings = new VBox(4, algorithm, accumulate);
        HBox scaleRow = scaleRow();
        overflow.setId("firstOverflow");
        overflow.setWrapText(true);
        overflow.getStyleClass().add("note");
        verdict.setId("precisionVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        grid.getStyleClass().add("numbers-grid");
        grid.setHgap(6);
        // Four columns of numbers may be wider than the numbers column: they scroll sideways, never cut.
        javafx.scene.control.ScrollPane table = new javafx.scene.control.ScrollPane(grid);
        table.setFitToHeight(true);
        // Room under the last row for the sideways scroll bar, which would otherwise cover it.
        grid.setPadding(new javafx.geometry.Insets(0, 0, 14, 0));
        table.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        table.setMinWidth(0);
        table.setPrefViewportHeight(Region.USE_COMPUTED_SIZE);
        table.getStyleClass().add("precision-table");
        ViewSupport.drawViewportDirectly(table);
        box.setMinWidth(0);
        box.getChildren().setAll(title, settings, scaleRow, overflow, verdict, table);
        box.getStylesheets().add(PrecisionPanel.class.getResource("/org/softmaxlab/ui/lab-view.css")
                .toExternalForm());
        model.displayProperty().addListener((o, a, d) -> show(d));
        show(model.display());
    }

    /** The logit scale's slider with its value: "scale ---o--- x 10". */
    private HBox scaleRow() {
        Slider scale = new Slider();
        scale.setId("logitScale");
        Bind.logSlider(scale, PrecisionState.SCALE, model.stateProperty(), PrecisionState::scale,
                v -> model.edit(s -> s.withScale(Math.min(PrecisionState.SCALE.max(),
                        Math.max(PrecisionState.SCALE.min(), v)))));
        Help.set(scale, "Multiplies every logit (z / T) before it is rounded to each format: watch where each one "
                + "overflows. Log scale, 0.1 to 10,000.");
        Label scaleValue = new Label();
        scaleValue.setId("logitScaleValue");
        scaleValue.getStyleClass().add("number");
        scaleValue.setMinWidth(Region.USE_PREF_SIZE);
        scaleValue.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "\u00d7 " + Numbers.decimals(model.state().scale(), 3), model.stateProperty()));
        HBox row = new HBox(6, new Label("scale"), scale, scaleValue);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(scale, Priority.ALWAYS);
        scale.setMinWidth(60);
        return row;
    }

    private void show(PrecisionDisplay d) {
        int rows = d.rows().length;
        int formats = d.columns().size();
        if (rows != shownRows) {
            rebuild(d, rows, formats);
        }
        for (int k = 0; k < rows; k++) {
            names[k].setText("P" + d.rows()[k] + (d.rows()[k] == model.state().target() ? " (y)" : ""));
            for (int f = 0; f < formats; f++) {
                PrecisionDisplay.Column c = d.columns().get(f);
                probs[f][k].setText(c.probs()[k]);
                for (int g = 0; g < GRADES.size(); g++) {
                    ViewSupport.setStyleClass(probs[f][k], GRADES.get(g), c.grades()[k].ordinal() == g);
                }
                grads[f][k].setText(c.grads()[k]);
            }
        }
        for (int f = 0; f < formats; f++) {
            PrecisionDisplay.Column c = d.columns().get(f);
            losses[f].setText(c.loss());
            ViewSupport.setStyleClass(losses[f], "ulp-broken", !Double.isFinite(c.result().loss()));
        }
        overflow.setText(d.overflowText());
        verdict.setText(d.verdictText());
    }

    private void rebuild(PrecisionDisplay d, int rows, int formats) {
        shownRows = rows;
        grid.getChildren().clear();
        probs = new Label[formats][rows];
        grads = new Label[formats][rows];
        losses = new Label[formats];
        names = new Label[rows];
        grid.add(header(""), 0, 0);
        for (int f = 0; f < formats; f++) {
            String format = d.columns().get(f).format().label();
            grid.add(header(format.replace("float", "f")), f + 1, 0);
            for (int k = 0; k < rows; k++) {
                probs[f][k] = cell("prec-" + format + "-" + k);
                grads[f][k] = cell("grad-" + format + "-" + k);
                grid.add(probs[f][k], f + 1, k + 1);
                grid.add(grads[f][k], f + 1, rows + 2 + k);
            }
            losses[f] = cell("prec-" + format + "-loss");
            grid.add(losses[f], f + 1, rows + 1);
        }
        for (int k = 0; k < rows; k++) {
            names[k] = header("");
            grid.add(names[k], 0, k + 1);
            Label g = header("dL/dz" + d.rows()[k]);
            grid.add(g, 0, rows + 2 + k);
        }
        grid.add(header("loss"), 0, rows + 1);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cell(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("number");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
