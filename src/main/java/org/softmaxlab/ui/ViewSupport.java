package org.softmaxlab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * What the tab views share: loading a view's FXML with its controller and styles (and scroll panes that draw their
 * content directly), style-class toggles, and safe spinner input.
 */
public final class ViewSupport {
    private ViewSupport() {
    }

    /**
     * Loads {@code fxml} (beside {@code owner}) with {@code controller} as its controller, and adds the shared theme
     * and the view's own stylesheet {@code css} (over Primer Light, when no theme is set yet: {@link Theme}). Its scroll panes draw their content directly (see
     * {@link #drawViewportDirectly}).
     */
    public static Parent load(Class<?> owner, String fxml, String css, Object controller) {
        Theme.installDefault();
        FXMLLoader loader = new FXMLLoader(owner.getResource(fxml));
        loader.setControllerFactory(type -> controller);
        try {
            Parent root = loader.load();
            root.getStylesheets().addAll(ViewSupport.class.getResource("theme.css").toExternalForm(),
                    owner.getResource(css).toExternalForm());
            drawScrollPanesDirectly(root);
            keepNamesWhole(root);
            root.lookupAll(".side-column").forEach(n -> shareWidth((javafx.scene.layout.Region) n));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A form's field names and a chart's option controls never shrink below their text: when space runs short the
     * sliders and the legend notes give way, not "Temperature T" (which would read "Tempera..."). A control given a
     * minimum width in the FXML keeps it.
     */
    private static void keepNamesWhole(Parent parent) {
        if (parent instanceof javafx.scene.layout.GridPane grid && grid.getStyleClass().contains("form")) {
            // A fixed minimum on a name column would let it shrink below its longest name.
            for (javafx.scene.layout.ColumnConstraints column : grid.getColumnConstraints()) {
                if (column.getHgrow() != javafx.scene.layout.Priority.ALWAYS) {
                    column.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            boolean inForm = parent.getStyleClass().contains("form") || parent.getStyleClass().contains("chart-options");
            if (inForm && child instanceof javafx.scene.control.Control control
                    && !control.getStyleClass().contains("legend") && !(child instanceof javafx.scene.control.Slider)
                    && !(child instanceof javafx.scene.control.TextField)
                    && control.getMinWidth() == javafx.scene.layout.Region.USE_COMPUTED_SIZE) {
                control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            if (child instanceof ScrollPane pane && pane.getContent() instanceof Parent content) {
                // A scroll pane's content is its child only once it has a skin.
                keepNamesWhole(content);
            } else if (child instanceof Parent p) {
                keepNamesWhole(p);
            }
        }
    }

    /** The largest share of the window's width a side column (controls, numbers) takes: the charts keep the rest. */
    public static final double SIDE_COLUMN_SHARE = 0.24;

    /**
     * A side column takes the width its content asks for, up to {@link #SIDE_COLUMN_SHARE} of the window's: on a
     * small screen or with large text the charts keep their room and the column scrolls.
     */
    public static void shareWidth(javafx.scene.layout.Region column) {
        javafx.beans.value.ChangeListener<javafx.scene.Scene> follow = (o, old, scene) -> {
            column.maxWidthProperty().unbind();
            if (scene != null) {
                column.maxWidthProperty().bind(scene.widthProperty().multiply(SIDE_COLUMN_SHARE));
            }
        };
        column.sceneProperty().addListener(follow);
        follow.changed(null, null, column.getScene());
    }

    private static void drawScrollPanesDirectly(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof ScrollPane pane) {
                drawViewportDirectly(pane);
            }
            if (child instanceof Parent p) {
                drawScrollPanesDirectly(p);
            }
        }
    }

    /**
     * Turns off the image cache that ScrollPane's skin puts on its viewport. The cache pays when content scrolls and
     * never changes; ours changes on every slider drag (the thumb, the field, the numbers), and then every frame
     * painted the whole pane, hundreds of controls, into the cache before drawing it: 2.5 ms of a 9 ms Explorer frame
     * in software rendering. Without it only the changed controls are painted.
     */
    public static void drawViewportDirectly(ScrollPane pane) {
        Runnable uncache = () -> {
            for (Node child : pane.getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains("viewport")) {
                    child.setCache(false);
                }
            }
        };
        pane.skinProperty().addListener((property, old, skin) -> uncache.run());
        uncache.run();
    }

    /**
     * Adds or removes one style class so that it is present exactly when {@code on}: never twice, so a later
     * removal always clears it.
     */
    public static void setStyleClass(Node node, String styleClass, boolean on) {
        boolean present = node.getStyleClass().contains(styleClass);
        if (on && !present) {
            node.getStyleClass().add(styleClass);
        } else if (!on && present) {
            node.getStyleClass().removeAll(styleClass);
        }
    }

    /**
     * A spinner converter that never throws: typed text that is not a whole number in the factory's range keeps the
     * current value, and {@code onProblem} hears why ("" when the text was accepted).
     */
    public static StringConverter<Integer> safeIntegers(SpinnerValueFactory.IntegerSpinnerValueFactory factory,
                                                        Consumer<String> onProblem) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.strip());
                    if (v >= factory.getMin() && v <= factory.getMax()) {
                        onProblem.accept("");
                        return v;
                    }
                    onProblem.accept(v + " is outside " + factory.getMin() + ".." + factory.getMax());
                } catch (NumberFormatException e) {
                    onProblem.accept("\"" + s + "\" is not a whole number");
                }
                return factory.getValue();
            }
        };
    }
}
