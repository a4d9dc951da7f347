package org.softmaxlab.lesson;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.softmaxlab.chart.MathView;
import org.softmaxlab.model.Lesson;
import org.softmaxlab.ui.Help;

/**
 * The Lesson tab: the list of sections, the section's title, text (with live numbers) and typeset formulas, Previous
 * and Next; beside them, {@link #liveHolder()}, where the app puts the live Explorer or Training view the section's
 * scenario set up, so the reader changes the numbers the text talks about.
 */
public final class LessonView {
    /** The width the live view needs for its control column and two charts of 300 px a row. */
    private static final double LIVE_WIDTH = 960;
    /** The lesson text's share of the window, where the live view keeps LIVE_WIDTH. */
    private static final double TEXT_SHARE = 1 / 3.0;
    private final LessonViewModel model;
    private final BorderPane liveHolder = new BorderPane();
    private final VBox math = new VBox(6);
    private final SplitPane root;
    private final Label text = new Label();

    public LessonView(LessonViewModel model) {
        this.model = model;
        ListView<String> index = sectionIndex();
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(model.titleProperty());
        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(model.textProperty());
        VBox body = new VBox(12, text, math);
        body.setPadding(new Insets(4, 8, 4, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-body");
        org.softmaxlab.ui.ViewSupport.drawViewportDirectly(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox nav = navigation();
        VBox lessonPane = new VBox(8, index, title, scroll, nav);
        lessonPane.setPadding(new Insets(8));
        lessonPane.getStyleClass().add("lesson");
        lessonPane.setMinWidth(260);
        liveHolder.getStyleClass().add("lesson-live");
        liveHolder.setMinWidth(300);
        root = new SplitPane(lessonPane, liveHolder);
        root.setDividerPositions(TEXT_SHARE);
        // The text takes a third of the window, less where the live view beside it would leave its charts under
        // 300 px wide (a control column and two charts a row: LIVE_WIDTH), but never under its minimum.
        lessonPane.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(lessonPane.getMinWidth(), Math.min(root.getWidth() * TEXT_SHARE,
                        root.getWidth() - LIVE_WIDTH)),
                root.widthProperty()));
        // On a new width SplitPane keeps the text's width where the cap held it (a view laid out at 1920 px and shown
        // at 3840 kept its 640 px); after that layout the text asks for its third again and gets what the cap allows.
        root.widthProperty().addListener(o -> javafx.application.Platform.runLater(
                () -> root.setDividerPositions(TEXT_SHARE)));
        root.getStylesheets().add(LessonView.class.getResource("lesson.css").toExternalForm());

        model.lessonProperty().addListener((o, a, b) -> fillIndex(index, b));
        fillIndex(index, model.lessonProperty().get());
        model.indexProperty().addListener((o, a, b) -> {
            index.getSelectionModel().select(b.intValue());
            showMath();
        });
        index.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != model.indexProperty().get()) {
                model.select(b.intValue());
            }
        });
        model.lessonProperty().addListener(o -> showMath());
        text.fontProperty().addListener(o -> showMath());
        text.textFillProperty().addListener(o -> showMath());
        showMath();
    }

    /** The list of section titles, each wrapping within the list. */
    private static ListView<String> sectionIndex() {
        ListView<String> index = new ListView<>();
        index.setId("lessonIndex");
        index.setPrefHeight(150);
        index.setMinHeight(90);
        // A long section title wraps within the list instead of running out of it.
        index.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return index;
    }

    /** "Previous  3 / 7  Next". */
    private HBox navigation() {
        Button previous = new Button("\u25c0 Previous");
        previous.setId("lessonPrev");
        previous.setOnAction(e -> model.previous());
        Help.set(previous, "The previous section (Page Up in presentation mode)");
        Button next = new Button("Next \u25b6");
        next.setId("lessonNext");
        next.setOnAction(e -> model.next());
        Help.set(next, "The next section (Page Down in presentation mode)");
        Label position = new Label();
        position.setId("lessonPosition");
        position.textProperty().bind(model.positionProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(8, previous, position, gap, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        previous.disableProperty().bind(model.indexProperty().isEqualTo(0));
        return nav;
    }

    private static void fillIndex(ListView<String> index, Lesson lesson) {
        index.getItems().setAll(lesson == null ? java.util.List.of()
                : lesson.sections().stream().map(Lesson.Section::title).toList());
        index.getSelectionModel().select(0);
    }

    /** The section's formulas, typeset in the text's size. */
    private void showMath() {
        Lesson.Section s = model.section();
        math.getChildren().clear();
        if (s == null) {
            return;
        }
        double px = Math.max(16, text.getFont().getSize() * 1.2);
        javafx.scene.paint.Color ink = text.getTextFill() instanceof javafx.scene.paint.Color c ? c
                : javafx.scene.paint.Color.web("#1E1E1E");
        for (String tex : s.math()) {
            MathView view = new MathView();
            view.setStyle(px, ink);
            view.setLatex(tex);
            view.getStyleClass().add("lesson-math");
            math.getChildren().add(view);
        }
    }

    public Parent root() {
        return root;
    }

    /** Where the app shows the live view of the section. */
    public BorderPane liveHolder() {
        return liveHolder;
    }
}
