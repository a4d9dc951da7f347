package org.softmaxlab.lesson;

import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.softmaxlab.engine.Losses;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.Lesson;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.TrainingSnapshot;
import org.softmaxlab.training.TrainingViewModel;

/**
 * The Lesson tab: the lesson, the section shown, and its text with the live numbers filled in from the Explorer and
 * the Training tab (they change as the reader changes the live view). Moving to a section asks the app, through
 * {@link #setOnSection}, to set up that section's scenario.
 */
public final class LessonViewModel {
    private static final Pattern LIVE = Pattern.compile("\\{(\\w+)}");
    private final ExplorerViewModel explorer;
    private final TrainingViewModel training;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private IntConsumer onSection = i -> { };
    /** The section whose scenario was last set up, or -1: coming back to the tab does not undo the reader's edits. */
    private int applied = -1;

    public LessonViewModel(ExplorerViewModel explorer, TrainingViewModel training) {
        this.explorer = explorer;
        this.training = training;
        // An invalidation listener, registered first: it runs before any other listener (the app's, which sets up
        // the new lesson's first section) whatever their kind.
        lesson.addListener((javafx.beans.Observable o) -> {
            applied = -1;
            index.set(0);
            refresh();
        });
        index.addListener(o -> refresh());
        explorer.resultProperty().addListener(o -> refresh());
        explorer.unitsProperty().addListener(o -> refresh());
        training.snapshotProperty().addListener(o -> refresh());
    }

    /** Called with a section's index when its scenario should be set up. */
    public void setOnSection(IntConsumer handler) {
        onSection = handler;
    }

    /** Shows section {@code i} (clamped) and sets up its scenario. */
    public void select(int i) {
        Lesson l = lesson.get();
        if (l == null) {
            return;
        }
        index.set(Math.max(0, Math.min(l.sections().size() - 1, i)));
        applyCurrent();
    }

    public void next() {
        select(index.get() + 1);
    }

    public void previous() {
        select(index.get() - 1);
    }

    /** Sets up the shown section's scenario, unless it already is (the reader's changes stay). */
    public void applyCurrent() {
        if (lesson.get() != null && applied != index.get()) {
            applied = index.get();
            onSection.accept(index.get());
        }
    }

    /** The section shown, or null without a lesson. */
    public Lesson.Section section() {
        Lesson l = lesson.get();
        return l == null ? null : l.sections().get(index.get());
    }

    private void refresh() {
        Lesson.Section s = section();
        if (s == null) {
            title.set("");
            text.set("");
            position.set("");
            return;
        }
        title.set(s.title());
        position.set((index.get() + 1) + " / " + lesson.get().sections().size());
        Matcher m = LIVE.matcher(s.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(live(m.group(1))));
        }
        m.appendTail(out);
        text.set(out.toString());
    }

    /** The live number {@code name} (see {@link Lesson#LIVE_NUMBERS}), as shown. */
    String live(String name) {
        ExplorerResults r = explorer.getResult();
        TrainingSnapshot t = training.snapshotProperty().get();
        boolean target = r != null && r.target() != Limits.IGNORE_INDEX;
        return switch (name) {
            case "loss" -> r == null ? "-" : Numbers.fixed4(explorer.unitsProperty().get().of(r.loss().loss()));
            case "loss_nats" -> r == null ? "-" : Numbers.fixed4(r.loss().loss());
            case "loss_bits" -> r == null ? "-" : Numbers.fixed4(r.loss().loss() * Losses.BITS_PER_NAT);
            case "p_target" -> target ? Numbers.fixed4(r.loss().probabilities()[r.selected()][r.target()]) : "-";
            case "entropy" -> r == null ? "-" : Numbers.fixed4(r.entropy());
            case "gradient_target" -> target ? Numbers.fixed4(r.gradient()[r.target()]) : "-";
            case "train_step" -> t == null ? "-" : String.valueOf(t.steps());
            case "train_loss" -> t == null || t.current() == null ? "-" : Numbers.fixed4(t.current().loss());
            case "train_accuracy" -> t == null ? "-" : Numbers.percent(t.accuracy());
            default -> "{" + name + "}";
        };
    }

    public ObjectProperty<Lesson> lessonProperty() { return lesson; }
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** The section's text with its live numbers filled in. */
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    /** "3 / 7". */
    public ReadOnlyStringProperty positionProperty() { return position.getReadOnlyProperty(); }
}
