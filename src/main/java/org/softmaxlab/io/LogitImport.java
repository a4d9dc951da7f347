package org.softmaxlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Logits (and targets) from the places people keep them: NumPy {@code .npy} and {@code .npz} files, CSV/TSV files
 * (an optional header row; a column named {@code target} or {@code label} holds the class), and pasted text (a Python
 * list or NumPy print, spreadsheet cells, JSON arrays). Every failure is one {@link ImportException} naming the
 * problem; nothing is half-imported.
 */
public final class LogitImport {
    private final int maxSamples;
    private final int maxClasses;

    /** An importer that refuses more than {@code maxSamples} rows or {@code maxClasses} columns. */
    public LogitImport(int maxSamples, int maxClasses) {
        this.maxSamples = maxSamples;
        this.maxClasses = maxClasses;
    }

    /** Reads logits (and targets where the file holds them), choosing the format by the file's extension. */
    public ImportedBatch readFile(Path file) throws ImportException {
        String name = file.getFileName().toString();
        String ext = extension(name);
        byte[] bytes = bytes(file);
        switch (ext) {
            case "npy" -> {
                NumericArray a = NpyReader.read(bytes, name, maxValues());
                return batch(logitsOf(a, name), a.isFlat(), null, null, describe(a, name));
            }
            case "npz" -> {
                Map<String, NumericArray> arrays = NpyReader.readArchive(bytes, name, maxValues());
                NumericArray z = arrays.get("logits");
                if (z == null) {
                    throw new ImportException(name + " has no array named 'logits' (it has "
                            + String.join(", ", arrays.keySet()) + "); save it with np.savez(f, logits=z, targets=y)");
                }
                double[][] logits = logitsOf(z, name + "['logits']");
                NumericArray t = arrays.get("targets");
                ImportedBatch b = batch(logits, z.isFlat(), null, null, describe(z, name));
                return t == null ? b : withTargets(b, t, name + "['targets']");
            }
            case "csv", "tsv", "txt" -> {
                return parseText(new String(bytes, StandardCharsets.UTF_8), name);
            }
            default -> throw new ImportException(name + ": import reads .npy, .npz, .csv, .tsv and .txt files");
        }
    }

    /** Adds the targets in {@code file} (.npy, .npz holding 'targets', .csv/.tsv/.txt) to {@code batch}. */
    public ImportedBatch readTargets(ImportedBatch batch, Path file) throws ImportException {
        String name = file.getFileName().toString();
        byte[] bytes = bytes(file);
        NumericArray t = switch (extension(name)) {
            case "npy" -> NpyReader.read(bytes, name, maxValues());
            case "npz" -> {
                NumericArray a = NpyReader.readArchive(bytes, name, maxValues()).get("targets");
                if (a == null) {
                    throw new ImportException(name + " has no array named 'targets'");
                }
                yield a;
            }
            case "csv", "tsv", "txt" -> {
                TextTable table = TextTable.parse(new String(bytes, StandardCharsets.UTF_8), name, maxSamples,
                        maxClasses);
                int label = table.labelColumn();
                yield table.columns() == 1 || label >= 0 ? table.column(label >= 0 ? label : 0)
                        : table.array(-1);
            }
            default -> throw new ImportException(name + ": targets are read from .npy, .npz, .csv, .tsv and .txt");
        };
        return withTargets(batch, t, name);
    }

    /**
     * Parses pasted or file text: rows of numbers in brackets (a Python list, a NumPy print, JSON) or as lines of
     * cells separated by commas, tabs, semicolons or spaces.
     */
    public ImportedBatch parseText(String text, String name) throws ImportException {
        TextTable table = TextTable.parse(text, name, maxSamples, maxClasses + 1);
        int label = table.labelColumn();
        NumericArray z = table.array(label);
        ImportedBatch b = batch(logitsOf(z, name), z.isFlat(), null, null,
                z.rows() + " x " + Math.max(1, z.columns()) + " from " + name);
        return label < 0 ? b : withTargets(b, table.column(label), name + " column '" + table.header(label) + "'");
    }

    private ImportedBatch withTargets(ImportedBatch b, NumericArray t, String name) throws ImportException {
        int n = b.samples();
        // One sample as 1-D arrays, as torch.nn.functional.cross_entropy reads an unbatched (C,) input: a (C,) target
        // is its probability row (a 0-d or (1,) target is its class index, below).
        if (b.flat() && t.isFlat() && t.rows() == b.classes()) {
            if (t.integer()) {
                throw new ImportException(name + " holds " + t.rows() + " whole numbers for one sample of "
                        + b.classes() + " logits: save its class index as one number (np.array(3)) or its "
                        + "probability row as floats");
            }
            return b.withTargets(null, new double[][] {t.values().clone()});
        }
        if (t.isFlat() || t.columns() == 1) {
            if (t.rows() != n) {
                throw new ImportException(name + " has " + t.rows() + " targets but there are " + n + " samples");
            }
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                double v = t.values()[i];
                if (v != Math.rint(v) || Math.abs(v) > 1e9) {
                    throw new ImportException(name + "[" + i + "] is " + v + "; a class index is a whole number");
                }
                y[i] = (int) v;
            }
            return b.withTargets(y, null);
        }
        if (t.rows() != n || t.columns() != b.classes()) {
            throw new ImportException(name + " has shape " + t.shape() + "; probability targets are " + n + " x "
                    + b.classes() + " like the logits");
        }
        return b.withTargets(null, t.matrix());
    }

    private double[][] logitsOf(NumericArray a, String name) throws ImportException {
        int rows = a.isFlat() ? 1 : a.rows();
        int columns = a.isFlat() ? a.rows() : a.columns();
        if (rows > maxSamples) {
            throw new ImportException(name + " has " + rows + " samples; at most " + maxSamples + " are imported");
        }
        if (columns > maxClasses || columns < 2) {
            throw new ImportException(name + " has " + columns + " classes; between 2 and " + maxClasses
                    + " are imported");
        }
        double[][] m = a.matrix();
        for (int i = 0; i < m.length; i++) {
            for (int c = 0; c < m[i].length; c++) {
                if (!Double.isFinite(m[i][c])) {
                    throw new ImportException(name + " holds " + m[i][c] + " at row " + i + ", column " + c
                            + "; logits must be finite numbers");
                }
            }
        }
        return m;
    }

    private static ImportedBatch batch(double[][] logits, boolean flat, int[] y, double[][] rows, String what) {
        return new ImportedBatch(logits, flat, y, rows, what);
    }

    private static String describe(NumericArray a, String name) {
        return (a.isFlat() ? "1 x " + a.rows() : a.rows() + " x " + a.columns()) + " from " + name;
    }

    private long maxValues() {
        return (long) maxSamples * maxClasses;
    }

    private byte[] bytes(Path file) throws ImportException {
        try {
            long size = Files.size(file);
            long limit = maxValues() * 8 * 4 + (1 << 20);
            if (size > limit) {
                throw new ImportException(String.format(Locale.ROOT, "%s is %.1f MB: too large (at most %d samples x "
                        + "%d classes are imported)", file.getFileName(), size / 1e6, maxSamples, maxClasses));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException("file not found: " + file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Rows of cells, from bracketed text or delimited lines, with an optional header. */
    static final class TextTable {
        private final List<double[]> rows;
        private final List<String> header;
        private final boolean flat;

        private TextTable(List<double[]> rows, List<String> header, boolean flat) {
            this.rows = rows;
            this.header = header;
            this.flat = flat;
        }

        static TextTable parse(String text, String name, int maxRows, int maxColumns) throws ImportException {
            String t = text.strip();
            if (t.isEmpty()) {
                throw new ImportException(name + " is empty: there are no numbers to import");
            }
            if (t.startsWith("[") || t.startsWith("array(") || t.startsWith("tensor(")) {
                return bracketed(t, name, maxRows, maxColumns);
            }
            return delimited(t, name, maxRows, maxColumns);
        }

        /** {@code [[1, 2], [3, 4]]}, {@code array([[1., 2.], [3., 4.]])}, {@code [[1. 2.]\n [3. 4.]]}, {@code [1, 2]}. */
        private static TextTable bracketed(String t, String name, int maxRows, int maxColumns) throws ImportException {
            String body = t.replaceAll("(?s)^(array|tensor)\\(", "").replaceAll("(?s),\\s*dtype\\s*=.*$", "")
                    .replaceAll("(?s)\\)\\s*$", "");
            List<double[]> rows = new ArrayList<>();
            int depth = 0;
            int maxDepth = 0;
            StringBuilder cell = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char ch = body.charAt(i);
                if (ch == '[') {
                    depth++;
                    maxDepth = Math.max(maxDepth, depth);
                    cell.setLength(0);
                } else if (ch == ']') {
                    if (depth == maxDepth || depth == 2 || (depth == 1 && maxDepth == 1)) {
                        if (!cell.toString().isBlank()) {
                            rows.add(numbers(cell.toString(), name, rows.size() + 1, maxColumns));
                        }
                    }
                    cell.setLength(0);
                    depth--;
                } else if (depth > 0) {
                    cell.append(ch);
                }
            }
            if (depth != 0) {
                throw new ImportException(name + ": the brackets do not match");
            }
            if (maxDepth > 2) {
                throw new ImportException(name + " has " + maxDepth + " levels of brackets; 1-D and 2-D arrays are "
                        + "imported");
            }
            if (rows.isEmpty()) {
                throw new ImportException(name + " holds no numbers");
            }
            if (rows.size() > maxRows) {
                throw new ImportException(name + " has " + rows.size() + " rows; at most " + maxRows
                        + " are imported");
            }
            checkRagged(rows, name);
            return new TextTable(rows, null, maxDepth == 1);
        }

        private static TextTable delimited(String t, String name, int maxRows, int maxColumns)
                throws ImportException {
            String[] lines = t.split("\\R");
            String sep = lines[0].contains("\t") ? "\t" : lines[0].contains(",") ? "," : lines[0].contains(";")
                    ? ";" : "\\s+";
            List<double[]> rows = new ArrayList<>();
            List<String> header = null;
            for (int r = 0; r < lines.length; r++) {
                String line = lines[r].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(sep, -1);
                if (rows.isEmpty() && header == null && !isNumber(cells[0].strip())) {
                    header = new ArrayList<>();
                    for (String c : cells) {
                        header.add(c.strip().replaceAll("^\"|\"$", ""));
                    }
                    continue;
                }
                if (cells.length > maxColumns) {
                    throw new ImportException(name + " row " + (r + 1) + " has " + cells.length + " columns; at most "
                            + maxColumns + " are imported");
                }
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    String cell = cells[c].strip().replaceAll("^\"|\"$", "");
                    try {
                        row[c] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new ImportException(name + " row " + (r + 1) + ", column " + (c + 1) + ": '"
                                + abbreviate(cell) + "' is not a number");
                    }
                }
                rows.add(row);
                if (rows.size() > maxRows) {
                    throw new ImportException(name + " has more than " + maxRows + " rows; at most " + maxRows
                            + " are imported");
                }
            }
            if (rows.isEmpty()) {
                throw new ImportException(name + " holds no rows of numbers");
            }
            if (header != null && header.size() != rows.get(0).length) {
                throw new ImportException(name + ": the header has " + header.size() + " columns but row 2 has "
                        + rows.get(0).length);
            }
            checkRagged(rows, name);
            return new TextTable(rows, header, false);
        }

        private static void checkRagged(List<double[]> rows, String name) throws ImportException {
            int width = rows.get(0).length;
            for (int r = 1; r < rows.size(); r++) {
                if (rows.get(r).length != width) {
                    throw new ImportException(name + ": row " + (r + 1) + " has " + rows.get(r).length
                            + " numbers but row 1 has " + width + " (the rows are ragged)");
                }
            }
        }

        private static double[] numbers(String cell, String name, int row, int maxColumns) throws ImportException {
            String[] parts = cell.strip().split("[,\\s]+");
            if (parts.length > maxColumns) {
                throw new ImportException(name + " row " + row + " has " + parts.length + " numbers; at most "
                        + maxColumns + " are imported");
            }
            double[] v = new double[parts.length];
            for (int c = 0; c < parts.length; c++) {
                try {
                    v[c] = Double.parseDouble(parts[c].replaceAll("\\.$", ".0"));
                } catch (NumberFormatException e) {
                    throw new ImportException(name + " row " + row + ", column " + (c + 1) + ": '"
                            + abbreviate(parts[c]) + "' is not a number");
                }
            }
            return v;
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s.replaceAll("^\"|\"$", ""));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 20 ? s.substring(0, 20) + "..." : s;
        }

        int columns() {
            return rows.get(0).length;
        }

        String header(int column) {
            return header == null ? "column " + (column + 1) : header.get(column);
        }

        /** The column named target or label (any case), or -1. */
        int labelColumn() {
            if (header == null) {
                return -1;
            }
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c).toLowerCase(Locale.ROOT);
                if (h.equals("target") || h.equals("label") || h.equals("targets") || h.equals("labels")) {
                    return c;
                }
            }
            return -1;
        }

        /** Every column but {@code skip} (-1: none), as an array; one bracketed flat row stays flat. */
        NumericArray array(int skip) {
            int width = columns() - (skip >= 0 ? 1 : 0);
            double[] values = new double[rows.size() * width];
            int k = 0;
            for (double[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    if (c != skip) {
                        values[k++] = row[c];
                    }
                }
            }
            return flat ? new NumericArray(values, width, 0, false) : new NumericArray(values, rows.size(), width,
                    false);
        }

        NumericArray column(int c) {
            double[] values = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = rows.get(r)[c];
            }
            return new NumericArray(values, values.length, 0, true);
        }
    }
}
