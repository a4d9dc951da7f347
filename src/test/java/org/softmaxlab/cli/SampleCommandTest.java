package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxlab.testing.Reference;

/**
 * {@code sample} against sampling_cases.json: Hugging Face's logits processors written out in PyTorch 1.13 float64
 * (make_sampling_cases.py). The kept set must match exactly, probabilities and entropies to 1e-12.
 */
class SampleCommandTest {
    static Stream<Named<JsonNode>> cases() {
        return Reference.namedCases("sampling_cases.json", "cases");
    }

    /** The generated row of the V = 262,144 cases: {@code ((i * 7919) % 10007) / 1000.0 - 5}. */
    static double[] bigRow(int v) {
        double[] row = new double[v];
        for (int i = 0; i < v; i++) {
            row[i] = ((i * 7919L) % 10007) / 1000.0 - 5;
        }
        return row;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sampleMatchesTheReferenceProcessors(JsonNode c) {
        ObjectNode in = c.get("input").deepCopy();
        boolean big = in.has("generated");
        if (big) {
            in.remove("generated");
            ArrayNode row = in.putArray("logits");
            for (double z : bigRow(262_144)) {
                row.add(z);
            }
        }
        CliTest.Run r = CliTest.run(in.toString(), "sample");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode expected = c.get("expected");
        int[] kept = Reference.ints(out.get("kept"));
        if (big) {
            assertEquals(expected.get("kept_count").asInt(), kept.length, "kept count");
            int[] head = java.util.Arrays.copyOf(kept, expected.get("kept").size());
            assertArrayEquals(Reference.ints(expected.get("kept")), head, "kept");
            double[] probs = Reference.vector(out.get("probs"));
            double[] shown = java.util.Arrays.stream(head).mapToDouble(i -> probs[i]).toArray();
            Reference.assertClose(Reference.vector(expected.get("probs_of_kept")), shown, "probs of kept");
        } else {
            assertArrayEquals(Reference.ints(expected.get("kept")), kept, "kept");
            Reference.assertClose(Reference.vector(expected.get("probs")), Reference.vector(out.get("probs")),
                    "probs");
            Reference.assertClose(Reference.vector(expected.get("logits_after")),
                    Reference.vector(out.get("logits_after")), "logits_after");
        }
        for (String key : new String[] {"entropy", "perplexity", "entropy_before", "mass_kept"}) {
            assertClose(expected.get(key).asDouble(), out.get(key).asDouble(), key);
        }
    }

    /** Near 0 an entropy is a difference of rounded terms: 1e-12 of the scale 1, not of the tiny value. */
    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but got " + actual);
    }

    @Test
    void drawsAreSeededAndCountEveryDraw() {
        String in = "{\"logits\": [3.1, 2.9, 0.5, -1.0], \"draws\": 10000, \"seed\": 7}";
        JsonNode a = Reference.parse(CliTest.run(in, "sample").out());
        JsonNode b = Reference.parse(CliTest.run(in, "sample").out());
        assertEquals(a.get("counts"), b.get("counts"), "the same seed gives the same counts");
        long total = 0;
        for (JsonNode n : a.get("counts")) {
            total += n.asLong();
        }
        assertEquals(10000, total);
        JsonNode other = Reference.parse(CliTest.run(in.replace("\"seed\": 7", "\"seed\": 8"), "sample").out());
        assertTrue(!a.get("counts").equals(other.get("counts")), "another seed, other counts");
    }

    @Test
    void tokensNameTheKeptSetAndRowsAreProcessedOnTheirOwn() {
        JsonNode one = Reference.parse(CliTest.run("{\"logits\": [3.1, 2.9, 0.5, -1.0], \"tokens\": [\" Paris\", "
                + "\" the\", \" a\", \" Lyon\"], \"top_k\": 2}", "sample").out());
        assertEquals("[\" Paris\",\" the\"]", one.get("kept_tokens").toString());
        JsonNode two = Reference.parse(CliTest.run("{\"logits\": [[1, 2, 3], [3, 2, 1]], \"top_k\": 1}",
                "sample").out());
        assertEquals("[[2],[0]]", two.get("kept").toString());
        assertEquals(2, two.get("entropy").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"logits\": []}|logits",
        "{\"logits\": [1, \"NaN\"]}|logits[1]",
        "{\"logits\": [1, 2], \"top_p\": 0}|top_p",
        "{\"logits\": [1, 2], \"top_p\": 1.5}|top_p",
        "{\"logits\": [1, 2], \"top_k\": -1}|top_k",
        "{\"logits\": [1, 2], \"min_p\": 1.1}|min_p",
        "{\"logits\": [1, 2], \"temperature\": -0.5}|temperature",
        "{\"logits\": [1, 2], \"previous\": [2]}|previous",
        "{\"logits\": [1, 2], \"order\": [\"top_q\"]}|top_q",
        "{\"logits\": [1, 2], \"order\": \"vllm\"}|order",
        "{\"logits\": [1, 2], \"top_k\": 1, \"order\": [\"temperature\"]}|top_k",
        "{\"logits\": [1, 2], \"typical_p\": 0}|typical_p",
        "{\"logits\": [1, 2], \"epsilon\": 1}|epsilon",
        "{\"logits\": [1, 2], \"repetition_penalty\": 0}|repetition_penalty",
        "{\"logits\": [1, 2], \"min_tokens_to_keep\": 0}|min_tokens_to_keep",
        "{\"logits\": [1, 2], \"units\": \"hartleys\"}|units",
        "{\"logits\": [1, 2], \"tokens\": [\"a\"]}|tokens",
    })
    void badInputIsOneErrorLineNamingTheField(String spec) {
        String[] parts = spec.split("\\|");
        CliTest.Run r = CliTest.run(parts[0], "sample");
        assertEquals(Cli.BAD_INPUT, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains(parts[1]), r.err());
    }
}
