package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Invariants of the sampling chain on generated rows (ties made likely by a coarse grid of logits). */
class SamplingPropertiesTest {
    @Provide
    Arbitrary<double[]> rows() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-20, 20).array(double[].class).ofMinSize(1).ofMaxSize(60),
                Arbitraries.integers().between(-3, 3).map(i -> (double) i).array(double[].class).ofMinSize(1)
                        .ofMaxSize(30).map(a -> a));
    }

    private static List<SamplingStep> everyStep(double t, int k, double p, double minP, double typical, double eps,
                                                int keep) {
        return List.of(new SamplingStep.RepetitionPenalty(1.3, new int[] {0}), new SamplingStep.Temperature(t),
                new SamplingStep.TopK(k, keep), new SamplingStep.TopP(p, keep), new SamplingStep.MinP(minP, keep),
                new SamplingStep.Typical(typical, keep), new SamplingStep.Epsilon(eps, keep));
    }

    @Property
    void everyStepKeepsAtLeastMinTokensToKeepAndProbabilitiesSumToOne(
            @ForAll("rows") double[] row, @ForAll @DoubleRange(min = 0.05, max = 5) double t,
            @ForAll @IntRange(min = 0, max = 10) int k, @ForAll @DoubleRange(min = 0.01, max = 1) double p,
            @ForAll @DoubleRange(min = 0, max = 1) double minP, @ForAll @DoubleRange(min = 0.01, max = 1) double typ,
            @ForAll @DoubleRange(min = 0, max = 0.99) double eps, @ForAll @IntRange(min = 1, max = 5) int keep) {
        for (SamplingStep step : everyStep(t, k, p, minP, typ, eps, keep)) {
            SamplingResult r = new SamplingChain(List.of(step)).run(row);
            int expected = step instanceof SamplingStep.RepetitionPenalty || step instanceof SamplingStep.Temperature
                    ? row.length : Math.min(keep, row.length);
            assertTrue(r.kept().length >= expected, step + " kept " + r.kept().length);
            double sum = 0;
            for (double q : r.probs()) {
                sum += q;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        SamplingResult chain = SamplingChain.ordered(everyStep(t, k, p, minP, typ, eps, keep), SamplingChain.HF_ORDER)
                .run(row);
        assertTrue(chain.kept().length >= Math.min(keep, row.length));
        assertTrue(chain.massKept() > 0 && chain.massKept() <= 1);
    }

    @Property
    void neutralValuesChangeNothing(@ForAll("rows") double[] row) {
        SamplingResult r = SamplingChain.ordered(everyStep(1, 0, 1, 0, 1, 0, 1).subList(1, 7),
                SamplingChain.HF_ORDER.subList(1, 7)).run(row);
        assertArrayEquals(row, r.logitsAfter());
        assertEquals(row.length, r.kept().length);
    }

    @Property
    void temperatureZeroIsTheFirstArgMax(@ForAll("rows") double[] row) {
        SamplingResult r = new SamplingChain(List.of(new SamplingStep.Temperature(0))).run(row);
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            best = row[i] > row[best] ? i : best;
        }
        assertArrayEquals(new int[] {best}, r.kept());
        assertEquals(1.0, r.probs()[best]);
    }

    @Test
    void drawsPassAChiSquareTestAgainstTheProbabilities() {
        double[] probs = SamplingChain.probabilities(new double[] {2, 1.5, 0.3, 0, -1, -2, Double.NEGATIVE_INFINITY});
        int n = 100_000;
        for (long seed = 0; seed < 5; seed++) {
            long[] counts = SamplingChain.draw(probs, n, new SplittableRandom(seed));
            assertEquals(0, counts[6], "a removed token is never drawn");
            double chi = 0;
            for (int i = 0; i < 6; i++) {
                double e = probs[i] * n;
                chi += (counts[i] - e) * (counts[i] - e) / e;
            }
            // 5 degrees of freedom: P(chi^2 > 20.5) = 0.001.
            assertTrue(chi < 20.5, "chi^2 = " + chi + " with seed " + seed);
        }
    }
}
