package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The loss lab's losses: finite-difference gradients, and the identities that tie them to cross-entropy. */
class LossesTest {
    private static final double[][] Z = {{2.0, 1.0, 0.1, -0.7}, {0.0, 5.0, 0.2, 1.1}, {-1.3, 0.4, 0.9, 0.2}};
    private static final Targets Y = Targets.indices(0, 1, 3);

    static Stream<LossSpec> specs() {
        CrossEntropyOptions d = CrossEntropyOptions.defaults();
        double[] w = {0.5, 2.0, 1.0, 1.5};
        return Stream.of(
                LossSpec.crossEntropy(d.withLabelSmoothing(0.2).withWeight(w).withTemperature(1.4)).withBits(true),
                LossSpec.of(LossKind.MSE, d.withTemperature(0.7).withLabelSmoothing(0.1)),
                LossSpec.of(LossKind.MSE, d.withReduction(Reduction.SUM)),
                LossSpec.of(LossKind.MULTI_MARGIN, d.withWeight(w)).withMargin(2.5),
                LossSpec.of(LossKind.MULTI_MARGIN, d.withTemperature(0.5)).withP(2).withMargin(1.7),
                LossSpec.of(LossKind.FOCAL, d.withWeight(w).withTemperature(1.3)),
                LossSpec.of(LossKind.FOCAL, d.withReduction(Reduction.SUM)).withGamma(0.5),
                LossSpec.of(LossKind.KL_DIV, d.withLabelSmoothing(0.3).withTemperature(2.0)),
                LossSpec.of(LossKind.KL_DIV, d.withReduction(Reduction.MEAN)).withBatchMean(false));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyGradientMatchesCentralDifferences(LossSpec spec) {
        double[][] g = Losses.evaluate(spec, Z, Y).gradient();
        double h = 1e-6;
        for (int i = 0; i < Z.length; i++) {
            for (int c = 0; c < Z[i].length; c++) {
                double[][] up = copy(Z);
                double[][] down = copy(Z);
                up[i][c] += h;
                down[i][c] -= h;
                double numeric = (Losses.evaluate(spec, up, Y).loss() - Losses.evaluate(spec, down, Y).loss()) / (2 * h);
                assertEquals(numeric, g[i][c], 1e-7, spec.kind() + " dL/dz[" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void bceGradientMatchesCentralDifferences() {
        double[][] z = {{1.5, -0.3, 4.0}, {-2.0, 0.7, 0.0}};
        Targets t = Targets.probabilities(new double[][] {{1, 0, 0.25}, {0.5, 1, 0}});
        LossSpec spec = LossSpec.of(LossKind.BCE_WITH_LOGITS, CrossEntropyOptions.defaults()
                .withWeight(new double[] {0.5, 1.0, 2.0})).withPosWeight(new double[] {3.0, 0.5, 1.0});
        double[][] g = Losses.evaluate(spec, z, t).gradient();
        for (int i = 0; i < z.length; i++) {
            for (int c = 0; c < z[i].length; c++) {
                double[][] up = copy(z);
                double[][] down = copy(z);
                up[i][c] += 1e-6;
                down[i][c] -= 1e-6;
                double numeric = (Losses.evaluate(spec, up, t).loss() - Losses.evaluate(spec, down, t).loss()) / 2e-6;
                assertEquals(numeric, g[i][c], 1e-8, "dL/dz[" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void focalWithGammaZeroIsCrossEntropy() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[][] z = randomLogits(random, 1 + random.nextInt(6), 2 + random.nextInt(6));
            int[] y = new int[z.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(z[0].length);
            }
            CrossEntropyOptions o = CrossEntropyOptions.defaults().withTemperature(0.5 + random.nextDouble() * 2);
            LossOutput focal = Losses.evaluate(LossSpec.of(LossKind.FOCAL, o).withGamma(0), z, Targets.indices(y));
            LossOutput ce = Losses.evaluate(LossSpec.crossEntropy(o), z, Targets.indices(y));
            assertEquals(ce.loss(), focal.loss(), 1e-12 * Math.max(1, ce.loss()), "loss");
            for (int i = 0; i < z.length; i++) {
                for (int c = 0; c < z[0].length; c++) {
                    assertEquals(ce.gradient()[i][c], focal.gradient()[i][c], 1e-12, "gradient");
                }
            }
        }
    }

    @Test
    void crossEntropyIsTargetEntropyPlusDivergenceAndTheDivergenceIsNeverNegative() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            double[][] z = randomLogits(random, 1 + random.nextInt(5), 2 + random.nextInt(8));
            int[] y = new int[z.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(z[0].length);
            }
            double eps = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
            LossOutput ce = Losses.evaluate(LossSpec.crossEntropy(CrossEntropyOptions.defaults()
                    .withLabelSmoothing(eps)), z, Targets.indices(y));
            for (int i = 0; i < z.length; i++) {
                assertTrue(ce.kl()[i] >= -1e-15, "KL >= 0, got " + ce.kl()[i]);
                assertEquals(ce.perSampleLoss()[i], ce.targetEntropy()[i] + ce.kl()[i],
                        1e-12 * Math.max(1, ce.perSampleLoss()[i]), "CE = H + KL");
                if (eps > 0) {
                    assertTrue(ce.targetEntropy()[i] > 0, "smoothing puts a floor H(Y) > 0 under the loss");
                }
            }
        }
    }

    @Test
    void focalBelowGammaOneTakesTheLimitWherePyTorchGivesNaN() {
        // p_y rounds to exactly 1: (1 - p_y)^(gamma - 1) is infinite, its product with ln p_y = 0 tends to 0.
        LossOutput out = Losses.evaluate(LossSpec.of(LossKind.FOCAL, CrossEntropyOptions.defaults()).withGamma(0.5),
                new double[][] {{800.0, 0.0, -3.0}}, Targets.indices(0));
        assertEquals(0.0, out.loss());
        for (double v : out.gradient()[0]) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void bitsAreNatsOverLnTwo() {
        LossOutput nats = Losses.evaluate(LossSpec.crossEntropy(CrossEntropyOptions.defaults()), Z, Y);
        LossOutput bits = Losses.evaluate(LossSpec.crossEntropy(CrossEntropyOptions.defaults()).withBits(true), Z, Y);
        assertEquals(nats.loss() / Math.log(2), bits.loss(), 1e-15);
        assertEquals(nats.gradient()[1][2] / Math.log(2), bits.gradient()[1][2], 1e-15);
        assertEquals(nats.probabilities()[0][0], bits.probabilities()[0][0], 0.0, "probabilities do not change");
    }

    @Test
    void optionsALossDoesNotTakeAreRefusedByName() {
        CrossEntropyOptions d = CrossEntropyOptions.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossSpec.of(LossKind.MSE,
                d.withWeight(new double[] {1, 2}))).getMessage().contains("weight"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossSpec.of(LossKind.BCE_WITH_LOGITS,
                d.withTemperature(2))).getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossSpec.of(LossKind.MULTI_MARGIN, d)
                .withP(3)).getMessage().contains("p must be 1 or 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Losses.evaluate(LossSpec.of(
                LossKind.MULTI_MARGIN, d), Z, Targets.indices(0, -100, 1))).getMessage().contains("out of range"));
    }

    private static double[][] randomLogits(SplittableRandom random, int n, int classes) {
        double[][] z = new double[n][classes];
        for (double[] row : z) {
            for (int c = 0; c < classes; c++) {
                row[c] = random.nextGaussian() * 3;
            }
        }
        return z;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
