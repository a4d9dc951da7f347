package org.softmaxlab.engine;

/**
 * A labelled training set: n samples of d features and one class index each, in [0, classes), or the loss's
 * {@code ignore_index} for a sample that counts nowhere ({@link Trainer} checks the labels against its loss).
 *
 * @param name    what the user sees, e.g. "2-D blobs"
 * @param x       n x d features
 * @param labels  n class indices (or the ignore index)
 * @param classes the number of classes K (>= the largest label + 1)
 */
public record Dataset(String name, double[][] x, int[] labels, int classes) {

    public Dataset {
        Checks.columns(x, "x", true);
        Checks.require(labels != null && labels.length == x.length,
                "the dataset has " + x.length + " samples but " + (labels == null ? 0 : labels.length) + " labels");
        Checks.require(classes > 0, "a dataset needs at least one class, got " + classes);
    }

    public int size() {
        return x.length;
    }

    public int features() {
        return x[0].length;
    }
}
