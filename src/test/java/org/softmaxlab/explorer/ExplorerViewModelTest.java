package org.softmaxlab.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Softmax;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.ExplorerResults;

/** The Explorer's view-model, without the JavaFX toolkit: every derived value equals the engine's. */
class ExplorerViewModelTest {

    /** The engine's result for the view-model's current state, computed independently of its caches. */
    private static LossResult engine(ExplorerViewModel vm) {
        return new CrossEntropyLoss(vm.options()).evaluate(vm.logitMatrix(), Targets.indices(vm.targets()));
    }

    private static void assertMatchesEngine(ExplorerViewModel vm) {
        LossResult expected = engine(vm);
        ExplorerResults r = vm.getResult();
        assertEquals(expected.loss(), r.loss().loss(), 0.0);
        int s = vm.selectedSampleProperty().get();
        assertArrayEquals(expected.probabilities()[s], r.probabilities(), 0.0);
        assertArrayEquals(expected.gradient()[s], r.gradient(), 0.0);
        assertArrayEquals(expected.perSampleLoss(), r.loss().perSampleLoss(), 0.0);
    }

    @Test
    void exampleAGivesTheNotebookNumbers() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        assertEquals("0.2159", vm.getResult().lossText());
        assertEquals(2, vm.sampleCountProperty().get());
        assertEquals(3, vm.classCountProperty().get());
        assertEquals(-0.17049943055701605, vm.getResult().gradient()[0], 1e-15);
        vm.selectedSampleProperty().set(1);
        assertEquals(5.0, vm.logits().get(1).get());
        assertEquals(1, vm.targetProperty().get());
        assertEquals(-0.007373482986639812, vm.getResult().gradient()[1], 1e-15);
        assertMatchesEngine(vm);
    }

    @Test
    void exampleBIsWeighted() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_B);
        assertTrue(vm.weightsEnabledProperty().get());
        assertEquals("1.3133", vm.getResult().lossText());
        assertEquals(10.0, vm.weights().get(1).get());
        vm.weightsEnabledProperty().set(false);
        assertEquals("1.3133", vm.getResult().lossText(), "equal targets: weights cancel in the mean");
        vm.reductionProperty().set(Reduction.SUM);
        assertEquals("2.6265", vm.getResult().lossText());
        vm.weightsEnabledProperty().set(true);
        assertEquals("26.2652", vm.getResult().lossText());
        assertMatchesEngine(vm);
    }

    @Test
    void everyOptionMovesTheNumbersToTheEngineValues() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        String before = vm.getResult().lossText();
        vm.temperatureProperty().set(0.5);
        assertMatchesEngine(vm);
        vm.labelSmoothingProperty().set(0.2);
        assertMatchesEngine(vm);
        vm.weightsEnabledProperty().set(true);
        vm.weights().get(2).set(4.0);
        assertMatchesEngine(vm);
        vm.reductionProperty().set(Reduction.NONE);
        assertMatchesEngine(vm);
        vm.logits().get(0).set(-3.0);
        assertEquals(-3.0, vm.logitMatrix()[0][0]);
        assertMatchesEngine(vm);
        vm.targetProperty().set(2);
        assertEquals(2, vm.targets()[0]);
        assertMatchesEngine(vm);
        assertFalse(before.equals(vm.getResult().lossText()));
    }

    @Test
    void addingAConstantChangesNothingButTheLogits() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        ExplorerResults before = vm.getResult();
        vm.addToAllLogits(7.5);
        assertEquals(9.5, vm.logits().get(0).get());
        assertEquals(before.loss().loss(), vm.getResult().loss().loss(), 1e-14);
        assertArrayEquals(before.probabilities(), vm.getResult().probabilities(), 1e-14);
        assertEquals(before.lossText(), vm.getResult().lossText());
    }

    @Test
    void aShiftThatWouldOverflowIsRefused() {
        ExplorerViewModel vm = new ExplorerViewModel();
        assertNull(vm.commitLogit(0, "-1e308"));
        vm.addToAllLogits(-1e308);
        assertEquals(-1e308, vm.logitMatrix()[0][0]);
        assertTrue(vm.messageProperty().get().contains("largest double"), vm.messageProperty().get());
        assertEquals(vm.getResult().loss().loss(), new CrossEntropyLoss(vm.options()).evaluate(vm.logitMatrix(),
                Targets.indices(vm.targets())).loss());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "  ", "1e400", "NaN", "Infinity", "1,5", "--2"})
    void badLogitTextIsRefusedAndStateKept(String text) {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        double[][] before = vm.logitMatrix();
        String lossBefore = vm.getResult().lossText();
        String problem = vm.commitLogit(1, text);
        assertNotNull(problem);
        assertFalse(vm.messageProperty().get().isEmpty());
        assertArrayEquals(before[0], vm.logitMatrix()[0]);
        assertEquals(lossBefore, vm.getResult().lossText());
    }

    @Test
    void typedValuesWidenTheSliderRange() {
        ExplorerViewModel vm = new ExplorerViewModel();
        assertNull(vm.commitLogit(0, "35"));
        assertEquals(35.0, vm.logitMatrix()[0][0]);
        assertTrue(vm.logitRangeProperty().get() >= 35);
        assertNull(vm.commitLogit(0, "-2.5e3"));
        assertTrue(vm.logitRangeProperty().get() >= 2500);
    }

    @Test
    void negativeWeightsAreRefused() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.weightsEnabledProperty().set(true);
        String problem = vm.commitWeight(0, "-1");
        assertNotNull(problem);
        assertTrue(problem.contains(">= 0"), problem);
        assertEquals(1.0, vm.weightValues()[0]);
        assertNull(vm.commitWeight(0, "3"));
        assertEquals(3.0, vm.weightValues()[0]);
    }

    @Test
    void zeroTargetWeightsShowUndefined() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_B);
        vm.weights().get(1).set(0.0);
        assertEquals("undefined: the targets' weights sum to 0", vm.getResult().lossText());
        assertFalse(vm.getResult().loss().isDefined());
    }

    @Test
    void temperatureAndSmoothingTextIsValidated() {
        ExplorerViewModel vm = new ExplorerViewModel();
        assertNotNull(vm.commitTemperature("0"));
        assertNotNull(vm.commitTemperature("-1"));
        assertEquals(1.0, vm.temperatureProperty().get());
        assertNull(vm.commitTemperature("0.25"));
        assertEquals(0.25, vm.temperatureProperty().get());
        assertNotNull(vm.commitLabelSmoothing("1.5"));
        assertNull(vm.commitLabelSmoothing("0.3"));
        assertEquals(0.3, vm.labelSmoothingProperty().get());
        assertMatchesEngine(vm);
    }

    @Test
    void resizingKeepsWhatFitsAndClampsTargets() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        vm.classCountProperty().set(6);
        assertEquals(6, vm.logits().size());
        assertEquals(2.0, vm.logitMatrix()[0][0]);
        assertEquals(0.0, vm.logitMatrix()[0][5]);
        vm.sampleCountProperty().set(5);
        assertEquals(5, vm.logitMatrix().length);
        vm.selectedSampleProperty().set(4);
        vm.classCountProperty().set(2);
        assertEquals(1, vm.targets()[1], "target 1 still fits");
        assertMatchesEngine(vm);
        vm.classCountProperty().set(50);
        assertEquals(20, vm.classCountProperty().get(), "beyond 20 needs many-classes mode");
    }

    @Test
    void manyClassesModeGoesToAThousand() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.manyClassesProperty().set(true);
        vm.classCountProperty().set(1000);
        assertEquals(1000, vm.getResult().probabilities().length);
        assertEquals(1.0, java.util.Arrays.stream(vm.getResult().probabilities()).sum(), 1e-12);
        assertMatchesEngine(vm);
        vm.manyClassesProperty().set(false);
        assertEquals(20, vm.classCountProperty().get());
    }

    @Test
    void stabilityPanelDataShowsTheNaiveOverflow() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.HUGE);
        ExplorerResults r = vm.getResult();
        assertTrue(Double.isNaN(r.naive()[0]));
        assertTrue(Double.isInfinite(r.naiveExp()[0]));
        assertArrayEquals(Softmax.softmax(new double[] {1000, 999, 0}), r.probabilities(), 0);
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        assertArrayEquals(vm.getResult().probabilities(), vm.getResult().naive(), 1e-15);
    }

    @Test
    void lossCurvePassesThroughTheCurrentPoint() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.EXAMPLE_A);
        vm.sweepClassProperty().set(0);
        vm.logits().get(0).set(2.0);
        ExplorerResults r = vm.getResult();
        double[] xs = r.curveX();
        int mid = xs.length / 2;
        assertEquals(0.0, xs[mid], 1e-12);
        double[][] z = vm.logitMatrix();
        z[0][0] = xs[mid];
        double expected = new CrossEntropyLoss(vm.options()).evaluate(z, Targets.indices(vm.targets())).loss();
        assertEquals(expected, r.curveY()[mid], 1e-12);
    }

    @Test
    void entropyAndFormulaFollowTheState() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.applyPreset(ExplorerPreset.UNIFORM);
        assertEquals(Math.log(5), vm.getResult().entropy(), 1e-15);
        assertEquals("1.6094", vm.getResult().lossText());
        assertTrue(vm.getResult().formula().text().contains("ln 0.2000"), vm.getResult().formula().text());
        vm.applyPreset(ExplorerPreset.EXAMPLE_B);
        assertTrue(vm.getResult().formula().text().contains("S = \u03a3 w_y = 20.0000"), vm.getResult().formula().text());
        assertTrue(vm.getResult().formula().text().endsWith("= 1.3133"), vm.getResult().formula().text());
        vm.labelSmoothingProperty().set(0.1);
        assertTrue(vm.getResult().formula().text().startsWith("L = (1-\u03b5) L_nll"), vm.getResult().formula().text());
    }

    @Test
    void outOfRangeTargetIsRefused() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.targetProperty().set(42);
        assertEquals(0, vm.targets()[0]);
        assertFalse(vm.messageProperty().get().isEmpty());
        vm.targetProperty().set(CrossEntropyOptions.DEFAULT_IGNORE_INDEX);
        assertTrue(vm.getResult().lossText().startsWith("undefined"), "the only sample is ignored");
    }

    @Test
    void resetReturnsToDefault() {
        ExplorerViewModel vm = new ExplorerViewModel();
        String fresh = vm.getResult().lossText();
        vm.applyPreset(ExplorerPreset.EXAMPLE_B);
        vm.temperatureProperty().set(3);
        vm.reset();
        assertEquals(fresh, vm.getResult().lossText());
        assertEquals(1.0, vm.temperatureProperty().get());
        assertFalse(vm.weightsEnabledProperty().get());
    }
}
