package org.softmaxlab.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a UI test reads off the screen: a label's text, now or once it says what is expected; whether a node shows. */
public final class Screen {
    private Screen() {
    }

    /** The text of the label {@code id} ("#lossValue"). */
    public static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Asserts the node {@code id} is shown and lies wholly inside its window. */
    public static void assertOnScreen(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        org.junit.jupiter.api.Assertions.assertTrue(n.isVisible() && b.getWidth() > 0 && b.getMinX() >= 0
                && b.getMaxX() <= n.getScene().getWidth() + 1 && b.getMinY() >= 0
                && b.getMaxY() <= n.getScene().getHeight() + 1, id + " at " + b);
    }

    /** Waits up to 10 s for the label {@code id} to satisfy {@code ok}; the error says what it showed. */
    public static void await(FxRobot robot, String id, Predicate<String> ok) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ok.test(text(robot, id)));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " shows \"" + text(robot, id) + "\"");
        }
    }
}
