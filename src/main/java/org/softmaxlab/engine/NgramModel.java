package org.softmaxlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level trigram language model with interpolated Kneser-Ney smoothing (discount D = 0.75), small enough to
 * train in a moment on a play's text and to explain on one slide.
 *
 * <p>Words are lower-case runs of letters (with inner apostrophes: {@code know't}) and the punctuation marks
 * {@code . , ! ? ; :}, each a token. With c the counts of the text's n-grams and N1+ the number of distinct words
 * in the dotted place:
 * <pre>
 *   P(w | u v) = max(c(u v w) - D, 0) / c(u v .) + D N1+(u v .) / c(u v .) * P(w | v)
 *   P(w | v)   = max(N1+(. v w) - D, 0) / N1+(. v .) + D N1+'(v .) / N1+(. v .) * P(w)
 *   P(w)       = max(N1+(. w) - D, 0) / N1+(. .) + D |{w : N1+(. w) > 0}| / N1+(. .) / V
 * </pre>
 * where N1+(. v w) counts the distinct u before "v w", N1+(. v .) the distinct pairs (u, w) around v, N1+'(v .) the
 * distinct w with N1+(. v w) > 0, N1+(. w) the distinct words before w and N1+(. .) the distinct bigrams. A context
 * never seen drops to the level below (c(u v .) = 0: P(w | v); N1+(. v .) = 0: P(w)). The last term gives every word
 * of the vocabulary some mass, so the next-token logits {@code log P(w | context)} are finite.
 */
public final class NgramModel {
    /** Kneser-Ney's absolute discount. */
    public static final double DISCOUNT = 0.75;
    private static final Pattern TOKEN = Pattern.compile("[a-z]+(?:'[a-z]+)*|[.,!?;:]");

    private final String[] vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();
    /** P(w) of the lowest level, for every word. */
    private final double[] unigram;
    /** A context's continuations at one level: words (ascending), their counts, the total and the fallback weight. */
    private record Level(int[] words, long[] counts, long total, double backoff) {
    }

    private final Map<Long, Level> trigrams = new HashMap<>();
    private final Map<Integer, Level> middles = new HashMap<>();

    private NgramModel(String[] vocabulary, double[] unigram) {
        this.vocabulary = vocabulary;
        this.unigram = unigram;
        for (int i = 0; i < vocabulary.length; i++) {
            ids.put(vocabulary[i], i);
        }
    }

    /** The tokens of {@code text}, as this model reads it. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Trains on {@code text}. The vocabulary is every token of it, most frequent first (ties alphabetical). */
    public static NgramModel train(String text) {
        List<String> words = tokens(text);
        Checks.require(words.size() >= 3, "the text has " + words.size() + " tokens; a trigram model needs 3");
        Map<String, long[]> freq = new HashMap<>();
        for (String w : words) {
            freq.computeIfAbsent(w, x -> new long[1])[0]++;
        }
        String[] vocab = freq.keySet().toArray(String[]::new);
        Arrays.sort(vocab, (a, b) -> freq.get(a)[0] != freq.get(b)[0] ? Long.compare(freq.get(b)[0], freq.get(a)[0])
                : a.compareTo(b));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.length; i++) {
            index.put(vocab[i], i);
        }
        int v = vocab.length;
        int[] seq = words.stream().mapToInt(index::get).toArray();
        // Trigram counts by context; bigram types (for the continuation counts of the lowest level).
        Map<Long, Map<Integer, long[]>> tri = new HashMap<>();
        java.util.Set<Long> bigramTypes = new java.util.HashSet<>();
        for (int i = 1; i < seq.length; i++) {
            bigramTypes.add((long) seq[i - 1] * v + seq[i]);
            if (i >= 2) {
                tri.computeIfAbsent((long) seq[i - 2] * v + seq[i - 1], x -> new HashMap<>())
                        .computeIfAbsent(seq[i], x -> new long[1])[0]++;
            }
        }
        long[] before = new long[v];
        for (long b : bigramTypes) {
            before[(int) (b % v)]++;
        }
        long seen = Arrays.stream(before).filter(n -> n > 0).count();
        double[] unigram = new double[v];
        for (int w = 0; w < v; w++) {
            unigram[w] = Math.max(before[w] - DISCOUNT, 0) / bigramTypes.size()
                    + DISCOUNT * seen / bigramTypes.size() / v;
        }
        NgramModel m = new NgramModel(vocab, unigram);
        // N1+(. v w): each distinct trigram (u, v, w) adds one to its middle's continuation count.
        Map<Integer, Map<Integer, long[]>> middle = new HashMap<>();
        tri.forEach((context, next) -> next.keySet().forEach(w -> middle
                .computeIfAbsent((int) (context % v), x -> new HashMap<>()).computeIfAbsent(w, x -> new long[1])[0]++));
        tri.forEach((context, next) -> m.trigrams.put(context, level(next)));
        middle.forEach((context, next) -> m.middles.put(context, level(next)));
        return m;
    }

    private static Level level(Map<Integer, long[]> next) {
        int[] w = next.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        long[] c = new long[w.length];
        long total = 0;
        for (int j = 0; j < w.length; j++) {
            c[j] = next.get(w[j])[0];
            total += c[j];
        }
        return new Level(w, c, total, DISCOUNT * w.length / total);
    }

    public int size() {
        return vocabulary.length;
    }

    /** The vocabulary, most frequent first. */
    public String[] vocabulary() {
        return vocabulary.clone();
    }

    public String word(int id) {
        return vocabulary[id];
    }

    /** The token's id, or -1 for a word the model never saw. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** The context the model uses after {@code history}: "u v", "v" or "" (the lowest level). */
    public String contextOf(List<String> history) {
        int n = history.size();
        if (trigram(history) != null) {
            return history.get(n - 2) + " " + history.get(n - 1);
        }
        return middle(history) != null ? history.get(n - 1) : "";
    }

    /** log P(w | context) for every word w of the vocabulary, after {@code history} (any number of tokens). */
    public double[] logits(List<String> history) {
        double[] p = unigram.clone();
        Level mid = middle(history);
        if (mid != null) {
            interpolate(p, mid);
            Level top = trigram(history);
            if (top != null) {
                interpolate(p, top);
            }
        }
        for (int w = 0; w < p.length; w++) {
            p[w] = Math.log(p[w]);
        }
        return p;
    }

    /** One level over the one below (in {@code p}, replaced in place). */
    private static void interpolate(double[] p, Level level) {
        for (int w = 0; w < p.length; w++) {
            p[w] *= level.backoff();
        }
        for (int j = 0; j < level.words().length; j++) {
            p[level.words()[j]] += Math.max(level.counts()[j] - DISCOUNT, 0) / level.total();
        }
    }

    private Level trigram(List<String> history) {
        int n = history.size();
        int u = n >= 2 ? id(history.get(n - 2)) : -1;
        int v = n >= 1 ? id(history.get(n - 1)) : -1;
        return u >= 0 && v >= 0 && middle(history) != null ? trigrams.get((long) u * vocabulary.length + v) : null;
    }

    private Level middle(List<String> history) {
        int v = history.isEmpty() ? -1 : id(history.get(history.size() - 1));
        return v >= 0 ? middles.get(v) : null;
    }

    /** Tokens written as text: a space between words, none before punctuation. */
    public static String join(List<String> tokens) {
        StringBuilder s = new StringBuilder();
        for (String t : tokens) {
            if (s.length() > 0 && Character.isLetter(t.charAt(0))) {
                s.append(' ');
            }
            s.append(t);
        }
        return s.toString();
    }
}
