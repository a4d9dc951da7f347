package org.softmaxlab.attention;

import java.util.Arrays;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.softmaxlab.model.AttentionMask;
import org.softmaxlab.model.AttentionScale;
import org.softmaxlab.model.AttentionState;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.Bind;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LabView;

/** The Attention tab's control column: the tokens, d, the vectors' seed and spread, scale, mask, T and the query. */
final class AttentionControls {
    private final AttentionViewModel model;
    private final GridPane knobs = new GridPane();
    private int row;

    AttentionControls(AttentionViewModel model) {
        this.model = model;
    }

    VBox build() {
        knobs.setHgap(8);
        knobs.setVgap(6);
        Spinner<Integer> dim = new Spinner<>();
        dim.setId("attentionDim");
        dim.setMaxWidth(Double.MAX_VALUE);
        Bind.spinner(dim, Limits.ATTENTION_DIM, model.stateProperty(), AttentionState::dim,
                v -> model.edit(s -> s.withDim(v)));
        knob("d", dim, s -> "", "The vectors' dimension, 2 to 512: the dot products' spread grows as sqrt(d).");
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("attentionSeed");
        seed.setMaxWidth(Double.MAX_VALUE);
        Bind.spinner(seed, Limits.SEED, model.stateProperty(), s -> (int) s.seed(),
                v -> model.edit(s -> s.withSeed(v)));
        knob("seed", seed, s -> "", "The seed of the random query and key vectors.");
        Slider spread = new Slider(Limits.ATTENTION_SPREAD.min(), Limits.ATTENTION_SPREAD.max(), 1);
        spread.setId("attentionSpread");
        Bind.slider(spread, model.stateProperty(), AttentionState::spread,
                v -> model.edit(s -> s.withSpread(Math.round(v * 100) / 100.0)));
        knob("spread", spread, s -> Numbers.decimals(s.spread(), 2),
                "The standard deviation of each vector entry (0.1 to 3).");
        ChoiceBox<String> scale = new ChoiceBox<>();
        scale.setId("attentionScale");
        scale.setMaxWidth(Double.MAX_VALUE);
        Bind.choice(scale, Arrays.asList(AttentionScale.values()), AttentionScale::label, model.stateProperty(),
                AttentionState::scaleMode, m -> model.edit(s -> s.withScaleMode(m)));
        knob("scale", scale, s -> "", "What multiplies q k^T: the transformer's 1/sqrt(d), 1 (none), or the slider.");
        Slider scaleSlider = new Slider();
        scaleSlider.setId("attentionScaleSlider");
        Bind.logSlider(scaleSlider, Limits.ATTENTION_SCALE, model.stateProperty(), AttentionState::scaleValue,
                v -> model.edit(s -> s.withScale(clamp(v, Limits.ATTENTION_SCALE))));
        knob("", scaleSlider, s -> Numbers.decimals(s.scaleValue(), 3), "Any scale, 0.01 to 10 (log): moving it "
                + "chooses \"slider\".");
        ChoiceBox<String> mask = new ChoiceBox<>();
        mask.setId("attentionMask");
        mask.setMaxWidth(Double.MAX_VALUE);
        Bind.choice(mask, Arrays.asList(AttentionMask.values()), AttentionMask::label, model.stateProperty(),
                AttentionState::maskMode, m -> model.edit(s -> s.withMaskMode(m)));
        knob("mask", mask, s -> "", "none; causal (a token sees itself and the tokens before it); click cells: a "
                + "click on the weights' map masks or unmasks that key for that query.");
        Slider temperature = new Slider();
        temperature.setId("attentionTemperature");
        Bind.logSlider(temperature, Limits.TEMPERATURE_SLIDER, model.stateProperty(), AttentionState::temperature,
                v -> model.edit(s -> s.withTemperature(clamp(v, Limits.TEMPERATURE_SLIDER))));
        knob("T", temperature, s -> Numbers.decimals(s.temperature(), 2), "The softmax's temperature: weights are "
                + "softmax(scores / T).");
        knob("query", query(), s -> "", "The query whose softmax and Jacobian are shown (or click its row).");
        VectorPlane plane = new VectorPlane(model);
        plane.setId("attentionVectors");
        Label planeNote = LabView.note("attentionVectorsNote");
        planeNote.textProperty().bind(Bindings.createStringBinding(() -> model.state().dim() == 2
                ? "Drag a query (orange) or key (blue); press a query to choose it."
                : "The vectors' first two entries; set d to 2 to drag them.", model.stateProperty()));
        return new VBox(8, LabView.title("Tokens (each a query and a key)"), tokens(), knobs,
                LabView.title("Queries and keys"), plane, planeNote,
                LabView.status("attentionStatus", model.refusalProperty(), Bindings.createStringBinding(() -> "")));
    }

    private TextField tokens() {
        TextField field = new TextField(String.join(" ", model.state().tokens()));
        field.setId("attentionTokens");
        Help.set(field, "2 to 16 token names, separated by spaces; Enter to apply. A new count draws new vectors.");
        Runnable commit = () -> {
            String[] names = field.getText().trim().split("\\s+");
            if (!model.edit(s -> s.withTokens(names))) {
                field.getStyleClass().add("error");
            } else {
                field.getStyleClass().remove("error");
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        model.stateProperty().addListener((o, a, s) -> {
            if (!field.isFocused()) {
                field.setText(String.join(" ", s.tokens()));
            }
        });
        return field;
    }

    private ChoiceBox<String> query() {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId("attentionQuery");
        box.setMaxWidth(Double.MAX_VALUE);
        // Moved while a new state is pushed out, the box's own edit is refused by the view-model's StateModel.
        Runnable show = () -> {
            AttentionState s = model.state();
            java.util.List<String> names = java.util.stream.IntStream.range(0, s.size())
                    .mapToObj(i -> (i + 1) + ". " + s.tokens()[i]).toList();
            if (!box.getItems().equals(names)) {
                box.getItems().setAll(names);
            }
            box.getSelectionModel().select(s.query());
        };
        show.run();
        model.stateProperty().addListener((o, a, s) -> show.run());
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                model.edit(s -> s.withQuery(i.intValue()));
            }
        });
        return box;
    }

    /** A log slider's 10^position, which can land a rounding off its range's ends. */
    private static double clamp(double v, Limits.Range range) {
        return Math.max(range.min(), Math.min(range.max(), v));
    }

    private void knob(String name, Control control, Function<AttentionState, String> value, String help) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.getStyleClass().add("number");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        shown.textProperty().bind(Bindings.createStringBinding(() -> value.apply(model.state()),
                model.stateProperty()));
        Help.set(control, help);
        GridPane.setHgrow(control, Priority.ALWAYS);
        control.setMinWidth(40);
        knobs.addRow(row++, label, control, shown);
    }
}
