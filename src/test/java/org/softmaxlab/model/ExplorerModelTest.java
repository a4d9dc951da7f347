package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;

/** The Explorer's state and its pure results, without any toolkit. */
class ExplorerModelTest {
    private static ExplorerState exampleA() {
        return ExplorerPreset.named(ExplorerPreset.EXAMPLE_A).toState();
    }

    @Test
    void resultsAreTheEnginesNumbersForTheState() {
        ExplorerState s = exampleA().withLabelSmoothing(0.1).withTemperature(2).withSelectedSample(1);
        ExplorerResults r = ExplorerResults.compute(s);
        LossResult engine = new CrossEntropyLoss(s.options()).evaluate(s.logits(), Targets.indices(s.targets()));
        assertEquals(engine.loss(), r.loss().loss(), 0);
        assertArrayEquals(engine.probabilities()[1], r.probabilities(), 0);
        assertArrayEquals(engine.gradient()[1], r.gradient(), 0);
        assertEquals(1, r.selected());
        assertEquals(1, r.target());
        assertEquals(Numbers.fixed4(engine.loss()), r.lossText());
        assertEquals(Math.log(3), r.maxEntropy(), 1e-15);
    }

    @Test
    void theGhostTargetUsesTheStatesSmoothing() {
        ExplorerResults r = ExplorerResults.compute(exampleA().withLabelSmoothing(0.3));
        assertArrayEquals(new double[] {0.7 + 0.1, 0.1, 0.1}, r.ghostTarget(), 1e-15);
        assertArrayEquals(new String[] {"0 (y)", "1", "2"}, r.classLabels());
        assertNull(ExplorerResults.compute(exampleA().withTarget(Limits.IGNORE_INDEX)).ghostTarget());
    }

    @Test
    void theCurvePassesThroughTheCurrentLoss() {
        ExplorerState s = exampleA().withSweepClass(2);
        ExplorerResults r = ExplorerResults.compute(s.withLogit(2, 0.0));
        int middle = r.curveX().length / 2;
        assertEquals(0.0, r.curveX()[middle], 1e-12);
        assertEquals(r.loss().loss(), r.curveY()[middle], 1e-12);
        assertEquals(-s.logitRange(), r.curveX()[0], 1e-12);
    }

    @Test
    void manyClassesListTheMostProbableFirstAndAlwaysTheTarget() {
        ExplorerState s = exampleA().withShape(1, 200);
        ExplorerResults r = ExplorerResults.compute(s);
        double[] p = r.probabilities();
        int[] listed = r.listedClasses();
        assertEquals(Limits.MAX_SLIDER_CLASSES, listed.length);
        for (int k = 1; k < listed.length; k++) {
            assertTrue(p[listed[k - 1]] >= p[listed[k]], "most probable first");
        }
        assertTrue(IntStream.of(listed).anyMatch(c -> c == r.target()), "the target is listed");
        double smallestListed = IntStream.of(listed).filter(c -> c != r.target()).mapToDouble(c -> p[c]).min()
                .orElseThrow();
        assertEquals(0, IntStream.range(0, p.length).filter(c -> IntStream.of(listed).noneMatch(l -> l == c))
                .filter(c -> p[c] > smallestListed).count(), "no unlisted class is more probable");
        // A target far down the ranking takes the last place.
        int leastLikely = IntStream.range(0, p.length).boxed().min(java.util.Comparator.comparingDouble(c -> p[c]))
                .orElseThrow();
        ExplorerResults aimed = ExplorerResults.compute(s.withTarget(leastLikely));
        assertEquals(leastLikely, aimed.listedClasses()[Limits.MAX_SLIDER_CLASSES - 1]);
        assertEquals(leastLikely + " (y)", aimed.classLabels()[leastLikely]);
        assertArrayEquals(IntStream.range(0, 3).toArray(), ExplorerResults.compute(exampleA()).listedClasses(),
                "up to 20 classes: all, in class order");
    }

    @Test
    void thePerSampleChartSaysWhatItPlotsAndHowTheBatchLossIsMade() {
        ExplorerResults b = ExplorerResults.compute(ExplorerPreset.named(ExplorerPreset.EXAMPLE_B).toState());
        assertTrue(b.perSampleTitle().contains("-w_y ln P_y"), b.perSampleTitle());
        assertTrue(b.perSampleTitle().contains("\u03a3 l_n / S, S = 20"), b.perSampleTitle());
        double sum = 0;
        for (double l : b.loss().perSampleLoss()) {
            sum += l;
        }
        assertEquals(b.loss().loss(), sum / 20, 1e-15, "the batch loss is the bars' sum over S");
        assertTrue(ExplorerResults.compute(exampleA()).perSampleTitle().contains("/ n, n = 2"));
    }

    @Test
    void editsReturnNewStatesAndLeaveTheOldOneAlone() {
        ExplorerState a = exampleA();
        ExplorerState b = a.withLogit(1, 42);
        assertNotSame(a, b);
        assertEquals(1.0, a.logits()[0][1], 0);
        assertEquals(42.0, b.logits()[0][1], 0);
        assertEquals(50.0, b.logitRange(), 0, "the range widens to the next 1-2-5 step");
        double[][] handedOut = b.logits();
        handedOut[0][0] = 99;
        assertEquals(2.0, b.logits()[0][0], 0, "arrays handed out are copies");
        assertSame(b, b.withShape(2, 3), "same shape: same state");
    }

    @Test
    void resizingKeepsWhatFitsAndClampsToTheLimits() {
        ExplorerState s = exampleA().withSelectedSample(1).withShape(1, 5);
        assertEquals(1, s.samples());
        assertEquals(0, s.selectedSample());
        assertArrayEquals(new double[] {2.0, 1.0, 0.1, 0, 0}, s.logits()[0], 0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, s.weights(), 0);
        ExplorerState big = s.withShape(99, 5000);
        assertEquals(Limits.SAMPLES.max(), big.samples());
        assertEquals(Limits.CLASSES.max(), big.classes());
        assertArrayEquals(big.logits()[3], s.withShape(99, 5000).logits()[3], 0, "generated logits are seeded");
        ExplorerState narrowed = exampleA().withShape(2, 2);
        assertArrayEquals(new int[] {0, 1}, narrowed.targets());
    }

    @Test
    void shiftsThatWouldOverflowAreRecognised() {
        ExplorerState s = exampleA().withLogit(0, 1e308);
        assertTrue(!s.canShiftAllLogits(1e308));
        assertTrue(s.canShiftAllLogits(-5));
        assertEquals(ExplorerResults.compute(exampleA()).loss().loss(),
                ExplorerResults.compute(exampleA().withAllLogitsShifted(-5)).loss().loss(), 1e-12);
    }

    @Test
    void theLogitForAProbabilityGivesThatProbability() {
        ExplorerState s = exampleA().withTemperature(1.7);
        for (double p : new double[] {1e-9, 0.01, 0.3, 0.5, 0.9, 0.999999}) {
            double z = s.logitForProbability(2, p);
            double[] probs = ExplorerResults.compute(s.withLogit(2, z)).probabilities();
            assertEquals(p, probs[2], 1e-12 * Math.max(1, p / 1e-9), "p = " + p);
        }
    }

    @Test
    void aStateNeedsMatchingShapes() {
        assertThrows(IllegalArgumentException.class, () -> ExplorerState.of(new double[][] {{1, 2}}, new int[2],
                null, false, 1, 0, Reduction.MEAN, 0));
    }
}
