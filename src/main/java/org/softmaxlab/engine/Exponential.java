package org.softmaxlab.engine;

/**
 * {@code e^x} computed inline, for the loops that take one exponential per logit.
 *
 * <p>{@code Math.exp} on Java 17 is a call into a stub the JIT cannot inline or overlap with the loop around it; in the
 * training step's softmax it cost about 7.5 ns per logit, this about 3. Same method as that stub: {@code x = (64 n +
 * j) ln2/64 + r} with {@code |r| <= ln2/128}, then {@code e^x = 2^n 2^(j/64) e^r} with {@code 2^(j/64)} from a table
 * and {@code e^r - 1} from six terms of its series (the first term left out is below 4e-20). The result is within
 * 1.5 ulp of the exact value (a relative 3.1e-16, measured against {@code StrictMath.exp} in ExponentialTest) for
 * every x in (-708, 708); outside that range (subnormal results, overflow, infinities, NaN) it is {@code Math.exp}.
 * {@code exp(0)} is exactly 1, which the fused softmax rows rely on.
 */
final class Exponential {
    private static final double[] TWO_TO_J_OVER_64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TWO_TO_J_OVER_64[j] = StrictMath.pow(2, j / 64.0);
        }
    }

    /** Adding this rounds a double below 2^51 in magnitude to an integer held in the low bits of the sum. */
    private static final double ROUNDING_SHIFT = 0x1.8p52;
    private static final double SIXTY_FOUR_OVER_LN2 = 64 / Math.log(2);
    /** ln2 / 64 split as in fdlibm: the high part has 32 significant bits, so n times it is exact. */
    private static final double LN2_OVER_64_HIGH = 6.93147180369123816490e-01 / 64;
    private static final double LN2_OVER_64_LOW = 1.90821492927058770002e-10 / 64;
    private static final double LIMIT = 708;

    private Exponential() {
    }

    static double exp(double x) {
        if (!(x > -LIMIT && x < LIMIT)) {
            return Math.exp(x);
        }
        double shifted = x * SIXTY_FOUR_OVER_LN2 + ROUNDING_SHIFT;
        int n = (int) Double.doubleToRawLongBits(shifted);
        double nearest = shifted - ROUNDING_SHIFT;
        double r = (x - nearest * LN2_OVER_64_HIGH) - nearest * LN2_OVER_64_LOW;
        double expm1 = r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        double table = TWO_TO_J_OVER_64[n & 63];
        return (table + table * expm1) * Double.longBitsToDouble((long) ((n >> 6) + 1023) << 52);
    }
}
