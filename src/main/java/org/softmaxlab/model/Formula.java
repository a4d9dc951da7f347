package org.softmaxlab.model;

import static org.softmaxlab.model.Numbers.fixed4;

import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;

/** The loss formula with the Explorer's numbers substituted, as plain text. */
final class Formula {
    private static final int SHOWN_TERMS = 4;

    private Formula() {
    }

    static String of(double[][] logits, int[] targets, CrossEntropyOptions options, LossResult r) {
        StringBuilder s = new StringBuilder();
        if (options.temperature() != 1.0) {
            s.append("P = softmax(z / T), T = ").append(Numbers.editable(options.temperature()))
                    .append('\n');
        }
        double eps = options.labelSmoothing();
        if (eps > 0) {
            CrossEntropyLoss nll = new CrossEntropyLoss(options.withLabelSmoothing(0));
            CrossEntropyLoss uniform = new CrossEntropyLoss(options.withLabelSmoothing(1));
            double a = total(nll.evaluate(logits, Targets.indices(targets)));
            double b = total(uniform.evaluate(logits, Targets.indices(targets)));
            s.append("L = (1-\u03b5) L_nll + \u03b5 L_uniform = ").append(fixed4(1 - eps)).append(" \u00b7 ")
                    .append(fixed4(a)).append(" + ").append(fixed4(eps)).append(" \u00b7 ").append(fixed4(b))
                    .append(" = ").append(fixed4(total(r))).append('\n');
            s.append("L_nll: ");
        }
        s.append(nllLine(targets, options, r));
        return s.toString();
    }

    private static double total(LossResult r) {
        if (r.reduction() != Reduction.NONE) {
            return r.loss();
        }
        double t = 0;
        for (double l : r.perSampleLoss()) {
            t += l;
        }
        return t;
    }

    private static String nllLine(int[] targets, CrossEntropyOptions options, LossResult r) {
        boolean weighted = options.hasWeight();
        StringBuilder terms = new StringBuilder();
        double s = 0;
        int shown = 0;
        int counted = 0;
        for (int n = 0; n < targets.length; n++) {
            int y = targets[n];
            if (y == options.ignoreIndex()) {
                continue;
            }
            counted++;
            s += options.weightOf(y);
            if (shown < SHOWN_TERMS) {
                if (shown > 0) {
                    terms.append(" + ");
                }
                if (weighted) {
                    terms.append(Numbers.editable(options.weightOf(y))).append('\u00b7');
                }
                terms.append("ln ").append(fixed4(r.probabilities()[n][y]));
                shown++;
            } else if (shown == SHOWN_TERMS) {
                terms.append(" + \u2026");
                shown++;
            }
        }
        String w = weighted ? "w_y " : "";
        String value = r.isDefined() ? fixed4(total(r)) : r.undefinedReason();
        return switch (r.reduction()) {
            case MEAN -> (weighted ? "L = -(1/S) \u03a3 w_y ln P_y,  S = \u03a3 w_y = " + fixed4(s)
                    : "L = -(1/n) \u03a3 ln P_y,  n = " + counted)
                    + "\n  = -(1/" + Numbers.editable(weighted ? s : counted) + ")("
                    + terms + ") = " + value;
            case SUM -> "L = -\u03a3 " + w + "ln P_y = -(" + terms + ") = " + value;
            case NONE -> "L_n = -" + w + "ln P_y:  " + perSample(r) + "  (sum " + value + ")";
        };
    }

    private static String perSample(LossResult r) {
        StringBuilder b = new StringBuilder();
        double[] l = r.perSampleLoss();
        for (int i = 0; i < Math.min(l.length, SHOWN_TERMS); i++) {
            b.append(i > 0 ? ", " : "").append(fixed4(l[i]));
        }
        return l.length > SHOWN_TERMS ? b + ", \u2026" : b.toString();
    }
}
