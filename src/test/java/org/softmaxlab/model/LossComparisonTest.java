package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softmaxlab.engine.Reduction;

/**
 * The Losses tab's saturation curves (|dL/dz_y| against p_y): right wherever they were reached from, since a sweep is
 * reused while only the target's own logit moves.
 */
class LossComparisonTest {
    private static LossComparison.Saturation saturation(double z0, double z1, double z2) {
        ExplorerState s = ExplorerState.of(new double[][] {{z0, z1, z2}}, new int[] {0}, null, false, 1, 0,
                Reduction.MEAN, 0);
        return LossComparison.compute(s, 2, 1, false).saturation();
    }

    @Test
    void draggingTheTargetLogitMovesThePointAndAnotherLogitTheCurves() {
        LossComparison.Saturation a = saturation(2, 1, 0.1);
        LossComparison.Saturation dragged = saturation(-3, 1, 0.1);
        LossComparison.Saturation other = saturation(2, 4, 0.1);
        LossComparison.Saturation back = saturation(2, 1, 0.1);
        assertNotEquals(a.currentProbability(), dragged.currentProbability());
        assertFalse(Arrays.equals(a.gradients().get(1), other.gradients().get(1)), "MSE's curve follows the others");
        for (int k = 0; k < a.gradients().size(); k++) {
            assertArrayEquals(a.gradients().get(k), dragged.gradients().get(k), 1e-12);
            assertArrayEquals(a.gradients().get(k), back.gradients().get(k), 0);
        }
        // Cross-entropy's is 1 - p_y (T = 1) at every point of every sweep, whichever came first.
        for (LossComparison.Saturation s : new LossComparison.Saturation[] {a, dragged, other, back}) {
            assertEquals("cross_entropy", s.names().get(0));
            for (int i = 0; i < s.probability().length; i++) {
                assertEquals(1 - s.probability()[i], s.gradients().get(0)[i], 1e-9);
            }
        }
        assertEquals(1 - dragged.currentProbability(), dragged.currentGradients()[0], 1e-12);
    }

    @Test
    void crossEntropyIsUnsmoothedAndTheSmoothingCardHasTheExplorersSmoothing() {
        double[] z = {6, 1, 0.1};
        ExplorerState s = ExplorerState.of(new double[][] {z}, new int[] {0}, null, false, 1, 0.2, Reduction.MEAN, 0);
        LossComparison c = LossComparison.compute(s, 2, 1, false);
        // Independently: -ln P_0 alone, and with smoothing 0.2 over 3 classes (1 - 0.2 + 0.2 / 3 on the target).
        double sum = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
        double smoothed = 0;
        for (int k = 0; k < 3; k++) {
            smoothed -= (k == 0 ? 0.8 + 0.2 / 3 : 0.2 / 3) * Math.log(Math.exp(z[k]) / sum);
        }
        assertEquals("cross_entropy", c.entries().get(0).name());
        assertEquals(-Math.log(Math.exp(z[0]) / sum), c.entries().get(0).loss(), 1e-12);
        assertEquals("label_smoothing", c.entries().get(1).name());
        assertEquals("CE, smoothing 0.20", c.entries().get(1).title());
        assertEquals(smoothed, c.entries().get(1).loss(), 1e-12);
    }

    @Test
    void theInformationViewCarriesTheTwoDistributionsKlCompares() {
        double[] z = {2, 1, 0.1};
        ExplorerState s = ExplorerState.of(new double[][] {z}, new int[] {1}, null, false, 2, 0.2, Reduction.MEAN, 0);
        LossComparison.Information info = LossComparison.compute(s, 2, 1, false).information();
        // Independently: Y = (1 - 0.2) onehot(1) + 0.2 / 3, P = softmax(z / 2).
        double[] y = {0.2 / 3, 0.8 + 0.2 / 3, 0.2 / 3};
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v / 2);
        }
        double[] p = new double[3];
        double kl = 0;
        for (int c = 0; c < 3; c++) {
            p[c] = Math.exp(z[c] / 2) / sum;
            kl += y[c] * Math.log(y[c] / p[c]);
        }
        assertArrayEquals(y, info.target(), 1e-15);
        assertArrayEquals(p, info.probability(), 1e-15);
        assertEquals(kl, info.kl(), 1e-12, "KL(Y || P) of exactly these two");
    }
}
