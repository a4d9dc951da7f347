package org.softmaxlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level trigram language model with add-k smoothing and backoff to a shorter context, small enough to train
 * in a moment on a play's text and to explain on one slide.
 *
 * <p>Words are lower-case runs of letters (with inner apostrophes: {@code know't}) and the punctuation marks
 * {@code . , ! ? ; :}, each a token. For the context (u, v) of the last two tokens:
 * {@code P(w | u, v) = (c(u v w) + k) / (c(u v) + k V)}, where c counts the training text's trigrams and c(u v)
 * the trigrams that start with u v. A context never seen (c(u v) = 0) backs off to the bigram form
 * {@code (c(v w) + k) / (c(v) + k V)}, and a v never seen as a context to the unigram {@code (c(w) + k) / (N + k V)}.
 * Each level sums to 1 over the vocabulary. The next-token logits are {@code log P(w | context)}.
 */
public final class NgramModel {
    private static final Pattern TOKEN = Pattern.compile("[a-z]+(?:'[a-z]+)*|[.,!?;:]");

    private final String[] vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();
    private final double k;
    private final long[] unigrams;
    private final long total;
    /** Context (one or two token ids, as a key) to its continuations: ids and counts, ids ascending. */
    private final Map<Long, int[]> followers = new HashMap<>();
    private final Map<Long, long[]> followerCounts = new HashMap<>();
    private final Map<Long, Long> contextTotals = new HashMap<>();

    private NgramModel(String[] vocabulary, double k, long[] unigrams, long total) {
        this.vocabulary = vocabulary;
        this.k = k;
        this.unigrams = unigrams;
        this.total = total;
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

    /**
     * Trains on {@code text} with add-{@code k} smoothing (k > 0). The vocabulary is every token of the text, most
     * frequent first (ties in alphabetical order).
     */
    public static NgramModel train(String text, double k) {
        Checks.require(k > 0 && Double.isFinite(k), "k is " + k + "; it must be a positive number");
        List<String> words = tokens(text);
        Checks.require(words.size() >= 3, "the text has " + words.size() + " tokens; a trigram model needs 3");
        Map<String, long[]> freq = new HashMap<>();
        for (String w : words) {
            freq.computeIfAbsent(w, x -> new long[1])[0]++;
        }
        String[] vocab = freq.keySet().toArray(String[]::new);
        Arrays.sort(vocab, (a, b) -> freq.get(a)[0] != freq.get(b)[0] ? Long.compare(freq.get(b)[0], freq.get(a)[0])
                : a.compareTo(b));
        long[] uni = new long[vocab.length];
        NgramModel m = new NgramModel(vocab, k, uni, words.size());
        int[] seq = words.stream().mapToInt(m.ids::get).toArray();
        Map<Long, Map<Integer, long[]>> counts = new HashMap<>();
        for (int i = 0; i < seq.length; i++) {
            uni[seq[i]]++;
            if (i >= 1) {
                counts.computeIfAbsent(m.key(seq[i - 1]), x -> new HashMap<>())
                        .computeIfAbsent(seq[i], x -> new long[1])[0]++;
            }
            if (i >= 2) {
                counts.computeIfAbsent(m.key(seq[i - 2], seq[i - 1]), x -> new HashMap<>())
                        .computeIfAbsent(seq[i], x -> new long[1])[0]++;
            }
        }
        counts.forEach((context, next) -> {
            int[] w = next.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            long[] c = new long[w.length];
            long sum = 0;
            for (int j = 0; j < w.length; j++) {
                c[j] = next.get(w[j])[0];
                sum += c[j];
            }
            m.followers.put(context, w);
            m.followerCounts.put(context, c);
            m.contextTotals.put(context, sum);
        });
        return m;
    }

    private long key(int v) {
        return v;
    }

    private long key(int u, int v) {
        return (long) vocabulary.length + (long) u * vocabulary.length + v;
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

    /** How often the text has the n-gram {@code words} (1 to 3 tokens); 0 for unknown words. */
    public long count(String... words) {
        int[] w = Arrays.stream(words).mapToInt(this::id).toArray();
        if (Arrays.stream(w).anyMatch(i -> i < 0)) {
            return 0;
        }
        if (w.length == 1) {
            return unigrams[w[0]];
        }
        long context = w.length == 2 ? key(w[0]) : key(w[0], w[1]);
        int[] next = followers.get(context);
        if (next == null) {
            return 0;
        }
        int j = Arrays.binarySearch(next, w[w.length - 1]);
        return j >= 0 ? followerCounts.get(context)[j] : 0;
    }

    public double k() {
        return k;
    }

    /** The context the model uses after {@code history}: "u v", "v" or "" (the unigram), as the backoff rule says. */
    public String contextOf(List<String> history) {
        long[] keys = contextKeys(history);
        if (keys[0] >= 0 && contextTotals.containsKey(keys[0])) {
            return history.get(history.size() - 2) + " " + history.get(history.size() - 1);
        }
        if (keys[1] >= 0 && contextTotals.containsKey(keys[1])) {
            return history.get(history.size() - 1);
        }
        return "";
    }

    /** log P(w | context) for every word w of the vocabulary, after {@code history} (any number of tokens). */
    public double[] logits(List<String> history) {
        long[] keys = contextKeys(history);
        long context = keys[0] >= 0 && contextTotals.containsKey(keys[0]) ? keys[0]
                : keys[1] >= 0 && contextTotals.containsKey(keys[1]) ? keys[1] : -1;
        int v = vocabulary.length;
        double[] logits = new double[v];
        if (context < 0) {
            double denominator = total + k * v;
            for (int w = 0; w < v; w++) {
                logits[w] = Math.log((unigrams[w] + k) / denominator);
            }
            return logits;
        }
        double denominator = contextTotals.get(context) + k * v;
        Arrays.fill(logits, Math.log(k / denominator));
        int[] next = followers.get(context);
        long[] c = followerCounts.get(context);
        for (int j = 0; j < next.length; j++) {
            logits[next[j]] = Math.log((c[j] + k) / denominator);
        }
        return logits;
    }

    /** The trigram and bigram context keys of the history's last two tokens (-1 where a word is unknown). */
    private long[] contextKeys(List<String> history) {
        int n = history.size();
        int v = n >= 1 ? id(history.get(n - 1)) : -1;
        int u = n >= 2 ? id(history.get(n - 2)) : -1;
        return new long[] {u >= 0 && v >= 0 ? key(u, v) : -1, v >= 0 ? key(v) : -1};
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
