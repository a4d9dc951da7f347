package org.softmaxlab.explorer;

import java.util.Arrays;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.ExplorerState;

/**
 * Predict, then reveal: with the mode on, after each change to the Explorer's problem the selected sample's
 * probabilities stay hidden until the user has dragged a guess for each bar and pressed Reveal; then the true bars
 * show beside the guess, with the guess's error and a running score for the session.
 */
public final class PredictionModel {
    private final ExplorerViewModel explorer;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed", false);
    private final ReadOnlyObjectWrapper<double[]> guesses = new ReadOnlyObjectWrapper<>(this, "guesses");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "");
    private ExplorerState asked;
    private int rounds;
    private double totalError;

    public PredictionModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
        enabled.addListener((o, a, on) -> newQuestion());
        explorer.stateProperty().addListener((o, a, s) -> {
            if (enabled.get() && (asked == null || !s.sameProblemAs(asked)
                    || s.selectedSample() != asked.selectedSample())) {
                newQuestion();
            }
        });
    }

    /** Hides the answer for the current problem: every guess starts at 1/C. */
    private void newQuestion() {
        asked = explorer.state();
        int c = asked.classes();
        double[] uniform = new double[c];
        Arrays.fill(uniform, 1.0 / c);
        guesses.set(uniform);
        revealed.set(false);
        verdict.set(enabled.get() ? "Drag each bar to your guess of P, then Reveal." : "");
    }

    /** The user's guess for class {@code c}'s probability (clamped to [0, 1]); ignored once revealed. */
    public void guess(int c, double p) {
        double[] g = guesses.get();
        if (revealed.get() || g == null || c < 0 || c >= g.length) {
            return;
        }
        double[] next = g.clone();
        next[c] = Math.max(0, Math.min(1, p));
        guesses.set(next);
    }

    /** Shows the true bars beside the guess, and how far the guess was: the mean |guess - P| over the classes. */
    public void reveal() {
        ExplorerResults r = explorer.getResult();
        double[] g = guesses.get();
        if (!enabled.get() || revealed.get() || r == null || g == null) {
            return;
        }
        double[] p = r.loss().probabilities()[r.selected()];
        double error = 0;
        for (int c = 0; c < p.length; c++) {
            error += Math.abs(g[c] - p[c]);
        }
        error /= p.length;
        rounds++;
        totalError += error;
        revealed.set(true);
        verdict.set(String.format(Locale.ROOT, "Your guess was off by %.4f on average (mean |guess - P|).", error));
        score.set(String.format(Locale.ROOT, "Session: %d %s, mean error %.4f", rounds, rounds == 1 ? "guess"
                : "guesses", totalError / rounds));
    }

    /** Whether the probabilities are hidden now (the mode is on and this problem is not revealed yet). */
    public boolean hidesAnswer() {
        return enabled.get() && !revealed.get();
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public ReadOnlyBooleanProperty revealedProperty() { return revealed.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<double[]> guessesProperty() { return guesses.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scoreProperty() { return score.getReadOnlyProperty(); }
}
