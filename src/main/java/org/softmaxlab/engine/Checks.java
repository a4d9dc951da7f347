package org.softmaxlab.engine;

/** Argument checks shared by the engine; every failure is an {@link IllegalArgumentException} naming the problem. */
final class Checks {
    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Checks that {@code matrix} is non-empty, rectangular and (when {@code finite}) holds only finite values. */
    static int columns(double[][] matrix, String name, boolean finite) {
        require(matrix != null, name + " is missing");
        require(matrix.length > 0, name + " is empty: the batch needs at least one row");
        int cols = -1;
        for (int i = 0; i < matrix.length; i++) {
            double[] row = matrix[i];
            // Messages are built only on failure: this runs for every row of every training step.
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is missing");
            }
            if (cols < 0) {
                cols = row.length;
                require(cols > 0, name + "[0] is empty: there must be at least one class");
            }
            if (row.length != cols) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + row.length + " values but " + name
                        + "[0] has " + cols);
            }
            if (finite) {
                for (int j = 0; j < cols; j++) {
                    if (!Double.isFinite(row[j])) {
                        finite(row, name + "[" + i + "]");
                    }
                }
            }
        }
        return cols;
    }

    static void finite(double[] values, String name) {
        require(values != null, name + " is missing");
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            // The message only on failure: built for every entry, it cost more than the softmax it guarded.
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + "[" + j + "] is " + v + "; it must be a finite number");
            }
        }
    }

    static void learningRate(double lr) {
        require(lr > 0 && Double.isFinite(lr), "learning rate must be a finite number > 0, got " + lr);
    }

    static void temperature(double t) {
        require(t > 0 && Double.isFinite(t), "temperature must be a finite number > 0, got " + t);
    }
}
