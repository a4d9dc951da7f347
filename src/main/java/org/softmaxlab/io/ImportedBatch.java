package org.softmaxlab.io;

/**
 * Logits and (optionally) targets read from a file or pasted text.
 *
 * @param logits      n x C
 * @param flat        whether the source was one flat row (PyTorch's 1-D input: one sample of C classes)
 * @param targets     one class index per sample, or null
 * @param targetRows  one probability row per sample, or null (at most one of the two is set)
 * @param description what was read, for a status line ("500 x 10 float32 from scores.npy")
 */
public record ImportedBatch(double[][] logits, boolean flat, int[] targets, double[][] targetRows,
                            String description) {

    public int samples() {
        return logits.length;
    }

    public int classes() {
        return logits[0].length;
    }

    public boolean hasTargets() {
        return targets != null || targetRows != null;
    }

    /** This batch with other targets (from a separate file). */
    public ImportedBatch withTargets(int[] newTargets, double[][] newRows) {
        return new ImportedBatch(logits, flat, newTargets, newRows, description);
    }
}
