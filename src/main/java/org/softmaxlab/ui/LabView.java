package org.softmaxlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

/**
 * The parts every tab built on one state and one display shares (Sampling, Calibration, Attention): the control
 * column on the left, the readouts, the section titles, the status line and the grid's constraints, with the looks of
 * {@code lab-view.css}.
 */
public final class LabView {
    private LabView() {
    }

    /**
     * The tab's root: {@code controls} in a scrolling column on the left (360 px, at most the window's
     * {@link ViewSupport#SIDE_COLUMN_SHARE}), {@code charts} filling the rest.
     */
    public static BorderPane root(String id, Node controls, Node charts, String ownStylesheet) {
        controls.getStyleClass().add("lab-controls");
        ScrollPane column = new ScrollPane(controls);
        column.setFitToWidth(true);
        column.getStyleClass().add("side-column");
        column.setPrefWidth(360);
        ViewSupport.shareWidth(column);
        ViewSupport.drawViewportDirectly(column);
        BorderPane root = new BorderPane(charts);
        root.setLeft(column);
        root.setId(id);
        root.getStyleClass().add("lab-view");
        root.getStylesheets().add(LabView.class.getResource("lab-view.css").toExternalForm());
        if (ownStylesheet != null) {
            root.getStylesheets().add(ownStylesheet);
        }
        return root;
    }

    /** A big number readout, never cut. */
    public static Label readout(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("readout", "number");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        l.setMinWidth(0);
        return l;
    }

    /** A wrapped, smaller line of explanation. */
    public static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("note");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The status line: a refused edit's message (in the error colour) over the view-model's own status. */
    public static Label status(String id, ObservableStringValue refusal, ObservableStringValue status) {
        Label l = note(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> refusal.get().isEmpty() ? status.get()
                : refusal.get(), refusal, status));
        refusal.addListener((o, a, b) -> ViewSupport.setStyleClass(l, "error", !b.isEmpty()));
        return l;
    }

    public static ColumnConstraints column(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    public static RowConstraints row(double percent) {
        RowConstraints r = new RowConstraints();
        r.setPercentHeight(percent);
        r.setVgrow(Priority.ALWAYS);
        return r;
    }
}
