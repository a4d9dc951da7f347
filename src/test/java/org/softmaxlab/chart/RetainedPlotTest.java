package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart redrawn after a change shows exactly what a chart drawn once with the new data shows, though only its
 * changed part is drawn again (as nodes; over the canvas for a chart too large for nodes); a hidden chart is drawn when
 * it shows, with its newest data.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class RetainedPlotTest {
    private static final double[] FIRST = {0.1, 0.2, 0.05, 0.4, 0.25};
    private static final double[] SECOND = {0.3, 0.02, 0.18, 0.35, 0.15};
    private final BarCanvas changed = new BarCanvas(BarCanvas.Range.PROBABILITY);
    private final HBox row = new HBox();
    private final BarCanvas hidden = new BarCanvas(BarCanvas.Range.PROBABILITY);
    private final StackPane hiddenBox = new StackPane(hidden);

    @Start
    void start(Stage stage) {
        sized(changed).setValues(FIRST, 3, null);
        sized(hidden).setValues(FIRST, 3, null);
        hiddenBox.setVisible(false);
        row.getChildren().addAll(changed, hiddenBox);
        stage.setScene(new Scene(row, 1100, 300));
        stage.show();
    }

    private static BarCanvas sized(BarCanvas chart) {
        chart.setTitle("Probabilities");
        chart.setMinSize(360, 260);
        chart.setPrefSize(360, 260);
        chart.setMaxSize(360, 260);
        return chart;
    }

    /** A chart shown with {@code values} from its first drawing on (in place of the last one). */
    private BarCanvas reference(FxRobot robot, double[] values, int highlighted) {
        BarCanvas chart = sized(new BarCanvas(BarCanvas.Range.PROBABILITY));
        chart.setValues(values, highlighted, null);
        robot.interact(() -> {
            row.getChildren().removeIf(n -> n instanceof BarCanvas && n != changed);
            row.getChildren().add(chart);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    private static WritableImage[] shot(FxRobot robot, Node... nodes) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] images = new WritableImage[nodes.length];
        robot.interact(() -> {
            for (int i = 0; i < nodes.length; i++) {
                images[i] = nodes[i].snapshot(null, null);
            }
        });
        return images;
    }

    /** The share of pixels whose colour differs by more than {@code tolerance} (0-255) in a channel. */
    private static double differing(WritableImage a, WritableImage b, int tolerance) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int pa = ra.getArgb(x, y);
                int pb = rb.getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((pa >> shift & 0xff) - (pb >> shift & 0xff)) > tolerance) {
                        differ++;
                        break;
                    }
                }
            }
        }
        return differ / (double) (w * h);
    }

    private static int overlayNodes(PlotCanvas chart) {
        for (Node child : chart.getChildrenUnmodifiable()) {
            if (child instanceof Pane overlay) {
                return overlay.getChildren().size();
            }
        }
        return 0;
    }

    @Test
    void aChangedChartLooksAsOneDrawnOnceWithTheNewData(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> changed.setValues(SECOND, 3, null));
        BarCanvas fresh = reference(robot, SECOND, 3);
        WritableImage[] shots = shot(robot, changed, fresh);
        assertTrue(overlayNodes(changed) > 0, "the change is drawn as nodes");
        assertFalse(fresh.canvas().isVisible(), "a chart that fits in nodes is all nodes, its canvas hidden");
        // The bars, the value labels and the outline: as the canvas draws them, to anti-aliasing.
        double share = differing(shots[0], shots[1], 40);
        assertTrue(share < 0.002, "pixels differing: " + share);
        // And a different drawing is told apart: the test sees what it compares.
        BarCanvas other = reference(robot, FIRST, 3);
        assertTrue(differing(shot(robot, changed)[0], shot(robot, other)[0], 40) > 0.01);
    }

    /** A chart too large for nodes draws its start on the canvas, shown, and a change as nodes over it. */
    @Test
    void aLargeChartKeepsItsCanvasAndAChangeLooksAsOneDrawnOnce(FxRobot robot) {
        double[] first = new double[200];
        double[] second = new double[200];
        for (int c = 0; c < first.length; c++) {
            first[c] = (c % 7 + 1) / 700.0;
            second[c] = c == first.length - 5 ? 0.3 : first[c];
        }
        BarCanvas large = reference(robot, first, 5);
        assertTrue(large.canvas().isVisible(), "a chart past the nodes' limit is drawn on its canvas");
        int before = overlayNodes(large);
        robot.interact(() -> large.setValues(second, 5, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(large.canvas().isVisible());
        assertTrue(overlayNodes(large) > before, "the change is drawn as nodes over the canvas");
        WritableImage changedShot = shot(robot, large)[0];
        BarCanvas fresh = reference(robot, second, 5);
        double share = differing(changedShot, shot(robot, fresh)[0], 40);
        assertTrue(share < 0.002, "pixels differing: " + share);
    }

    @Test
    void aHiddenChartIsDrawnWhenItShowsWithItsNewestData(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> hidden.setValues(SECOND, 1, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hiddenBox.isVisible());
        robot.interact(() -> hiddenBox.setVisible(true));
        BarCanvas fresh = reference(robot, SECOND, 1);
        WritableImage[] shots = shot(robot, hidden, fresh);
        double share = differing(shots[0], shots[1], 40);
        assertTrue(share < 0.002, "pixels differing: " + share);
    }

    /**
     * The scene root's style flag at the start of each of at least four pulses after {@code change}, before their style
     * pass: read through JavaFX's own field, as no public API tells it. The other chart is retitled between pulses, so
     * that each has something to do.
     */
    private java.util.List<String> rootStyleAtPulseStarts(FxRobot robot, Runnable change) throws Exception {
        java.lang.reflect.Field cssFlag = Node.class.getDeclaredField("cssFlag");
        cssFlag.setAccessible(true);
        Scene scene = row.getScene();
        java.util.List<String> atPulseStart = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable record = () -> {
            try {
                atPulseStart.add(String.valueOf(cssFlag.get(scene.getRoot())));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        robot.interact(() -> {
            scene.addPreLayoutPulseListener(record);
            change.run();
        });
        long end = System.nanoTime() + 2_000_000_000L;
        while (atPulseStart.size() < 4 && System.nanoTime() < end) {
            robot.interact(() -> changed.setTitle("Probabilities " + atPulseStart.size()));
            Thread.sleep(20);
        }
        robot.interact(() -> scene.removePreLayoutPulseListener(record));
        assertTrue(atPulseStart.size() >= 4, "pulses seen: " + atPulseStart);
        return atPulseStart;
    }

    /**
     * Nodes a redraw adds leave no style work to the next pulse: JavaFX would style the scene then and, with nothing
     * else changed, repaint the whole window.
     */
    @Test
    void nodesAddedByARedrawLeaveTheSceneStyledAtThePulsesEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> atPulseStart = rootStyleAtPulseStarts(robot, () -> changed.setValues(SECOND, 3, null));
        assertTrue(overlayNodes(changed) > 0, "the change added nodes");
        assertTrue(atPulseStart.stream().allMatch("CLEAN"::equals), "root style at each pulse's start: " + atPulseStart);
    }

    /** A chart changed while hidden is drawn before the style pass of the pulse it shows in: that too leaves no style work. */
    @Test
    void aChartDrawnAsItShowsLeavesTheSceneStyledAtThePulsesEnd(FxRobot robot) throws Exception {
        robot.interact(() -> hiddenBox.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            hiddenBox.setVisible(false);
            hidden.setValues(SECOND, 1, null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> atPulseStart = rootStyleAtPulseStarts(robot, () -> hiddenBox.setVisible(true));
        assertTrue(overlayNodes(hidden) > 0, "showing it drew the change as nodes");
        // The chart draws in the first pulse's listeners, before the recorder runs, and that pulse's style pass styles
        // the nodes it added; the pulses after it have nothing left to style (drawn in layout, the second had).
        assertTrue(atPulseStart.subList(1, atPulseStart.size()).stream().allMatch("CLEAN"::equals),
                "root style at each pulse's start: " + atPulseStart);
        WritableImage[] shots = shot(robot, hidden, reference(robot, SECOND, 1));
        assertTrue(differing(shots[0], shots[1], 8) < 0.001, "it shows its newest data");
    }
}
