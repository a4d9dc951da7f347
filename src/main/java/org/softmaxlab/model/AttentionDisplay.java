package org.softmaxlab.model;

import org.softmaxlab.engine.Attention;

/**
 * What the Attention tab shows, made from one {@link AttentionState} (and its {@link AttentionSweep}): the scores
 * and weights, the chosen query's softmax and its Jacobian diag(p) - p p^T, the readouts and the sentences.
 *
 * @param chosen      the chosen query's weights (NaN when it sees no key)
 * @param jacobian    diag(p) - p p^T of the chosen row
 * @param jacobianMax its largest entry (the largest p_i (1 - p_i)); NaN when the row sees no key
 */
public record AttentionDisplay(Attention.Result result, boolean[][] mask, double[] chosen, double[][] jacobian,
                               double jacobianMax, double meanEntropy, double meanJacobianNorm, AttentionSweep sweep,
                               String entropyText, String jacobianText, String scaleText, String[] rowNotes,
                               String rowTitle, String verdict) {

    /** The display of {@code s}, with its sweep already made (it depends on less than the state). */
    public static AttentionDisplay of(AttentionState s, AttentionSweep sweep) {
        boolean[][] mask = s.mask();
        Attention.Result r = Attention.compute(s.q(), s.k(), AttentionSweep.identity(s.size()), s.scaleValue(),
                mask, s.temperature(), null);
        double[] p = r.weights()[s.query()];
        boolean undefined = Double.isNaN(p[0]);
        double[][] j = AttentionSweep.jacobian(p);
        double max = Double.NaN;
        if (!undefined) {
            max = Double.NEGATIVE_INFINITY;
            for (double[] row : j) {
                for (double x : row) {
                    max = Math.max(max, x);
                }
            }
        }
        double entropy = AttentionSweep.meanEntropy(r);
        String[] notes = new String[s.size()];
        for (int i = 0; i < notes.length; i++) {
            notes[i] = Double.isNaN(r.entropy()[i]) ? "every key masked" : "H " + Numbers.decimals(r.entropy()[i], 2);
        }
        String query = s.tokens()[s.query()];
        return new AttentionDisplay(r, mask, p, j, max, entropy, AttentionSweep.meanJacobianNorm(r), sweep,
                Double.isNaN(entropy) ? "mean entropy: every key masked"
                        : "mean entropy " + Numbers.fixed4(entropy) + " nats",
                undefined ? "max J: every key masked" : "max J " + Numbers.fixed4(max),
                scaleText(s, r), notes,
                "Query \"" + query + "\": its weights",
                verdict(s, p, max));
    }

    private static String scaleText(AttentionState s, Attention.Result r) {
        String scale = switch (s.scaleMode()) {
            case INVERSE_SQRT_D -> "scale 1/sqrt(" + s.dim() + ") = " + Numbers.fixed4(s.scaleValue());
            case ONE -> "scale 1 (no 1/sqrt(d))";
            case SLIDER -> "scale " + Numbers.fixed4(s.scaleValue());
        };
        return scale + ", scores' spread " + Numbers.decimals(spread(r.scores()), 2)
                + " (unmasked, standard deviation)";
    }

    /** The standard deviation of the finite scores. */
    static double spread(double[][] scores) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : scores) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    sum += x;
                    squares += x * x;
                    n++;
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    private static String verdict(AttentionState s, double[] p, double jacobianMax) {
        String query = "\"" + s.tokens()[s.query()] + "\"";
        if (Double.isNaN(p[0])) {
            return "Query " + query + " sees no key: every key masked, so its softmax is 0 / 0 (NaN), as torch.softmax"
                    + " gives, and no gradient flows through its scores.";
        }
        int top = 0;
        int seen = 0;
        for (int j = 0; j < p.length; j++) {
            top = p[j] > p[top] ? j : top;
            seen += p[j] > 0 || s.mask() == null || !s.mask()[s.query()][j] ? 1 : 0;
        }
        String key = "\"" + s.tokens()[top] + "\"";
        if (p[top] >= 0.99) {
            return "Saturated: " + key + " takes " + Numbers.percent(p[top]) + " of " + query + "'s attention, the"
                    + " Jacobian's largest entry is " + Numbers.decimals(jacobianMax, 4) + ": almost no gradient"
                    + " reaches the scores.";
        }
        if (p[top] <= 1.5 / Math.max(1, seen)) {
            return "Nearly uniform: " + query + " spreads its attention over the " + seen + " keys it sees (the"
                    + " largest weight, " + key + "'s, is " + Numbers.percent(p[top]) + ").";
        }
        return query + " attends most to " + key + " (" + Numbers.percent(p[top]) + "); gradient flows: the"
                + " Jacobian's largest entry is " + Numbers.decimals(jacobianMax, 4) + " (0.25 at most).";
    }
}
