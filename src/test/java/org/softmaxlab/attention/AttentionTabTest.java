package org.softmaxlab.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.HeatMapCanvas;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.model.AttentionState;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.Reference;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Attention tab through the real window, its readouts checked against the {@code attention} command. */
@Tag("ui")
class AttentionTabTest extends WindowTest {

    private void showAttentionTab(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "attentionTab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String id, String label) {
        robot.interact(() -> robot.lookup(id).queryAs(ChoiceBox.class).setValue(label));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void setDim(FxRobot robot, int d) {
        robot.interact(() -> ((Spinner<Integer>) robot.lookup("#attentionDim").queryAs(Spinner.class))
                .getValueFactory().setValue(d));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What {@code attention} prints for the tab's vectors, values the identity, with {@code options}. */
    private static JsonNode attention(AttentionState s, String options) {
        int n = s.size();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        String in = "{\"q\": " + Arrays.deepToString(s.q()) + ", \"k\": " + Arrays.deepToString(s.k()) + ", \"v\": "
                + Arrays.deepToString(v) + ", " + options + "}";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err)).run("attention");
        assertEquals(0, code, err.toString());
        return Reference.parse(out.toString());
    }

    private static double meanEntropy(JsonNode r) {
        double sum = 0;
        for (JsonNode h : r.get("entropy")) {
            sum += h.asDouble();
        }
        return sum / r.get("entropy").size();
    }

    /** The largest entry of diag(p) - p p^T of row {@code row} of the CLI's weights. */
    private static double jacobianMax(JsonNode r, int row) {
        JsonNode p = r.get("weights").get(row);
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < p.size(); a++) {
            for (int b = 0; b < p.size(); b++) {
                max = Math.max(max, (a == b ? p.get(a).asDouble() : 0) - p.get(a).asDouble() * p.get(b).asDouble());
            }
        }
        return max;
    }

    @Test
    void raisingDWithScaleOneLowersTheJacobianMaxAndTheMeanEntropyAsTheCliSays(FxRobot robot) {
        showAttentionTab(robot);
        choose(robot, "#attentionScale", "1");
        double[] entropy = new double[2];
        double[] jacobian = new double[2];
        int[] dims = {4, 256};
        for (int t = 0; t < 2; t++) {
            setDim(robot, dims[t]);
            AttentionState s = workspace.attention().state();
            assertEquals(dims[t], s.dim());
            JsonNode cli = attention(s, "\"scale\": 1, \"mask\": \"none\"");
            entropy[t] = meanEntropy(cli);
            jacobian[t] = jacobianMax(cli, s.query());
            assertEquals("mean entropy " + Numbers.fixed4(entropy[t]) + " nats", Screen.text(robot,
                    "#attentionEntropy"));
            assertEquals("max J " + Numbers.fixed4(jacobian[t]), Screen.text(robot, "#jacobianMax"));
        }
        assertTrue(jacobian[1] < jacobian[0], Arrays.toString(jacobian));
        assertTrue(entropy[1] < entropy[0], Arrays.toString(entropy));
        assertTrue(Screen.text(robot, "#attentionVerdict").startsWith("Saturated"),
                Screen.text(robot, "#attentionVerdict"));
        for (String id : new String[] {"#attentionWeights", "#attentionScores", "#attentionSweep", "#jacobianMax",
                "#attentionDim", "#attentionScale", "#attentionMask"}) {
            Screen.assertOnScreen(robot, id);
        }
    }

    @Test
    void theCausalMaskGreysTheUpperTriangleAndEveryRowStillSumsToOne(FxRobot robot) {
        showAttentionTab(robot);
        choose(robot, "#attentionMask", "causal");
        HeatMapCanvas map = robot.lookup("#attentionWeights").queryAs(HeatMapCanvas.class);
        AttentionState s = workspace.attention().state();
        JsonNode cli = attention(s, "\"mask\": \"causal\"");
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = map.snapshot(new SnapshotParameters(), null));
        double[][] w = map.matrix();
        for (int i = 0; i < s.size(); i++) {
            double sum = 0;
            for (int j = 0; j < s.size(); j++) {
                sum += w[i][j];
                assertEquals(cli.get("weights").get(i).get(j).asDouble(), w[i][j], 1e-12);
                assertEquals(j > i, map.isMasked(i, j), "cell " + i + ", " + j);
                Color c = pixel(image[0], map.cellCorner(i, j));
                if (j > i) {
                    assertTrue(grey(c), "masked cell " + i + ", " + j + " is " + c);
                } else if (w[i][j] > 0.15) {
                    assertFalse(grey(c), "seen cell " + i + ", " + j + " is " + c);
                }
            }
            assertEquals(1, sum, 1e-12, "row " + i);
        }
    }

    @Test
    void clickedCellsMaskTheirKeysAndARowWithEveryKeyMaskedSaysSo(FxRobot robot) {
        showAttentionTab(robot);
        choose(robot, "#attentionMask", "click cells");
        HeatMapCanvas map = robot.lookup("#attentionWeights").queryAs(HeatMapCanvas.class);
        int n = workspace.attention().state().size();
        int last = n - 1;
        for (int j = 0; j < n; j++) {
            Point2D at = map.localToScreen(map.cellCentre(last, j));
            robot.clickOn(at);
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (int j = 0; j < n; j++) {
            assertTrue(map.isMasked(last, j));
        }
        assertEquals("max J: every key masked", Screen.text(robot, "#jacobianMax"));
        assertTrue(Screen.text(robot, "#attentionVerdict").contains("every key masked"));
        double sum = 0;
        for (double x : map.matrix()[0]) {
            sum += x;
        }
        assertEquals(1, sum, 1e-12);
        robot.clickOn(map.localToScreen(map.cellCentre(last, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, map.matrix()[last][0], 1e-12, "the one key left takes all the weight");
    }

    @Test
    void atDTwoDraggingAKeyMovesItAndItsWeights(FxRobot robot) {
        showAttentionTab(robot);
        setDim(robot, 2);
        AttentionState before = workspace.attention().state();
        VectorPlane plane = robot.lookup("#attentionVectors").queryAs(VectorPlane.class);
        double[] k = before.k()[0];
        Point2D from = plane.localToScreen(plane.toPixels(k[0], k[1]));
        Point2D to = plane.localToScreen(plane.toPixels(-k[0], -k[1]));
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        AttentionState after = workspace.attention().state();
        assertEquals(-k[0], after.k()[0][0], 0.15 * Math.max(1, Math.abs(k[0])));
        assertEquals(-k[1], after.k()[0][1], 0.15 * Math.max(1, Math.abs(k[1])));
        assertTrue(Math.abs(after.k()[0][0] - k[0]) > 0.1 || Math.abs(after.k()[0][1] - k[1]) > 0.1);
        JsonNode cli = attention(after, "\"mask\": \"none\"");
        assertEquals(cli.get("weights").get(after.query()).get(0).asDouble(),
                workspace.attention().display().chosen()[0], 1e-12);
    }

    private static Color pixel(WritableImage image, Point2D at) {
        return image.getPixelReader().getColor((int) at.getX(), (int) at.getY());
    }

    /** A cell drawn in the mask's grey: red, green and blue nearly equal and not white. */
    private static boolean grey(Color c) {
        return Math.abs(c.getRed() - c.getGreen()) < 0.04 && Math.abs(c.getGreen() - c.getBlue()) < 0.04
                && c.getRed() < 0.9;
    }
}
