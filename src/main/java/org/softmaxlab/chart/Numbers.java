package org.softmaxlab.chart;

import java.util.Locale;

/** Parsing what users type and formatting what they read, the same way in every view. */
public final class Numbers {
    private Numbers() {
    }

    /** The outcome of parsing a typed number: a value, or a message saying what is wrong with the text. */
    public record Parsed(double value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Parses a finite decimal number ("2", "-0.5", "1e-3"); refuses empty text, letters, NaN and overflow. */
    public static Parsed parseFinite(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Parsed(Double.NaN, "enter a number");
        }
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return new Parsed(Double.NaN, "\"" + abbreviate(t) + "\" is not a number");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            return new Parsed(Double.NaN, "\"" + abbreviate(t) + "\" is too large for a double");
        }
        return new Parsed(v, null);
    }

    /** Four decimals ("0.2159"); scientific for magnitudes of a million or more. */
    public static String fixed4(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    /** A compact editable form: up to 6 significant digits, no trailing zeros ("0.221", "1e+300" as "1e300"). */
    public static String editable(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v).trim();
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}
