package org.softmaxlab.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softmaxlab.engine.Attention;

/**
 * Everything the Attention tab shows is a function of this one immutable value: the tokens (each one a query and a
 * key), their d-dimensional query and key vectors (random from the seed with the spread, or dragged when d = 2), the
 * scale, the mask, the temperature and the query whose row is looked at closely. Every edit is a {@code with...}
 * copy; one out of range throws {@link IllegalArgumentException} naming it.
 *
 * @param clicked the cells the user masked (L x L, true = masked), kept while another mask is chosen
 * @param scale   the slider's scale, used when {@code scaleMode} is {@link AttentionScale#SLIDER}
 */
public record AttentionState(String[] tokens, int dim, long seed, double spread, double[][] q, double[][] k,
                             AttentionScale scaleMode, double scale, AttentionMask maskMode, boolean[][] clicked,
                             double temperature, int query) {
    /** The d of the sweep, doubling from 2 to the largest. */
    public static final int[] SWEEP_DIMS = {2, 4, 8, 16, 32, 64, 128, 256, 512};

    /** The tab's first state: six tokens in 16 dimensions, the transformer's scale, no mask, the last token's row. */
    public static AttentionState initial() {
        String[] tokens = {"The", "cat", "sat", "on", "the", "mat"};
        int d = 16;
        long seed = 7;
        double spread = 1;
        return new AttentionState(tokens, d, seed, spread, vectors(seed, 0, tokens.length, d, spread),
                vectors(seed, 1, tokens.length, d, spread), AttentionScale.INVERSE_SQRT_D, 1,
                AttentionMask.NONE, new boolean[tokens.length][tokens.length], 1, tokens.length - 1);
    }

    /**
     * The seed's random vectors: n rows of d entries, each normal with standard deviation {@code spread}. Row i's
     * entries come from its own stream, so the first d entries are the same for every larger d (the sweep's "same
     * random vectors") and for every n.
     *
     * @param which 0 for the queries, 1 for the keys
     */
    public static double[][] vectors(long seed, int which, int n, int d, double spread) {
        double[][] v = new double[n][d];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 2L * i + which);
            for (int c = 0; c < d; c++) {
                v[i][c] = spread * random.nextGaussian();
            }
        }
        return v;
    }

    /** The number of tokens L (= S: each token is a query and a key). */
    public int size() {
        return tokens.length;
    }

    /** The factor of q k^T in use. */
    public double scaleValue() {
        return switch (scaleMode) {
            case INVERSE_SQRT_D -> 1 / Math.sqrt(dim);
            case ONE -> 1;
            case SLIDER -> scale;
        };
    }

    /** The mask in use (L x L, true = masked), or null for none. */
    public boolean[][] mask() {
        return switch (maskMode) {
            case NONE -> null;
            case CAUSAL -> Attention.causal(size(), size());
            case CLICKED -> copy(clicked);
        };
    }

    /** New token names; a new count draws the vectors again (the first ones keep theirs) and resizes the clicks. */
    public AttentionState withTokens(String[] names) {
        require(names.length >= Limits.ATTENTION_TOKENS.min() && names.length <= Limits.ATTENTION_TOKENS.max(),
                "tokens: " + names.length + " given; the tab takes " + Limits.ATTENTION_TOKENS.min() + " to "
                        + Limits.ATTENTION_TOKENS.max());
        for (String name : names) {
            require(!name.isBlank(), "tokens: a name is empty");
        }
        if (names.length == size()) {
            return new AttentionState(names.clone(), dim, seed, spread, q, k, scaleMode, scale, maskMode, clicked,
                    temperature, query);
        }
        boolean[][] c = new boolean[names.length][names.length];
        for (int i = 0; i < Math.min(names.length, size()); i++) {
            System.arraycopy(clicked[i], 0, c[i], 0, Math.min(names.length, size()));
        }
        return new AttentionState(names.clone(), dim, seed, spread, vectors(seed, 0, names.length, dim, spread),
                vectors(seed, 1, names.length, dim, spread), scaleMode, scale, maskMode, c, temperature,
                Math.min(query, names.length - 1));
    }

    /** A new d: the seed's vectors in that many dimensions (dragged vectors are drawn again). */
    public AttentionState withDim(int d) {
        require(d >= Limits.ATTENTION_DIM.min() && d <= Limits.ATTENTION_DIM.max(), "d is " + d + "; it must be "
                + Limits.ATTENTION_DIM.min() + " to " + Limits.ATTENTION_DIM.max());
        return d == dim ? this : redrawn(d, seed, spread);
    }

    public AttentionState withSeed(long s) {
        require(s >= 0, "seed is " + s + "; it must be 0 or more");
        return s == seed ? this : redrawn(dim, s, spread);
    }

    public AttentionState withSpread(double s) {
        require(s >= Limits.ATTENTION_SPREAD.min() && s <= Limits.ATTENTION_SPREAD.max(), "spread is " + s
                + "; it must be " + Numbers.rangeText(Limits.ATTENTION_SPREAD));
        return s == spread ? this : redrawn(dim, seed, s);
    }

    private AttentionState redrawn(int d, long s, double sd) {
        return new AttentionState(tokens, d, s, sd, vectors(s, 0, size(), d, sd), vectors(s, 1, size(), d, sd),
                scaleMode, scale, maskMode, clicked, temperature, query);
    }

    public AttentionState withScaleMode(AttentionScale mode) {
        return new AttentionState(tokens, dim, seed, spread, q, k, mode, scale, maskMode, clicked, temperature, query);
    }

    /** The slider's scale (and the slider chosen). */
    public AttentionState withScale(double a) {
        require(a >= Limits.ATTENTION_SCALE.min() && a <= Limits.ATTENTION_SCALE.max(), "scale is " + a
                + "; it must be " + Numbers.rangeText(Limits.ATTENTION_SCALE));
        return new AttentionState(tokens, dim, seed, spread, q, k, AttentionScale.SLIDER, a, maskMode, clicked,
                temperature, query);
    }

    public AttentionState withMaskMode(AttentionMask mode) {
        return new AttentionState(tokens, dim, seed, spread, q, k, scaleMode, scale, mode, clicked, temperature, query);
    }

    /** Masks or unmasks key {@code j} for query {@code i}, and chooses the clicked mask. */
    public AttentionState withCellToggled(int i, int j) {
        require(i >= 0 && i < size() && j >= 0 && j < size(), "cell (" + i + ", " + j + ") is not in the "
                + size() + " x " + size() + " map");
        boolean[][] c = copy(clicked);
        c[i][j] = !c[i][j];
        return new AttentionState(tokens, dim, seed, spread, q, k, scaleMode, scale, AttentionMask.CLICKED, c,
                temperature, query);
    }

    public AttentionState withTemperature(double t) {
        require(t >= Limits.TEMPERATURE_SLIDER.min() && t <= Limits.TEMPERATURE_SLIDER.max(), "temperature is " + t
                + "; it must be " + Numbers.rangeText(Limits.TEMPERATURE_SLIDER));
        return new AttentionState(tokens, dim, seed, spread, q, k, scaleMode, scale, maskMode, clicked, t, query);
    }

    /** The query whose softmax and Jacobian are shown. */
    public AttentionState withQuery(int i) {
        require(i >= 0 && i < size(), "query " + i + " is not one of the " + size() + " tokens");
        return i == query ? this : new AttentionState(tokens, dim, seed, spread, q, k, scaleMode, scale, maskMode,
                clicked, temperature, i);
    }

    /** Moves query (or key) {@code i} to (x, y): only when d = 2, where the vectors are the plane's points. */
    public AttentionState withVectorMoved(boolean isQuery, int i, double x, double y) {
        require(dim == 2, "vectors can be dragged when d = 2; d is " + dim);
        require(i >= 0 && i < size() && Double.isFinite(x) && Double.isFinite(y), "vector " + i + " to (" + x
                + ", " + y + ") is not a point of the plane");
        double[][] moved = copy(isQuery ? q : k);
        moved[i] = new double[] {x, y};
        return new AttentionState(tokens, dim, seed, spread, isQuery ? moved : q, isQuery ? k : moved, scaleMode,
                scale, maskMode, clicked, temperature, query);
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    private static boolean[][] copy(boolean[][] m) {
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
