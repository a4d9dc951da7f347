package org.softmaxlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's size rule on {@code src/main} (issue 35): no file over 400 lines, no method or constructor over 60. The
 * files and methods still over are listed here by name with their size as a ratchet: a new one over fails, and so
 * does a listed one that has been split (take it off the list), so the list only shrinks.
 */
class SourceSizeTest {
    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 60;
    private static final Path MAIN = Path.of("src", "main", "java");

    /** Files still over 400 lines, to be split into their parts. */
    private static final Set<String> LONG_FILES = Set.of();

    /** Methods still over 60 lines (file#method), to be split. */
    private static final Set<String> LONG_METHODS = Set.of();

    @Test
    void noFileIsOverFourHundredLines() {
        Map<String, Integer> over = new TreeMap<>();
        sources().forEach((name, text) -> {
            int lines = text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
            if (lines > MAX_FILE_LINES) {
                over.put(name, lines);
            }
        });
        assertRatchet(LONG_FILES, over, "files over " + MAX_FILE_LINES + " lines");
    }

    @Test
    void noMethodIsOverSixtyLines() {
        Map<String, Integer> over = new TreeMap<>();
        sources().forEach((name, text) -> methods(text).forEach(m -> {
            if (m.lines() > MAX_METHOD_LINES) {
                over.merge(name + "#" + m.name(), m.lines(), Math::max);
            }
        }));
        assertRatchet(LONG_METHODS, over, "methods over " + MAX_METHOD_LINES + " lines");
    }

    @Test
    void theScannerMeasuresMethodsAndIgnoresBracesInTextAndComments() {
        String source = """
                package x;
                /** A { in a comment. */
                public record R(int a) implements Runnable {
                    public R {
                        a = a + 1;
                    }

                    @Override
                    public void run() {
                        String s = "}}} {";
                        char c = '}';
                        Runnable r = () -> {
                            System.out.println(s + c); // }
                        };
                        new Object() {
                            int inner() {
                                return 1;
                            }
                        };
                    }

                    static int twice(int v) throws IllegalStateException {
                        if (v > 0) {
                            return 2 * v;
                        }
                        return 0;
                    }
                }
                """;
        List<Method> found = methods(source);
        assertEquals(List.of(new Method("R", 3), new Method("inner", 3), new Method("run", 12),
                new Method("twice", 6)), found.stream().sorted(java.util.Comparator.comparing(Method::name)).toList());
    }

    private static void assertRatchet(Set<String> listed, Map<String, Integer> over, String what) {
        List<String> unlisted = over.keySet().stream().filter(k -> !listed.contains(k))
                .map(k -> k + " (" + over.get(k) + ")").toList();
        List<String> fixed = listed.stream().filter(k -> !over.containsKey(k)).sorted().toList();
        assertTrue(unlisted.isEmpty(), "new " + what + ": " + unlisted + "; split them");
        assertTrue(fixed.isEmpty(), "no longer among the " + what + ", take them off this test's list: " + fixed);
    }

    /** Every source file under src/main/java by its path below org/softmaxlab, with its text. */
    private static Map<String, String> sources() {
        Path root = MAIN.resolve("org/softmaxlab");
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A method or constructor and its length from its first line (annotations aside) to its closing brace. */
    record Method(String name, int lines) {
    }

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b|\\bnew\\b[^;]*\\)\\s*$");
    private static final Pattern CONTROL = Pattern.compile("^(if|for|while|switch|catch|try|do|else|synchronized|"
            + "return|throw|case|default)\\b");
    private static final Pattern DECLARATION = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\([^()]*(\\([^()]*\\)[^()]*)*"
            + "\\)\\s*(throws\\s+[\\w.,\\s]+)?$");
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^(public\\s+|protected\\s+|private\\s+)?"
            + "([A-Z][\\w$]*)$");

    /**
     * The methods of a Java source: the text between one {@code ;}, {@code {} or {@code }} and the next {@code {} is
     * a block's head; a head inside a type's body that ends in a parameter list is a method's, one with class, record,
     * enum, interface or an anonymous {@code new X()} opens a type. Comments, strings and characters are blanked first.
     */
    static List<Method> methods(String source) {
        String code = blank(source);
        List<Method> out = new ArrayList<>();
        // Per open brace: 'T' a type body, 'M' a method body (with its name and first line), 'B' any other block.
        Deque<Object[]> open = new ArrayDeque<>();
        int headStart = 0;
        int line = 1;
        int[] lineAt = new int[code.length() + 1];
        for (int i = 0; i < code.length(); i++) {
            lineAt[i] = line;
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == ';') {
                headStart = i + 1;
            } else if (ch == '{') {
                String head = code.substring(headStart, i).replaceAll("@[\\w.]+(\\([^)]*\\))?", " ").strip()
                        .replaceAll("\\s+", " ");
                boolean inType = open.isEmpty() || open.peek()[0].equals('T');
                int first = lineAt[headStart + leading(code, headStart, i)];
                if (TYPE.matcher(head).find()) {
                    open.push(new Object[] {'T'});
                } else if (inType && !CONTROL.matcher(head).find() && !head.contains("=")
                        && (DECLARATION.matcher(head).find() || COMPACT_CONSTRUCTOR.matcher(head).matches())) {
                    java.util.regex.Matcher d = DECLARATION.matcher(head);
                    String name = d.find() ? d.group(1) : COMPACT_CONSTRUCTOR.matcher(head).replaceAll("$2");
                    open.push(new Object[] {'M', name, first});
                } else {
                    open.push(new Object[] {'B'});
                }
                headStart = i + 1;
            } else if (ch == '}') {
                Object[] closed = open.pop();
                if (closed[0].equals('M')) {
                    out.add(new Method((String) closed[1], lineAt[i] - (int) closed[2] + 1));
                }
                headStart = i + 1;
            }
        }
        return out;
    }

    /** Characters of whitespace from {@code from} before the head's first character. */
    private static int leading(String code, int from, int to) {
        int k = from;
        while (k < to && Character.isWhitespace(code.charAt(k))) {
            k++;
        }
        // Annotations on their own lines belong to the head but not to its length: skip lines starting with @.
        while (k < to && code.charAt(k) == '@') {
            int end = code.indexOf('\n', k);
            if (end < 0 || end >= to) {
                break;
            }
            k = end + 1;
            while (k < to && Character.isWhitespace(code.charAt(k))) {
                k++;
            }
        }
        return k - from;
    }

    /** The source with comments, string, text-block and character literals replaced by spaces (newlines kept). */
    static String blank(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2) + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3) + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                end = i + 1;
                while (s.charAt(end) != quote) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
