package org.softmaxlab.engine;

import java.util.Locale;

/**
 * A binary floating-point format and its one rounding rule: a real number (a double here) is rounded to the nearest
 * value of the format, ties to the even significand, with the format's subnormals below its smallest normal and
 * overflow to infinity from the largest finite value plus half its unit in the last place.
 *
 * <p>Rounding an exact double result of an operation on values of a narrower format gives that format's correctly
 * rounded result for +, -, x and / (a double has 53 bits, at least 2p + 2 for every p here, so rounding twice is
 * innocuous), and exp and log within one unit in the last place of the format.
 */
public enum Precision {
    FLOAT64(53, -1022, 1023),
    FLOAT32(24, -126, 127),
    BFLOAT16(8, -126, 127),
    FLOAT16(11, -14, 15);

    /** Significand bits, the implicit one included. */
    private final int digits;
    private final int minExponent;
    private final int maxExponent;
    private final double maxFinite;

    Precision(int digits, int minExponent, int maxExponent) {
        this.digits = digits;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.maxFinite = digits == 53 ? Double.MAX_VALUE
                : (2 - Math.scalb(1.0, 1 - digits)) * Math.scalb(1.0, maxExponent);
    }

    /** "float64", "float32", "bfloat16" or "float16" (any case). */
    public static Precision parse(String name) {
        for (Precision p : values()) {
            if (p.label().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be \"float64\", \"float32\", \"bfloat16\" or \"float16\", "
                + "got \"" + name + "\"");
    }

    /** The lower-case name used in files and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The largest finite value (65504 for float16). */
    public double maxFinite() {
        return maxFinite;
    }

    /** {@code x} rounded to this format (NaN and the infinities stay as they are). */
    public double round(double x) {
        if (this == FLOAT64 || x == 0 || !Double.isFinite(x)) {
            return x;
        }
        if (this == FLOAT32) {
            return (float) x;
        }
        double ulp = ulp(x);
        double rounded = Math.rint(x / ulp) * ulp;
        return Math.abs(rounded) > maxFinite ? Math.copySign(Double.POSITIVE_INFINITY, x) : rounded;
    }

    /**
     * The unit in the last place of this format at the magnitude of {@code x}: the spacing of the format's values
     * around it (the subnormals' spacing below the smallest normal, that of the largest binade above the largest
     * finite value).
     */
    public double ulp(double x) {
        int e = Double.isFinite(x) && x != 0 ? Math.getExponent(x) : minExponent;
        e = Math.max(minExponent, Math.min(maxExponent, e));
        return Math.scalb(1.0, e - (digits - 1));
    }

    /** The distance from {@code x} to {@code exact} in units in the last place of this format at {@code exact}. */
    public double ulpsFrom(double x, double exact) {
        if (Double.isNaN(x) || Double.isNaN(exact)) {
            return Double.NaN;
        }
        if (x == exact) {
            return 0;
        }
        return Math.abs(x - exact) / ulp(exact);
    }
}
