package org.softmaxlab.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.model.Derivation;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.ExplorerResults;
import org.softmaxlab.model.ExplorerState;
import org.softmaxlab.model.Limits;

/** Every formula and derivation the Explorer can show is LaTeX that jlatexmath lays out. */
class MathViewTest {
    @Test
    void everyFormulaAndDerivationTypesets() {
        for (ExplorerPreset preset : ExplorerPreset.all()) {
            for (double eps : new double[] {0, 0.1}) {
                for (Reduction r : Reduction.values()) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        for (double t : new double[] {1, 2}) {
                            ExplorerState s = preset.toState().withLabelSmoothing(eps).withReduction(r)
                                    .withWeightsEnabled(weighted).withTemperature(t);
                            check(ExplorerResults.compute(s).formula().latex());
                            check(ExplorerResults.compute(s).formula().latex(c -> "#0072B2", c -> "#FFFFFF"));
                            check(Derivation.latex(s, ExplorerResults.compute(s)));
                        }
                    }
                }
            }
        }
        ExplorerState ignored = ExplorerPreset.named(ExplorerPreset.EXAMPLE_A).toState().withTarget(Limits.IGNORE_INDEX);
        check(ExplorerResults.compute(ignored).formula().latex());
        check(Derivation.latex(ignored, ExplorerResults.compute(ignored)));
    }

    private static void check(String latex) {
        var icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, 16);
        assertTrue(icon.getIconWidth() > 20 && icon.getIconHeight() > 10, latex);
    }
}
