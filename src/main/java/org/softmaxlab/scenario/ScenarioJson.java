package org.softmaxlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softmaxlab.io.AtomicFiles;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.model.Limits;

/**
 * The scenario file format (JSON, version 1), read and written through the records of {@link ScenarioFile}: no class
 * names, no Java serialisation. Reading validates every field and its range; unknown fields are ignored with a
 * warning and missing ones take defaults. See README "Scenario files" for the format.
 */
public final class ScenarioJson {
    private ScenarioJson() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario read(Path file) throws ScenarioFormatException {
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_SCENARIO_BYTES) {
                throw new ScenarioFormatException(String.format(Locale.ROOT,
                        "%s is %.1f MB; scenario files are at most %d MB", file.getFileName(), size / 1e6,
                        Limits.MAX_SCENARIO_BYTES >> 20));
            }
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException("file not found: " + file);
        } catch (IOException e) {
            throw new ScenarioFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses and validates scenario text. */
    public static Scenario parse(String text) throws ScenarioFormatException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Scenario parse(byte[] bytes) throws ScenarioFormatException {
        List<String> warnings = new ArrayList<>();
        try {
            return JsonRecords.read(bytes, ScenarioFile.class, "the file", JsonRecords.Unknown.WARN, warnings)
                    .validate(warnings);
        } catch (JsonInputException e) {
            throw new ScenarioFormatException(e.getMessage().replace("the file must hold one JSON object, not",
                    "a scenario is a JSON object, not"));
        }
    }

    /** The scenario as pretty-printed JSON, version 1. */
    public static String write(Scenario s) {
        try {
            return JsonRecords.writer().writeValueAsString(ScenarioFile.of(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the scenario atomically: the old file survives any failure. */
    public static void write(Scenario s, Path file) throws IOException {
        AtomicFiles.writeString(file, write(s));
    }
}
