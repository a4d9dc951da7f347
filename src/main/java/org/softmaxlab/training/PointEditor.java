package org.softmaxlab.training;

import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.softmaxlab.chart.DecisionRegionCanvas;
import org.softmaxlab.model.Points;
import org.softmaxlab.ui.Help;

/**
 * Data you can draw on the Training tab's plane: a click adds a point of the class chosen in {@code #drawClassChoice},
 * a drag moves one, a right-click or Delete removes one, Clear empties the plane. Every edit restarts training at
 * step 0 on the drawn points, which the scenario keeps.
 */
final class PointEditor {
    private final TrainingViewModel model;
    private final DecisionRegionCanvas plane;
    private final ChoiceBox<String> classChoice;
    private int dragging = -1;
    private int selected = -1;
    private double[] dragTo;

    PointEditor(TrainingViewModel model, DecisionRegionCanvas plane, HBox row, ChoiceBox<String> classChoice,
                Button clear, Label hint) {
        this.model = model;
        this.plane = plane;
        this.classChoice = classChoice;
        classChoice.setId("drawClassChoice");
        Help.set(classChoice, "The class of the points a click adds.");
        clear.setId("clearPointsButton");
        clear.setOnAction(e -> model.drawn().clearPoints());
        Help.set(clear, "Remove every point, then draw your own.");
        fillClasses();
        model.classesProperty().addListener(o -> fillClasses());
        model.datasetProperty().addListener(o -> fillClasses());
        for (javafx.scene.Node n : new javafx.scene.Node[] {row, hint}) {
            n.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> model.datasetProperty().get().isPlanar(), model.datasetProperty()));
            n.managedProperty().bind(n.visibleProperty());
        }
        plane.setEditable(model.datasetProperty().get().isPlanar());
        model.datasetProperty().addListener((o, a, b) -> plane.setEditable(b.isPlanar()));
        plane.setFocusTraversable(true);
        plane.setOnMousePressed(this::pressed);
        plane.setOnMouseDragged(this::dragged);
        plane.setOnMouseReleased(e -> {
            if (dragging >= 0 && dragTo != null) {
                model.drawn().movePoint(dragging, dragTo[0], dragTo[1]);
            }
            dragging = -1;
        });
        listenToTheScene();
        model.drawn().pointsProperty().addListener((o, a, p) -> {
            if (p == null || selected >= p.size()) {
                selected = -1;
            }
            if (p != null) {
                plane.setPoints(p.x(), p.labels(), true);
            }
        });
    }

    /** Right-click removes a point; a click on one picks it up, anywhere else adds one of the chosen class. */
    private void pressed(javafx.scene.input.MouseEvent e) {
        plane.requestFocus();
        if (!model.datasetProperty().get().isPlanar()) {
            return;
        }
        int i = plane.pointNear(e.getX(), e.getY());
        if (e.getButton() == MouseButton.SECONDARY) {
            if (i >= 0) {
                model.drawn().removePoint(i);
                selected = -1;
            }
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (i >= 0) {
            dragging = i;
            selected = i;
            dragTo = null;
            return;
        }
        double[] at = plane.dataAt(e.getX(), e.getY());
        if (at != null && model.drawn().addPoint(at[0], at[1], chosenClass()) == null) {
            selected = model.drawn().pointsProperty().get().size() - 1;
        }
    }

    /** The point picked up follows the mouse; training restarts once, when it is let go. */
    private void dragged(javafx.scene.input.MouseEvent e) {
        if (dragging < 0) {
            return;
        }
        double[] at = plane.dataAt(e.getX(), e.getY());
        if (at != null) {
            dragTo = at;
            double[][] xy = plane.points().clone();
            xy[dragging] = at;
            plane.setPoints(xy, currentLabels(), true);
        }
    }

    /**
     * Delete removes the point clicked last, wherever the focus went (not while typing); a click anywhere else lets
     * go of it. Both filter the scene the plane is in.
     */
    private void listenToTheScene() {
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> delete = e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected >= 0
                    && plane.isVisible() && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                model.drawn().removePoint(selected);
                selected = -1;
                e.consume();
            }
        };
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> elsewhere = e -> {
            if (!(e.getTarget() instanceof javafx.scene.Node n) || !isInPlane(n)) {
                selected = -1;
            }
        };
        plane.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, delete);
                old.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, elsewhere);
            }
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, delete);
                scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, elsewhere);
            }
        });
    }

    private boolean isInPlane(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (at == plane) {
                return true;
            }
        }
        return false;
    }

    private int[] currentLabels() {
        Points p = model.drawn().pointsProperty().get();
        return p != null ? p.labels() : model.setup().buildDataset().labels();
    }

    private int chosenClass() {
        int k = classChoice.getSelectionModel().getSelectedIndex();
        return Math.max(0, k);
    }

    private void fillClasses() {
        int k = model.datasetProperty().get().classes(model.classesProperty().get());
        int keep = Math.max(0, Math.min(k - 1, classChoice.getSelectionModel().getSelectedIndex()));
        classChoice.getItems().setAll(IntStream.range(0, k).mapToObj(c -> "class " + c).toList());
        classChoice.getSelectionModel().select(keep);
    }
}
