package org.softmaxlab.io;

/**
 * A 1-D or 2-D array of numbers read from a file, row-major.
 *
 * @param values  the numbers, row-major
 * @param rows    rows (for a 1-D array: its length)
 * @param columns columns, or 0 for a 1-D array
 * @param integer whether the source held whole numbers by type (an integer dtype), as class indices do
 */
public record NumericArray(double[] values, int rows, int columns, boolean integer) {

    public boolean isFlat() {
        return columns == 0;
    }

    /** The array as rows; a 1-D array is one row. */
    public double[][] matrix() {
        if (isFlat()) {
            return new double[][] {values.clone()};
        }
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = java.util.Arrays.copyOfRange(values, r * columns, (r + 1) * columns);
        }
        return m;
    }

    /** The shape as NumPy prints it: "(3,)" or "(3, 4)". */
    public String shape() {
        return isFlat() ? "(" + rows + ",)" : "(" + rows + ", " + columns + ")";
    }
}
