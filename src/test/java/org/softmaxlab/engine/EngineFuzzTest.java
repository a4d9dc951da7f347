package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.softmaxlab.testing.Reference;

/**
 * Every public engine entry point on generated input, valid and invalid: extreme magnitudes (+-1e308, 1e300, 1e4),
 * subnormals, NaN, infinities, zero weights, C = 1, n = 0 and huge C. Valid input gives finite results that agree
 * with a second implementation (an online log-sum-exp); invalid input throws IllegalArgumentException with a
 * message; no other exception escapes. 1,000 inputs per property by default, 10,000 with -Plong.
 */
class EngineFuzzTest {

    /** Doubles weighted towards the awkward ones. */
    static Arbitrary<Double> awkwardDoubles() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.doubles().between(-50, 50)),
                net.jqwik.api.Tuple.of(10, Arbitraries.doubles().between(-1e4, 1e4)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(1e300, -1e300, 1e308, -1e308, Double.MAX_VALUE,
                        -Double.MAX_VALUE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 3,
                        0.0, -0.0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY)));
    }

    record Case(double[][] logits, int[] targets, double[][] soft, double[] weight, int ignore, Reduction reduction,
                double eps, double t) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> rows = Arbitraries.frequency(net.jqwik.api.Tuple.of(1, 0), net.jqwik.api.Tuple.of(20, 1),
                net.jqwik.api.Tuple.of(20, 3), net.jqwik.api.Tuple.of(10, 6));
        Arbitrary<Integer> cols = Arbitraries.frequency(net.jqwik.api.Tuple.of(3, 1), net.jqwik.api.Tuple.of(20, 2),
                net.jqwik.api.Tuple.of(20, 4), net.jqwik.api.Tuple.of(10, 11));
        return Combinators.combine(rows, cols).flatAs((n, c) -> {
            Arbitrary<double[][]> logits = awkwardDoubles().array(double[].class).ofSize(c)
                    .array(double[][].class).ofSize(n);
            Arbitrary<int[]> targets = Arbitraries.frequency(net.jqwik.api.Tuple.of(30, 0),
                    net.jqwik.api.Tuple.of(10, c - 1), net.jqwik.api.Tuple.of(3, -100), net.jqwik.api.Tuple.of(1, c),
                    net.jqwik.api.Tuple.of(1, -1)).array(int[].class).ofSize(n);
            Arbitrary<double[][]> soft = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just((double[][]) null)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(0, 1)),
                            net.jqwik.api.Tuple.of(1, Arbitraries.of(-0.5, Double.NaN)))
                            .array(double[].class).ofSize(c).array(double[][].class).ofSize(n)));
            Arbitrary<double[]> weight = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just((double[]) null)),
                    net.jqwik.api.Tuple.of(3, Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(0, 10)),
                            net.jqwik.api.Tuple.of(4, Arbitraries.just(0.0)),
                            net.jqwik.api.Tuple.of(1, Arbitraries.of(-1.0, Double.NaN, Double.POSITIVE_INFINITY)))
                            .array(double[].class).ofSize(c)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 2).array(double[].class)
                            .ofSize(c + 1)));
            Arbitrary<Double> eps = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.doubles()
                    .between(0, 1)), net.jqwik.api.Tuple.of(4, Arbitraries.just(0.0)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(-0.1, 1.5, Double.NaN)));
            Arbitrary<Double> t = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.doubles()
                    .between(0.05, 20)), net.jqwik.api.Tuple.of(4, Arbitraries.just(1.0)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                            1e-300)));
            return Combinators.combine(logits, targets, soft, weight, Arbitraries.of(-100, 1),
                    Arbitraries.of(Reduction.values()), eps, t).as(Case::new);
        });
    }

    /** Whether the engine must accept the case, decided independently of the engine. */
    private static boolean valid(Case k) {
        if (k.logits().length == 0 || k.logits()[0].length == 0) {
            return false;
        }
        int c = k.logits()[0].length;
        for (double[] row : k.logits()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        if (!(k.t() > 0 && Double.isFinite(k.t())) || !(k.eps() >= 0 && k.eps() <= 1)) {
            return false;
        }
        if (k.weight() != null) {
            if (k.weight().length != c) {
                return false;
            }
            for (double w : k.weight()) {
                if (!(w >= 0 && Double.isFinite(w))) {
                    return false;
                }
            }
        }
        if (k.soft() != null) {
            for (double[] row : k.soft()) {
                for (double p : row) {
                    if (!(p >= 0 && Double.isFinite(p))) {
                        return false;
                    }
                }
            }
            return true;
        }
        for (int y : k.targets()) {
            if (y != k.ignore() && (y < 0 || y >= c)) {
                return false;
            }
        }
        return true;
    }

    @Property(generation = GenerationMode.RANDOMIZED)
    void crossEntropyAcceptsValidAndRejectsInvalidInput(@ForAll("cases") Case k) {
        boolean valid = valid(k);
        LossResult r;
        try {
            CrossEntropyLoss loss = new CrossEntropyLoss(new CrossEntropyOptions(k.weight(), k.ignore(),
                    k.reduction(), k.eps(), k.t()));
            Targets targets = k.soft() != null ? Targets.probabilities(k.soft()) : Targets.indices(k.targets());
            r = loss.evaluate(k.logits(), targets);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertFalse(valid, () -> "valid input was refused: " + e.getMessage());
            return;
        }
        assertTrue(valid, "invalid input was accepted");
        Reference.assertDistributions(r.probabilities());
        if (!r.isDefined()) {
            assertTrue(Double.isNaN(r.loss()));
            return;
        }
        assertFalse(Double.isNaN(r.loss()), "NaN loss without a reason");
        for (double[] row : r.gradient()) {
            for (double g : row) {
                assertTrue(Double.isFinite(g), "gradient " + g);
            }
        }
        if (spread(k) < 1e300) {
            assertTrue(Double.isFinite(r.loss()), "finite loss for a representable spread");
            double expected = secondImplementation(k);
            double tolerance = 1e-12 * (1 + Math.abs(expected) + scale(k)) * 64;
            assertEquals(expected, r.loss(), tolerance);
        }
    }

    @Property(tries = 25, generation = GenerationMode.RANDOMIZED)
    void hugeClassCounts(@ForAll("hugeRows") double[] row) {
        LossResult r = new CrossEntropyLoss(CrossEntropyOptions.defaults().withLabelSmoothing(0.1))
                .evaluate(new double[][] {row}, Targets.indices(row.length - 1));
        double sum = 0;
        for (double p : r.probabilities()[0]) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9);
        Case k = new Case(new double[][] {row}, new int[] {row.length - 1}, null, null, -100, Reduction.MEAN, 0.1, 1);
        assertEquals(secondImplementation(k), r.loss(), 1e-9 * (1 + Math.abs(r.loss())));
    }

    @Provide
    Arbitrary<double[]> hugeRows() {
        return Arbitraries.doubles().between(-30, 30).array(double[].class).ofSize(100_000);
    }

    @Property(generation = GenerationMode.RANDOMIZED)
    void softmaxEntryPoints(@ForAll("rows") double[] z, @ForAll("temperatures") double t) {
        boolean valid = z.length > 0 && allFinite(z) && t > 0 && Double.isFinite(t);
        try {
            double[] p = Softmax.softmax(z, t);
            double[] lp = Softmax.logSoftmax(z, t);
            double lse = Softmax.logSumExp(z, t);
            assertTrue(valid, "invalid input accepted");
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                assertTrue(p[i] >= 0 && p[i] <= 1);
                assertTrue(lp[i] <= 0, "log p <= 0");
                sum += p[i];
            }
            assertEquals(1.0, sum, 1e-12);
            assertFalse(Double.isNaN(lse));
            double[] naive = Softmax.naiveSoftmax(z);
            assertEquals(z.length, naive.length);
            assertTrue(Softmax.argmax(z) >= 0);
            assertTrue(Information.entropy(p) >= 0 && Information.entropy(p) <= Math.log(z.length) + 1e-12);
        } catch (IllegalArgumentException e) {
            assertFalse(valid, () -> "valid input refused: " + e.getMessage());
            assertNotNull(e.getMessage());
        }
    }

    @Provide
    Arbitrary<double[]> rows() {
        return awkwardDoubles().array(double[].class).ofMinSize(0).ofMaxSize(9);
    }

    @Provide
    Arbitrary<Double> temperatures() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.doubles().between(0.05, 20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY)));
    }

    @Property(generation = GenerationMode.RANDOMIZED)
    void linearOptimisersAndTrainer(@ForAll("rows") double[] values, @ForAll("temperatures") double lr) {
        int d = Math.max(1, values.length / 3);
        try {
            Linear layer = Linear.initialised(d, 3, values.length % 2 == 0, values.length);
            double[][] x = {java.util.Arrays.copyOf(values, d)};
            double[][] z = layer.forward(x);
            double[][] grads = layer.backward(x, new double[][] {{0.1, -0.2, 0.1}});
            Optimizer opt = values.length % 3 == 0 ? new Adam(lr, 0.9, 0.999, 1e-8, 0.01) : new Sgd(lr, 0.5, 0,
                    values.length % 4 == 0, 0.01);
            opt.step(layer.parameters(), grads);
            assertTrue(allFinite(x[0]), "only finite x reaches here");
            if (maxAbs(x[0]) < 1e150) {
                assertTrue(allFinite(z[0]), "finite logits for moderate input");
                for (double[] g : grads) {
                    assertTrue(allFinite(g));
                }
            }
            Dataset data = new Dataset("fuzz", x, new int[] {values.length % 3}, 3);
            Trainer trainer = new Trainer(data, layer, opt, CrossEntropyOptions.defaults(), 0, 1);
            TrainingStep s = trainer.step();
            assertTrue(s.diverged() || Double.isFinite(s.loss()));
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            assertTrue(!allFinite(java.util.Arrays.copyOf(values, d)) || !(lr > 0 && Double.isFinite(lr)),
                    () -> "valid input refused: " + e.getMessage());
        }
    }

    @Property(generation = GenerationMode.RANDOMIZED)
    void datasetsAndCurves(@ForAll("temperatures") double noise, @ForAll("rows") double[] sweep) {
        int k = 2 + (sweep.length % 5);
        try {
            Dataset d = switch (sweep.length % 3) {
                case 0 -> Datasets.blobs(k, 5, noise, 3);
                case 1 -> Datasets.spiral(k, 5, noise, 3);
                default -> Datasets.imbalancedBlobs(k, 20, noise, 3);
            };
            for (double[] p : d.x()) {
                assertTrue(allFinite(p));
            }
        } catch (IllegalArgumentException e) {
            assertFalse(noise >= 0 && Double.isFinite(noise), () -> "valid noise refused: " + e.getMessage());
        }
        double[][] z = {{1, 2, 3}, {0, -1, 4}};
        CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyOptions.defaults());
        LossResult base = loss.evaluate(z, Targets.indices(0, 2));
        try {
            double[] curve = LossCurve.sweep(loss, z, Targets.indices(0, 2), base, 1, 2, sweep);
            assertTrue(allFinite(sweep), "non-finite sweep values accepted");
            for (int i = 0; i < curve.length; i++) {
                assertFalse(Double.isNaN(curve[i]), "NaN at " + sweep[i]);
            }
        } catch (IllegalArgumentException e) {
            assertFalse(allFinite(sweep), () -> "valid sweep refused: " + e.getMessage());
        }
    }

    /** Loss by an online log-sum-exp (one pass, rescaling the running sum): a second implementation. */
    static double secondImplementation(Case k) {
        int n = k.logits().length;
        int c = k.logits()[0].length;
        double total = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY;
            double s = 0;
            for (double v : k.logits()[i]) {
                double u = v / k.t();
                if (u > m) {
                    s = s * Math.exp(m - u) + 1;
                    m = u;
                } else {
                    s += Math.exp(u - m);
                }
            }
            double lse = m + Math.log(s);
            double[] q = new double[c];
            if (k.soft() != null) {
                for (int j = 0; j < c; j++) {
                    q[j] = w(k, j) * (k.soft()[i][j] * (1 - k.eps()) + k.eps() / c);
                }
                denominator += 1;
            } else {
                int y = k.targets()[i];
                if (y == k.ignore()) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    q[j] = k.eps() / c * w(k, j);
                }
                q[y] += (1 - k.eps()) * w(k, y);
                denominator += w(k, y);
            }
            for (int j = 0; j < c; j++) {
                if (q[j] != 0) {
                    total -= q[j] * (k.logits()[i][j] / k.t() - lse);
                }
            }
        }
        return k.reduction() == Reduction.MEAN ? total / denominator : total;
    }

    private static double w(Case k, int j) {
        return k.weight() == null ? 1 : k.weight()[j];
    }

    private static double spread(Case k) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : k.logits()) {
            for (double v : row) {
                lo = Math.min(lo, v / k.t());
                hi = Math.max(hi, v / k.t());
            }
        }
        return hi - lo;
    }

    /** How large the rounding of the loss can be: the magnitudes it is computed from. */
    private static double scale(Case k) {
        double weightSum = 0;
        for (int j = 0; j < k.logits()[0].length; j++) {
            weightSum += w(k, j);
        }
        double max = 0;
        for (double[] row : k.logits()) {
            max = Math.max(max, maxAbs(row) / k.t());
        }
        return max * Math.max(1, weightSum) * k.logits().length;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

}
