package org.softmaxlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command-line example in README and docs/CLI.md ({@code $ echo '...' | java -jar target/softmax-lab.jar CMD}, then its output
 * up to the end of the code block) prints what README shows; "..." in the shown output stands for text left out.
 */
class ReadmeExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("^\\$ echo '(.*)' \\| java -jar target/softmax-lab\\.jar "
            + "(\\w+)$");

    record Example(String input, String command, String shown) {
    }

    static List<Example> examples() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("README.md")));
        lines.addAll(Files.readAllLines(Path.of("docs/CLI.md")));
        List<Example> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXAMPLE.matcher(lines.get(i));
            if (m.matches()) {
                StringBuilder shown = new StringBuilder();
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    shown.append(lines.get(j).strip());
                }
                found.add(new Example(m.group(1), m.group(2), shown.toString()));
            }
        }
        return found;
    }

    @Test
    void everyExamplePrintsWhatReadmeShows() throws IOException {
        List<Example> examples = examples();
        assertFalse(examples.isEmpty(), "README has command-line examples");
        for (Example e : examples) {
            CliTest.Run r = CliTest.run(e.input(), e.command());
            assertEquals(0, r.code(), r.err());
            String actual = r.out().strip();
            StringBuilder pattern = new StringBuilder();
            String[] parts = e.shown().split("\\.\\.\\.", -1);
            for (int k = 0; k < parts.length; k++) {
                pattern.append(k > 0 ? ".*" : "").append(Pattern.quote(parts[k]));
            }
            assertTrue(Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(actual).matches(),
                    () -> "README shows\n" + e.shown() + "\nbut " + e.command() + " prints\n" + actual);
        }
    }
}
