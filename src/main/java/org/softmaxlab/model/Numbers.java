package org.softmaxlab.model;

import java.util.Locale;

/** Parsing what users type and formatting what they read, the same way in every view, export and message. */
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

    /** The outcome of parsing a typed list of numbers: the values, or a message saying what is wrong. */
    public record ParsedList(double[] values, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Parses exactly {@code count} numbers separated by commas or spaces ("10, 1, 1"), each inside {@code allowed};
     * the message names {@code what}.
     */
    public static ParsedList parseList(String text, int count, String what, Limits.Range allowed) {
        String[] parts = (text == null ? "" : text.strip()).split("[,\\s]+");
        if (parts.length != count || parts[0].isEmpty()) {
            return new ParsedList(null, what + ": enter " + count + " numbers separated by commas");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            Parsed p = parseFinite(parts[i]);
            if (!p.ok()) {
                return new ParsedList(null, what + ": " + p.error());
            }
            if (!allowed.contains(p.value())) {
                return new ParsedList(null, what + ": each must be " + rangeText(allowed) + ", got " + parts[i]);
            }
            values[i] = p.value();
        }
        return new ParsedList(values, null);
    }

    /** The editable form of each value, joined by ", " (what {@link #parseList} reads back). */
    public static String list(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() > 0 ? ", " : "").append(editable(v));
        }
        return text.toString();
    }

    /** Each value with 4 decimals (as {@link #fixed4}), in brackets: "[0.2210, -1.4186]". */
    public static String fixed4List(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i > 0 ? ", " : "").append(fixed4(values[i]));
        }
        return text.append(']').toString();
    }

    /** A range as people read it: ">= 0", "<= 1" or "in [0, 1]". */
    public static String rangeText(Limits.Range r) {
        if (r.max() == Double.MAX_VALUE) {
            return ">= " + editable(r.min());
        }
        return "in [" + editable(r.min()) + ", " + editable(r.max()) + "]";
    }

    /**
     * A number shown to people: four decimals ("0.2159"); scientific where four decimals would hide it, below 1e-4
     * ("1.2346e-05", never a misleading "0.0000") and from a million up. Exactly 0 is "0.0000".
     */
    public static String fixed4(double v) {
        return decimals(v, 4);
    }

    /** As {@link #fixed4} with {@code digits} decimals (small cells): scientific below 10^-digits and from 1e6. */
    public static String decimals(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e6 || (magnitude < Math.pow(10, -digits) && magnitude > 0)) {
            return String.format(Locale.ROOT, "%." + digits + "e", v);
        }
        return fixed(v, digits);
    }

    /**
     * A finite {@code v} with {@code digits} decimals, as {@code String.format("%.nf")} writes it (half up, from the
     * shortest decimal that reads back as {@code v}) at a tenth of its cost, and never a signed zero ("-0.00"): the
     * charts and panels write dozens of numbers a frame.
     */
    public static String fixed(double v, int digits) {
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction as a percentage with one decimal ("87.5%"). */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A whole count with thousands separators ("50,489"). */
    public static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A compact editable form: up to 6 significant digits, no trailing zeros ("0.221", "1e+300" as "1e300"). */
    public static String editable(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        // As "%.6g" rounds (half up from the shortest decimal) and chooses its form, without a Formatter: this runs on
        // every logit change.
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(v)
                .round(new java.math.MathContext(6, java.math.RoundingMode.HALF_UP));
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return stripZeros(rounded.toPlainString());
        }
        java.math.BigDecimal digits = rounded.stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        return digits.movePointLeft(exponent).toPlainString() + "e" + exponent;
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
