package org.softmaxlab.json;

import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Numbers;

/**
 * The checks records run in their {@code validate()} after Jackson has read them: values in range, finite numbers,
 * rectangular matrices. Every message starts with the field's name as the user wrote it in the file.
 */
public final class Fields {
    /** Every finite double. */
    public static final Limits.Range ANY = new Limits.Range(-Double.MAX_VALUE, Double.MAX_VALUE);
    private Fields() {
    }

    /** {@code value}, or {@code fallback} when the field was absent. */
    public static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code value}; a missing field is refused. */
    public static <T> T required(T value, String name) throws JsonInputException {
        if (value == null) {
            throw new JsonInputException("missing field \"" + name + "\"");
        }
        return value;
    }

    /** A finite number inside {@code range}. */
    public static double number(double v, String name, Limits.Range range) throws JsonInputException {
        finite(v, name);
        if (!range.contains(v)) {
            throw new JsonInputException(name + " = " + Numbers.editable(v) + " is out of range ("
                    + Numbers.editable(range.min()) + " to " + Numbers.editable(range.max()) + ")");
        }
        return v;
    }

    /** A whole number inside {@code range}. */
    public static int integer(int v, String name, Limits.IntRange range) throws JsonInputException {
        if (!range.contains(v)) {
            throw new JsonInputException(name + " = " + v + " is out of range (" + range.min() + " to " + range.max()
                    + ")");
        }
        return v;
    }

    /** A finite number ("NaN" and "Infinity" strings read as such, and 1e400 as Infinity). */
    public static double finite(double v, String name) throws JsonInputException {
        if (!Double.isFinite(v)) {
            throw new JsonInputException(name + " must be a finite number, not " + Numbers.fixed4(v)
                    + (Double.isNaN(v) ? "" : " (beyond the largest double, about 1.8e308)"));
        }
        return v;
    }

    /** {@code expected} class weights, each finite and at least 0. */
    public static double[] weights(double[] v, String name, int expected) throws JsonInputException {
        if (v.length != expected) {
            throw new JsonInputException(name + " must hold " + expected + " numbers, not " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            finite(v[i], name + "[" + i + "]");
            if (!Limits.CLASS_WEIGHT.contains(v[i])) {
                throw new JsonInputException(name + "[" + i + "] = " + Numbers.editable(v[i])
                        + "; weights must be " + Numbers.rangeText(Limits.CLASS_WEIGHT));
            }
        }
        return v;
    }

    /** {@code expected} finite numbers, each inside {@code range}. */
    public static double[] vector(double[] v, String name, int expected, Limits.Range range)
            throws JsonInputException {
        if (v.length != expected) {
            throw new JsonInputException(name + " must hold " + expected + " numbers, not " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            number(v[i], name + "[" + i + "]", range);
        }
        return v;
    }

    /** Finite numbers of any value. */
    public static double[] finite(double[] v, String name) throws JsonInputException {
        for (int i = 0; i < v.length; i++) {
            finite(v[i], name + "[" + i + "]");
        }
        return v;
    }

    /**
     * A non-empty rectangular matrix of finite numbers with at most {@code maxRows} rows and 1 to
     * {@code maxColumns} columns.
     */
    public static double[][] matrix(double[][] m, String name, int maxRows, int maxColumns)
            throws JsonInputException {
        if (m.length == 0 || m[0] == null) {
            throw new JsonInputException(name + " must be a non-empty array of rows of numbers, not an empty array");
        }
        if (m.length > maxRows) {
            throw new JsonInputException(name + " has " + m.length + " rows; at most " + maxRows + " are allowed");
        }
        int cols = m[0].length;
        if (cols == 0 || cols > maxColumns) {
            throw new JsonInputException(name + " has " + cols + " columns; 1 to " + maxColumns + " are allowed");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new JsonInputException(name + "[" + i + "] must hold " + cols + " numbers like row 0, not "
                        + (m[i] == null ? "null" : m[i].length));
            }
            finite(m[i], name + "[" + i + "]");
        }
        return m;
    }
}
