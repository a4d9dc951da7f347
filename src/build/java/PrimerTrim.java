import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.Stylesheet;

/**
 * Build step (pom.xml, generate-resources): writes the app's copies of AtlantaFX's Primer Light and Primer Dark
 * without the selectors that name a style class listed in {@code src/build/primer-unused.txt}, as CSS text and as
 * JavaFX's binary stylesheet beside it (which JavaFX loads in place of the text). Rules keep their order and their
 * declarations; a rule whose every selector is left out goes. Run with the project's classpath (AtlantaFX and
 * JavaFX):
 *
 * <pre>java -cp CLASSPATH src/build/java/PrimerTrim.java src/build/primer-unused.txt OUT_DIR</pre>
 *
 * <p>AtlantaFX is MIT-licensed; the copies say where they come from in their first line.
 */
public final class PrimerTrim {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z][\\w-]*)");

    private PrimerTrim() {
    }

    public static void main(String[] args) throws IOException {
        List<String> unused = readUnused(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (String theme : List.of("primer-light", "primer-dark")) {
            String source = "/atlantafx/base/theme/" + theme + ".css";
            String css;
            try (InputStream in = PrimerTrim.class.getResourceAsStream(source)) {
                if (in == null) {
                    throw new IOException(source + " is not on the classpath (atlantafx-base)");
                }
                css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path text = out.resolve(theme + ".css");
            Files.writeString(text, "/* AtlantaFX " + theme + " (MIT), without the selectors of "
                    + "src/build/primer-unused.txt: written by src/build/java/PrimerTrim.java */\n"
                    + trim(css, unused, source));
            Stylesheet.convertToBinary(text.toFile(), out.resolve(theme + ".bss").toFile());
        }
    }

    /** The style classes of the list, a trailing {@code *} standing for any ending. */
    static List<String> readUnused(Path list) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            String name = line.strip().split("\\s+")[0];
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    static String trim(String css, List<String> unused, String source) throws IOException {
        String plain = COMMENT.matcher(css).replaceAll("");
        StringBuilder kept = new StringBuilder();
        Matcher rule = RULE.matcher(plain);
        int rules = 0;
        int end = 0;
        while (rule.find()) {
            if (!plain.substring(end, rule.start()).isBlank()) {
                throw new IOException(source + ": text between rules that is not a rule, near " + end);
            }
            end = rule.end();
            rules++;
            List<String> selectors = new ArrayList<>();
            for (String selector : rule.group(1).split(",")) {
                if (!namesUnused(selector, unused)) {
                    selectors.add(selector.strip());
                }
            }
            if (!selectors.isEmpty()) {
                kept.append(String.join(",\n", selectors)).append(" {").append(rule.group(2)).append("}\n");
            }
        }
        if (rules == 0 || !plain.substring(end).isBlank()) {
            throw new IOException(source + ": not read to its end as CSS rules (at " + end + ")");
        }
        return kept.toString();
    }

    private static boolean namesUnused(String selector, List<String> unused) {
        Matcher styleClass = STYLE_CLASS.matcher(selector);
        while (styleClass.find()) {
            String name = styleClass.group(1);
            for (String u : unused) {
                if (u.endsWith("*") ? name.startsWith(u.substring(0, u.length() - 1)) : name.equals(u)) {
                    return true;
                }
            }
        }
        return false;
    }
}
