package org.softmaxlab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.io.AtomicFiles;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.Lesson;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.scenario.Examples;
import org.softmaxlab.scenario.PyTorchSnippet;
import org.softmaxlab.scenario.Scenario;
import org.softmaxlab.scenario.ScenarioFormatException;
import org.softmaxlab.scenario.ScenarioJson;
import org.softmaxlab.training.TrainingViewModel;

/**
 * The document side of the app: turns both tabs' state into a {@link Scenario} and back, opens and saves scenario
 * files (atomically), keeps the recent files and the last session in the app folder, and writes CSV exports. Every
 * failure is reported in {@link #statusProperty()} and leaves the current state as it was. No scene graph here.
 */
public final class Workspace {
    /** System property naming the app folder (default {@code ~/.softmax-lab}); tests point it elsewhere. */
    public static final String HOME_PROPERTY = "softmaxlab.home";
    private static final int RECENT = 8;

    private final ExplorerViewModel explorer;
    private final TrainingViewModel training;
    private final Path home;
    private final ObjectProperty<AppTab> tab = new SimpleObjectProperty<>(this, "tab", AppTab.EXPLORER);
    /** The text of the last session saved, for a save from a shutdown hook. */
    private volatile String lastSession;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final Lessons lessons;
    private final Imports imports;
    private final org.softmaxlab.sampling.SamplingViewModel sampling;
    private final org.softmaxlab.calibration.CalibrationViewModel calibration;
    private final org.softmaxlab.attention.AttentionViewModel attention =
            new org.softmaxlab.attention.AttentionViewModel();

    public Workspace(ExplorerViewModel explorer, TrainingViewModel training, Path home) {
        this.explorer = explorer;
        this.training = training;
        this.home = home;
        training.unitsProperty().bind(explorer.unitsProperty());
        imports = new Imports(this, explorer, training);
        lessons = new Lessons(this, explorer, training);
        sampling = new org.softmaxlab.sampling.SamplingViewModel(SamplingTab::shakespeare,
                javafx.application.Platform::runLater, () -> explorer.state().selectedLogits());
        calibration = new org.softmaxlab.calibration.CalibrationViewModel(
                new org.softmaxlab.calibration.CalibrationViewModel.TrainingRun(training.snapshotProperty(),
                        training.race().snapshotProperty(), training::setup,
                        () -> training.race().choiceProperty().get().label(), training::onPulse, training::togglePlay,
                        training.runningProperty()));
        loadRecent();
    }

    /** The Sampling tab's view-model (its word model is trained the first time it is chosen). */
    public org.softmaxlab.sampling.SamplingViewModel sampling() {
        return sampling;
    }

    /** The Attention tab's view-model. */
    public org.softmaxlab.attention.AttentionViewModel attention() {
        return attention;
    }

    /** The Calibration tab's view-model (it follows the Training tab's runs). */
    public org.softmaxlab.calibration.CalibrationViewModel calibration() {
        return calibration;
    }

    /** The app folder: the {@code softmaxlab.home} property, or {@code ~/.softmax-lab}. */
    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".softmax-lab");
    }

    public Path home() {
        return home;
    }

    // ---- scenario <-> state ------------------------------------------------------------------------------

    /** The current state of both tabs. */
    public Scenario capture() {
        Scenario.Explorer e = Scenario.Explorer.of(explorer.state());
        int steps = (int) Math.min(Limits.STEPS.max(), training.stepProperty().get());
        return new Scenario(tab.get(), e, new Scenario.Training(training.setup(), steps), List.of());
    }

    /** Shows a scenario in both tabs; the Explorer's preset picker names it {@code origin}. */
    public void apply(Scenario s, String origin) {
        explorer.load(s.explorer().toState(), origin);
        training.load(s.training().setup(), s.training().steps());
        tab.set(s.tab());
    }

    /** Shows a scenario in both tabs (a restored session: its origin is not known). */
    public void apply(Scenario s) {
        explorer.load(s.explorer().toState());
        training.load(s.training().setup(), s.training().steps());
        tab.set(s.tab());
    }

    // ---- import ----------------------------------------------------------------------------------------------

    /** Imports logits (and targets) from a file into the Explorer (see {@link Imports}). */
    public boolean importLogits(Path path) {
        return imports.importLogits(path);
    }

    /** Imports pasted text into the Explorer. */
    public boolean importText(String text) {
        return imports.importText(text);
    }

    /** Reads x0,x1,label rows into the Training tab's drawn points. */
    public boolean importPoints(Path path) {
        return imports.importPoints(path);
    }

    /** Writes the Training tab's points as x0,x1,label. */
    public boolean exportPoints(Path path) {
        return imports.exportPoints(path);
    }

    /** The PyTorch program that reproduces the tab shown (Edit > Copy as PyTorch Code; the CLI's {@code snippet}). */
    public String pyTorchSnippet() {
        Scenario s = capture();
        int steps = s.training().steps() > 0 ? s.training().steps() : SNIPPET_STEPS;
        return PyTorchSnippet.of(s, steps);
    }

    /** Steps of the training snippet when the run has taken none (the notebook's table). */
    static final int SNIPPET_STEPS = 51;

    // ---- lessons ---------------------------------------------------------------------------------------------

    /** The lesson of the Lesson tab, and its sections' scenarios. */
    public Lessons lessons() {
        return lessons;
    }

    // ---- files ---------------------------------------------------------------------------------------------

    /** Opens a scenario file; on any problem the state stays and the status says why. */
    public boolean open(Path path) {
        Scenario s;
        try {
            s = ScenarioJson.read(path);
        } catch (ScenarioFormatException e) {
            return fail("Cannot open " + path.getFileName() + ": " + e.getMessage());
        }
        apply(s, path.getFileName().toString());
        file.set(path);
        remember(path);
        return ok("Opened " + path.getFileName() + warnings(s));
    }

    /** Opens one of the shipped examples (not tied to a file: Save asks where). */
    public boolean openExample(Examples.Example example) {
        Scenario s;
        try {
            s = Examples.load(example);
        } catch (ScenarioFormatException e) {
            return fail(e.getMessage());
        }
        apply(s, example.title());
        file.set(null);
        return ok("Opened the example \u201c" + example.title() + "\u201d");
    }

    /** Saves to the current file; false (and nothing written) when there is none yet: ask for one. */
    public boolean save() {
        return file.get() != null && saveAs(file.get());
    }

    /** Saves to {@code path} through a temporary file, so the old file survives any failure. */
    public boolean saveAs(Path path) {
        try {
            ScenarioJson.write(capture(), path);
        } catch (IOException | RuntimeException e) {
            return fail("Cannot save " + path.getFileName() + ": " + describe(e));
        }
        file.set(path);
        remember(path);
        return ok("Saved " + path.getFileName());
    }

    /** Writes the current state to the app folder, for the next start. */
    public boolean saveSession() {
        try {
            String text = ScenarioJson.write(capture());
            AtomicFiles.writeString(home.resolve("session.json"), text);
            lastSession = text;
            return true;
        } catch (IOException | RuntimeException e) {
            return fail("Cannot save the session: " + describe(e));
        }
    }

    /**
     * Writes the session as it was last saved, from any thread (a shutdown hook once the FX thread is gone): no
     * view-model is read. False when nothing was saved yet or the write failed.
     */
    public boolean rewriteLastSession() {
        String text = lastSession;
        if (text == null) {
            return false;
        }
        try {
            AtomicFiles.writeString(home.resolve("session.json"), text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reopens the last session if there is one; a damaged one is reported and skipped. */
    public boolean restoreSession() {
        Path session = home.resolve("session.json");
        if (!Files.exists(session)) {
            return false;
        }
        try {
            apply(ScenarioJson.read(session));
            return ok("Restored the last session");
        } catch (ScenarioFormatException e) {
            return fail("The last session could not be restored: " + e.getMessage());
        }
    }

    // ---- exports -------------------------------------------------------------------------------------------

    /** The Explorer's numbers: one row per sample and class. */
    public boolean exportExplorerCsv(Path path) {
        var r = explorer.getResult();
        StringBuilder csv = new StringBuilder("sample,class,target,logit,probability,gradient,sample_loss\n");
        double[][] z = explorer.logitMatrix();
        int[] y = explorer.targets();
        for (int i = 0; i < z.length; i++) {
            for (int c = 0; c < z[i].length; c++) {
                csv.append(i).append(',').append(c).append(',').append(y[i] == c ? 1 : 0).append(',')
                        .append(z[i][c]).append(',').append(r.loss().probabilities()[i][c]).append(',')
                        .append(r.loss().gradient()[i][c]).append(',').append(r.loss().perSampleLoss()[i])
                        .append('\n');
            }
        }
        csv.append("# loss,").append(r.loss().loss()).append(",reduction,").append(r.loss().reduction().label())
                .append('\n');
        return writeText(path, csv.toString());
    }

    /** The training history: step, loss, accuracy and the first sample's logits, as recorded. */
    public boolean exportHistoryCsv(Path path) {
        TrainingSnapshot s = training.snapshotProperty().get();
        if (s == null || s.current() == null) {
            return fail("Nothing to export yet: train first");
        }
        int k = s.current().weight().length;
        StringBuilder csv = new StringBuilder("step,loss,accuracy");
        for (int c = 0; c < k; c++) {
            csv.append(",logit_").append(c);
        }
        csv.append('\n');
        for (int i = 0; i < s.historySteps().length; i++) {
            csv.append((long) s.historySteps()[i]).append(',').append(s.historyLosses()[i]).append(',')
                    .append(s.historyAccuracy()[i]);
            double[] z = s.historyLogits()[i];
            for (int c = 0; c < k; c++) {
                csv.append(',').append(z == null ? "" : Double.toString(z[c]));
            }
            csv.append('\n');
        }
        return writeText(path, csv.toString());
    }

    private boolean writeText(Path path, String text) {
        try {
            AtomicFiles.writeString(path, text);
            return ok("Exported " + path.getFileName());
        } catch (IOException | RuntimeException e) {
            return fail("Cannot export " + path.getFileName() + ": " + describe(e));
        }
    }

    // ---- status and recent files ---------------------------------------------------------------------------

    /** Shows a message in the status area. */
    public boolean report(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
        return !error;
    }

    boolean ok(String message) {
        return report(message, false);
    }

    boolean fail(String message) {
        return report(message, true);
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + m + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder (" + m + ")";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String warnings(Scenario s) {
        return s.warnings().isEmpty() ? "" : " (" + String.join("; ", s.warnings()) + ")";
    }

    private void remember(Path path) {
        Path p = path.toAbsolutePath().normalize();
        recent.remove(p);
        recent.add(0, p);
        while (recent.size() > RECENT) {
            recent.remove(recent.size() - 1);
        }
        try {
            List<String> lines = new ArrayList<>();
            recent.forEach(r -> lines.add(r.toString()));
            AtomicFiles.writeString(home.resolve("recent.txt"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            report("Could not update the recent-files list: " + describe(e), true);
        }
    }

    private void loadRecent() {
        Path list = home.resolve("recent.txt");
        try {
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && recent.size() < RECENT) {
                        recent.add(Path.of(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            report("Could not read the recent-files list: " + describe(e), true);
        }
    }

    // ---- properties ----------------------------------------------------------------------------------------

    /** The tab shown, of the two a scenario holds (any other tab shown counts as the Explorer). */
    public ObjectProperty<AppTab> tabProperty() {
        return tab;
    }

    /** The file the state was opened from or saved to, or null. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Recently opened or saved files, newest first. */
    public ObservableList<Path> recentFiles() {
        return recent;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public TrainingViewModel training() {
        return training;
    }
}
