package org.softmaxlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.model.Lesson;
import org.softmaxlab.model.Limits;

/**
 * The lesson file format (JSON, README "Lessons"): a title and sections, each with a title, text, LaTeX formulas and
 * a scenario (inline, in the scenario file format, or a path relative to the lesson file) that sets up the live view.
 * Every problem is one {@link ScenarioFormatException} naming the field.
 */
public final class LessonFile {
    /** The lesson shipped in the app. */
    public static final String NOTEBOOK = "cross-entropy-notebook.json";

    record FileRecord(Integer version, String title, List<SectionRecord> sections) {
    }

    record SectionRecord(String title, String text, List<String> math, JsonNode scenario) {
    }

    /** A read lesson and the scenario of each section, in order. */
    public record Loaded(Lesson lesson, List<Scenario> scenarios) {
    }

    private LessonFile() {
    }

    /** Reads a lesson file; relative scenario paths are resolved beside it. */
    public static Loaded read(Path file) throws ScenarioFormatException {
        try {
            if (Files.size(file) > Limits.MAX_SCENARIO_BYTES) {
                throw new ScenarioFormatException(file.getFileName() + " is larger than "
                        + (Limits.MAX_SCENARIO_BYTES >> 20) + " MB");
            }
            Path base = file.toAbsolutePath().getParent();
            return parse(Files.readString(file, StandardCharsets.UTF_8), base);
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException("file not found: " + file);
        } catch (IOException e) {
            throw new ScenarioFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The lesson shipped in the app ("Cross-entropy, from the notebook"). */
    public static Loaded shipped() throws ScenarioFormatException {
        try (InputStream in = LessonFile.class.getResourceAsStream("/lessons/" + NOTEBOOK)) {
            if (in == null) {
                throw new ScenarioFormatException("the lesson " + NOTEBOOK + " is missing from the app");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new ScenarioFormatException("cannot read the lesson " + NOTEBOOK + ": " + e.getMessage());
        }
    }

    /** Parses lesson text; {@code base} resolves scenario paths (null: only inline scenarios). */
    public static Loaded parse(String text, Path base) throws ScenarioFormatException {
        FileRecord f;
        try {
            f = JsonRecords.read(text.getBytes(StandardCharsets.UTF_8), FileRecord.class, "the lesson",
                    JsonRecords.Unknown.REFUSE, List.of());
        } catch (JsonInputException e) {
            throw new ScenarioFormatException(e.getMessage());
        }
        if (f.version() != null && f.version() != 1) {
            throw new ScenarioFormatException("lesson version " + f.version() + " is not read by this app (1 is)");
        }
        if (blank(f.title())) {
            throw new ScenarioFormatException("the lesson has no \"title\"");
        }
        if (f.sections() == null || f.sections().isEmpty()) {
            throw new ScenarioFormatException("the lesson has no \"sections\"; give at least one");
        }
        List<Lesson.Section> sections = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < f.sections().size(); i++) {
            SectionRecord r = f.sections().get(i);
            String where = "sections[" + i + "]";
            if (r == null || blank(r.title())) {
                throw new ScenarioFormatException(where + " has no \"title\"");
            }
            if (blank(r.text())) {
                throw new ScenarioFormatException(where + " (\"" + r.title() + "\") has no \"text\"");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(r.text());
            while (m.find()) {
                if (!Lesson.LIVE_NUMBERS.contains(m.group(1))) {
                    throw new ScenarioFormatException(where + ".text names {" + m.group(1) + "}, which is not a live "
                            + "number; the live numbers are " + String.join(", ", Lesson.LIVE_NUMBERS));
                }
            }
            Scenario s = scenario(r.scenario(), where, base);
            scenarios.add(s);
            sections.add(new Lesson.Section(r.title(), r.text(), r.math() == null ? List.of() : r.math(), s.tab()));
        }
        return new Loaded(new Lesson(f.title(), sections), List.copyOf(scenarios));
    }

    private static Scenario scenario(JsonNode node, String where, Path base) throws ScenarioFormatException {
        if (node == null || node.isNull()) {
            throw new ScenarioFormatException(where + " has no \"scenario\" (an object in the scenario format, or a "
                    + "file path)");
        }
        try {
            if (node.isTextual()) {
                if (base == null) {
                    throw new ScenarioFormatException(where + ".scenario names a file, but this lesson has no folder");
                }
                return ScenarioJson.read(base.resolve(node.asText()));
            }
            if (!node.isObject()) {
                throw new ScenarioFormatException(where + ".scenario must be an object or a file path, not "
                        + JsonRecords.kind(node));
            }
            return ScenarioJson.parse(node.toString());
        } catch (ScenarioFormatException e) {
            throw new ScenarioFormatException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + ".scenario: " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
