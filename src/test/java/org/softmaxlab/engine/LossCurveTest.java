package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossCurveTest {

    @ParameterizedTest(name = "{0}, eps={1}, weighted={2}, T={3}, sample {4} class {5}")
    @CsvSource({"mean, 0.0, false, 1.0, 0, 0", "mean, 0.1, true, 0.5, 1, 2", "sum, 0.3, true, 2.0, 2, 1",
            "none, 0.0, false, 1.0, 1, 3", "mean, 0.0, true, 1.0, 2, 0"})
    void sweepEqualsFullEvaluationAtEveryPoint(String reduction, double eps, boolean weighted, double t, int sample,
                                                int cls) {
        double[][] z = {{2.0, 1.0, 0.1, -3}, {0.0, 5.0, 0.2, 1}, {-1, 4, 2, 2.5}};
        Targets targets = Targets.indices(0, 2, 3);
        double[] w = weighted ? new double[] {1, 3, 0.5, 2} : null;
        CrossEntropyLoss loss = new CrossEntropyLoss(new CrossEntropyOptions(w, -100, Reduction.parse(reduction), eps,
                t));
        LossResult base = loss.evaluate(z, targets);
        double[] values = {-800, -10, -1.5, 0, 0.7, 3, 10, 900};
        double[] curve = LossCurve.sweep(loss, z, targets, base, sample, cls, values);
        for (int k = 0; k < values.length; k++) {
            double[][] moved = {z[0].clone(), z[1].clone(), z[2].clone()};
            moved[sample][cls] = values[k];
            double expected = loss.evaluate(moved, targets).loss();
            assertEquals(expected, curve[k], 1e-12 * Math.max(1, Math.abs(expected)), "at " + values[k]);
        }
    }

    @ParameterizedTest(name = "T={0}")
    @CsvSource({"1.0", "0.3"})
    void slopeAtTheCurrentLogitIsTheGradient(double t) {
        double[][] z = {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}};
        Targets targets = Targets.indices(0, 1);
        CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyOptions.defaults().withTemperature(t));
        LossResult base = loss.evaluate(z, targets);
        double h = 1e-6;
        double[] curve = LossCurve.sweep(loss, z, targets, base, 1, 2, new double[] {0.2 - h, 0.2 + h});
        assertEquals(base.gradient()[1][2], (curve[1] - curve[0]) / (2 * h), 1e-8);
    }

    @Test
    void entropyRangesFromZeroToLogC() {
        assertEquals(Math.log(4), Information.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-15);
        assertEquals(0.0, Information.entropy(new double[] {1, 0, 0}));
        assertTrue(Information.entropy(Softmax.softmax(new double[] {2, 1, 0.1})) < Math.log(3));
    }
}
