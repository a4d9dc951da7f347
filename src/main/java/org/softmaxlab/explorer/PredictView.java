package org.softmaxlab.explorer;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.ui.Help;

/**
 * The probability and gradient charts, with predict-then-reveal: while the answer is hidden the probability chart
 * shows the user's guesses (drag a bar to set one) and the gradient chart stays blank; after Reveal the true bars
 * show with the guesses as dashed outlines.
 */
final class PredictView {
    private static final String PROBABILITY_TITLE = "Probabilities P = softmax(z/T)";
    private static final String GRADIENT_TITLE = "Gradient dL/dz (P - Y, scaled)";
    private final ExplorerViewModel model;
    private final PredictionModel prediction;
    private final BarCanvas probabilityChart;
    private final BarCanvas gradientChart;

    PredictView(ExplorerViewModel model, BarCanvas probabilityChart, BarCanvas gradientChart, CheckBox toggle,
                Button reveal, Label verdict) {
        this.model = model;
        this.prediction = model.prediction();
        this.probabilityChart = probabilityChart;
        this.gradientChart = gradientChart;
        toggle.selectedProperty().bindBidirectional(prediction.enabledProperty());
        Help.set(toggle, "Predict, then reveal: after each change, guess P by dragging the bars.");
        reveal.setOnAction(e -> prediction.reveal());
        reveal.visibleProperty().bind(prediction.enabledProperty());
        reveal.managedProperty().bind(reveal.visibleProperty());
        reveal.disableProperty().bind(prediction.revealedProperty());
        verdict.textProperty().bind(javafx.beans.binding.Bindings.concat(prediction.verdictProperty(), " ",
                prediction.scoreProperty()));
        verdict.visibleProperty().bind(prediction.enabledProperty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        probabilityChart.setOnBarDrag((c, p) -> {
            if (prediction.hidesAnswer()) {
                prediction.guess(c, p);
            } else {
                model.dragProbability(c, p);
            }
        });
        prediction.guessesProperty().addListener(o -> show(model.getResult()));
        prediction.revealedProperty().addListener(o -> show(model.getResult()));
        prediction.enabledProperty().addListener(o -> show(model.getResult()));
    }

    /** The two charts for {@code r}: the true bars, or the guesses while the answer is hidden. */
    void show(ExplorerResults r) {
        if (r == null) {
            return;
        }
        ExplorerResults.BarView bars = r.bars();
        probabilityChart.setLabels(bars.labels());
        probabilityChart.setBarOrder(bars.order());
        gradientChart.setLabels(bars.labels());
        gradientChart.setBarOrder(bars.order());
        double[] guesses = prediction.guessesProperty().get();
        boolean guessing = prediction.hidesAnswer() && guesses != null && guesses.length == bars.probabilities().length
                && !bars.ranked();
        gradientChart.setVisible(!guessing);
        if (guessing) {
            probabilityChart.setValues(guesses, bars.targetBar(), null);
            probabilityChart.setTitle("Your guess of P: drag each bar, then Reveal");
            return;
        }
        boolean compared = prediction.enabledProperty().get() && prediction.revealedProperty().get()
                && guesses != null && guesses.length == bars.probabilities().length && !bars.ranked();
        probabilityChart.setValues(bars.probabilities(), bars.targetBar(), compared ? guesses : bars.ghost());
        probabilityChart.setTitle(compared ? "P (dashed: your guess)" : bars.ranked() ? "P " + bars.rankNote()
                : PROBABILITY_TITLE);
        gradientChart.setValues(bars.gradient(), bars.targetBar(), null);
        gradientChart.setTitle(bars.ranked() ? "dL/dz, same order" : GRADIENT_TITLE);
    }
}
