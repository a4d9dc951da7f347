package org.softmaxlab.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.Limits;

/** The Explorer's sample, target and sweep pickers: their items and values follow each result; a choice edits. */
final class Selectors {
    private final ExplorerViewModel model;
    private final ChoiceBox<Integer> sampleSelector;
    private final ComboBox<Integer> targetSelector;
    private final ComboBox<Integer> sweepChoice;
    /** True while a result is shown: the pickers' changes are not choices. */
    private boolean syncing;

    Selectors(ExplorerViewModel model, ChoiceBox<Integer> sampleSelector, ComboBox<Integer> targetSelector,
              ComboBox<Integer> sweepChoice) {
        this.model = model;
        this.sampleSelector = sampleSelector;
        this.targetSelector = targetSelector;
        this.sweepChoice = sweepChoice;
        StringConverter<Integer> sampleNames = converter(i -> "sample " + i);
        sampleSelector.setConverter(sampleNames);
        StringConverter<Integer> classNames = converter(i -> i == Limits.IGNORE_INDEX
                ? "ignored (" + Limits.IGNORE_INDEX + ")" : "class " + i);
        targetSelector.setConverter(classNames);
        sweepChoice.setConverter(classNames);
        sampleSelector.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedSampleProperty().set(b);
            }
        });
        targetSelector.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.targetProperty().set(b);
            }
        });
        sweepChoice.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.sweepClassProperty().set(b);
            }
        });
    }

    /**
     * The pickers' items for this result's batch, then their values: done together from the result, so that a
     * picker is never left empty by a change of C or n (the items are replaced only when the counts change).
     */
    void show(ExplorerResults r) {
        syncing = true;
        try {
            int samples = r.sampleLabels().length;
            int classes = r.classLabels().length;
            if (r.dataset() != null) {
                // An imported dataset: the picker offers the selection and the worst samples (the search goes anywhere).
                List<Integer> offered = new ArrayList<>(IntStream.of(r.dataset().worst()).boxed().toList());
                if (!offered.contains(r.selected())) {
                    offered.add(0, r.selected());
                }
                if (!sampleSelector.getItems().equals(offered)) {
                    sampleSelector.getItems().setAll(offered);
                }
            } else if (sampleSelector.getItems().size() != samples) {
                sampleSelector.getItems().setAll(IntStream.range(0, samples).boxed().toList());
            }
            if (sweepChoice.getItems().size() != classes) {
                List<Integer> all = new ArrayList<>(IntStream.range(0, classes).boxed().toList());
                sweepChoice.getItems().setAll(all);
                all.add(Limits.IGNORE_INDEX);
                targetSelector.getItems().setAll(all);
            }
            sampleSelector.setValue(r.selected());
            targetSelector.setValue(r.target());
            sweepChoice.setValue(r.sweepClass());
        } finally {
            syncing = false;
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes are not edited as text");
            }
        };
    }
}
