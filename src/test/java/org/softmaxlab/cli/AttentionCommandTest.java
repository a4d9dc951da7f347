package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxlab.testing.Reference;

/**
 * {@code attention} against PyTorch 1.13's autograd on the written-out formula (attention_cases.json, made by
 * make_attention_cases.py): every array to 1e-10 (relative, or absolute below 1), NaN where torch gives NaN.
 */
class AttentionCommandTest {
    static Stream<Named<JsonNode>> cases() {
        return Reference.namedCases("attention_cases.json", "cases");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void attentionMatchesTorchsAutograd(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "attention");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode expected = c.get("expected");
        assertEquals(expected.get("undefined_rows"), out.get("undefined_rows"));
        for (String key : new String[] {"scores", "weights", "output", "grad_q", "grad_k", "grad_v"}) {
            if (expected.has(key)) {
                double[][] e = Reference.matrix(expected.get(key));
                double[][] a = Reference.matrix(out.get(key));
                assertEquals(e.length, a.length, key);
                for (int i = 0; i < e.length; i++) {
                    for (int j = 0; j < e[i].length; j++) {
                        close(e[i][j], a[i][j], key + "[" + i + "][" + j + "]");
                    }
                }
            } else {
                assertTrue(!out.has(key), key + " only with grad_output");
            }
        }
        double[] e = Reference.vector(expected.get("entropy"));
        double[] a = Reference.vector(out.get("entropy"));
        for (int i = 0; i < e.length; i++) {
            close(e[i], a[i], "entropy[" + i + "]");
        }
    }

    private static void close(double expected, double actual, String what) {
        boolean same = Double.compare(expected, actual) == 0
                || Math.abs(expected - actual) <= 1e-10 * Math.max(1, Math.abs(expected));
        assertTrue(same, what + ": expected " + expected + " but got " + actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"k\": [[1]], \"v\": [[1]]}|q",
        "{\"q\": [[1, 2]], \"k\": [[1]], \"v\": [[1]]}|k has 1 columns",
        "{\"q\": [[1]], \"k\": [[1], [2]], \"v\": [[1]]}|v has 1 rows",
        "{\"q\": [[\"NaN\"]], \"k\": [[1]], \"v\": [[1]]}|q",
        "{\"q\": [[1]], \"k\": [[1]], \"v\": [[1]], \"scale\": 0}|scale",
        "{\"q\": [[1]], \"k\": [[1]], \"v\": [[1]], \"temperature\": -1}|temperature",
        "{\"q\": [[1]], \"k\": [[1]], \"v\": [[1]], \"mask\": \"upper\"}|mask",
        "{\"q\": [[1]], \"k\": [[1]], \"v\": [[1]], \"mask\": [[true, false]]}|mask[0]",
        "{\"q\": [[1]], \"k\": [[1]], \"v\": [[1]], \"grad_output\": [[1, 2]]}|grad_output",
    })
    void badInputIsOneErrorLineNamingTheField(String spec) {
        String[] parts = spec.split("\\|");
        CliTest.Run r = CliTest.run(parts[0], "attention");
        assertEquals(Cli.BAD_INPUT, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains(parts[1]), r.err());
    }
}
