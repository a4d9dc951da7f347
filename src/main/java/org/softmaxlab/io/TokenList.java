package org.softmaxlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A vocabulary's token strings: a JSON array of strings ({@code json.dump(tokenizer.convert_ids_to_tokens(...))}),
 * or one token per line. Every failure is an {@link ImportException} naming the file and the place.
 */
public final class TokenList {
    private TokenList() {
    }

    public static String[] read(Path file) throws ImportException {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException("cannot read " + name + ": " + e.getMessage());
        }
        return parse(text, name);
    }

    public static String[] parse(String text, String name) throws ImportException {
        String t = text.strip();
        if (!t.startsWith("[")) {
            return text.replace("\r\n", "\n").replaceAll("\n$", "").split("\n", -1);
        }
        List<String> out = new ArrayList<>();
        int i = skip(t, 1);
        while (i < t.length() && t.charAt(i) != ']') {
            if (t.charAt(i) != '"') {
                throw new ImportException(name + ": expected a string at character " + i + " of the JSON array");
            }
            StringBuilder s = new StringBuilder();
            i++;
            while (i < t.length() && t.charAt(i) != '"') {
                char c = t.charAt(i++);
                if (c == '\\' && i < t.length()) {
                    char e = t.charAt(i++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            if (i + 4 > t.length()) {
                                throw new ImportException(name + ": a \\u escape is cut short at character " + i);
                            }
                            s.append((char) Integer.parseInt(t.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            if (i >= t.length()) {
                throw new ImportException(name + ": a string is not closed");
            }
            out.add(s.toString());
            i = skip(t, i + 1);
            if (i < t.length() && t.charAt(i) == ',') {
                i = skip(t, i + 1);
            }
        }
        return out.toArray(String[]::new);
    }

    private static int skip(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }
}
