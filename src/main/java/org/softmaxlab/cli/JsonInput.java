package org.softmaxlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.model.Limits;

/**
 * Reads a command's input, one JSON object from a file or standard input, with bounded size, into its record
 * through {@link JsonRecords} (unknown fields refused). Every problem is a {@link BadInputException} whose message
 * names the field.
 */
final class JsonInput {
    private JsonInput() {
    }

    /** Reads {@code source} ("-" or null for standard input) as one JSON object of type {@code type}. */
    static <T> T read(String source, InputStream stdin, Class<T> type) {
        boolean standardInput = source == null || source.equals("-");
        String where = standardInput ? "standard input" : source;
        byte[] bytes;
        try (InputStream in = standardInput ? stdin : Files.newInputStream(Path.of(source))) {
            bytes = readBounded(in, where);
        } catch (NoSuchFileException e) {
            throw new BadInputException("file not found: " + source);
        } catch (IOException | InvalidPathException e) {
            throw new BadInputException("cannot read " + where + ": " + e.getMessage());
        }
        try {
            return JsonRecords.read(bytes, type, where, JsonRecords.Unknown.REFUSE, List.of());
        } catch (JsonInputException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** What a command computes from its record; a {@link JsonInputException} is bad input. */
    @FunctionalInterface
    interface Checked<T> {
        T get() throws JsonInputException;
    }

    /** {@code value.get()}, with a refused value turned into bad input. */
    static <T> T checked(Checked<T> value) {
        try {
            return value.get();
        } catch (JsonInputException e) {
            throw new BadInputException(e.getMessage());
        }
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
}
