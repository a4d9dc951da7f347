package org.softmaxlab.app;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.softmaxlab.lesson.LessonView;
import org.softmaxlab.lesson.LessonViewModel;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.Lesson;

/**
 * The Lesson tab and its live view: while the tab is shown, the Explorer's or the Training tab's own content (the
 * one the section's scenario set up) moves beside the lesson's text, so the reader works the real view; it moves back
 * when another tab is chosen. The shipped lesson is loaded on first use; a section's scenario is set up when the
 * reader first comes to it.
 */
final class LessonTab {
    private final Workspace workspace;
    private final LessonViewModel model;
    private final LessonView view;
    private final Tab tab;
    private final Tab explorer;
    private final Tab training;
    private final Node explorerContent;
    private final java.util.function.Supplier<Node> trainingContent;
    /** True while the Explorer's content is the lesson's live view (the window hides its numbers column then). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper holdsExplorer =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "holdsExplorer");

    /** {@code trainingContent} makes the Training tab's content, or gives the one made before. */
    LessonTab(Workspace workspace, Tab explorer, Tab training, java.util.function.Supplier<Node> trainingContent) {
        this.workspace = workspace;
        this.explorer = explorer;
        this.training = training;
        this.explorerContent = explorer.getContent();
        this.trainingContent = trainingContent;
        model = new LessonViewModel(workspace.explorer(), workspace.training());
        model.lessonProperty().bind(workspace.lessons().lessonProperty());
        model.setOnSection(workspace.lessons()::showSection);
        view = new LessonView(model);
        tab = new Tab("Lesson", view.root());
        tab.setId("lessonTab");
        tab.selectedProperty().addListener((o, a, shown) -> {
            if (shown && workspace.lessons().lessonProperty().get() == null) {
                workspace.lessons().openShipped();
            }
            if (shown) {
                model.applyCurrent();
            }
            place();
        });
        model.indexProperty().addListener(o -> place());
        model.lessonProperty().addListener(o -> {
            if (tab.isSelected()) {
                model.applyCurrent();
            }
            place();
        });
    }

    Tab tab() {
        return tab;
    }

    LessonViewModel model() {
        return model;
    }

    javafx.beans.property.ReadOnlyBooleanProperty holdsExplorerProperty() {
        return holdsExplorer.getReadOnlyProperty();
    }

    /** The content the lesson shows live now (null: none, the tab is not shown). */
    private Node wanted() {
        Lesson.Section s = model.section();
        if (!tab.isSelected() || s == null) {
            return null;
        }
        return s.view() == AppTab.TRAINING ? trainingContent.get() : explorerContent;
    }

    /** Moves the live content into the lesson, or back into its own tab. */
    private void place() {
        Node want = wanted();
        if (view.liveHolder().getCenter() == want) {
            return;
        }
        view.liveHolder().setCenter(null);
        if (explorer.getContent() == null) {
            explorer.setContent(explorerContent);
        }
        if (training.getContent() == null) {
            training.setContent(trainingContent.get());
        }
        if (want != null) {
            (want == explorerContent ? explorer : training).setContent(null);
            view.liveHolder().setCenter(want);
        }
        holdsExplorer.set(want == explorerContent);
    }
}
