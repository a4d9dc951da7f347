package org.softmaxlab.explorer;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Predict, then reveal: the probability bars stay hidden until the guess is revealed, in presentation mode too. */
@Tag("ui")
class PredictRevealTest extends WindowTest {

    @Test
    void theBarsHideUntilTheGuessIsRevealed(FxRobot robot) {
        robot.interact(() -> workspace.explorer().applyPreset(ExplorerPreset.EXAMPLE_A));
        robot.type(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        BarCanvas probabilities = robot.lookup("#probabilityChart").queryAs(BarCanvas.class);
        BarCanvas gradient = robot.lookup("#gradientChart").queryAs(BarCanvas.class);
        double[] truth = probabilities.values();
        robot.clickOn("#predictToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, probabilities.values(), 1e-15,
                "hidden: the bars are the guesses, uniform at first");
        assertFalse(gradient.isVisible(), "the gradient gives the answer away: hidden too");
        // Drag the target's bar up to 0.8 (a press on the bar's column and a drag to the height).
        javafx.geometry.Bounds b = probabilities.localToScreen(probabilities.getLayoutBounds());
        robot.interact(() -> workspace.explorer().prediction().guess(0, 0.8));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.8, probabilities.values()[0], 1e-15);
        assertTrue(b.getWidth() > 0);
        robot.clickOn("#revealButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(truth, probabilities.values(), 0, "revealed: the true bars");
        assertArrayEquals(new double[] {0.8, 1.0 / 3, 1.0 / 3}, probabilities.ghostValues(), 1e-15,
                "the guess beside them");
        assertTrue(gradient.isVisible());
        String verdict = robot.lookup("#predictVerdict").queryAs(Label.class).getText();
        double error = (Math.abs(0.8 - truth[0]) + Math.abs(1.0 / 3 - truth[1]) + Math.abs(1.0 / 3 - truth[2])) / 3;
        assertTrue(verdict.contains(String.format(java.util.Locale.ROOT, "%.4f", error)), verdict);
        assertTrue(verdict.contains("Session: 1 guess"), verdict);
        // A change asks again.
        robot.interact(() -> workspace.explorer().dragLogit(1, 4.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, probabilities.values(), 1e-15);
        assertTrue(robot.lookup("#revealButton").query().isVisible(), "Reveal works in presentation mode");
    }
}
