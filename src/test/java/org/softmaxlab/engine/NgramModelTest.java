package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled word model: one prompt's next-word probabilities recomputed by hand from the corpus's tokens with
 * plain loops and sets, as the interpolated Kneser-Ney formulas of the model's javadoc say.
 */
class NgramModelTest {
    private static final double D = 0.75;
    private static NgramModel model;
    private static List<String> words;

    @BeforeAll
    static void train() throws IOException {
        String corpus;
        try (InputStream in = NgramModelTest.class.getResourceAsStream("/org/softmaxlab/sampling/tinyshakespeare.txt")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        model = NgramModel.train(corpus);
        words = NgramModel.tokens(corpus);
    }

    /** P(w) of the lowest level: continuation counts of the distinct bigrams, with a uniform share. */
    private static double lowest(String w) {
        Set<String> bigrams = new HashSet<>();
        Set<String> before = new HashSet<>();
        Set<String> continued = new HashSet<>();
        for (int i = 1; i < words.size(); i++) {
            bigrams.add(words.get(i - 1) + " " + words.get(i));
            continued.add(words.get(i));
            if (words.get(i).equals(w)) {
                before.add(words.get(i - 1));
            }
        }
        return Math.max(before.size() - D, 0) / bigrams.size()
                + D * continued.size() / bigrams.size() / model.size();
    }

    private static double middle(String v, String w) {
        Set<String> around = new HashSet<>();
        Set<String> uBeforeVw = new HashSet<>();
        Set<String> after = new HashSet<>();
        for (int i = 2; i < words.size(); i++) {
            if (words.get(i - 1).equals(v)) {
                around.add(words.get(i - 2) + " " + words.get(i));
                after.add(words.get(i));
                if (words.get(i).equals(w)) {
                    uBeforeVw.add(words.get(i - 2));
                }
            }
        }
        return Math.max(uBeforeVw.size() - D, 0) / around.size() + D * after.size() / around.size() * lowest(w);
    }

    private static double trigram(String u, String v, String w) {
        long context = 0;
        long count = 0;
        Set<String> next = new HashSet<>();
        for (int i = 2; i < words.size(); i++) {
            if (words.get(i - 2).equals(u) && words.get(i - 1).equals(v)) {
                context++;
                next.add(words.get(i));
                count += words.get(i).equals(w) ? 1 : 0;
            }
        }
        return Math.max(count - D, 0) / context + D * next.size() / context * middle(v, w);
    }

    @Test
    void aSeenContextGivesTheKneserNeyTrigramProbabilities() {
        List<String> prompt = NgramModel.tokens("To be, or not to");
        assertEquals("not to", model.contextOf(prompt));
        double[] logits = model.logits(prompt);
        for (String w : List.of("be", "the", "zounds", ".")) {
            assertEquals(Math.log(trigram("not", "to", w)), logits[model.id(w)], 1e-12, w);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z);
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void anUnseenPairBacksOffToTheMiddleAndAnUnknownWordToTheLowestLevel() {
        List<String> pair = NgramModel.tokens("xylophone lord");
        assertEquals("lord", model.contextOf(pair));
        assertEquals(Math.log(middle("lord", ",")), model.logits(pair)[model.id(",")], 1e-12);
        List<String> unknown = NgramModel.tokens("the xylophone");
        assertEquals("", model.contextOf(unknown));
        assertEquals(Math.log(lowest("the")), model.logits(unknown)[model.id("the")], 1e-12);
    }

    @Test
    void temperatureZeroContinuesWithTheArgMaxWordAndTheSameSeedGivesTheSameText() {
        List<String> history = NgramModel.tokens("my lord");
        double[] logits = model.logits(history);
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            best = logits[i] > logits[best] ? i : best;
        }
        SamplingChain greedy = new SamplingChain(List.of(new SamplingStep.Temperature(0)));
        assertEquals(List.of(best), java.util.Arrays.stream(greedy.run(logits).kept()).boxed().toList());
        SamplingChain warm = new SamplingChain(List.of(new SamplingStep.Temperature(1.5),
                new SamplingStep.TopK(40, 1)));
        assertEquals(generate(warm, 7), generate(warm, 7));
        assertTrue(!generate(warm, 7).equals(generate(warm, 8)), "another seed, another text");
    }

    private static String generate(SamplingChain chain, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<String> history = new java.util.ArrayList<>(NgramModel.tokens("my lord"));
        for (int w = 0; w < 15; w++) {
            long[] c = SamplingChain.draw(chain.run(model.logits(history)).probs(), 1, r);
            int i = 0;
            while (c[i] == 0) {
                i++;
            }
            history.add(model.word(i));
        }
        return NgramModel.join(history);
    }
}
