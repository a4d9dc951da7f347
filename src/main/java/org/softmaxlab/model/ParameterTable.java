package org.softmaxlab.model;

/**
 * A Linear layer's parameters as one table [W | b]: a row per class, a column per input feature and, with a bias, a
 * last column "b". The heat map shows it; a click on cell {@code index} (row-major) names one entry.
 *
 * @param values  K x (d + 1 with a bias, else d)
 * @param rows    "class k"
 * @param columns "x0" .. "x{d-1}", then "b" with a bias
 * @param hasBias whether the last column is the bias
 */
public record ParameterTable(double[][] values, String[] rows, String[] columns, boolean hasBias) {

    /** One entry of the table: row {@code row}, column {@code column}; {@code bias} when it is b[row]. */
    public record Entry(int row, int column, boolean bias, String name, double value) {
    }

    /** The table of {@code weight} (K x d) and {@code bias} (K, or null). */
    public static ParameterTable of(double[][] weight, double[] bias) {
        int k = weight.length;
        int d = weight[0].length;
        double[][] values = new double[k][d + (bias == null ? 0 : 1)];
        String[] rows = new String[k];
        String[] columns = new String[values[0].length];
        for (int r = 0; r < k; r++) {
            System.arraycopy(weight[r], 0, values[r], 0, d);
            if (bias != null) {
                values[r][d] = bias[r];
            }
            rows[r] = "class " + r;
        }
        for (int j = 0; j < d; j++) {
            columns[j] = "x" + j;
        }
        if (bias != null) {
            columns[d] = "b";
        }
        return new ParameterTable(values, rows, columns, bias != null);
    }

    /** The entry at row-major cell {@code index}. */
    public Entry entry(int index) {
        int row = index / columns.length;
        int column = index % columns.length;
        boolean bias = hasBias && column == columns.length - 1;
        String name = bias ? "b[" + row + "]" : "W[" + row + "][" + column + "]";
        return new Entry(row, column, bias, name, values[row][column]);
    }
}
