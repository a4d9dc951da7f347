package org.softmaxlab.ui;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Slider;
import org.softmaxlab.model.Limits;

/**
 * A slider that shows a positive value on a log scale: its position is log10 of the value, its range is
 * {@code range}. Moving the slider sets the value; a value set elsewhere (typed, loaded) moves the slider, and a value
 * outside the range pins it to the end.
 */
public final class LogSlider {
    /** True while one side is being set from the other, so the change does not echo back. */
    private boolean syncing;

    private LogSlider() {
    }

    /** Binds {@code slider} to {@code value} on a log scale over {@code range}. */
    public static void bind(Slider slider, Limits.Range range, DoubleProperty value, double blockIncrement) {
        LogSlider binding = new LogSlider();
        slider.setMin(Math.log10(range.min()));
        slider.setMax(Math.log10(range.max()));
        slider.setBlockIncrement(blockIncrement);
        slider.setValue(Math.log10(value.get()));
        slider.valueProperty().addListener((o, a, b) -> binding.sync(() -> value.set(Math.pow(10, b.doubleValue()))));
        value.addListener((o, a, b) -> binding.sync(() -> slider.setValue(Math.log10(b.doubleValue()))));
    }

    private void sync(Runnable change) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            change.run();
        } finally {
            syncing = false;
        }
    }
}
