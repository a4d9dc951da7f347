package org.softmaxlab.engine;

/** The share of samples whose largest logit is their label, over those not ignored (NaN when every one is). */
final class Accuracy {
    private Accuracy() {
    }

    /** Over the first {@code rows} rows of row-major logits {@code z} (rows x classes) and their labels. */
    static double ofRows(double[] z, int[] labels, int rows, int classes, int ignoreIndex) {
        int correct = 0;
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            if (labels[r] == ignoreIndex) {
                continue;
            }
            counted++;
            int best = r * classes;
            for (int c = 1; c < classes; c++) {
                if (z[r * classes + c] > z[best]) {
                    best = r * classes + c;
                }
            }
            if (best - r * classes == labels[r]) {
                correct++;
            }
        }
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    /** The model's on every sample of {@code x} (row-major, samples x features), its arg-max against the label. */
    static double ofDataset(Linear model, double[] x, int[] labels, int features, int classes, int ignoreIndex) {
        double[] row = new double[classes];
        int correct = 0;
        int counted = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ignoreIndex) {
                continue;
            }
            counted++;
            model.forwardFlat(x, i * features, row, 0);
            if (Softmax.argmax(row) == labels[i]) {
                correct++;
            }
        }
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }
}
