package org.softmaxlab.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nice ticks on random ranges, whole numbers on count axes, decades on log axes. */
class TicksTest {
    @Test
    void linearTicksAreNiceStepsCoveringTheRange() {
        Random random = new Random(13);
        for (int k = 0; k < 20_000; k++) {
            double a = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
            // A span of at least a millionth of the values: a chart's data, not rounding noise.
            double b = a + Math.max(Math.abs(a) * 1e-6, random.nextDouble() * Math.pow(10, random.nextInt(12) - 6));
            int most = 3 + random.nextInt(8);
            Ticks.Scale s = Ticks.linear(a, b, most);
            assertTrue(s.values().length >= 2 && s.values().length <= most, "count for " + a + ".." + b);
            double step = s.step();
            // Covered to a billionth of a step (what rounding may shave off; no pixel shows it).
            assertTrue(s.lo() <= a + step * 1e-9 && s.hi() >= b - step * 1e-9,
                    s.lo() + ".." + s.hi() + " covers " + a + ".." + b);
            assertEquals(step, s.values()[1] - s.values()[0], step * 1e-6);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
            assertTrue(Set.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-6),
                    "step " + step + " for " + a + ".." + b);
            Set<Integer> lengths = new HashSet<>();
            for (int i = 0; i < s.values().length; i++) {
                String label = s.label(i);
                assertEquals(s.values()[i], Double.parseDouble(label), step * 1e-6, "label " + label + " is its tick");
                if (s.values()[i] != 0) {
                    String digits = label.split("e")[0];
                    lengths.add(digits.contains(".") ? digits.length() - digits.indexOf('.') : 0);
                }
            }
            assertTrue(lengths.size() <= 1, "every label has the same decimals: " + lengths);
        }
    }

    @Test
    void tinyTicksAreWrittenWithAPowerOfTenNotADozenZeros() {
        Ticks.Scale focal = Ticks.linear(-4.2e-10, 4.2e-10, 5);
        assertArrayEquals(new double[] {-5e-10, -2.5e-10, 0, 2.5e-10, 5e-10}, focal.values(), 1e-25);
        assertEquals(List.of("-5.0e-10", "-2.5e-10", "0", "2.5e-10", "5.0e-10"),
                IntStream.range(0, 5).mapToObj(focal::label).toList());
        Ticks.Scale mse = Ticks.linear(-3.1e-7, 3.1e-7, 5);
        assertEquals(List.of("-4e-7", "-2e-7", "0", "2e-7", "4e-7"),
                IntStream.range(0, mse.values().length).mapToObj(mse::label).toList());
        assertEquals("0.0005", Ticks.linear(0, 0.002, 5).label(1), "four decimals stay plain");
        assertEquals("0.12345600", Ticks.linear(0.123456, 0.1234561, 3).label(0), "a small span at an offset stays plain");
    }

    @Test
    void theLossHistoryAxisReadsInWholeNiceSteps() {
        Ticks.Scale s = Ticks.whole(0, 91, 6);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, s.values());
        assertEquals("100", s.label(5));
        Ticks.Scale steps = Ticks.whole(0, 1224, 6);
        assertArrayEquals(new double[] {0, 250, 500, 750, 1000, 1250}, steps.values(), "25 x 10 is whole");
        assertArrayEquals(new double[] {0, 1, 2, 3}, Ticks.whole(0, 3, 6).values(), "never 0.5 on a count axis");
        Random random = new Random(7);
        for (int k = 0; k < 5000; k++) {
            double hi = random.nextInt(1_000_000) + 1;
            for (double v : Ticks.whole(0, hi, 3 + random.nextInt(8)).values()) {
                assertEquals(Math.rint(v), v, 0, "whole tick " + v);
            }
        }
    }

    @Test
    void probabilityAndLossAxesGetTheTicksPeopleExpect() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Ticks.linear(0, 1, 5).values());
        assertEquals("0.50", Ticks.linear(0, 1, 5).label(2));
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5}, Ticks.linear(0, 0.49, 6).values(), 1e-15);
    }

    @Test
    void rangesAtTheEndOfTheDoubleRangeStillGiveTicks() {
        for (double[] r : new double[][] {{-1.7e308, 1.7e308}, {0, 1.7e308}, {1e308, 1.5e308}, {-Double.MAX_VALUE, 0}}) {
            Ticks.Scale s = Ticks.linear(r[0], r[1], 5);
            assertTrue(s.values().length >= 2, java.util.Arrays.toString(r));
            for (double v : s.values()) {
                assertTrue(Double.isFinite(v), java.util.Arrays.toString(r));
            }
        }
    }

    @Test
    void logAxesShowDecades() {
        assertArrayEquals(new int[] {0, -1, -2, -3}, Ticks.decades(-3, 0, 6));
        assertArrayEquals(new int[] {0, -2, -4, -6, -8, -10, -12, -14, -16}, Ticks.decades(-16, 0, 9));
        assertEquals("1", Ticks.decadeLabel(0));
        assertEquals("0.1", Ticks.decadeLabel(-1));
        assertEquals("0.01", Ticks.decadeLabel(-2));
        assertEquals("1e-3", Ticks.decadeLabel(-3));
        assertEquals("100", Ticks.decadeLabel(2));
    }
}
