package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled word model: its probabilities recomputed from its counts by hand, on the shipped corpus. */
class NgramModelTest {
    private static final double K = 0.01;
    private static NgramModel model;
    private static String corpus;

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = NgramModelTest.class.getResourceAsStream("/org/softmaxlab/sampling/tinyshakespeare.txt")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        model = NgramModel.train(corpus, K);
    }

    @Test
    void aSeenContextGivesAddKTrigramProbabilities() {
        List<String> prompt = NgramModel.tokens("To be, or not to");
        assertEquals("not to", model.contextOf(prompt));
        double[] logits = model.logits(prompt);
        // By hand: count "not to w" and "not to" in the corpus's tokens, as the model's javadoc defines them.
        List<String> words = NgramModel.tokens(corpus);
        long context = 0;
        long toBe = 0;
        for (int i = 2; i < words.size(); i++) {
            if (words.get(i - 2).equals("not") && words.get(i - 1).equals("to")) {
                context++;
                if (words.get(i).equals("be")) {
                    toBe++;
                }
            }
        }
        assertTrue(toBe > 0 && context > toBe);
        int v = model.size();
        assertEquals(Math.log((toBe + K) / (context + K * v)), logits[model.id("be")], 1e-12);
        assertEquals(Math.log(K / (context + K * v)), logits[model.id("zounds")], 1e-12, "an unseen continuation");
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z);
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void anUnknownWordBacksOffToTheUnigram() {
        List<String> prompt = NgramModel.tokens("the xylophone");
        assertEquals("", model.contextOf(prompt));
        double[] logits = model.logits(prompt);
        long the = model.count("the");
        long total = NgramModel.tokens(corpus).size();
        assertEquals(Math.log((the + K) / (total + K * model.size())), logits[model.id("the")], 1e-12);
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
