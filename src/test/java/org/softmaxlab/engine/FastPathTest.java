package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flat fast path gives the same numbers as {@link CrossEntropyLoss#evaluate}, on every branch. */
class FastPathTest {

    @ParameterizedTest(name = "{0}x{1} {2} eps={3} weighted={4} T={5} ignore={6}")
    @CsvSource({
            "1, 10, mean, 0, false, 1, false", "64, 10, mean, 0, false, 1, true", "8, 5000, sum, 0, false, 1, false",
            "1024, 100, mean, 0, false, 1, true", "300, 1000, none, 0, false, 1, false",
            "33, 7, mean, 0.1, false, 1, false", "50, 9, mean, 0, true, 1, true", "40, 12, sum, 0, false, 0.5, false",
            "500, 200, mean, 0.2, true, 2, true"})
    void sameNumbersAsTheGeneralPath(int n, int c, String reduction, double eps, boolean weighted, double t,
                                     boolean ignore) {
        Random random = new Random(n * 31L + c);
        double[] flat = new double[n * c];
        double[][] rows = new double[n][c];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                double v = 4 * random.nextGaussian() + (k == i % c ? 25 : 0);
                flat[i * c + k] = v;
                rows[i][k] = v;
            }
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = ignore && i % 5 == 2 ? -100 : (i % 3 == 0 ? i % c : random.nextInt(c));
        }
        double[] w = null;
        if (weighted) {
            w = new double[c];
            for (int k = 0; k < c; k++) {
                w[k] = random.nextDouble() * 3;
            }
        }
        CrossEntropyLoss loss = new CrossEntropyLoss(new CrossEntropyOptions(w, -100, Reduction.parse(reduction), eps,
                t));
        LossResult expected = loss.evaluate(rows, Targets.indices(y));
        double[] g = new double[n * c];
        double actual = loss.lossAndGradient(flat, n, c, y, g);
        assertEquals(expected.loss(), actual, 1e-12 * Math.abs(expected.loss()));
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                double e = expected.gradient()[i][k];
                assertEquals(e, g[i * c + k], 1e-12 * Math.abs(e) + 1e-300, "gradient[" + i + "][" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void nonFiniteLogitsAreRefused(double bad) {
        CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyOptions.defaults());
        double[] z = new double[64 * 1000];
        z[40_000] = bad;
        int[] y = new int[64];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.lossAndGradient(z, 64, 1000, y, new double[z.length]));
        assertTrue(e.getMessage().contains("finite"));
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(new double[] {1, bad}, 1, 2,
                new int[] {0}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(new double[] {1, 2}, 1, 2,
                new int[] {2}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(new double[] {1, 2}, 1, 3,
                new int[] {0}, new double[3]));
    }
}
