package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerTest {

    private static Trainer blobs(int batch, long shuffleSeed) {
        Dataset data = Datasets.blobs(3, 20, 0.7, 5);
        return new Trainer(data, Linear.initialised(2, 3, true, 9), new Sgd(0.3, 0.9, 0, false, 0),
                CrossEntropyOptions.defaults().withLabelSmoothing(0.1), batch, shuffleSeed);
    }

    @Test
    void miniBatchesAreSeededAndDeterministic() {
        Trainer a = blobs(8, 42);
        Trainer b = blobs(8, 42);
        Trainer c = blobs(8, 43);
        double lastC = 0;
        for (int i = 0; i < 40; i++) {
            TrainingStep sa = a.step();
            assertEquals(sa.loss(), b.step().loss());
            assertEquals(8 - (i % 8 == 7 ? 4 : 0), sa.logits().length, "60 samples: 7 batches of 8, then 4");
            lastC = c.step().loss();
        }
        assertNotEquals(a.peek().loss(), lastC);
    }

    @Test
    void fastPathPeekAndReportAgree() {
        Trainer a = blobs(0, 1);
        Trainer b = blobs(0, 1);
        for (int i = 0; i < 25; i++) {
            TrainingStep next = a.peek();
            TrainingStep taken = a.step();
            assertEquals(next.loss(), taken.loss());
            assertArrayEquals(next.logits()[3], taken.logits()[3]);
            assertEquals(taken.loss(), b.stepLoss());
        }
        assertArrayEquals(a.model().weight()[1], b.model().weight()[1]);
        assertEquals(25, a.steps());
    }

    @Test
    void theFusedPlainPathFollowsTheGeneralPath() {
        Dataset data = Datasets.spiral(4, 30, 0.2, 3);
        Trainer general = new Trainer(data, Linear.initialised(2, 4, true, 5), new Sgd(0.5, 0.9, 0, true, 0),
                CrossEntropyOptions.defaults(), 0, 0);
        Trainer fused = new Trainer(data, Linear.initialised(2, 4, true, 5), new Sgd(0.5, 0.9, 0, true, 0),
                CrossEntropyOptions.defaults(), 0, 0);
        for (int i = 0; i < 200; i++) {
            double expected = general.step().loss();
            double actual = fused.stepLoss();
            assertEquals(expected, actual, 1e-12 * expected, "step " + i);
        }
        assertArrayEquals(general.model().weight()[3], fused.model().weight()[3], 1e-10);
    }

    @Test
    void reportMatchesTheGeneralLossEvaluation() {
        Trainer t = blobs(0, 1);
        for (int i = 0; i < 5; i++) {
            t.step();
        }
        TrainingStep s = t.peek();
        LossResult r = new CrossEntropyLoss(t.lossOptions()).evaluate(t.model().forward(t.dataset().x()),
                Targets.indices(t.dataset().labels()));
        assertEquals(r.loss(), s.loss(), 1e-15);
        assertArrayEquals(r.gradient()[7], s.gradLogits()[7], 1e-15);
        assertArrayEquals(r.probabilities()[7], s.probabilities()[7], 1e-15);
        assertTrue(t.datasetAccuracy() > 0.5);
    }

    @Test
    void zeroWeightsGiveAnUndefinedStepThatStillUpdatesAsPyTorchDoes() {
        Dataset data = Datasets.notebookSample();
        Trainer t = new Trainer(data, Linear.initialised(3, 3, true, 1), Sgd.plain(0.1),
                CrossEntropyOptions.defaults().withWeight(new double[] {1, 1, 0}), 0, 0);
        TrainingStep s = t.step();
        assertTrue(Double.isNaN(s.loss()));
        assertEquals("undefined: the targets' weights sum to 0", s.undefinedReason());
        assertTrue(Double.isNaN(t.model().weight()[2][0]), "torch steps with the NaN gradient of 0/0");
    }

    @Test
    void ignoredSamplesCountNowhereAndAnAllIgnoredStepStillDecaysTheWeights() {
        Dataset data = new Dataset("some ignored", new double[][] {{1, 0}, {0, 1}, {1, 1}}, new int[] {0, -100, 1}, 2);
        Trainer t = new Trainer(data, Linear.of(new double[][] {{1, 0}, {0, 1}}, null), Sgd.plain(0.1),
                CrossEntropyOptions.defaults(), 0, 0);
        TrainingStep s = t.step();
        assertEquals(0.5, s.accuracy(), 0, "sample 2 is predicted 0 and sample 0 is right; sample 1 is not counted");
        Dataset ignored = new Dataset("all ignored", new double[][] {{1, 0}}, new int[] {-100}, 2);
        Trainer decaying = new Trainer(ignored, Linear.of(new double[][] {{1, 0}, {0, 1}}, null),
                new Sgd(0.1, 0, 0, false, 0.5), CrossEntropyOptions.defaults(), 0, 0);
        TrainingStep undefined = decaying.step();
        assertTrue(Double.isNaN(undefined.loss()));
        assertTrue(Double.isNaN(undefined.accuracy()), "no sample is counted");
        assertEquals(1 - 0.1 * 0.5, decaying.model().weight()[0][0], 1e-15, "weight decay still acts");
    }

    @Test
    void theStagesOfAnUpdateAreTheUpdateTheStepTakes() {
        for (Optimizer optimizer : new Optimizer[] {new Sgd(0.3, 0.9, 0, false, 0.01), Adam.withDefaults(0.05)}) {
            Dataset data = Datasets.blobs(3, 20, 0.7, 5);
            Trainer t = new Trainer(data, Linear.initialised(2, 3, true, 9), optimizer,
                    CrossEntropyOptions.defaults().withWeight(new double[] {2, 1, 0.5}), 0, 1);
            for (int i = 0; i < 4; i++) {
                UpdateStages stages = t.stages();
                double[][] weightBefore = t.model().weight();
                TrainingStep step = t.step();
                assertEquals(step.loss(), stages.loss());
                assertArrayEquals(weightBefore, stages.weight());
                assertArrayEquals(t.model().weight(), stages.newWeight(), "stage 7 is the step's update");
                assertArrayEquals(t.model().bias(), stages.newBias());
                assertArrayEquals(t.lastWeightGradient(), stages.gradWeight());
                assertEquals(t.optimizer().state().buffers().keySet(), stages.stateAfter().buffers().keySet());
                double s = 0;
                for (int y : data.labels()) {
                    s += new double[] {2, 1, 0.5}[y];
                }
                assertEquals(new double[] {2, 1, 0.5}[stages.labels()[0]] / s, stages.coefficients()[0], 1e-15,
                        "c_n = w_{y_n} / S");
                for (int c = 0; c < 3; c++) {
                    // Without smoothing dL/dz_n = c_n (P_n - Y_n).
                    assertEquals(stages.coefficients()[0] * stages.pMinusY()[0][c], stages.gradLogits()[0][c], 1e-15);
                }
            }
        }
    }
}
