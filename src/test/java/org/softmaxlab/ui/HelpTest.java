package org.softmaxlab.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A control's help sentence is read to a screen reader and shown as its tooltip when the pointer rests on it. */
@Tag("ui")
class HelpTest extends WindowTest {
    @Test
    void theWindowOpensWithoutTooltipsAndEachShowsItsSentenceOnHover(FxRobot robot) throws Exception {
        List<Control> helped = robot.lookup(n -> n instanceof Control c && c.getAccessibleHelp() != null)
                .queryAllAs(Control.class).stream().toList();
        assertTrue(helped.size() >= 10, "the Explorer's controls say what they do: " + helped.size());
        for (Control c : helped) {
            assertEquals(null, c.getTooltip(), c.getId() + ": no tooltip made before the pointer comes");
        }
        hoverAndSee(robot, "#classCount", "Number of classes C.");
        robot.clickOn("#trainingTab");
        hoverAndSee(robot, "#playButton", "Start or pause training (Space).");
    }

    private static void hoverAndSee(FxRobot robot, String query, String sentence) throws Exception {
        Control control = robot.lookup(query).queryAs(Control.class);
        assertEquals(sentence, control.getAccessibleHelp(), "what a screen reader says");
        robot.moveTo(control).moveBy(2, 0).moveBy(-2, 0);
        Tooltip tooltip = control.getTooltip();
        assertNotNull(tooltip, query + " has its tooltip once the pointer is on it");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tooltip::isShowing);
        assertEquals(sentence, tooltip.getText(), "the tooltip on screen says it");
        robot.moveTo("#explorerTab");
    }
}
