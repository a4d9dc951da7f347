package org.softmaxlab.engine;

/** How per-sample losses combine into one number, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** Per-sample losses are returned as they are; the gradient is that of their sum. */
    NONE,
    /** The sum of per-sample losses. */
    SUM,
    /**
     * The weighted mean: divided by the sum of the target classes' weights over samples not ignored (class-index
     * targets), or by the batch size (class-probability targets).
     */
    MEAN;

    /** Parses "none", "sum" or "mean" (any case). */
    public static Reduction parse(String name) {
        Checks.require(name != null, "reduction is missing");
        for (Reduction r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("reduction must be \"none\", \"sum\" or \"mean\", got \"" + name + "\"");
    }

    /** The lower-case name used in files and on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
