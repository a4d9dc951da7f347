package org.softmaxlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.CurveCanvas;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.testing.Reference;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Training tab's run in another format: its loss history over the run's, as {@code train} computes it. */
@Tag("ui")
class FormatRunTest extends WindowTest {

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String id, String item) {
        robot.interact(() -> robot.lookup(id).queryAs(ChoiceBox.class).setValue(item));
    }

    /** What {@code train} prints for the tab's setup in {@code options} (JSON members), one loss per step. */
    private double[] train(Trainer t, int steps, String options) {
        String in = "{\"x\": " + Arrays.deepToString(t.dataset().x()) + ", \"targets\": "
                + Arrays.toString(t.dataset().labels()) + ", \"init\": {\"weight\": "
                + Arrays.deepToString(t.model().weight()) + ", \"bias\": " + Arrays.toString(t.model().bias())
                + "}, \"optimizer\": {\"lr\": " + workspace.training().setup().lr() + "}, \"steps\": " + steps + ", "
                + options + "}";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err)).run("train");
        assertEquals(0, code, err.toString());
        return out.toString().lines().map(Reference::parse).mapToDouble(l -> l.get("loss").asDouble()).toArray();
    }

    @Test
    void float16WithALossScaleDrawsTheSameRunAsTrainPrintsOverTheFloat64One(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().datasetProperty().set(DatasetKind.BLOBS));
        choose(robot, "#trainingPrecision", "float16");
        choose(robot, "#lossScale", "1,024");
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#stepButton");
        }
        CurveCanvas chart = robot.lookup("#lossHistoryChart").queryAs(CurveCanvas.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.series().isEmpty()
                && chart.series().get(0).x().length == 7);
        CurveCanvas.Series shown = chart.series().get(0);
        assertEquals("float16 run (dashed)", shown.name());
        double[] expected = train(workspace.training().setup().build(), 7,
                "\"precision\": \"float16\", \"master_weights\": \"float32\", \"loss_scale\": 1024");
        assertEquals(Arrays.toString(expected), Arrays.toString(shown.y()));
        assertEquals(7, chart.pointCount(), "the float64 run's own history is there too");
        String note = robot.lookup("#formatRunNote").queryAs(Label.class).getText();
        assertTrue(note.startsWith("The same run in float16, loss scale 1,024, float32 master weights"), note);
        assertTrue(robot.lookup("#formatRunNote").query().isVisible());

        choose(robot, "#trainingPrecision", "float64 (the run)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.series().isEmpty());
    }

    @Test
    void aSetupAFormatRunCannotTrainSaysWhy(FxRobot robot) throws Exception {
        robot.clickOn("#trainingTab");
        robot.interact(() -> workspace.training().momentumProperty().set(0.9));
        choose(robot, "#trainingPrecision", "bfloat16");
        Label note = robot.lookup("#formatRunNote").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> note.getText().contains("momentum"));
        CurveCanvas chart = robot.lookup("#lossHistoryChart").queryAs(CurveCanvas.class);
        assertTrue(chart.series().isEmpty());
    }
}
