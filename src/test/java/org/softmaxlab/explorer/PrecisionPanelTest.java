package org.softmaxlab.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.PrecisionDisplay;
import org.softmaxlab.testing.Reference;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Explorer's precision panel through the real window, its cells checked against {@code eval}. */
@Tag("ui")
class PrecisionPanelTest extends WindowTest {

    private static JsonNode eval(double[] z, int target, String precision, String algorithm) {
        StringBuilder in = new StringBuilder("{\"logits\": [");
        for (int i = 0; i < z.length; i++) {
            in.append(i > 0 ? "," : "").append(z[i]);
        }
        in.append("], \"targets\": ").append(target).append(", \"precision\": \"").append(precision)
                .append("\", \"algorithm\": \"").append(algorithm).append("\", \"reduction\": \"sum\"}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err)).run("eval");
        assertEquals(0, code, err.toString());
        return Reference.parse(out.toString());
    }

    private static double value(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    /** Scrolls the numbers column to the panel, as a person would, and checks the cell is on screen. */
    private static void reveal(FxRobot robot, String id) {
        Node cell = robot.lookup(id).query();
        robot.interact(() -> {
            ScrollPane column = (ScrollPane) robot.lookup(".numbers-scroll").query();
            Bounds b = cell.localToScene(cell.getBoundsInLocal());
            Bounds content = column.getContent().localToScene(column.getContent().getBoundsInLocal());
            double extra = content.getHeight() - column.getViewportBounds().getHeight();
            column.setVvalue(Math.min(1, Math.max(0, (b.getMinY() - content.getMinY() - 40) / extra)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = cell.localToScene(cell.getBoundsInLocal());
        assertTrue(cell.isVisible() && b.getMaxY() <= cell.getScene().getHeight() && b.getMinY() >= 0
                && b.getMaxX() <= cell.getScene().getWidth(), id + " on screen at " + b);
    }

    @Test
    void theFloat16PresetIsNaNNaiveAndFiniteStableAsEvalSays(FxRobot robot) {
        ExplorerViewTest.choose(robot, "#presetChoice", ExplorerPreset.FLOAT16_OVERFLOW);
        double[] z = {12, 11, 0};
        ExplorerViewTest.choose(robot, "#precisionAlgorithm", "naive");
        reveal(robot, "#prec-float16-0");
        JsonNode naive = eval(z, 0, "float16", "naive");
        assertEquals("NaN", naive.get("probs").get(0).asText());
        assertEquals("NaN \u2191", Screen.text(robot, "#prec-float16-0"), "class 0 overflowed to NaN");
        assertEquals("NaN", Screen.text(robot, "#prec-float16-loss"));
        assertTrue(robot.lookup("#prec-float16-0").query().getStyleClass().contains("ulp-broken"));
        // float32 and bfloat16 hold exp(12): their naive softmax is fine.
        assertEquals(PrecisionDisplay.short4(value(eval(z, 0, "bfloat16", "naive").get("probs").get(0))),
                Screen.text(robot, "#prec-bfloat16-0"));
        ExplorerViewTest.choose(robot, "#precisionAlgorithm", "stable");
        JsonNode stable = eval(z, 0, "float16", "stable");
        for (int k = 0; k < 3; k++) {
            // The rows are the classes by probability: 0, 1, 2 here.
            assertEquals(PrecisionDisplay.short4(value(stable.get("probs").get(k))),
                    Screen.text(robot, "#prec-float16-" + k));
            assertEquals(PrecisionDisplay.short4(value(stable.get("grad_logits").get(k))),
                    Screen.text(robot, "#grad-float16-" + k));
        }
        assertEquals(PrecisionDisplay.short4(stable.get("loss").asDouble()), Screen.text(robot, "#prec-float16-loss"));
        assertFalse(Screen.text(robot, "#precisionVerdict").contains("breaks"));
    }

    @Test
    void theScaleSliderMovesTheFirstOverflowWhereEvalPutsIt(FxRobot robot) {
        ExplorerViewTest.choose(robot, "#presetChoice", ExplorerPreset.DEFAULT);
        ExplorerViewTest.choose(robot, "#precisionAlgorithm", "naive");
        reveal(robot, "#logitScale");
        double[] z = workspace.explorer().state().selectedLogits();
        PrecisionDisplay d = workspace.explorer().precision().display();
        double f16 = d.columns().get(3).firstOverflow();
        double bf16 = d.columns().get(2).firstOverflow();
        assertTrue(f16 > 1 && f16 < bf16, "float16 overflows first: " + f16 + " against " + bf16);
        // eval says: just below the scale nothing overflows in float16, just above the largest logit does.
        assertFalse(eval(scaled(z, f16 * (1 - 1e-5)), 0, "float16", "naive").get("overflow").get(0).asBoolean());
        assertTrue(eval(scaled(z, f16 * (1 + 1e-5)), 0, "float16", "naive").get("overflow").get(0).asBoolean());
        assertTrue(Screen.text(robot, "#firstOverflow").contains("float16 from \u00d7"
                + org.softmaxlab.model.Numbers.decimals(f16, 3)));
        Slider scale = robot.lookup("#logitScale").queryAs(Slider.class);
        robot.interact(() -> scale.setValue(Math.log10(f16 * 0.98)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Screen.text(robot, "#prec-float16-0").contains("\u2191"), "below: no overflow");
        robot.interact(() -> scale.setValue(Math.log10(f16 * 1.02)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Screen.text(robot, "#prec-float16-0").contains("\u2191"), "above: class 0 overflowed");
        assertFalse(Screen.text(robot, "#prec-bfloat16-0").contains("\u2191"), "bfloat16 holds it");
        assertTrue(Screen.text(robot, "#logitScaleValue").startsWith("\u00d7 "));
    }

    private static double[] scaled(double[] z, double s) {
        double[] out = z.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }
}
