package org.softmaxlab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one compact JSON object on one line. Doubles are written in full (shortest round-trip form); NaN and the
 * infinities, which JSON cannot hold, are written as the strings "NaN", "Infinity" and "-Infinity".
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final StringWriter out = new StringWriter();
    private final JsonGenerator json;

    JsonOutput() {
        try {
            json = FACTORY.createGenerator(out);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonOutput number(String field, double value) {
        return write(() -> {
            json.writeFieldName(field);
            writeNumber(value);
        });
    }

    JsonOutput integer(String field, long value) {
        return write(() -> json.writeNumberField(field, value));
    }

    JsonOutput text(String field, String value) {
        return write(() -> json.writeStringField(field, value));
    }

    JsonOutput vector(String field, double[] values) {
        return write(() -> {
            json.writeFieldName(field);
            writeVector(values);
        });
    }

    JsonOutput ints(String field, int[] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeArray(values, 0, values.length);
        });
    }

    JsonOutput longs(String field, long[] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeArray(values, 0, values.length);
        });
    }

    /** Rows of whole numbers (rows may differ in length). */
    JsonOutput intRows(String field, int[][] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
            for (int[] row : values) {
                json.writeArray(row, 0, row.length);
            }
            json.writeEndArray();
        });
    }

    JsonOutput longRows(String field, long[][] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
            for (long[] row : values) {
                json.writeArray(row, 0, row.length);
            }
            json.writeEndArray();
        });
    }

    JsonOutput booleans(String field, boolean[] values) {
        return write(() -> {
            json.writeFieldName(field);
            writeBooleans(values);
        });
    }

    JsonOutput booleanRows(String field, boolean[][] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
            for (boolean[] row : values) {
                writeBooleans(row);
            }
            json.writeEndArray();
        });
    }

    private void writeBooleans(boolean[] values) throws IOException {
        json.writeStartArray();
        for (boolean v : values) {
            json.writeBoolean(v);
        }
        json.writeEndArray();
    }

    JsonOutput texts(String field, java.util.List<String> values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        });
    }

    JsonOutput matrix(String field, double[][] values) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
            for (double[] row : values) {
                writeVector(row);
            }
            json.writeEndArray();
        });
    }

    /** Opens a nested object; {@link #endObject()} closes it. */
    JsonOutput beginObject(String field) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartObject();
        });
    }

    /** Opens a nested array of objects; {@link #endArray()} closes it. */
    JsonOutput beginArray(String field) {
        return write(() -> {
            json.writeFieldName(field);
            json.writeStartArray();
        });
    }

    /** Opens an object inside an array. */
    JsonOutput beginElement() {
        return write(() -> json.writeStartObject());
    }

    JsonOutput endArray() {
        return write(() -> json.writeEndArray());
    }

    JsonOutput endObject() {
        return write(() -> json.writeEndObject());
    }

    JsonOutput nullField(String field) {
        return write(() -> json.writeNullField(field));
    }

    /** Closes the object and returns it as one line. */
    String finish() {
        write(() -> {
            json.writeEndObject();
            json.flush();
        });
        return out.toString();
    }

    private void writeVector(double[] values) throws IOException {
        json.writeStartArray();
        for (double v : values) {
            writeNumber(v);
        }
        json.writeEndArray();
    }

    private void writeNumber(double v) throws IOException {
        if (Double.isFinite(v)) {
            json.writeNumber(v);
        } else {
            json.writeString(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private JsonOutput write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
