package org.softmaxlab.json;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one JSON layer of the CLI and the scenario files: JSON text is read into records by Jackson databind with
 * snake_case names, strict types (no "1" for 1, no 1.5 for a whole number, no null inside an array of numbers), no
 * duplicate keys or trailing tokens, and bounded nesting and number sizes. Whatever does not fit the record becomes
 * one {@link JsonInputException} naming the field ({@code explorer.logits[0][1] must be a number, not a string}); the
 * records' own {@code validate()} then checks values and shapes with the same naming.
 *
 * <p>Unknown fields are refused ({@link Unknown#REFUSE}, the CLI: a misspelt option must not be ignored silently) or
 * ignored with a warning ({@link Unknown#WARN}, scenario files: a newer file still opens).
 */
public final class JsonRecords {
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 32;

    /** What to do with a field the record does not have. */
    public enum Unknown { REFUSE, WARN }

    private static final ObjectMapper MAPPER = mapper();

    private JsonRecords() {
    }

    /** The mapper that writes records the way they are read (snake_case, indented). */
    public static ObjectMapper writer() {
        return MAPPER;
    }

    /**
     * Reads {@code bytes} as one JSON object into {@code type}.
     *
     * @param where    what the text is, for messages ("standard input", a file name)
     * @param warnings receives "unknown field ... ignored" lines with {@link Unknown#WARN}
     * @throws JsonInputException naming the problem and the field
     */
    public static <T> T read(byte[] bytes, Class<T> type, String where, Unknown unknown, List<String> warnings)
            throws JsonInputException {
        ObjectMapper mapper = MAPPER;
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new JsonInputException(where + " is not valid JSON: " + oneLine(e.getOriginalMessage())
                    + location(e));
        } catch (IOException e) {
            throw new JsonInputException("cannot read " + where + ": " + oneLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new JsonInputException(where + " is empty: expected one JSON object");
        }
        if (!tree.isObject()) {
            throw new JsonInputException(where + " must hold one JSON object, not " + kind(tree));
        }
        checkFields(tree, type, "", unknown, warnings);
        try {
            return mapper.readerFor(type).readValue(mapper.treeAsTokens(tree));
        } catch (JsonMappingException e) {
            throw new JsonInputException(path(e.getPath()) + " must be " + expected(e) + ", not " + found(e));
        } catch (IOException e) {
            throw new JsonInputException("cannot read " + where + ": " + oneLine(e.getMessage()));
        }
    }

    /**
     * Reads a part of a document (a field the record keeps as a tree because it takes several shapes) as
     * {@code type}; messages name it {@code name}, with the index inside it ({@code logits[1][0] must be ...}).
     */
    public static <T> T convert(JsonNode node, Class<T> type, String name) throws JsonInputException {
        try {
            return MAPPER.readerFor(type).readValue(MAPPER.treeAsTokens(node));
        } catch (JsonMappingException e) {
            String inside = path(e.getPath());
            throw new JsonInputException(name + (inside.isEmpty() || inside.startsWith("[") ? "" : ".") + inside
                    + " must be " + expected(e) + ", not " + found(e));
        } catch (IOException e) {
            throw new JsonInputException(name + ": " + oneLine(e.getMessage()));
        }
    }

    /** A JSON value described for a message: "an array", "a string (\"big\")", "the number 3". */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string (\"" + abbreviate(node.textValue()) + "\")";
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case NUMBER -> "the number " + node.asText();
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Array, LogicalType.POJO}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // Numbers: an integer is a fine double; every other shape fails.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean,
                CoercionAction.TryConvert);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(400).maxStringLength(100_000).build());
        return mapper;
    }

    /** "explorer.logits[0][1]" from Jackson's path of field names and indices. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
        List<JsonMappingException.Reference> refs = e.getPath();
        boolean atElement = !refs.isEmpty() && refs.get(refs.size() - 1).getIndex() >= 0;
        if (type != null && type.isArray() && atElement) {
            // An array's deserializer reports its own type for a bad element: name the element's.
            type = type.getComponentType();
        }
        if (type == null) {
            return "a value of the right type";
        }
        if (type == double.class || type == Double.class) {
            return "a finite number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number that fits in 32 bits";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == double[].class) {
            return "an array of numbers";
        }
        if (type == double[][].class) {
            return "an array of rows of numbers";
        }
        if (type == int[].class) {
            return "an array of whole numbers";
        }
        return type.isRecord() ? "an object" : "a value of the right type";
    }

    private static String found(JsonMappingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "what it is";
        }
        JsonToken t = p.currentToken();
        try {
            if (t == null) {
                return "missing";
            }
            return switch (t) {
                case START_ARRAY, END_ARRAY -> "an array";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case VALUE_STRING -> "a string (\"" + abbreviate(p.getText()) + "\")";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? "that" : t.asString();
            };
        } catch (IOException ex) {
            return "that";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /**
     * Walks {@code node} beside the record {@code type}, in the file's order: a field that no component (nor its
     * {@link JsonAlias}) names is refused or warned about; objects in record components are walked in turn.
     */
    private static void checkFields(JsonNode node, Class<?> type, String prefix, Unknown unknown,
                                    List<String> warnings) throws JsonInputException {
        if (!node.isObject() || !type.isRecord()) {
            return;
        }
        Map<String, RecordComponent> known = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.put(SNAKE.translate(c.getName()), c);
            JsonAlias alias = c.getAnnotation(JsonAlias.class);
            if (alias == null && c.getAccessor().getAnnotation(JsonAlias.class) == null) {
                continue;
            }
            for (String a : (alias != null ? alias : c.getAccessor().getAnnotation(JsonAlias.class)).value()) {
                known.put(a, c);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            RecordComponent c = known.get(f.getKey());
            if (c == null && unknown == Unknown.REFUSE) {
                throw new JsonInputException("unknown field \"" + f.getKey() + "\""
                        + (prefix.isEmpty() ? "" : " in \"" + prefix + "\"") + "; expected one of "
                        + String.join(", ", new TreeSet<>(known.keySet())));
            } else if (c == null) {
                warnings.add("unknown field \"" + (prefix.isEmpty() ? "" : prefix + ".") + f.getKey() + "\" ignored");
            } else {
                checkFields(f.getValue(), c.getType(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                        unknown, warnings);
            }
        }
    }

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
}
