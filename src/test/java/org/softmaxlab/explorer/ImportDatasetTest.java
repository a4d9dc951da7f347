package org.softmaxlab.explorer;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.softmaxlab.chart.BarCanvas;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.testing.Screen;
import org.softmaxlab.testing.WindowTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Logits from files and the clipboard into the Explorer, and its dataset view for a batch of 500. */
@Tag("ui")
class ImportDatasetTest extends WindowTest {
    private static final Path DIR = Path.of("src/test/resources/import");

    @Test
    @SuppressWarnings("unchecked")
    void aFiveHundredSampleFileShowsTheBatchLossTheHistogramAndTheWorstSample(FxRobot robot) throws Exception {
        ImportedBatch expected = new LogitImport(10_000, 1000).readFile(DIR.resolve("dataset_500x10.npz"));
        LossResult r = new CrossEntropyLoss(CrossEntropyOptions.defaults()).evaluate(expected.logits(),
                Targets.indices(expected.targets()));
        dialogs.next = DIR.resolve("dataset_500x10.npz");
        robot.press(KeyCode.CONTROL).press(KeyCode.I).release(KeyCode.I).release(KeyCode.CONTROL);
        Screen.await(robot, "#lossValue", Numbers.fixed4(r.loss())::equals);
        assertTrue(Screen.text(robot, "#statusBar").startsWith("Imported 500 x 10"), Screen.text(robot, "#statusBar"));
        BarCanvas histogram = robot.lookup("#lossHistogram").queryAs(BarCanvas.class);
        assertTrue(histogram.isVisible(), "the histogram takes the per-sample chart's place");
        assertEquals(500, Arrays.stream(histogram.values()).sum(), 1e-9, "every sample in a bin");
        int worst = 0;
        for (int i = 1; i < 500; i++) {
            if (r.perSampleLoss()[i] > r.perSampleLoss()[worst]) {
                worst = i;
            }
        }
        ListView<String> list = robot.lookup("#worstSamples").queryAs(ListView.class);
        assertEquals("sample " + worst + ": loss " + Numbers.fixed4(r.perSampleLoss()[worst]), list.getItems().get(0));
        robot.clickOn(robot.lookup("#worstSamples .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        int w = worst;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workspace.explorer().state().selectedSample() == w);
        assertEquals(w, robot.lookup("#sampleSelector").queryAs(ChoiceBox.class).getValue());
        assertTrue(Screen.text(robot, "#datasetSummary").contains("accuracy"), Screen.text(robot, "#datasetSummary"));
        // The search goes to any sample.
        robot.clickOn("#sampleSearch").write("123").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> workspace.explorer().state().selectedSample() == 123);
        assertEquals(500, workspace.explorer().state().samples(), "the whole dataset stays");
    }

    @Test
    void aFiveHundredByTenNpyWithoutTargetsTakesEachSamplesTopClass(FxRobot robot) throws Exception {
        ImportedBatch expected = new LogitImport(10_000, 1000).readFile(DIR.resolve("logits_500x10.npy"));
        int[] top = new int[500];
        for (int i = 0; i < 500; i++) {
            top[i] = org.softmaxlab.engine.Softmax.argmax(expected.logits()[i]);
        }
        LossResult r = new CrossEntropyLoss(CrossEntropyOptions.defaults()).evaluate(expected.logits(),
                Targets.indices(top));
        dialogs.next = DIR.resolve("logits_500x10.npy");
        robot.clickOn("File").clickOn("#importItem");
        Screen.await(robot, "#lossValue", Numbers.fixed4(r.loss())::equals);
        assertTrue(Screen.text(robot, "#statusBar").contains("no targets"), Screen.text(robot, "#statusBar"));
        BarCanvas histogram = robot.lookup("#lossHistogram").queryAs(BarCanvas.class);
        assertEquals(500, Arrays.stream(histogram.values()).sum(), 1e-9);
        assertTrue(Screen.text(robot, "#datasetSummary").contains("accuracy 100.0%"),
                "every sample's target is its top class: " + Screen.text(robot, "#datasetSummary"));
        int worst = 0;
        for (int i = 1; i < 500; i++) {
            if (r.perSampleLoss()[i] > r.perSampleLoss()[worst]) {
                worst = i;
            }
        }
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#worstSamples").queryAs(ListView.class);
        assertEquals("sample " + worst + ": loss " + Numbers.fixed4(r.perSampleLoss()[worst]), list.getItems().get(0),
                "the least sure sample heads the worst list");
    }

    @Test
    void aBadFileLeavesTheStateAsItWas(FxRobot robot) throws Exception {
        String before = Screen.text(robot, "#lossValue");
        dialogs.next = DIR.resolve("bad_fortran.npy");
        robot.clickOn("File").clickOn("#importItem");
        Screen.await(robot, "#statusBar", t -> t.contains("Fortran order"));
        assertEquals(before, Screen.text(robot, "#lossValue"));
        assertFalse(robot.lookup("#lossHistogram").query().isVisible());
    }

    @Test
    void pastedNumpyTextBecomesTheBatch(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("array([[2. , 1. , 0.1],\n       [0. , 5. , 0.2]])");
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#explorerTab");
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        // No targets in the text: each sample's target is its top class (0 and 1 here: the notebook's example A).
        Screen.await(robot, "#lossValue", "0.2159"::equals);
        assertEquals(2, workspace.explorer().state().samples());
        robot.clickOn("#addConstantField");
        assertTrue(robot.lookup("#addConstantField").queryAs(TextField.class).isFocused());
    }
}
