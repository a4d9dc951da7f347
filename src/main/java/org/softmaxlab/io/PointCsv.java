package org.softmaxlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Points of the plane as CSV, {@code x0,x1,label} with that header, for the Training tab's drawn data. */
public final class PointCsv {
    public static final String HEADER = "x0,x1,label";

    private PointCsv() {
    }

    /**
     * Reads rows of x0, x1, label (a header row is optional); at most {@code max} rows.
     *
     * @throws ImportException naming the row and column of a bad cell, a wrong column count or a label that is not a
     *                         whole number >= 0
     */
    public static double[][] read(Path file, int max) throws ImportException {
        String name = file.getFileName().toString();
        String text;
        try {
            if (Files.size(file) > (long) max * 200 + 4096) {
                throw new ImportException(name + " is too large: at most " + max + " points are imported");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ImportException("file not found: " + file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage());
        }
        LogitImport.TextTable table = LogitImport.TextTable.parse(text, name, max, 3);
        if (table.columns() != 3) {
            throw new ImportException(name + " has " + table.columns() + " columns; points are x0,x1,label");
        }
        double[][] rows = table.array(-1).matrix();
        for (int r = 0; r < rows.length; r++) {
            double label = rows[r][2];
            if (label != Math.rint(label) || label < 0) {
                throw new ImportException(name + " row " + (r + 1) + ", column 3: label " + label
                        + " is not a class (a whole number >= 0)");
            }
        }
        return rows;
    }

    /** Writes the points with the header, through a temporary file. */
    public static void write(Path file, double[][] xy, int[] labels) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < xy.length; i++) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d%n", Double.toString(xy[i][0]), Double.toString(xy[i][1]),
                    labels[i]));
        }
        AtomicFiles.writeString(file, csv.toString());
    }
}
