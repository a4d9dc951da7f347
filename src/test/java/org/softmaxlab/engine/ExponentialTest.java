package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inline exponential against {@code StrictMath.exp} (fdlibm, an independent implementation within 1 ulp), and
 * {@code log(1 + x)}'s series against {@code StrictMath.log1p}.
 */
class ExponentialTest {

    /** 1.5 ulp of the result, as a relative bound (one ulp of a double is at most 2.2e-16 of it). */
    private static final double BOUND = 3.4e-16;

    @Test
    void withinOneAndAHalfUlpOverTheWholeNormalRange() {
        Random random = new Random(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double scale = switch (i % 4) {
                case 0 -> 708;
                case 1 -> 40;
                case 2 -> 1;
                default -> 1e-6;
            };
            double x = (2 * random.nextDouble() - 1) * scale;
            double expected = StrictMath.exp(x);
            double actual = Exponential.exp(x);
            double error = Math.abs(actual - expected) / expected;
            assertTrue(error <= BOUND, () -> "exp(" + x + ") = " + actual + ", expected " + expected);
            worst = Math.max(worst, error);
        }
        assertTrue(worst > 0, "a table-and-series exponential that never differs from fdlibm is not being tested");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.0, -1.0, 0.5, 707.9999, -707.9999, 708, -708, 709.78, 709.79, -745.1, -745.2,
            -746, -1e10, 1e10, Double.MIN_VALUE, -Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NaN})
    void edgesAndSpecialValues(double x) {
        double expected = StrictMath.exp(x);
        double actual = Exponential.exp(x);
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, "exp(" + x + ")");
        } else if (expected < Double.MIN_NORMAL) {
            assertEquals(expected, actual, Double.MIN_VALUE, "exp(" + x + ")");
        } else {
            assertEquals(expected, actual, BOUND * expected, "exp(" + x + ")");
        }
    }

    @Test
    void zeroGivesExactlyOne() {
        assertEquals(1.0, Exponential.exp(0.0));
        assertEquals(1.0, Exponential.exp(-0.0));
    }

    @Test
    void seriesForLogOnePlusMatchesLog1pBelowTheThreshold() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x = FusedRows.SMALL * Math.pow(10, -300 * random.nextDouble()) * random.nextDouble();
            double expected = StrictMath.log1p(x);
            assertEquals(expected, FusedRows.logOnePlusSmall(x), BOUND * expected, "log1p(" + x + ")");
            assertEquals(expected, FusedRows.logOnePlus(x), BOUND * expected, "log1p(" + x + ")");
        }
        double justBelow = Math.nextDown(FusedRows.SMALL);
        assertEquals(StrictMath.log1p(justBelow), FusedRows.logOnePlusSmall(justBelow),
                BOUND * justBelow);
        assertEquals(0.0, FusedRows.logOnePlusSmall(0.0));
    }
}
