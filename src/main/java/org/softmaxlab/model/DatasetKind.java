package org.softmaxlab.model;

import java.util.Arrays;
import java.util.Optional;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Datasets;

/** The datasets the Training tab offers, with the facts the app needs about each. */
public enum DatasetKind {
    /** The notebook's single sample x = [1, 0, 0], target 2 of 3: example C. */
    NOTEBOOK("Notebook example C", 3, 3, true),
    BLOBS("2-D blobs", 2, 3, false),
    SPIRAL("2-D spiral", 2, 3, false),
    /** Blobs with class 0 ten times rarer, to show what class weights do. */
    IMBALANCED("Imbalanced blobs", 2, 3, false);

    private final String label;
    private final int features;
    private final int defaultClasses;
    private final boolean fixedClasses;

    DatasetKind(String label, int features, int defaultClasses, boolean fixedClasses) {
        this.label = label;
        this.features = features;
        this.defaultClasses = defaultClasses;
        this.fixedClasses = fixedClasses;
    }

    /** The name shown to people and written in scenario files. */
    public String label() {
        return label;
    }

    /** Input features d of every point. */
    public int features() {
        return features;
    }

    /** K before the user changes it. */
    public int defaultClasses() {
        return defaultClasses;
    }

    /** Whether K is fixed by the data (the notebook's sample); then K is {@link #defaultClasses()}. */
    public boolean fixedClasses() {
        return fixedClasses;
    }

    /** Whether the points live in the plane (decision regions apply). */
    public boolean isPlanar() {
        return features == 2;
    }

    /** The classes K a setup of this kind has when {@code requested} were asked for. */
    public int classes(int requested) {
        return fixedClasses ? defaultClasses : requested;
    }

    /** The seeded points of this kind. */
    public Dataset build(int classes, int perClass, double noise, long seed) {
        return switch (this) {
            case NOTEBOOK -> Datasets.notebookSample();
            case BLOBS -> Datasets.blobs(classes, perClass, noise, seed);
            case SPIRAL -> Datasets.spiral(classes, perClass, noise, seed);
            case IMBALANCED -> Datasets.imbalancedBlobs(classes, perClass, noise, seed);
        };
    }

    /** The kind with that label, if any. */
    public static Optional<DatasetKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    /** Every label, in menu order. */
    public static java.util.List<String> labels() {
        return Arrays.stream(values()).map(DatasetKind::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
