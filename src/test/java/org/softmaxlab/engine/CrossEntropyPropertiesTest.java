package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.softmaxlab.testing.Reference;

/** Invariants of softmax and cross-entropy over generated batches. */
class CrossEntropyPropertiesTest {

    record Batch(double[][] logits, int[] targets) {
        int classes() {
            return logits[0].length;
        }
    }

    @Provide
    Arbitrary<Batch> batches() {
        Arbitrary<Integer> classes = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> samples = Arbitraries.integers().between(1, 6);
        return Combinators.combine(classes, samples).flatAs((c, n) -> {
            Arbitrary<double[]> row = Arbitraries.doubles().between(-1e4, 1e4)
                    .array(double[].class).ofSize(c);
            Arbitrary<double[][]> logits = row.array(double[][].class).ofSize(n);
            Arbitrary<int[]> targets = Arbitraries.integers().between(0, c - 1).array(int[].class).ofSize(n);
            return Combinators.combine(logits, targets).as(Batch::new);
        });
    }

    private static LossResult evaluate(Batch b, CrossEntropyOptions options) {
        return new CrossEntropyLoss(options).evaluate(b.logits(), Targets.indices(b.targets()));
    }

    @Property
    void probabilitiesAreInUnitIntervalAndSumToOne(@ForAll("batches") Batch b,
                                                   @ForAll @DoubleRange(min = 0.05, max = 20) double t) {
        LossResult r = evaluate(b, CrossEntropyOptions.defaults().withTemperature(t));
        Reference.assertDistributions(r.probabilities());
        assertTrue(Double.isFinite(r.loss()) && r.loss() >= 0, "loss = " + r.loss());
    }

    @Property
    void gradientRowsSumToZero(@ForAll("batches") Batch b, @ForAll @DoubleRange(min = 0, max = 1) double eps) {
        LossResult r = evaluate(b, CrossEntropyOptions.defaults().withReduction(Reduction.SUM)
                .withLabelSmoothing(eps));
        for (double[] row : r.gradient()) {
            double sum = 0;
            double scale = 0;
            for (double g : row) {
                sum += g;
                scale = Math.max(scale, Math.abs(g));
            }
            assertEquals(0.0, sum, 1e-14 * Math.max(1, scale) * row.length);
        }
    }

    @Property
    void addingAConstantToAllLogitsChangesNothing(@ForAll("batches") Batch b,
                                                   @ForAll @DoubleRange(min = -100, max = 100) double shift) {
        LossResult before = evaluate(b, CrossEntropyOptions.defaults());
        double[][] shifted = new double[b.logits().length][];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = b.logits()[i].clone();
            for (int c = 0; c < shifted[i].length; c++) {
                shifted[i][c] += shift;
            }
        }
        LossResult after = evaluate(new Batch(shifted, b.targets()), CrossEntropyOptions.defaults());
        // The shifted logits are themselves rounded, so allow what that rounding can move.
        double slack = 1e-9 * (1 + Math.abs(shift));
        assertEquals(before.loss(), after.loss(), slack * (1 + before.loss()));
        for (int i = 0; i < shifted.length; i++) {
            for (int c = 0; c < b.classes(); c++) {
                assertEquals(before.probabilities()[i][c], after.probabilities()[i][c], slack);
                assertEquals(before.gradient()[i][c], after.gradient()[i][c], slack);
            }
        }
    }

    @Property
    void weightOfOneEqualsNoWeight(@ForAll("batches") Batch b, @ForAll @DoubleRange(min = 0, max = 1) double eps) {
        double[] ones = new double[b.classes()];
        java.util.Arrays.fill(ones, 1.0);
        for (Reduction reduction : Reduction.values()) {
            CrossEntropyOptions plain = CrossEntropyOptions.defaults().withReduction(reduction)
                    .withLabelSmoothing(eps);
            LossResult without = evaluate(b, plain);
            LossResult with = evaluate(b, plain.withWeight(ones));
            assertEquals(without.loss(), with.loss(), 1e-12 * Math.max(1, Math.abs(without.loss())));
            for (int i = 0; i < b.logits().length; i++) {
                for (int c = 0; c < b.classes(); c++) {
                    assertEquals(without.gradient()[i][c], with.gradient()[i][c], 1e-15);
                }
            }
        }
    }
}
