package org.softmaxlab.engine;

/**
 * A labelled training set: n samples of d features and one class index each, in [0, classes).
 *
 * @param name    what the user sees, e.g. "2-D blobs"
 * @param x       n x d features
 * @param labels  n class indices
 * @param classes the number of classes K (>= the largest label + 1)
 */
public record Dataset(String name, double[][] x, int[] labels, int classes) {

    public Dataset {
        Checks.columns(x, "x", true);
        Checks.require(labels != null && labels.length == x.length,
                "the dataset has " + x.length + " samples but " + (labels == null ? 0 : labels.length) + " labels");
        Checks.require(classes > 0, "a dataset needs at least one class, got " + classes);
        for (int i = 0; i < labels.length; i++) {
            Checks.require(labels[i] >= 0 && labels[i] < classes,
                    "label[" + i + "] = " + labels[i] + " is out of range 0.." + (classes - 1));
        }
    }

    public int size() {
        return x.length;
    }

    public int features() {
        return x[0].length;
    }
}
