package org.softmaxlab.app;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.Lesson;
import org.softmaxlab.scenario.LessonFile;
import org.softmaxlab.scenario.Scenario;
import org.softmaxlab.scenario.ScenarioFormatException;
import org.softmaxlab.training.TrainingViewModel;

/**
 * The lesson the Lesson tab shows: the shipped one or a file, and each section's scenario, which sets up the live
 * Explorer or Training view when the reader comes to it. A bad file is one status message; the lesson shown stays.
 */
public final class Lessons {
    private final Workspace workspace;
    private final ExplorerViewModel explorer;
    private final TrainingViewModel training;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
    private List<Scenario> scenarios = List.of();

    Lessons(Workspace workspace, ExplorerViewModel explorer, TrainingViewModel training) {
        this.workspace = workspace;
        this.explorer = explorer;
        this.training = training;
    }

    /** The lesson shown in the Lesson tab (its text; the scenarios stay here). */
    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    /** Loads the lesson shipped in the app, "Cross-entropy, from the notebook". */
    public boolean openShipped() {
        try {
            showLesson(LessonFile.shipped());
        } catch (ScenarioFormatException e) {
            return workspace.fail(e.getMessage());
        }
        return true;
    }

    /** Opens a lesson file; on any problem the lesson shown stays and the status says why. */
    public boolean open(Path path) {
        try {
            showLesson(LessonFile.read(path));
        } catch (ScenarioFormatException e) {
            return workspace.fail("Cannot open the lesson " + path.getFileName() + ": " + e.getMessage());
        }
        return workspace.ok("Opened the lesson \u201c" + lesson.get().title() + "\u201d");
    }

    private void showLesson(LessonFile.Loaded loaded) {
        scenarios = loaded.scenarios();
        lesson.set(loaded.lesson());
    }

    /**
     * Sets up section {@code i}'s live view from its scenario: the Explorer's or the Training tab's state, whichever
     * the section shows (the tab shown does not change).
     */
    public void showSection(int i) {
        if (i < 0 || i >= scenarios.size()) {
            return;
        }
        Scenario s = scenarios.get(i);
        if (s.tab() == AppTab.TRAINING) {
            training.load(s.training().setup(), s.training().steps());
        } else {
            // A short name for the preset picker: a section's title would widen the control column beside the text.
            explorer.load(s.explorer().toState(), "Lesson, section " + (i + 1));
        }
    }
}
