package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void naiveSoftmaxOverflowsWhereStableDoesNot() {
        double[] z = {1000, 999, 0};
        double[] naive = Softmax.naiveSoftmax(z);
        assertTrue(Double.isNaN(naive[0]) && Double.isNaN(naive[1]), "exp(1000) = Infinity gives NaN");
        double[] stable = Softmax.softmax(z);
        double e = Math.exp(-1);
        assertEquals(1 / (1 + e + Math.exp(-1000)), stable[0], 1e-15);
        assertEquals(e / (1 + e), stable[1], 1e-15);
        assertEquals(0.0, stable[2]);
    }

    @Test
    void naiveAndStableAgreeBelowTheOverflowPoint() {
        double[] z = {709.0, 3.0, -2.0};
        assertArrayEquals(Softmax.softmax(z), Softmax.naiveSoftmax(z), 1e-15);
        assertTrue(Double.isNaN(Softmax.naiveSoftmax(new double[] {709.8, 709.8})[0]), "just past the overflow");
    }

    @Test
    void temperatureSharpensAndFlattens() {
        double[] z = {2, 1, 0.1};
        double[] cold = Softmax.softmax(z, 0.1);
        double[] hot = Softmax.softmax(z, 100);
        assertTrue(cold[0] > 0.9999);
        assertEquals(1.0 / 3, hot[0], 0.01);
        double[] scaled = Softmax.softmax(new double[] {20, 10, 1});
        assertArrayEquals(scaled, Softmax.softmax(new double[] {2, 1, 0.1}, 0.1), 1e-15);
    }

    @Test
    void logSoftmaxAndLogSumExpAtExtremes() {
        double[] z = {1e300, -1e300, 0};
        double[] lp = Softmax.logSoftmax(z, 1);
        assertEquals(0.0, lp[0]);
        assertEquals(-2e300, lp[1], 1e285);
        assertEquals(-1e300, lp[2], 1e285);
        assertEquals(1e300, Softmax.logSumExp(z, 1), 1e285);
        assertEquals(Math.log(4) + 7, Softmax.logSumExp(new double[] {7, 7, 7, 7}, 1), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Softmax.softmax(new double[] {-1e4, -1e4, -1e4, -1e4}),
                0);
    }

    @Test
    void confidentClassKeepsItsDigits() {
        // -log(p_y) for a very confident prediction is about exp(-40); log(1 + x) would round it to 0.
        double[] lp = Softmax.logSoftmax(new double[] {40, 0}, 1);
        assertEquals(-Math.exp(-40), lp[0], 1e-30);
    }
}
