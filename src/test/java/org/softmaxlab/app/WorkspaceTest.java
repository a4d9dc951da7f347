package org.softmaxlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.scenario.Examples;
import org.softmaxlab.training.TrainingViewModel;

/** Opening, saving and exporting through the workspace, without the toolkit. */
class WorkspaceTest {
    @TempDir
    Path dir;
    private final ExplorerViewModel explorer = new ExplorerViewModel();
    private final TrainingViewModel training = new TrainingViewModel();
    private Workspace workspace;

    private Workspace workspace() {
        if (workspace == null) {
            workspace = new Workspace(explorer, training, dir.resolve("home"));
        }
        return workspace;
    }

    @AfterEach
    void stop() {
        training.close();
    }

    private void settle() throws Exception {
        training.sync().get(10, TimeUnit.SECONDS);
        training.onPulse();
    }

    @Test
    void saveChangeOpenRestoresEverything() throws Exception {
        Workspace w = workspace();
        explorer.applyPreset(ExplorerPreset.EXAMPLE_B);
        explorer.temperatureProperty().set(0.5);
        explorer.reductionProperty().set(Reduction.SUM);
        explorer.selectedSampleProperty().set(1);
        training.chooseDataset(DatasetKind.BLOBS);
        training.learningRateProperty().set(0.3);
        for (int i = 0; i < 7; i++) {
            training.step();
        }
        settle();
        String trainingLoss = training.lossTextProperty().get();
        String explorerLoss = explorer.getResult().lossText();
        Path file = dir.resolve("lecture.json");
        assertTrue(w.saveAs(file), w.statusProperty().get());

        explorer.reset();
        training.chooseDataset(DatasetKind.SPIRAL);
        settle();
        assertTrue(w.open(file), w.statusProperty().get());
        settle();
        assertEquals(explorerLoss, explorer.getResult().lossText());
        assertEquals(0.5, explorer.temperatureProperty().get());
        assertEquals(Reduction.SUM, explorer.reductionProperty().get());
        assertEquals(1, explorer.selectedSampleProperty().get());
        assertTrue(explorer.weightsEnabledProperty().get());
        assertEquals(DatasetKind.BLOBS, training.datasetProperty().get());
        assertEquals(0.3, training.learningRateProperty().get());
        assertEquals(7, training.stepProperty().get());
        assertEquals(trainingLoss, training.lossTextProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), w.recentFiles().get(0));
    }

    @Test
    void aBadFileLeavesTheSessionAsItWas() throws Exception {
        Workspace w = workspace();
        explorer.applyPreset(ExplorerPreset.EXAMPLE_A);
        Path bad = dir.resolve("bad.json");
        for (String content : new String[] {"{\"explorer\": {\"logits\": [[1, 2]", "{\"explorer\": {\"logits\": 5}}",
                "{\"training\": {\"classes\": 1000000000, \"dataset\": \"2-D blobs\"}}"}) {
            Files.writeString(bad, content);
            assertFalse(w.open(bad));
            assertTrue(w.statusIsErrorProperty().get());
            assertTrue(w.statusProperty().get().startsWith("Cannot open bad.json: "), w.statusProperty().get());
            assertEquals("0.2159", explorer.getResult().lossText());
        }
        assertFalse(w.open(dir.resolve("nope.json")));
        assertTrue(w.statusProperty().get().contains("file not found"));
    }

    @Test
    void examplesShowTheirHeadlineNumbers() throws Exception {
        Workspace w = workspace();
        assertTrue(w.openExample(Examples.ALL.get(0)));
        assertEquals("0.2159", explorer.getResult().lossText());
        assertTrue(w.openExample(Examples.ALL.get(1)));
        assertEquals("1.3133", explorer.getResult().lossText());
        assertTrue(w.openExample(Examples.ALL.get(2)));
        settle();
        assertEquals("2.0499", training.lossTextProperty().get());
        assertEquals(org.softmaxlab.model.AppTab.TRAINING, w.tabProperty().get());
        assertTrue(w.openExample(Examples.ALL.get(7)));
        assertTrue(Double.isNaN(explorer.getResult().naive()[0]));
    }

    @Test
    void csvExportsHoldTheNumbers() throws Exception {
        Workspace w = workspace();
        explorer.applyPreset(ExplorerPreset.EXAMPLE_A);
        Path csv = dir.resolve("out/explorer.csv");
        assertTrue(w.exportExplorerCsv(csv), w.statusProperty().get());
        var lines = Files.readAllLines(csv);
        assertEquals("sample,class,target,logit,probability,gradient,sample_loss", lines.get(0));
        assertEquals(8, lines.size(), "header, 2 samples x 3 classes, loss");
        String[] first = lines.get(1).split(",");
        assertEquals(2.0, Double.parseDouble(first[3]));
        assertEquals(-0.17049943055701605, Double.parseDouble(first[5]), 1e-15);
        assertTrue(lines.get(7).startsWith("# loss,0.21594339987050"), lines.get(7));

        for (int i = 0; i < 21; i++) {
            training.step();
        }
        settle();
        Path history = dir.resolve("history.csv");
        assertTrue(w.exportHistoryCsv(history));
        var rows = Files.readAllLines(history);
        assertEquals("step,loss,accuracy,logit_0,logit_1,logit_2", rows.get(0));
        assertEquals(23, rows.size(), "header, then steps 0..21: the step shown (21) is the history's last");
        assertEquals("21", rows.get(22).split(",")[0]);
        String[] step10 = rows.get(11).split(",");
        assertEquals("10", step10[0]);
        assertEquals(0.5548, Double.parseDouble(step10[1]), 5e-5);
        assertArrayEquals(new double[] {-0.820, -1.713, -0.178}, new double[] {Double.parseDouble(step10[3]),
                Double.parseDouble(step10[4]), Double.parseDouble(step10[5])}, 5e-4);
    }

    @Test
    void aFailedExportIsReportedAndChangesNothing() throws Exception {
        Workspace w = workspace();
        Path notAFolder = dir.resolve("file.txt");
        Files.writeString(notAFolder, "x");
        assertFalse(w.exportExplorerCsv(notAFolder.resolve("explorer.csv")));
        assertTrue(w.statusIsErrorProperty().get());
        assertTrue(w.statusProperty().get().startsWith("Cannot export explorer.csv"), w.statusProperty().get());
        assertFalse(w.saveAs(notAFolder.resolve("s.json")));
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void theSessionComesBackOnTheNextStart() throws Exception {
        Workspace w = workspace();
        explorer.applyPreset(ExplorerPreset.CONFIDENT_WRONG);
        assertTrue(w.saveSession());
        ExplorerViewModel nextExplorer = new ExplorerViewModel();
        try (TrainingViewModel nextTraining = new TrainingViewModel()) {
            Workspace next = new Workspace(nextExplorer, nextTraining, dir.resolve("home"));
            assertTrue(next.restoreSession());
            assertEquals(explorer.getResult().lossText(), nextExplorer.getResult().lossText());
        }
        Files.writeString(dir.resolve("home/session.json"), "{broken");
        try (TrainingViewModel other = new TrainingViewModel()) {
            Workspace broken = new Workspace(new ExplorerViewModel(), other, dir.resolve("home"));
            assertFalse(broken.restoreSession());
            assertTrue(broken.statusProperty().get().contains("could not be restored"));
        }
    }
}
