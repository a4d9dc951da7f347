package org.softmaxlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference data made by {@code src/test/resources/reference/make_reference.py} and compares doubles to a
 * relative tolerance.
 */
public final class Reference {
    /** The tolerance every engine number is held to against the independent references. */
    public static final double RELATIVE = 1e-12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Reference() {
    }

    public static List<JsonNode> load(String file) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + file
                        + "; run src/test/resources/reference/make_reference.py");
            }
            List<JsonNode> cases = new ArrayList<>();
            MAPPER.readTree(in).forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole reference file as one JSON value. */
    public static JsonNode loadDocument(String file) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + file);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases under {@code kind} of a reference document, each named by its "name" field (parameterized tests). */
    public static java.util.stream.Stream<org.junit.jupiter.api.Named<JsonNode>> namedCases(String file, String kind) {
        return java.util.stream.StreamSupport.stream(loadDocument(file).get(kind).spliterator(), false)
                .map(c -> org.junit.jupiter.api.Named.of(c.get("name").asText(), c));
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    public static int[] ints(JsonNode node) {
        int[] v = new int[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asInt();
        }
        return v;
    }

    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    /** |actual - expected| <= 1e-12 |expected|; an expected 0 must be matched to 1e-300; NaN matches NaN. */
    public static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, what, RELATIVE);
    }

    public static void assertClose(double[] expected, double[] actual, String what) {
        assertClose(expected, actual, what, RELATIVE);
    }

    public static void assertClose(double[][] expected, double[][] actual, String what) {
        assertClose(expected, actual, what, RELATIVE);
    }

    /** As {@link #assertClose(double, double, String)} to {@code relative} (1e-9 against PyTorch's own numbers). */
    public static void assertClose(double expected, double actual, String what, double relative) {
        double tol = Math.max(relative * Math.abs(expected), 1e-300);
        assertTrue(Math.abs(actual - expected) <= tol || Double.compare(actual, expected) == 0,
                () -> what + ": expected " + expected + " but got " + actual + " (relative error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    public static void assertClose(double[] expected, double[] actual, String what, double relative) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + "[" + i + "]", relative);
        }
    }

    public static void assertClose(double[][] expected, double[][] actual, String what, double relative) {
        assertEquals(expected.length, actual.length, what + " rows");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + "[" + i + "]", relative);
        }
    }

    /** Every row is a probability distribution: entries in [0, 1] summing to 1 within 1e-12. */
    public static void assertDistributions(double[][] rows) {
        for (double[] row : rows) {
            double sum = 0;
            for (double p : row) {
                assertTrue(p >= 0 && p <= 1, "p = " + p);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }
}
