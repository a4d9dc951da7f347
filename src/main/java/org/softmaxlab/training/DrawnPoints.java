package org.softmaxlab.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.softmaxlab.model.Points;

/**
 * Data you can draw, as the Training tab's view-model sees it: the points in place of the seeded dataset (null: the
 * seeded points), and the edits that change them, each restarting training at step 0. The first edit of a seeded
 * dataset starts from its points.
 */
public final class DrawnPoints {
    private final TrainingViewModel model;
    private final ReadOnlyObjectWrapper<Points> points = new ReadOnlyObjectWrapper<>(this, "points");

    DrawnPoints(TrainingViewModel model) {
        this.model = model;
    }

    /** The points of a loaded setup (no restart: the load restarts). */
    void load(Points p) {
        points.set(p);
    }

    /**
     * Adds a point of class {@code label} at (x0, x1) on a 2-D dataset (the seeded points become drawn ones on the
     * first edit) and restarts at step 0; returns null or the problem.
     */
    public String addPoint(double x0, double x1, int label) {
        if (!model.datasetProperty().get().isPlanar()) {
            return model.refuse("points are drawn on the 2-D datasets");
        }
        int k = model.datasetProperty().get().classes(model.classesProperty().get());
        if (label < 0 || label >= k) {
            return model.refuse("class " + label + " is not one of the " + k + " classes");
        }
        Points p = editablePoints();
        if (p.size() >= Points.MAX) {
            return model.refuse("at most " + Points.MAX + " points");
        }
        setPoints(p.plus(x0, x1, label));
        return null;
    }

    /** Moves point {@code i} to (x0, x1) and restarts at step 0. */
    public void movePoint(int i, double x0, double x1) {
        Points p = editablePoints();
        if (i >= 0 && i < p.size()) {
            setPoints(p.moved(i, x0, x1));
        }
    }

    /** Removes point {@code i} and restarts at step 0. */
    public void removePoint(int i) {
        Points p = editablePoints();
        if (i >= 0 && i < p.size()) {
            setPoints(p.without(i));
        }
    }

    /** Removes every point: the plane is empty until points are drawn. */
    public void clearPoints() {
        if (model.datasetProperty().get().isPlanar()) {
            setPoints(new Points(new double[0][], new int[0]));
        }
    }

    /** Trains on {@code p} from step 0 (null: back to the seeded points of the dataset). */
    public void setPoints(Points p) {
        points.set(p);
        if (p != null && p.size() == 0) {
            model.showProblem("No points: click the plane to add points of the chosen class.");
        }
        model.reset();
    }

    /** The points an edit starts from: the drawn ones, or the seeded dataset's. */
    private Points editablePoints() {
        if (points.get() != null) {
            return points.get();
        }
        org.softmaxlab.engine.Dataset d = model.setup().buildDataset();
        return new Points(d.x(), d.labels());
    }

    /** The drawn points, or null for the seeded dataset. */
    public ReadOnlyObjectProperty<Points> pointsProperty() {
        return points.getReadOnlyProperty();
    }
}
