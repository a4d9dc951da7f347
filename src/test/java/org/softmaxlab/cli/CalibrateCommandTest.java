package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxlab.testing.Reference;

/**
 * {@code calibrate} against calibration_cases.json (numpy float64 from the definitions, the temperature by a
 * golden-section search: make_calibration_cases.py): figures to 1e-12, the fitted temperature to 1e-8.
 */
class CalibrateCommandTest {
    static Stream<Named<JsonNode>> cases() {
        return Reference.namedCases("calibration_cases.json", "cases");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void calibrateMatchesTheReference(JsonNode c) {
        CliTest.Run r = CliTest.run(c.get("input").toString(), "calibrate");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Reference.parse(r.out());
        JsonNode expected = c.get("expected");
        assertReport(expected, out, "");
        JsonNode t = expected.get("fitted_temperature");
        if (t == null) {
            assertFalse(out.has("fitted_temperature"), "no fit asked for");
        } else if (t.isNull()) {
            assertTrue(out.get("fitted_temperature").isNull(), "no minimum: " + out.get("fitted_temperature"));
            assertFalse(out.has("after"));
            assertTrue(out.get("note").asText().length() > 20, "a note says why");
        } else {
            Reference.assertClose(t.asDouble(), out.get("fitted_temperature").asDouble(), "fitted_temperature", 1e-8);
            // The figures after: at the reference's own T, which agrees with ours to about 1e-12.
            assertReport(expected.get("after"), out.get("after"), "after.", 1e-10);
        }
    }

    private static void assertReport(JsonNode expected, JsonNode out, String where) {
        assertReport(expected, out, where, 1e-12);
    }

    private static void assertReport(JsonNode expected, JsonNode out, String where, double tolerance) {
        for (String key : new String[] {"accuracy", "nll", "brier", "ece", "mce", "classwise_ece"}) {
            close(expected.get(key).asDouble(), out.get(key).asDouble(), where + key, tolerance);
        }
        JsonNode eb = expected.get("bins");
        JsonNode ob = out.get("bins");
        assertEquals(eb.size(), ob.size(), where + "bins");
        for (int b = 0; b < eb.size(); b++) {
            String at = where + "bins[" + b + "].";
            assertEquals(eb.get(b).get("count").asInt(), ob.get(b).get("count").asInt(), at + "count");
            close(eb.get(b).get("lo").asDouble(), ob.get(b).get("lo").asDouble(), at + "lo", tolerance);
            close(eb.get(b).get("hi").asDouble(), ob.get(b).get("hi").asDouble(), at + "hi", tolerance);
            for (String key : new String[] {"confidence", "accuracy"}) {
                if (eb.get(b).get(key).isNull()) {
                    assertEquals("NaN", ob.get(b).get(key).asText(), at + key + " of an empty bin");
                } else {
                    close(eb.get(b).get(key).asDouble(), ob.get(b).get(key).asDouble(), at + key, tolerance);
                }
            }
        }
    }

    /** Relative to the figure's scale, at least 1 (an ECE near 0 is a sum of differences of numbers near 1). */
    private static void close(double expected, double actual, String what, double tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but got " + actual);
    }

    @Test
    void logitsAndTargetsFromFilesGiveWhatTheJsonGives(@TempDir Path dir) throws Exception {
        Path z = dir.resolve("z.csv");
        Path y = dir.resolve("y.csv");
        Files.writeString(z, "2,1,0\n0,3,1\n1,1,0\n0.5,0.2,3\n");
        Files.writeString(y, "0\n2\n1\n2\n");
        CliTest.Run files = CliTest.run("", "calibrate", "--logits", z.toString(), "--targets", y.toString(),
                "--options", "{\"bins\": 5}");
        CliTest.Run json = CliTest.run("{\"logits\": [[2,1,0],[0,3,1],[1,1,0],[0.5,0.2,3]], \"targets\": [0,2,1,2],"
                + " \"bins\": 5}", "calibrate");
        assertEquals(0, files.code(), files.err());
        assertEquals(json.out(), files.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"logits\": [], \"targets\": []}|logits",
        "{\"logits\": [[1], [2]], \"targets\": [0, 0]}|at least 2",
        "{\"logits\": [[1, 2]], \"targets\": [2]}|targets[0]",
        "{\"logits\": [[1, \"NaN\"]], \"targets\": [0]}|logits",
        "{\"logits\": [[1, 2]], \"targets\": [0], \"bins\": 0}|bins",
        "{\"logits\": [[1, 2]], \"targets\": [0], \"bins\": 2, \"binning\": \"adaptive\"}|bins",
        "{\"logits\": [[1, 2]], \"targets\": [0], \"binning\": \"quantile\"}|binning",
        "{\"logits\": [[1, 2]], \"targets\": [0], \"temperature\": 0}|temperature",
        "{\"logits\": [[1, 2], [3, 4]], \"targets\": [0]}|targets",
        "{\"logits\": [[1, 2], [3]], \"targets\": [0, 0]}|logits[1]",
    })
    void badInputIsOneErrorLineNamingTheField(String spec) {
        String[] parts = spec.split("\\|");
        CliTest.Run r = CliTest.run(parts[0], "calibrate");
        assertEquals(Cli.BAD_INPUT, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains(parts[1]), r.err());
    }
}
