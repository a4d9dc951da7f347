package org.softmaxlab.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.softmaxlab.model.Limits;

/**
 * Reads one JSON object from a file or standard input, with bounded size and nesting, and converts its fields to
 * engine types. Every problem is a {@link BadInputException} whose message names the field.
 */
final class JsonInput {
    static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(400).maxStringLength(100_000).build());
    }

    private JsonInput() {
    }

    /** Reads {@code source} ("-" or null for standard input) as one JSON object. */
    static JsonNode readObject(String source, InputStream stdin) {
        byte[] bytes;
        String where = source == null || source.equals("-") ? "standard input" : source;
        try (InputStream in = source == null || source.equals("-") ? stdin : Files.newInputStream(Path.of(source))) {
            bytes = readBounded(in, where);
        } catch (NoSuchFileException e) {
            throw new BadInputException("file not found: " + source);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new BadInputException("cannot read " + where + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            JsonParser parser = MAPPER.createParser(bytes);
            node = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + " is not valid JSON: " + oneLine(e.getOriginalMessage())
                    + locationOf(e));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + where + ": " + oneLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new BadInputException(where + " is empty: expected one JSON object");
        }
        if (!node.isObject()) {
            throw new BadInputException(where + " must hold one JSON object, not " + kind(node));
        }
        return node;
    }

    private static byte[] readBounded(InputStream in, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > Limits.MAX_INPUT_BYTES) {
                throw new BadInputException(where + " is larger than " + (Limits.MAX_INPUT_BYTES >> 20) + " MiB");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Fails on any field not in {@code known}, so a misspelt option is not silently ignored. */
    static void requireKnownFields(JsonNode object, String where, Set<String> known) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadInputException("unknown field \"" + name + "\"" + where + "; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    static JsonNode required(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new BadInputException("missing field \"" + field + "\"");
        }
        return node;
    }

    static double number(JsonNode node, String name) {
        if (!node.isNumber()) {
            throw new BadInputException(name + " must be a number, not " + kind(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new BadInputException(name + " is too large to be a finite double");
        }
        return v;
    }

    static int integer(JsonNode node, String name) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadInputException(name + " must be a whole number that fits in 32 bits, not "
                    + (node.isNumber() ? node.asText() : kind(node)));
        }
        return node.intValue();
    }

    static boolean bool(JsonNode node, String name) {
        if (!node.isBoolean()) {
            throw new BadInputException(name + " must be true or false, not " + kind(node));
        }
        return node.booleanValue();
    }

    static String text(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw new BadInputException(name + " must be a string, not " + kind(node));
        }
        return node.textValue();
    }

    static double[] vector(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new BadInputException(name + " must be an array of numbers, not " + kind(node));
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(node.get(i), name + "[" + i + "]");
        }
        return v;
    }

    static int[] integers(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new BadInputException(name + " must be an array of whole numbers, not " + kind(node));
        }
        int[] v = new int[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = integer(node.get(i), name + "[" + i + "]");
        }
        return v;
    }

    /** A rectangular, non-empty array of arrays of numbers. */
    static double[][] matrix(JsonNode node, String name) {
        if (!node.isArray() || node.isEmpty()) {
            throw new BadInputException(name + " must be a non-empty array of rows, not "
                    + (node.isArray() ? "an empty array" : kind(node)));
        }
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i), name + "[" + i + "]");
            if (m[i].length != m[0].length) {
                throw new BadInputException(name + "[" + i + "] has " + m[i].length + " values but " + name
                        + "[0] has " + m[0].length);
            }
        }
        if (m[0].length == 0) {
            throw new BadInputException(name + "[0] is empty");
        }
        return m;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string (\"" + abbreviate(node.textValue()) + "\")";
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case NUMBER -> "the number " + node.asText();
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
