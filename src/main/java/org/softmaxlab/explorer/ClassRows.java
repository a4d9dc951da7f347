package org.softmaxlab.explorer;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.Palette;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.ui.ViewSupport;

/**
 * The Explorer's editor rows, one per listed class: a chip, a slider and a field for its logit (ids
 * {@code logitSlider-c}, {@code logitField-c}) and for its weight ({@code weightSlider-c}, {@code weightField-c}).
 * Rebuilt when C changes; the old rows are unbound so nothing keeps them alive. The weight rows are made the first
 * time weights are on (hidden, they cost the window's start their text fields' and sliders' skins) and kept after.
 */
final class ClassRows {
    private static final String BOUND_VALUE = "softmaxlab.boundValue";

    /** How a field commits: the field, the commit (null or the problem) and the value it shows when accepted. */
    @FunctionalInterface
    interface Commit {
        void install(TextField field, Supplier<String> commit, Supplier<String> current);
    }

    private final Commit onCommit;

    ClassRows(Commit onCommit) {
        this.onCommit = onCommit;
    }

    /** Replaces the rows with one per listed class of {@code model} (its per-class properties). */
    void rebuild(ExplorerViewModel model, VBox logitRows, VBox weightRows) {
        // The old rows' sliders are bound both ways to the old per-class properties; unbind them so nothing keeps
        // the replaced rows (or their properties) alive.
        unbindSliders(logitRows);
        logitRows.getChildren().clear();
        int rows = model.state().editableClasses();
        for (int c = 0; c < rows; c++) {
            logitRows.getChildren().add(classRow(c, "logit", model.logits().get(c),
                    model.logitRangeProperty().negate(), model.logitRangeProperty(), model::commitLogit));
        }
        if (model.state().generatedClasses() != null) {
            Label more = new Label("Classes " + model.state().generatedClasses()
                    + " have generated logits; the panels list the most probable.");
            more.setWrapText(true);
            more.getStyleClass().add("note");
            logitRows.getChildren().add(more);
        }
        if (model.weightsEnabledProperty().get() || !weightRows.getChildren().isEmpty()) {
            rebuildWeights(model, weightRows);
        }
    }

    /** Replaces the weight rows with one per listed class of {@code model}; they are disabled while weights are off. */
    void rebuildWeights(ExplorerViewModel model, VBox weightRows) {
        unbindSliders(weightRows);
        weightRows.getChildren().clear();
        for (int c = 0; c < model.state().editableClasses(); c++) {
            HBox weightRow = classRow(c, "weight", model.weights().get(c), Bindings.createDoubleBinding(() -> 0.0),
                    model.weightRangeProperty(), model::commitWeight);
            weightRow.disableProperty().bind(model.weightsEnabledProperty().not());
            weightRows.getChildren().add(weightRow);
        }
    }

    private static void unbindSliders(VBox rows) {
        for (javafx.scene.Node row : rows.getChildren()) {
            if (row instanceof HBox box) {
                for (javafx.scene.Node n : box.getChildren()) {
                    if (n instanceof Slider slider) {
                        slider.minProperty().unbind();
                        slider.maxProperty().unbind();
                        Object bound = slider.getProperties().get(BOUND_VALUE);
                        if (bound instanceof DoubleProperty value) {
                            slider.valueProperty().unbindBidirectional(value);
                        }
                    }
                }
            }
        }
    }

    private HBox classRow(int c, String kind, DoubleProperty value,
                          javafx.beans.value.ObservableNumberValue min, javafx.beans.value.ObservableNumberValue max,
                          BiFunction<Integer, String, String> commit) {
        Label name = new Label(Integer.toString(c));
        name.getStyleClass().addAll("class-name", Palette.styleClass(c));
        Slider slider = new Slider();
        slider.setId(kind + "Slider-" + c);
        slider.minProperty().bind(min);
        slider.maxProperty().bind(max);
        slider.setValue(value.get());
        slider.valueProperty().bindBidirectional(value);
        slider.getProperties().put(BOUND_VALUE, value);
        slider.setBlockIncrement(0.1);
        slider.setAccessibleText(kind + " of class " + c);
        HBox.setHgrow(slider, Priority.ALWAYS);
        TextField field = new TextField(Numbers.editable(value.get()));
        field.setId(kind + "Field-" + c);
        field.setPrefColumnCount(6);
        field.setAccessibleText(kind + " of class " + c);
        value.addListener((o, a, b) -> {
            if (!field.isFocused()) {
                field.setText(Numbers.editable(b.doubleValue()));
            }
            ViewSupport.setStyleClass(field, "invalid", false);
        });
        onCommit.install(field, () -> commit.apply(c, field.getText()), () -> Numbers.editable(value.get()));
        HBox row = new HBox(name, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("class-row");
        return row;
    }

}
