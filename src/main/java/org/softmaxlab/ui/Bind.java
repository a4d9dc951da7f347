package org.softmaxlab.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.softmaxlab.model.Limits;

/**
 * The binding kit for views over one immutable state: a control shows a value read from the state, and the user's
 * change goes out as an edit. Each binding has one guard, so the state's change that moves the control does not come
 * back as an edit (the view-model's {@code StateModel} refuses such echoes too).
 */
public final class Bind {
    private boolean syncing;

    private Bind() {
    }

    private void sync(Runnable change) {
        if (!syncing) {
            syncing = true;
            try {
                change.run();
            } finally {
                syncing = false;
            }
        }
    }

    /** A linear slider: moving it calls {@code write}; a new state moves it to {@code read}. */
    public static <S> void slider(Slider slider, ObservableValue<S> state, ToDoubleFunction<S> read,
                                  DoubleConsumer write) {
        Bind b = new Bind();
        slider.setValue(read.applyAsDouble(state.getValue()));
        slider.valueProperty().addListener((o, x, v) -> b.sync(() -> write.accept(v.doubleValue())));
        state.addListener((o, x, s) -> b.sync(() -> slider.setValue(read.applyAsDouble(s))));
    }

    /** A slider on a log scale over {@code range}: its position is log10 of the value. */
    public static <S> void logSlider(Slider slider, Limits.Range range, ObservableValue<S> state,
                                     ToDoubleFunction<S> read, DoubleConsumer write) {
        slider.setMin(Math.log10(range.min()));
        slider.setMax(Math.log10(range.max()));
        slider(slider, state, s -> Math.log10(Math.max(range.min(), read.applyAsDouble(s))),
                v -> write.accept(Math.pow(10, v)));
    }

    /** A whole-number spinner over {@code range} that never throws on typed text (see ViewSupport.safeIntegers). */
    public static <S> void spinner(Spinner<Integer> spinner, Limits.IntRange range, ObservableValue<S> state,
                                   ToIntFunction<S> read, IntConsumer write) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                range.min(), range.max(), read.applyAsInt(state.getValue()));
        factory.setConverter(ViewSupport.safeIntegers(factory,
                problem -> ViewSupport.setStyleClass(spinner, "error", !problem.isEmpty())));
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        Bind b = new Bind();
        factory.valueProperty().addListener((o, x, v) -> b.sync(() -> write.accept(v)));
        state.addListener((o, x, s) -> b.sync(() -> factory.setValue(read.applyAsInt(s))));
    }

    /** A choice among {@code values} shown by {@code label}. */
    public static <S, T> void choice(ChoiceBox<String> box, List<T> values, Function<T, String> label,
                                     ObservableValue<S> state, Function<S, T> read, Consumer<T> write) {
        box.getItems().setAll(values.stream().map(label).toList());
        box.setValue(label.apply(read.apply(state.getValue())));
        Bind b = new Bind();
        box.valueProperty().addListener((o, x, v) -> b.sync(() -> values.stream()
                .filter(t -> label.apply(t).equals(v)).findFirst().ifPresent(write)));
        state.addListener((o, x, s) -> b.sync(() -> box.setValue(label.apply(read.apply(s)))));
    }
}
