package org.softmaxlab.engine;

/**
 * The targets of a batch: either one class index per sample, or one probability row per sample (soft labels).
 * Shapes are checked against the logits by {@link CrossEntropyLoss}.
 */
public sealed interface Targets permits Targets.ClassIndices, Targets.ClassProbabilities {

    /** Number of samples. */
    int size();

    /** One class index per sample; an index equal to {@code ignore_index} marks a sample that counts nowhere. */
    record ClassIndices(int[] indices) implements Targets {
        public ClassIndices {
            Checks.require(indices != null, "targets are missing");
            indices = indices.clone();
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }

        /** The index of sample {@code n}, without copying the array. */
        public int get(int n) {
            return indices[n];
        }

        @Override
        public int size() {
            return indices.length;
        }
    }

    /** One row of C class probabilities per sample (each entry finite and >= 0, as PyTorch's soft targets). */
    record ClassProbabilities(double[][] probabilities) implements Targets {
        public ClassProbabilities {
            Checks.require(probabilities != null, "targets are missing");
            double[][] copy = new double[probabilities.length][];
            for (int i = 0; i < copy.length; i++) {
                if (probabilities[i] == null) {
                    throw new IllegalArgumentException("targets[" + i + "] is missing");
                }
                copy[i] = probabilities[i].clone();
            }
            probabilities = copy;
        }

        @Override
        public double[][] probabilities() {
            double[][] copy = new double[probabilities.length][];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = probabilities[i].clone();
            }
            return copy;
        }

        /** Number of entries in row {@code n}. */
        public int rowLength(int n) {
            return probabilities[n].length;
        }

        /** Entry {@code c} of sample {@code n}, without copying. */
        public double get(int n, int c) {
            return probabilities[n][c];
        }

        @Override
        public int size() {
            return probabilities.length;
        }
    }

    /** Class-index targets. */
    static Targets indices(int... indices) {
        return new ClassIndices(indices);
    }

    /** Class-probability targets. */
    static Targets probabilities(double[][] probabilities) {
        return new ClassProbabilities(probabilities);
    }
}
