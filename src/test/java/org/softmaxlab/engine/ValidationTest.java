package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid input throws IllegalArgumentException naming the problem. */
class ValidationTest {
    private static final CrossEntropyLoss LOSS = new CrossEntropyLoss(CrossEntropyOptions.defaults());

    private static void assertRejected(String expectedFragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedFragment),
                () -> "message \"" + e.getMessage() + "\" should mention \"" + expectedFragment + "\"");
    }

    @Test
    void nonFiniteLogits() {
        assertRejected("logits[0][1] is NaN",
                () -> LOSS.evaluate(new double[][] {{1, Double.NaN}}, Targets.indices(0)));
        assertRejected("logits[1][0] is Infinity",
                () -> LOSS.evaluate(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}, Targets.indices(0, 1)));
        assertRejected("finite", () -> Softmax.softmax(new double[] {Double.NEGATIVE_INFINITY, 0}));
    }

    @Test
    void targetOutOfRange() {
        assertRejected("targets[1] = 3 is out of range",
                () -> LOSS.evaluate(new double[][] {{1, 2, 3}, {1, 2, 3}}, Targets.indices(0, 3)));
        assertRejected("targets[0] = -1 is out of range",
                () -> LOSS.evaluate(new double[][] {{1, 2, 3}}, Targets.indices(-1)));
    }

    @Test
    void badWeights() {
        assertRejected("weight[1] is -1.0", () -> CrossEntropyOptions.defaults().withWeight(new double[] {1, -1}));
        assertRejected("weight[0] is NaN", () -> CrossEntropyOptions.defaults().withWeight(new double[] {Double.NaN}));
        assertRejected("weight has 2 entries but there are 3 classes",
                () -> new CrossEntropyLoss(CrossEntropyOptions.defaults().withWeight(new double[] {1, 2}))
                        .evaluate(new double[][] {{1, 2, 3}}, Targets.indices(0)));
    }

    @Test
    void shapeMismatches() {
        assertRejected("targets have 1 samples but logits have 2 rows",
                () -> LOSS.evaluate(new double[][] {{1, 2}, {3, 4}}, Targets.indices(0)));
        assertRejected("logits[1] has 1 values but logits[0] has 2",
                () -> LOSS.evaluate(new double[][] {{1, 2}, {3}}, Targets.indices(0, 0)));
        assertRejected("targets[0] has 3 probabilities but there are 2 classes",
                () -> LOSS.evaluate(new double[][] {{1, 2}}, Targets.probabilities(new double[][] {{1, 0, 0}})));
        assertRejected("x has 2 features per sample but the layer takes 3",
                () -> Linear.initialised(3, 2, true, 1).forward(new double[][] {{1, 2}}));
        assertRejected("weight is 2 x 3 but the layer needs 3 x 3",
                () -> Linear.initialised(3, 3, true, 1).setWeight(new double[][] {{1, 2, 3}, {1, 2, 3}}));
    }

    @Test
    void emptyBatchAndNoClasses() {
        assertRejected("logits is empty", () -> LOSS.evaluate(new double[0][], Targets.indices()));
        assertRejected("at least one class", () -> LOSS.evaluate(new double[][] {{}}, Targets.indices(0)));
        assertRejected("logits are empty", () -> Softmax.softmax(new double[0]));
    }

    @Test
    void temperatureAndSmoothingRanges() {
        assertRejected("temperature must be a finite number > 0, got 0.0",
                () -> CrossEntropyOptions.defaults().withTemperature(0));
        assertRejected("temperature", () -> CrossEntropyOptions.defaults().withTemperature(-1));
        assertRejected("temperature", () -> Softmax.softmax(new double[] {1, 2}, Double.NaN));
        assertRejected("label_smoothing must be in [0, 1], got 1.5",
                () -> CrossEntropyOptions.defaults().withLabelSmoothing(1.5));
        assertRejected("label_smoothing", () -> CrossEntropyOptions.defaults().withLabelSmoothing(-0.1));
        assertRejected("label_smoothing", () -> CrossEntropyOptions.defaults().withLabelSmoothing(Double.NaN));
    }

    @Test
    void badProbabilityTargets() {
        assertRejected("targets[0][1] is -0.5",
                () -> LOSS.evaluate(new double[][] {{1, 2}}, Targets.probabilities(new double[][] {{1, -0.5}})));
        assertRejected("targets[0][0] is NaN",
                () -> LOSS.evaluate(new double[][] {{1, 2}}, Targets.probabilities(new double[][] {{Double.NaN, 1}})));
    }

    @Test
    void badOptimiserSettings() {
        assertRejected("learning rate", () -> Sgd.plain(0));
        assertRejected("momentum must be >= 0", () -> new Sgd(0.1, -0.5, 0, false, 0));
        assertRejected("nesterov", () -> new Sgd(0.1, 0, 0, true, 0));
        assertRejected("betas[0]", () -> new Adam(0.1, 1.0, 0.999, 1e-8, 0));
        assertRejected("weight_decay", () -> new Adam(0.1, 0.9, 0.999, 1e-8, -1));
    }

    @Test
    void modelThatDoesNotFitTheDataset() {
        assertRejected("the model has 2 outputs but the dataset has 3 classes",
                () -> new Trainer(Datasets.notebookSample(), Linear.initialised(3, 2, true, 1), Sgd.plain(0.1),
                        CrossEntropyOptions.defaults(), 0, 0));
    }
}
