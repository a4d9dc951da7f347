package org.softmaxlab.model;

import static org.softmaxlab.model.Numbers.fixed4;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;

/**
 * The loss formula with the Explorer's numbers substituted: its text, and each number in it as a named term, so that
 * every number shown is the value of the term it labels (and a test can recompute each one).
 *
 * <p>Terms: {@code T}; with label smoothing {@code eps}, {@code L_nll}, {@code L_uniform} and {@code L}; for the
 * negative log-likelihood part {@code S} (weighted mean) or {@code n} (mean), {@code w_y[i]} and {@code P_y[i]} of the
 * first samples shown, {@code L_n[i]} (reduction none), and the part's value ({@code L_nll}, or {@code L} without
 * smoothing; for none, the sum of the {@code L_n}).
 *
 * @param text  the formula as plain text, one line per step (accessible text, exports)
 * @param markedLatex the same formula typeset (LaTeX, one array row per line), with the same numbers, each term
 *                    wrapped in class marks ({@link #latex()} without them, {@link #latex(IntFunction, IntFunction)}
 *                    in colour)
 * @param terms every number in {@code text}, in order of appearance
 */
public record Formula(String text, String markedLatex, List<Term> terms) {

    /** The formula as LaTeX, without colours. */
    public String latex() {
        return WRAPPER.matcher(markedLatex).replaceAll("{{");
    }

    /**
     * The formula as LaTeX with each sample's term on its target class's colour: {@code fill} and {@code ink} give
     * the class's colour and the text colour on it, as {@code #RRGGBB}.
     */
    public String latex(IntFunction<String> fill, IntFunction<String> ink) {
        return CLASS_MARK.matcher(markedLatex).replaceAll(m -> {
            int c = Integer.parseInt(m.group(1));
            return java.util.regex.Matcher.quoteReplacement(m.group(2) == null ? fill.apply(c) : ink.apply(c));
        });
    }

    /** The opening of a term's colour wrapper, both marks in it. */
    private static final java.util.regex.Pattern WRAPPER = java.util.regex.Pattern.compile(
            "\\\\colorbox\\{@\\d+@\\}\\{\\\\textcolor\\{@\\d+@fg\\}\\{");
    private static final int SHOWN_TERMS = 4;

    /** One number of the formula: what it is and its value (shown with {@link Numbers#fixed4} or as a count). */
    public record Term(String name, double value) {
    }

    /** The value of the first term called {@code name}. */
    public double valueOf(String name) {
        return terms.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + name)).value();
    }

    static Formula of(double[][] logits, int[] targets, CrossEntropyOptions options, LossResult r) {
        Builder b = new Builder();
        if (options.temperature() != 1.0) {
            b.text("P = softmax(z / T), T = ", "P = \\mathrm{softmax}(z / T),\\; T = ").count("T", options.temperature())
                    .text("\n", "\n");
        }
        double eps = options.labelSmoothing();
        LossResult nll = r;
        if (eps > 0) {
            nll = new CrossEntropyLoss(options.withLabelSmoothing(0)).evaluate(logits, Targets.indices(targets));
            LossResult uniform = new CrossEntropyLoss(options.withLabelSmoothing(1)).evaluate(logits,
                    Targets.indices(targets));
            b.text("L = (1-\u03b5) L_nll + \u03b5 L_uniform = ",
                            "L = (1-\\varepsilon) L_{nll} + \\varepsilon L_{uniform} = ")
                    .number("1-\u03b5", 1 - eps).text(" \u00b7 ", " \\cdot ").number("L_nll", total(nll))
                    .text(" + ", " + ").number("\u03b5", eps).text(" \u00b7 ", " \\cdot ")
                    .number("L_uniform", total(uniform)).text(" = ", " = ").number("L", total(r)).text("\n", "\n");
            b.text("L_nll: ", "L_{nll}:\\; ");
        }
        nllLine(b, targets, options, nll, eps > 0 ? "L_nll" : "L");
        return b.build();
    }

    /** The reduced loss, or for reduction none the sum of the per-sample losses. */
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

    private static void nllLine(Builder b, int[] targets, CrossEntropyOptions options, LossResult r, String name) {
        boolean weighted = options.hasWeight();
        String w = weighted ? "w_y " : "";
        double s = 0;
        int counted = 0;
        for (int y : targets) {
            if (y != options.ignoreIndex()) {
                counted++;
                s += options.weightOf(y);
            }
        }
        switch (r.reduction()) {
            case MEAN -> {
                if (weighted) {
                    b.text("L = -(1/S) \u03a3 w_y ln P_y,  S = \u03a3 w_y = ",
                            "L = -\\frac{1}{S}\\sum_i w_{y_i} \\ln P_{y_i},\\; S = \\sum_i w_{y_i} = ").number("S", s);
                } else {
                    b.text("L = -(1/n) \u03a3 ln P_y,  n = ", "L = -\\frac{1}{n}\\sum_i \\ln P_{y_i},\\; n = ")
                            .count("n", counted);
                }
                b.text("\n  = -(1/", "\n\\quad = -\\frac{1}{").count(weighted ? "S" : "n", weighted ? s : counted)
                        .text(")(", "}\\left(");
                terms(b, targets, options, r);
                b.text(") = ", "\\right) = ");
            }
            case SUM -> {
                b.text("L = -\u03a3 " + w + "ln P_y = -(", "L = -\\sum_i " + (weighted ? "w_{y_i} " : "")
                        + "\\ln P_{y_i} = -\\left(");
                terms(b, targets, options, r);
                b.text(") = ", "\\right) = ");
            }
            case NONE -> {
                b.text("L_n = -" + w + "ln P_y:  ", "L_n = -" + (weighted ? "w_{y_n} " : "") + "\\ln P_{y_n}:\\; ");
                double[] l = r.perSampleLoss();
                for (int i = 0; i < Math.min(l.length, SHOWN_TERMS); i++) {
                    b.text(i > 0 ? ", " : "", i > 0 ? ",\\; " : "").number("L_n[" + i + "]", l[i]);
                }
                b.text(l.length > SHOWN_TERMS ? ", \u2026  (sum " : "  (sum ", l.length > SHOWN_TERMS
                        ? ",\\; \\ldots\\quad (\\textstyle\\sum = " : "\\quad (\\textstyle\\sum = ");
            }
        }
        if (r.isDefined()) {
            b.number(name, total(r));
        } else {
            b.text(r.undefinedReason(), "\\text{" + r.undefinedReason().replace("_", "\\_") + "}");
        }
        if (r.reduction() == Reduction.NONE) {
            b.text(")", ")");
        }
    }

    /** The first counted samples' w_y ln P_y, then "+ ..." for the rest. */
    private static void terms(Builder b, int[] targets, CrossEntropyOptions options, LossResult r) {
        int shown = 0;
        for (int n = 0; n < targets.length; n++) {
            int y = targets[n];
            if (y == options.ignoreIndex()) {
                continue;
            }
            if (shown == SHOWN_TERMS) {
                b.text(" + \u2026", " + \\ldots");
                return;
            }
            b.text(shown > 0 ? " + " : "", shown > 0 ? " + " : "");
            // Each term in its target class's colour: the view turns the class mark into that colour.
            b.text("", "\\colorbox{" + classMark(y) + "}{\\textcolor{" + classMark(y) + "fg}{");
            if (options.hasWeight()) {
                b.count("w_y[" + n + "]", options.weightOf(y)).text("\u00b7", "\\,");
            }
            b.text("ln ", "\\ln ").number("P_y[" + n + "]", r.probabilities()[n][y]);
            b.text("", "}}");
            shown++;
        }
    }

    /** The mark of class {@code c}'s colour in {@link #markedLatex()} ({@code @c@}; {@code @c@fg} the text on it). */
    private static String classMark(int c) {
        return "@" + c + "@";
    }

    /** A class mark; group 1 is the class, group 2 "fg" for the text on its colour. */
    private static final java.util.regex.Pattern CLASS_MARK = java.util.regex.Pattern.compile("@(\\d+)@(fg)?");

    /** Text, LaTeX and terms together, so that each number is appended with its name to both forms. */
    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder tex = new StringBuilder();
        private final List<Term> terms = new ArrayList<>();

        /** The same words in plain text and in LaTeX. */
        Builder text(String plain, String latex) {
            text.append(plain);
            tex.append(latex);
            return this;
        }

        /** A computed value, shown with four decimals (scientific where they would hide it). */
        Builder number(String name, double value) {
            terms.add(new Term(name, value));
            text.append(fixed4(value));
            tex.append(texNumber(fixed4(value)));
            return this;
        }

        /** A value given by the user or a count, shown as typed ("2", "0.5", "10"). */
        Builder count(String name, double value) {
            terms.add(new Term(name, value));
            text.append(Numbers.editable(value));
            tex.append(texNumber(Numbers.editable(value)));
            return this;
        }

        /** 1.2346e-05 as 1.2346\times 10^{-5}. */
        private static String texNumber(String shown) {
            int e = shown.indexOf('e');
            if (e < 0) {
                return shown.equals("NaN") ? "\\mathrm{NaN}" : shown.replace("Infinity", "\\infty");
            }
            return shown.substring(0, e) + "\\times 10^{" + Integer.parseInt(shown.substring(e + 1)) + "}";
        }

        Formula build() {
            String[] rows = tex.toString().split("\n", -1);
            return new Formula(text.toString(), "\\begin{array}{l}" + String.join("\\\\", rows)
                    + "\\end{array}", List.copyOf(terms));
        }
    }
}
