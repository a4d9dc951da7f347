package org.softmaxlab.model;

import java.util.List;

/**
 * Everything the Sampling tab shows is a function of this one immutable value: the row of logits and its tokens (from
 * the {@link SamplingSource}), the tokens already in the text (for the repetition penalty), the settings, the
 * language model's prompt and the seed. Every edit is a {@code with...} copy.
 *
 * @param previous tokens already in the text: the repetition penalty's input (the prompt's words for the model)
 * @param context  what the language model conditioned on ("to be", "be" or "" for the unigram), else ""
 */
public record SamplingState(SamplingSource source, double[] logits, String[] tokens, int[] previous,
                            SamplingSettings settings, String prompt, String context, long seed) {
    /** The tab's first state: the capital-city example, every step neutral. */
    public static SamplingState initial() {
        SamplingExamples.Row row = SamplingExamples.of(SamplingSource.CAPITAL);
        return new SamplingState(SamplingSource.CAPITAL, row.logits(), row.tokens(), new int[0],
                SamplingSettings.NEUTRAL, "to be or not to", "", 0);
    }

    public SamplingState {
        if (logits.length != tokens.length) {
            throw new IllegalArgumentException(logits.length + " logits but " + tokens.length + " tokens");
        }
    }

    /** A new row of logits from {@code newSource}; the repetition penalty's tokens and the context go with it. */
    public SamplingState withRow(SamplingSource newSource, double[] newLogits, String[] newTokens, int[] newPrevious,
                                 String newContext) {
        return new SamplingState(newSource, newLogits, newTokens, newPrevious, settings, prompt, newContext, seed);
    }

    public SamplingState withSettings(SamplingSettings s) {
        return new SamplingState(source, logits, tokens, previous, s, prompt, context, seed);
    }

    public SamplingState withPrompt(String p) {
        return new SamplingState(source, logits, tokens, previous, settings, p, context, seed);
    }

    public SamplingState withSeed(long s) {
        return new SamplingState(source, logits, tokens, previous, settings, prompt, context, s);
    }

    /** The settings' order as a list (shortcut for the view). */
    public List<String> order() {
        return settings.order();
    }
}
