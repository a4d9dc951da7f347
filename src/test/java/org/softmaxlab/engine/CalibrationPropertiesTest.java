package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Invariants of {@link Calibration} on generated models. */
class CalibrationPropertiesTest {
    /** n rows of C logits, the target drawn from each row's own softmax at temperature {@code truth}. */
    private static Object[] model(int n, int c, double spread, double truth, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][c];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                z[i][k] = spread * (r.nextDouble() * 2 - 1);
            }
            double[] p = Softmax.softmax(z[i], truth);
            double u = r.nextDouble();
            int k = 0;
            for (double sum = p[0]; sum < u && k < c - 1; sum += p[++k]) {
                // the first class whose cumulative probability passes u
            }
            y[i] = k;
        }
        return new Object[] {z, y};
    }

    @Property(tries = 100)
    void eceAndMceAreInTheUnitIntervalAndAccuracyIsAShare(@ForAll @IntRange(min = 1, max = 60) int n,
                                                           @ForAll @IntRange(min = 2, max = 6) int c,
                                                           @ForAll @DoubleRange(min = 0.1, max = 20) double spread,
                                                           @ForAll @IntRange(min = 1, max = 20) int bins,
                                                           @ForAll long seed) {
        Object[] m = model(n, c, spread, 1, seed);
        Calibration cal = new Calibration((double[][]) m[0], (int[]) m[1]);
        for (Calibration.Binning binning : Calibration.Binning.values()) {
            if (binning == Calibration.Binning.ADAPTIVE && bins > n) {
                continue;
            }
            Calibration.Report r = cal.report(1, bins, binning);
            assertTrue(r.ece() >= 0 && r.ece() <= 1 && r.mce() >= r.ece() - 1e-15 && r.mce() <= 1, r.toString());
            assertTrue(r.classwiseEce() >= 0 && r.classwiseEce() <= 1);
            int counted = 0;
            for (Calibration.Bin b : r.bins()) {
                counted += b.count();
            }
            assertTrue(counted == n, "every row in one bin");
        }
    }

    @Property(tries = 50)
    void theFittedTemperatureBeatsItsNeighbours(@ForAll @IntRange(min = 20, max = 200) int n,
                                                @ForAll @DoubleRange(min = 0.3, max = 3) double truth,
                                                @ForAll long seed) {
        Object[] m = model(n, 4, 6, truth, seed);
        Calibration cal = new Calibration((double[][]) m[0], (int[]) m[1]);
        Calibration.Fit fit = cal.fitTemperature();
        if (!fit.found()) {
            return;
        }
        double t = fit.temperature();
        double at = cal.report(t, 10, Calibration.Binning.UNIFORM).nll();
        assertTrue(at <= cal.report(t * 1.01, 10, Calibration.Binning.UNIFORM).nll(), "T x 1.01");
        assertTrue(at <= cal.report(t / 1.01, 10, Calibration.Binning.UNIFORM).nll(), "T / 1.01");
    }

    @Test
    void aModelCalibratedByConstructionHasEceFallingTowardZero() {
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {1_000, 10_000, 200_000}) {
            Object[] m = model(n, 5, 4, 1, 42);
            Calibration cal = new Calibration((double[][]) m[0], (int[]) m[1]);
            double ece = cal.report(1, 15, Calibration.Binning.UNIFORM).ece();
            assertTrue(ece < previous, "n = " + n + ": ECE " + ece + " after " + previous);
            previous = ece;
            // The true temperature is 1: the fit finds it ever more closely.
            if (n == 200_000) {
                assertTrue(ece < 0.01, "ECE " + ece);
                assertTrue(Math.abs(cal.fitTemperature().temperature() - 1) < 0.02);
            }
        }
    }

    @Test
    void aRepeatedQuestionGetsTheAnswerAFreshCalibrationGives() {
        Object[] m = model(500, 4, 6, 1, 11);
        Calibration asked = new Calibration((double[][]) m[0], (int[]) m[1]);
        // Asked in the Calibration tab's pattern (each T beside T = 1) and with the bins and binning changed.
        Object[][] questions = {{0.7, 15, Calibration.Binning.UNIFORM}, {1.0, 15, Calibration.Binning.UNIFORM},
            {0.8, 15, Calibration.Binning.UNIFORM}, {1.0, 15, Calibration.Binning.UNIFORM},
            {1.0, 10, Calibration.Binning.UNIFORM}, {1.0, 10, Calibration.Binning.ADAPTIVE},
            {0.8, 15, Calibration.Binning.UNIFORM}, {1.0, 15, Calibration.Binning.UNIFORM}};
        for (Object[] q : questions) {
            double t = (double) q[0];
            int bins = (int) q[1];
            Calibration.Binning binning = (Calibration.Binning) q[2];
            Calibration.Report fresh = new Calibration((double[][]) m[0], (int[]) m[1]).report(t, bins, binning);
            Calibration.Report got = asked.report(t, bins, binning);
            assertEquals(fresh.ece(), got.ece(), 0, t + " " + bins + " " + binning);
            assertEquals(fresh.nll(), got.nll(), 0);
            assertEquals(bins, got.bins().length);
            assertEquals(fresh.bins()[0].count(), got.bins()[0].count());
        }
    }

    @Property(tries = 60)
    void theReliabilityReportIsTheFullReportWithoutTheClasswiseEce(@ForAll @IntRange(min = 1, max = 80) int n,
                                                                    @ForAll @IntRange(min = 2, max = 7) int c,
                                                                    @ForAll @DoubleRange(min = 0.1, max = 20) double spread,
                                                                    @ForAll @DoubleRange(min = 0.2, max = 5) double t,
                                                                    @ForAll @IntRange(min = 1, max = 20) int bins,
                                                                    @ForAll boolean fullFirst,
                                                                    @ForAll long seed) {
        Object[] m = model(n, c, spread, 1, seed);
        Calibration.Binning binning = bins <= n ? Calibration.Binning.ADAPTIVE : Calibration.Binning.UNIFORM;
        // Asked of one Calibration in either order: a full answer may serve a later reliability question, never the
        // other way round.
        Calibration asked = new Calibration((double[][]) m[0], (int[]) m[1]);
        Calibration.Report full = fullFirst ? asked.report(t, bins, binning) : null;
        Calibration.Report reliability = asked.reliability(t, bins, binning);
        full = fullFirst ? full : asked.report(t, bins, binning);
        assertTrue(Double.isNaN(reliability.classwiseEce()) || fullFirst, "the reliability report leaves it out");
        assertTrue(full.classwiseEce() >= 0 && full.classwiseEce() <= 1, "the full report has it");
        assertEquals(full.accuracy(), reliability.accuracy(), 0);
        assertEquals(full.nll(), reliability.nll(), 0);
        assertEquals(full.brier(), reliability.brier(), 0);
        assertEquals(full.ece(), reliability.ece(), 0);
        assertEquals(full.mce(), reliability.mce(), 0);
        assertEquals(java.util.List.of(full.bins()), java.util.List.of(reliability.bins()));
    }
}
