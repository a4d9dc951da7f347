package org.softmaxlab.explorer;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Undo and redo in the Explorer: a whole drag is one step; typed values and presets are steps of their own. */
@Tag("ui")
class UndoTest extends WindowTest {

    private double logit0() {
        return workspace.explorer().state().selectedLogits()[0];
    }

    @Test
    void aWholeSliderDragIsOneUndoStep(FxRobot robot) {
        robot.clickOn("#explorerTab");
        double before = logit0();
        Slider slider = robot.lookup("#logitSlider-0").queryAs(Slider.class);
        Bounds b = slider.localToScreen(slider.getLayoutBounds());
        robot.drag(b.getMinX() + b.getWidth() * 0.5, b.getCenterY(), MouseButton.PRIMARY)
                .moveBy(b.getWidth() * 0.1, 0).moveBy(b.getWidth() * 0.1, 0).moveBy(b.getWidth() * 0.1, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double after = logit0();
        assertNotEquals(before, after, "the drag moved the logit");
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, logit0(), 0.0, "one undo takes the whole drag back");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).press(KeyCode.Z).release(KeyCode.Z)
                .release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(after, logit0(), 0.0, "redo puts it back");
    }

    @Test
    void typedValuesAndPresetsAreStepsOfTheirOwn(FxRobot robot) {
        double start = logit0();
        robot.interact(() -> workspace.explorer().commitLogit(0, "3.5"));
        robot.interact(() -> workspace.explorer().commitLogit(0, "-1"));
        robot.interact(() -> workspace.explorer().applyPreset(ExplorerPreset.EXAMPLE_A));
        assertEquals(2, workspace.explorer().state().samples());
        robot.interact(() -> assertTrue(workspace.explorer().undo()));
        assertEquals(-1.0, logit0());
        robot.interact(() -> assertTrue(workspace.explorer().undo()));
        assertEquals(3.5, logit0());
        robot.interact(() -> assertTrue(workspace.explorer().undo()));
        assertEquals(start, logit0());
        // A new change after an undo forgets what was undone.
        robot.interact(() -> workspace.explorer().commitLogit(0, "2.25"));
        assertFalse(workspace.explorer().canRedoProperty().get());
        robot.interact(() -> assertFalse(workspace.explorer().redo()));
    }
}
