package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Attention tab's state, display and sweep, without a window. */
class AttentionModelTest {

    @Test
    void theRandomVectorsOfASmallerDAreTheFirstEntriesOfALargerOnesAndDependOnTheSeed() {
        double[][] small = AttentionState.vectors(3, 0, 5, 8, 1.5);
        double[][] large = AttentionState.vectors(3, 0, 7, 512, 1.5);
        for (int i = 0; i < small.length; i++) {
            assertArrayEquals(small[i], Arrays.copyOf(large[i], 8));
        }
        double[][] keys = AttentionState.vectors(3, 1, 5, 8, 1.5);
        assertTrue(!Arrays.equals(small[0], keys[0]), "queries and keys are drawn apart");
        double[][] other = AttentionState.vectors(4, 0, 5, 8, 1.5);
        assertTrue(!Arrays.equals(small[0], other[0]), "another seed, other vectors");
        double sd = 0;
        for (double x : large[0]) {
            sd += x * x;
        }
        assertEquals(1.5, Math.sqrt(sd / 512), 0.15, "entries have the spread as their standard deviation");
    }

    @Test
    void editsOutOfRangeAreRefusedNamingTheField() {
        AttentionState s = AttentionState.initial();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withDim(513)).getMessage().startsWith("d "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withTokens(new String[] {"one"}))
                .getMessage().startsWith("tokens"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withVectorMoved(true, 0, 1, 1))
                .getMessage().contains("d = 2"));
        assertThrows(IllegalArgumentException.class, () -> s.withScale(0));
        AttentionState more = s.withTokens("a b c d e f g h".split(" "));
        assertEquals(8, more.q().length);
        assertArrayEquals(s.q()[0], more.q()[0], "the first tokens keep their vectors");
        assertEquals(s.query(), more.query());
        AttentionState fewer = more.withQuery(7).withTokens(new String[] {"x", "y"});
        assertEquals(1, fewer.query());
    }

    @Test
    void theJacobianIsTheSoftmaxsDerivativeAndItsMaxTheLargestPTimesOneMinusP() {
        AttentionState s = AttentionState.initial().withQuery(2);
        AttentionDisplay d = AttentionDisplay.of(s, AttentionSweep.of(s));
        double[] p = d.chosen();
        double most = 0;
        for (double x : p) {
            most = Math.max(most, x * (1 - x));
        }
        assertEquals(most, d.jacobianMax(), 1e-15);
        // Central differences of softmax(z) at z = log p, in each direction j.
        double h = 1e-6;
        for (int j = 0; j < p.length; j++) {
            double[] plus = softmax(p, j, h);
            double[] minus = softmax(p, j, -h);
            for (int i = 0; i < p.length; i++) {
                assertEquals((plus[i] - minus[i]) / (2 * h), d.jacobian()[i][j], 1e-8);
            }
        }
    }

    private static double[] softmax(double[] p, int j, double h) {
        double[] e = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            e[i] = Math.exp(Math.log(p[i]) + (i == j ? h : 0));
            sum += e[i];
        }
        for (int i = 0; i < p.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    @Test
    void withTheScaleTheSweepStaysNearItsStartAndWithoutItTheSoftmaxSaturates() {
        AttentionState s = AttentionState.initial().withTokens("a b c d e f g h i j k l".split(" "));
        AttentionSweep w = AttentionSweep.of(s);
        int last = w.dims().length - 1;
        assertEquals(512, w.dims()[last]);
        assertTrue(w.entropyScaled()[last] > 0.6 * Math.log(12), Arrays.toString(w.entropyScaled()));
        assertTrue(w.entropyUnscaled()[last] < 0.25 * w.entropyScaled()[last], Arrays.toString(w.entropyUnscaled()));
        assertTrue(w.normUnscaled()[last] < 0.5 * w.normScaled()[last], Arrays.toString(w.normUnscaled()));
        AttentionDisplay at512 = AttentionDisplay.of(s.withDim(512), w);
        assertEquals(w.entropyScaled()[last], at512.meanEntropy(), 1e-12, "the sweep's point is the tab's at that d");
        assertEquals(w.normScaled()[last], at512.meanJacobianNorm(), 1e-12);
    }

    @Test
    void aRowWithEveryKeyMaskedIsUndefinedAndSaidSo() {
        AttentionState s = AttentionState.initial();
        for (int j = 0; j < s.size(); j++) {
            s = s.withCellToggled(s.query(), j);
        }
        AttentionDisplay d = AttentionDisplay.of(s, AttentionSweep.of(s));
        assertTrue(Double.isNaN(d.jacobianMax()));
        assertEquals("every key masked", d.rowNotes()[s.query()]);
        assertTrue(d.verdict().contains("every key masked"));
        assertTrue(Double.isFinite(d.meanEntropy()), "the mean is over the rows that see a key");
    }
}
