package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxlab.engine.TrainingStep;

/** The Training tab's state and its display, without a worker or the toolkit. */
class TrainingStateTest {
    private static TrainingSnapshot snapshot(double loss, StopReason stop, String message) {
        TrainingStep step = new TrainingStep(4, loss, new double[][] {{0.1, 0.2, 0.3}},
                new double[][] {{0.3, 0.3, 0.4}}, new double[][] {{0.3, 0.3, -0.6}},
                new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, new double[] {0.5, 0.25, 0}, 0.75, 1.5, null);
        return new TrainingSnapshot(step, 4, new double[] {0, 2, 4}, new double[] {1.2, 1.0, loss},
                new double[] {0.5, 0.6, 0.75}, new double[][] {{0}, {0}, {0}}, 0.75, List.of("Step 0: 1.2"), false,
                message, 0, null, 1, null, false, stop);
    }

    @Test
    void onlyAStructuralChangeRestartsAndItDropsTheParametersSetByHand() {
        TrainingState s = TrainingState.initial().withInit(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, null);
        assertFalse(s.withLearningRate(0.5).restartsFrom(s), "the learning rate applies while the run goes on");
        assertFalse(s.withLive(t -> t.withMomentum(0.9)).restartsFrom(s));
        assertFalse(s.withLive(t -> t.withTemperature(2)).restartsFrom(s));
        assertTrue(s.withLive(t -> t.withTemperature(2)).lossOptionsDifferFrom(s));
        TrainingState seeded = s.withStructure(t -> t.withInitSeed(7));
        assertTrue(seeded.restartsFrom(s));
        assertNull(seeded.settings().initWeight(), "a new seed starts from the seeded initialisation");
        assertTrue(s.withInit(null, null).restartsFrom(s), "new initial parameters restart");
    }

    @Test
    void typedValuesAreCheckedAndRefusedByName() {
        TrainingState s = TrainingState.initial();
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> s.withLearningRate(1e9));
        assertTrue(lr.getMessage().startsWith("learning rate"), lr.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> s.withClassWeights("1, x"));
        assertTrue(w.getMessage().contains("class weights"), w.getMessage());
        TrainingState weighted = s.withClassWeights(" 10, 1, 1 ").withWeightsEnabled(true);
        assertEquals("10, 1, 1", weighted.classWeights());
        assertArrayEquals(new double[] {10, 1, 1}, weighted.setup(null).classWeights());
        assertNull(weighted.withWeightsEnabled(false).setup(null).classWeights(), "off: no weights");
    }

    @Test
    void aLoadedSetupIsTheSetupTheNextRunStartsFrom() {
        TrainingSetup scenario = TrainingSetup.blobs().withClasses(4).withLr(0.25).withLabelSmoothing(0.1);
        scenario = new TrainingSetup(scenario.dataset(), 4, scenario.perClass(), scenario.noise(), 3, 5, true,
                OptimizerKind.SGD, 0.25, 0.5, true, 0.01, 16, new double[] {1, 2, 3, 4}, 0.1, 1.5,
                new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}}, new double[] {0, 1, 2, 3}, null);
        TrainingState loaded = TrainingState.initial().loaded(scenario);
        assertTrue(loaded.weightsEnabled());
        assertEquals("1, 2, 3, 4", loaded.classWeights());
        TrainingSetup again = loaded.setup(null);
        assertEquals(scenario.withPoints(null).toString().replaceAll("\\[[DI]@\\w+", ""),
                again.toString().replaceAll("\\[[DI]@\\w+", ""), "every setting but the arrays");
        assertArrayEquals(scenario.classWeights(), again.classWeights());
        assertArrayEquals(scenario.initBias(), again.initBias());
        assertEquals(scenario.initWeight(), again.initWeight());
    }

    @Test
    void theNotebooksSampleStartsFromThePrintedLogitsWhenNothingWasSetByHand() {
        TrainingSetup s = TrainingState.initial().setup(null);
        assertEquals(TrainingSetup.NOTEBOOK_LOGITS[1], s.initWeight()[1][0], 0);
    }

    @Test
    void anInitialParameterIsSetOnACopyOfTheRunsParameters() {
        TrainingSnapshot snap = snapshot(0.9, StopReason.NONE, "");
        TrainingState s = TrainingState.initial().withSnapshot(snap).withInitialParameter(1, 3, -2);
        assertEquals(-2, s.settings().initBias()[1]);
        assertEquals(0.25, snap.current().bias()[1], "the snapshot's arrays stay as the run left them");
        assertEquals(5, s.withInitialParameter(1, 1, 5).settings().initWeight()[1][1]);
        assertNotSame(snap.current().weight(), s.settings().initWeight());
        assertThrows(IllegalArgumentException.class, () -> s.withInitialParameter(3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingState.initial().withInitialParameter(0, 0, 1));
    }

    @Test
    void theDisplayWritesTheLossInTheChosenUnitsAndOffersALowerRateOnlyAfterADivergence() {
        TrainingState s = TrainingState.initial().withSnapshot(snapshot(0.9, StopReason.NONE, ""));
        TrainingDisplay nats = TrainingDisplay.of(s);
        assertEquals("0.9000", nats.lossText());
        assertEquals(Numbers.fixed4(0.9 / Math.log(2)), TrainingDisplay.of(s.withUnits(LossUnits.BITS)).lossText());
        assertEquals("", nats.lowerLrOffer());
        assertEquals(TrainingDisplay.PAUSED_RATE, nats.rateText());
        assertEquals(4, nats.historyEnd());
        TrainingState diverged = s.withSnapshot(snapshot(Double.NaN, StopReason.DIVERGED, "Training diverged: ..."));
        assertEquals("Reset with lr = 0.01", TrainingDisplay.of(diverged).lowerLrOffer());
        TrainingState stopped = s.withSnapshot(snapshot(0.5, StopReason.STEPS, "Training diverged? no: stopped"));
        assertEquals("", TrainingDisplay.of(stopped).lowerLrOffer(), "decided on the reason, not the words");
        assertEquals("10/s", TrainingDisplay.of(s).speedText());
        assertEquals("max", TrainingDisplay.of(s.withSpeedExponent(Limits.SPEED_EXPONENT.max())).speedText());
    }
}
