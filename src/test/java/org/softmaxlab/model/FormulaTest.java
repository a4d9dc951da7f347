package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.engine.Reduction;

/**
 * Every number in the formula panel is the value of the term it labels: recomputed here from the definitions (plain
 * double arithmetic, not the engine) for every preset, smoothing 0 and 0.1, each reduction, weights on and off.
 */
class FormulaTest {

    @org.junit.jupiter.api.Test
    void eachSamplesTermSitsOnItsTargetClasssColour() {
        Formula f = ExplorerResults.compute(ExplorerPreset.named(ExplorerPreset.EXAMPLE_A).toState()).formula();
        String coloured = f.latex(c -> c == 0 ? "#111111" : "#222222", c -> "#FFFFFF");
        assertEquals(1, coloured.split("colorbox\\{#111111}", -1).length - 1, "sample 0's term on class 0's colour");
        assertEquals(1, coloured.split("colorbox\\{#222222}", -1).length - 1, "sample 1's term on class 1's colour");
        assertTrue(!f.latex().contains("colorbox") && !f.latex().contains("@"), "plain LaTeX has no colours");
        assertEquals(f.latex().replaceAll("[{}]", ""), coloured.replaceAll("\\\\colorbox\\{#\\w+}|"
                + "\\\\textcolor\\{#\\w+}|[{}]", ""), "the same formula either way");
    }

    private static final Pattern COMPUTED = Pattern.compile("-?\\d+\\.\\d{4}(e[+-]\\d+)?");

    static Stream<Arguments> states() {
        List<Arguments> all = new ArrayList<>();
        for (ExplorerPreset p : ExplorerPreset.all()) {
            for (double eps : new double[] {0, 0.1}) {
                for (Reduction r : Reduction.values()) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        ExplorerState s = p.toState().withLabelSmoothing(eps).withReduction(r);
                        if (weighted && p.weights() == null) {
                            double[] w = new double[s.classes()];
                            for (int c = 0; c < w.length; c++) {
                                w[c] = 0.5 + c;
                            }
                            for (int c = 0; c < w.length; c++) {
                                s = s.withWeight(c, w[c]);
                            }
                        }
                        all.add(Arguments.of(p.name() + ", eps " + eps + ", " + r.label() + ", weights "
                                + (weighted ? "on" : "off"), s.withWeightsEnabled(weighted)));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void everyNumberIsTheTermItLabels(String name, ExplorerState s) {
        Formula f = ExplorerResults.compute(s).formula();
        Definitions d = new Definitions(s);
        for (Formula.Term t : f.terms()) {
            double expected = d.value(t.name());
            assertEquals(expected, t.value(), 1e-12 * Math.max(1, Math.abs(expected)), name + ": term " + t.name());
        }
        double eps = s.labelSmoothing();
        assertEquals(eps > 0, f.terms().stream().anyMatch(t -> t.name().equals("L_nll")), "L_nll shown with eps");
        if (eps > 0 && !Double.isNaN(d.value("L_nll"))) {
            String nllLine = f.text().substring(f.text().indexOf("L_nll:"));
            assertTrue(nllLine.contains(Numbers.fixed4(d.value("L_nll"))), name + ": the L_nll line ends in L_nll, "
                    + "not the total: " + f.text());
        }
        List<String> shown = new ArrayList<>();
        f.terms().forEach(t -> shown.add(Numbers.fixed4(t.value())));
        Matcher m = COMPUTED.matcher(f.text());
        while (m.find()) {
            assertTrue(shown.contains(m.group()), name + ": " + m.group() + " labels no term in " + f.text());
        }
    }

    /** The loss from its definition: p = softmax(z/T); nll_n = -w_y ln p_y; uniform_n = -(1/C) sum_c w_c ln p_c. */
    private record Definitions(ExplorerState s) {
        /** ln p by log-sum-exp, so that exp(-1000) does not underflow to ln 0. */
        double[] logP(int n) {
            double[] z = s.logits()[n];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / s.temperature());
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v / s.temperature() - max);
            }
            double[] logP = new double[z.length];
            for (int c = 0; c < z.length; c++) {
                logP[c] = z[c] / s.temperature() - max - Math.log(sum);
            }
            return logP;
        }

        double[] p(int n) {
            return java.util.Arrays.stream(logP(n)).map(Math::exp).toArray();
        }

        double w(int c) {
            return s.weightsEnabled() ? s.weights()[c] : 1;
        }

        double nll(int n) {
            int y = s.targets()[n];
            return y == Limits.IGNORE_INDEX ? 0 : -w(y) * logP(n)[y];
        }

        double uniform(int n) {
            if (s.targets()[n] == Limits.IGNORE_INDEX) {
                return 0;
            }
            double sum = 0;
            for (int c = 0; c < s.classes(); c++) {
                sum -= w(c) * logP(n)[c];
            }
            return sum / s.classes();
        }

        double denominator() {
            double sum = 0;
            for (int y : s.targets()) {
                sum += y == Limits.IGNORE_INDEX ? 0 : w(y);
            }
            return sum;
        }

        double reduce(java.util.function.IntToDoubleFunction perSample) {
            double sum = 0;
            for (int n = 0; n < s.samples(); n++) {
                sum += perSample.applyAsDouble(n);
            }
            return s.reduction() == Reduction.MEAN ? sum / denominator() : sum;
        }

        double value(String term) {
            double eps = s.labelSmoothing();
            if (term.startsWith("P_y[")) {
                int n = index(term);
                return p(n)[s.targets()[n]];
            }
            if (term.startsWith("w_y[")) {
                return w(s.targets()[index(term)]);
            }
            if (term.startsWith("L_n[")) {
                return nll(index(term));
            }
            return switch (term) {
                case "T" -> s.temperature();
                case "\u03b5" -> eps;
                case "1-\u03b5" -> 1 - eps;
                case "S" -> denominator();
                case "n" -> java.util.Arrays.stream(s.targets()).filter(y -> y != Limits.IGNORE_INDEX).count();
                case "L_nll" -> reduce(this::nll);
                case "L_uniform" -> reduce(this::uniform);
                case "L" -> reduce(n -> (1 - eps) * nll(n) + eps * uniform(n));
                default -> throw new AssertionError("a term with no definition: " + term);
            };
        }

        private static int index(String term) {
            return Integer.parseInt(term.substring(term.indexOf('[') + 1, term.indexOf(']')));
        }
    }
}
