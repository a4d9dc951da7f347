package org.softmaxlab.model;

import static org.softmaxlab.model.Numbers.fixed4;

/**
 * The notebook's section 4 with the selected sample's numbers, as typeset lines: the loss as log-sum-exp minus the
 * target's logit, its gradient P - Y, and the weighted form (w_y / S)(P - Y) that the batch mean gives each sample.
 * Temperature and smoothing are left to the formula panel; these lines are the plain case the notebook derives.
 */
public final class Derivation {
    private static final int SHOWN_CLASSES = 4;

    private Derivation() {
    }

    /** LaTeX, one array row per step. */
    public static String latex(ExplorerState s, ExplorerResults r) {
        int n = r.selected();
        int y = r.target();
        if (y == Limits.IGNORE_INDEX) {
            return "\\text{Sample " + n + "'s target is ignored: it adds nothing to the loss or the gradient.}";
        }
        double t = s.temperature();
        double[] logP = r.loss().logProbabilities()[n];
        double[] p = r.probabilities();
        double zy = r.logits()[y] / t;
        double lse = zy - logP[y];
        String z = t == 1 ? "z" : "(z/T)";
        StringBuilder b = new StringBuilder("\\begin{array}{l}");
        b.append("L_").append(n).append(" = -\\ln P_y = -\\ln \\frac{e^{").append(z).append("_y}}{\\sum_j e^{")
                .append(z).append("_j}} = \\ln \\sum_j e^{").append(z).append("_j} - ").append(z).append("_y = ")
                .append(fixed4(lse)).append(" - ").append(signed(zy)).append(" = ").append(fixed4(-logP[y]))
                .append("\\\\");
        b.append("\\frac{\\partial L_").append(n).append("}{\\partial ").append(z).append("_i} = P_i - Y_i:\\; ");
        for (int c = 0; c < Math.min(p.length, SHOWN_CLASSES); c++) {
            b.append(c > 0 ? ",\\; " : "").append(fixed4(p[c])).append(" - ").append(c == y ? "1" : "0").append(" = ")
                    .append(fixed4(p[c] - (c == y ? 1 : 0)));
        }
        if (p.length > SHOWN_CLASSES) {
            b.append(",\\; \\ldots");
        }
        b.append("\\\\");
        double w = s.weightsEnabled() ? s.weights()[y] : 1;
        double denominator = 0;
        for (int target : s.targets()) {
            if (target != Limits.IGNORE_INDEX) {
                denominator += s.weightsEnabled() ? s.weights()[target] : 1;
            }
        }
        b.append("\\text{mean: } \\frac{\\partial L}{\\partial ").append(z).append("_{").append(n)
                .append(",y}} = \\frac{w_{y}}{S}(P_y - 1) = \\frac{").append(Numbers.editable(w)).append("}{")
                .append(Numbers.editable(denominator)).append("}(").append(fixed4(p[y])).append(" - 1) = ")
                .append(fixed4(w / denominator * (p[y] - 1)));
        return b.append("\\end{array}").toString();
    }

    private static String signed(double v) {
        return v < 0 ? "(" + fixed4(v) + ")" : fixed4(v);
    }
}
