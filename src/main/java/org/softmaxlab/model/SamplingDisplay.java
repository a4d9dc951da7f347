package org.softmaxlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.engine.SamplingResult;
import org.softmaxlab.engine.SamplingStep;

/**
 * Everything the Sampling tab shows, made from one {@link SamplingState} by {@link #of}: the chain's result, the same
 * settings in Hugging Face's and llama.cpp's orders, the ranked top tokens, the cumulative mass curve and every
 * readout's text. A pure function, so the view only binds.
 *
 * @param top        indices of the most probable tokens before the chain (at most {@link #TOP}), most probable first
 * @param topLabels  their token strings, struck through where the chain removed them
 * @param topBefore  their probabilities before the chain
 * @param topAfter   their probabilities after it
 * @param ranks      1 .. R, the x of the mass curve
 * @param massBefore cumulative probability of the R most probable tokens before the chain
 * @param massAfter  the same after it
 * @param formulas   LaTeX of each active step with its numbers, in chain order
 * @param minPKept   how many tokens min-p's threshold (min_p x the largest probability, on the distribution it sees)
 *                   leaves, 0 when min-p is off: the mass chart draws its line there
 */
public record SamplingDisplay(SamplingResult result, SamplingResult hf, SamplingResult llama, int[] top,
                              String[] topLabels, double[] topBefore, double[] topAfter, double[] ranks,
                              double[] massBefore, double[] massAfter, String keptText, String entropyText,
                              String perplexityText, String compareText, String sourceText, List<String> formulas,
                              int minPKept) {
    /** Bars in the ranked chart. */
    public static final int TOP = 30;
    /** Points of the cumulative mass curve. */
    public static final int MASS_POINTS = 200;
    private static final char STRIKE = '\u0336';

    public static SamplingDisplay of(SamplingState s) {
        SamplingSettings set = s.settings();
        int[] minPKept = {0};
        SamplingResult result = set.chain(s.previous()).run(s.logits(), (step, scores) -> {
            if (step instanceof SamplingStep.MinP) {
                minPKept[0] = minPKept(set.minP(), scores);
            }
        });
        SamplingResult hf = set.order().equals(SamplingChain.HF_ORDER) ? result
                : set.chain(s.previous(), SamplingChain.HF_ORDER).run(s.logits());
        SamplingResult llama = set.order().equals(SamplingChain.LLAMA_CPP_ORDER) ? result
                : set.chain(s.previous(), SamplingChain.LLAMA_CPP_ORDER).run(s.logits());
        double[] before = SamplingChain.probabilitiesBefore(s.logits());
        int[] ranked = SamplingChain.topBefore(s.logits(), Math.max(TOP, MASS_POINTS));
        int[] top = Arrays.copyOf(ranked, Math.min(TOP, ranked.length));
        String[] labels = new String[top.length];
        double[] topBefore = new double[top.length];
        double[] topAfter = new double[top.length];
        for (int j = 0; j < top.length; j++) {
            int i = top[j];
            topBefore[j] = before[i];
            topAfter[j] = result.probs()[i];
            String shown = shown(s.tokens()[i]);
            labels[j] = result.logitsAfter()[i] == Double.NEGATIVE_INFINITY ? struck(shown) : shown;
        }
        int r = Math.min(MASS_POINTS, ranked.length);
        double[] ranks = new double[r];
        double[] massBefore = new double[r];
        double[] massAfter = new double[r];
        double b = 0;
        double a = 0;
        for (int j = 0; j < r; j++) {
            b += before[ranked[j]];
            a += result.probs()[ranked[j]];
            ranks[j] = j + 1;
            massBefore[j] = Math.min(b, 1);
            massAfter[j] = Math.min(a, 1);
        }
        return new SamplingDisplay(result, hf, llama, top, labels, topBefore, topAfter, ranks, massBefore, massAfter,
                keptText(result, s.logits().length), entropyText(result), perplexityText(result),
                compareText(hf, llama, set), sourceText(s), formulas(set, result), minPKept[0]);
    }

    /**
     * How many tokens pass min-p's threshold, p_i >= min_p p_max, on the distribution min-p sees: {@code scores}, the
     * row after the steps before it in the chain's order (so at temperature T in Hugging Face's order, at 1 in
     * llama.cpp's, where temperature comes last). p_i / p_max = e^(s_i - s_max), whatever the steps removed.
     * min_tokens_to_keep aside; 0 when min-p is off.
     */
    static int minPKept(double minP, double[] scores) {
        if (minP <= 0) {
            return 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            max = Math.max(max, v);
        }
        double floor = max + Math.log(minP);
        int kept = 0;
        for (double v : scores) {
            kept += v != Double.NEGATIVE_INFINITY && v >= floor ? 1 : 0;
        }
        return kept;
    }

    /** "kept 7 of 50,257, 92.3% of the mass". */
    public static String keptText(SamplingResult r, int vocabulary) {
        return "kept " + Numbers.count(r.kept().length) + " of " + Numbers.count(vocabulary) + ", "
                + Numbers.percent(r.massKept()) + " of the mass";
    }

    private static String entropyText(SamplingResult r) {
        return "entropy " + Numbers.fixed4(r.entropy()) + " nats (before " + Numbers.fixed4(r.entropyBefore()) + ")";
    }

    private static String perplexityText(SamplingResult r) {
        return "perplexity " + Numbers.decimals(r.perplexity(), 2) + " (before "
                + Numbers.decimals(Math.exp(r.entropyBefore()), 2) + ")";
    }

    private static String compareText(SamplingResult hf, SamplingResult llama, SamplingSettings set) {
        String counts = "Hugging Face's order keeps " + Numbers.count(hf.kept().length) + " ("
                + Numbers.percent(hf.massKept()) + "), llama.cpp's keeps " + Numbers.count(llama.kept().length) + " ("
                + Numbers.percent(llama.massKept()) + ")";
        boolean same = Arrays.equals(sorted(hf.kept()), sorted(llama.kept()));
        String verdict = same ? ": the same tokens" : ": they differ";
        String epsilon = set.epsilon() != 0 ? " (llama.cpp's chain has no epsilon step)" : "";
        return counts + verdict + epsilon;
    }

    private static String sourceText(SamplingState s) {
        if (s.source() == SamplingSource.LANGUAGE_MODEL) {
            return s.context().isEmpty() ? "No word of the prompt's end is known: the model falls back to word "
                    + "frequencies (unigram)." : "Next word after \u201c" + s.context() + "\u201d ("
                    + (s.context().contains(" ") ? "trigram" : "bigram, backed off") + ")";
        }
        if (s.source().isExample()) {
            return "Illustrative logits, made up to show one behaviour (not from a real model)";
        }
        return s.source() == SamplingSource.IMPORTED ? "Your logits (File > Import Logits on this tab)"
                : "The Explorer's selected sample, its classes as tokens";
    }

    private static int[] sorted(int[] v) {
        int[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    /** A token as the chart writes it: a leading space dropped, a newline as \n. */
    public static String shown(String token) {
        String t = token.startsWith(" ") && token.length() > 1 ? token.substring(1) : token;
        return t.replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String struck(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> s.appendCodePoint(c).append(STRIKE));
        return s.toString();
    }

    private static String latex(SamplingStep step) {
        if (step instanceof SamplingStep.RepetitionPenalty p) {
            return "z_i \\leftarrow z_i / \\theta \\ (z_i > 0),\\ z_i\\,\\theta\\ (z_i < 0),\\ \\theta = "
                    + Numbers.editable(p.penalty());
        }
        if (step instanceof SamplingStep.Temperature t) {
            return t.temperature() == 0 ? "\\text{greedy: keep } \\arg\\max_i z_i"
                    : "p_i = \\frac{e^{z_i / T}}{\\sum_j e^{z_j / T}},\\ T = " + Numbers.editable(t.temperature());
        }
        if (step instanceof SamplingStep.TopK k) {
            return "\\text{keep } z_i \\ge z_{(k)},\\ k = " + k.k();
        }
        if (step instanceof SamplingStep.TopP p) {
            return "\\text{keep the top tokens until } \\sum p_i \\ge " + Numbers.editable(p.p());
        }
        if (step instanceof SamplingStep.MinP m) {
            return "\\text{keep } p_i \\ge p_{\\min}\\, p_{\\max},\\ p_{\\min} = " + Numbers.editable(m.p());
        }
        if (step instanceof SamplingStep.Typical t) {
            return "\\text{keep the smallest } |{-\\log p_i} - H| \\text{ until } \\sum p_i \\ge "
                    + Numbers.editable(t.mass());
        }
        SamplingStep.Epsilon e = (SamplingStep.Epsilon) step;
        return "\\text{keep } p_i \\ge \\epsilon = " + Numbers.editable(e.epsilon());
    }

    /** Each active step's rule with the current numbers, in chain order. */
    private static List<String> formulas(SamplingSettings set, SamplingResult r) {
        List<String> out = new ArrayList<>();
        for (SamplingStep step : set.chain(new int[0]).steps()) {
            if (step.neutral() && !(step instanceof SamplingStep.RepetitionPenalty && set.penalty() != 1)) {
                continue;
            }
            out.add(latex(step));
        }
        if (out.isEmpty()) {
            out.add("p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\\ \\text{(every step neutral: } H = "
                    + Numbers.fixed4(r.entropy()) + "\\text{)}");
        }
        return out;
    }
}
