package org.softmaxlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A next-token sampling chain: {@link SamplingStep}s applied in order to one row of logits. The chain owns the
 * order, so the same steps in Hugging Face's order and in llama.cpp's are two chains over one set of steps.
 *
 * <p>{@link #run} returns the processed logits ({@code -Infinity} for removed tokens), their softmax, the kept
 * tokens most probable first (ties: lower index first), the entropy before and after (nats) and the original
 * distribution's mass on the kept set.
 */
public final class SamplingChain {
    /** Hugging Face transformers' order: the repetition penalty, then the warpers, temperature first. */
    public static final List<String> HF_ORDER = SamplingStep.NAMES;
    /** The order of llama.cpp's default sampler chain, temperature last. */
    public static final List<String> LLAMA_CPP_ORDER = List.of("repetition_penalty", "top_k", "typical_p", "top_p",
            "min_p", "temperature");

    private final List<SamplingStep> steps;

    public SamplingChain(List<SamplingStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<SamplingStep> steps() {
        return steps;
    }

    /**
     * The chain's steps in the named order, picked by name from {@code steps} (one per name). A step left out of the
     * order must be neutral; a name twice or unknown is refused.
     */
    public static SamplingChain ordered(List<SamplingStep> steps, List<String> order) {
        List<SamplingStep> chosen = new ArrayList<>();
        for (String name : order) {
            Checks.require(SamplingStep.NAMES.contains(name), "order names an unknown step '" + name + "'; the steps "
                    + "are " + String.join(", ", SamplingStep.NAMES));
            Checks.require(order.indexOf(name) == order.lastIndexOf(name), "order names " + name + " twice");
        }
        for (String name : order) {
            steps.stream().filter(s -> s.name().equals(name)).forEach(chosen::add);
        }
        for (SamplingStep s : steps) {
            Checks.require(order.contains(s.name()) || s.neutral(), "order leaves out " + s.name()
                    + ", which is set: list it in order or set it to its neutral value");
        }
        return new SamplingChain(chosen);
    }

    /** Looks at the scores each step is about to see (it must not change them). */
    public interface Watcher {
        void before(SamplingStep step, double[] scores);
    }

    /** The chain applied to one row of finite logits. */
    public SamplingResult run(double[] logits) {
        return run(logits, (step, scores) -> { });
    }

    /**
     * The chain applied to one row, with {@code watcher} shown the scores before each step: what a display needs of
     * a step's input (min-p's threshold) without running the steps before it a second time.
     */
    public SamplingResult run(double[] logits, Watcher watcher) {
        Checks.require(logits != null && logits.length > 0, "logits are empty: there must be at least one token");
        Checks.finite(logits, "logits");
        double[] scores = logits.clone();
        for (SamplingStep step : steps) {
            watcher.before(step, scores);
            step.apply(scores);
        }
        Before before = before(logits);
        double[] after = probabilities(scores);
        int[] kept = kept(scores);
        double mass = 0;
        for (int i : kept) {
            mass += before.probs()[i];
        }
        return new SamplingResult(scores, after, kept, before.entropy(), entropy(scores, after), Math.min(mass, 1.0));
    }

    /** The unprocessed row's softmax and entropy, for the row last asked about (the same row under many settings). */
    private record Before(double[] logits, double[] probs, double entropy) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<Before> LAST_BEFORE =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static Before before(double[] logits) {
        Before last = LAST_BEFORE.get();
        if (last != null && last.logits() == logits) {
            return last;
        }
        double[] p = probabilities(logits);
        // Kept by reference: the callers (the CLI, the Sampling tab's states) never change a row they hand over.
        Before fresh = new Before(logits, p, entropy(logits, p));
        LAST_BEFORE.set(fresh);
        return fresh;
    }

    /**
     * softmax(logits) of an unprocessed row, shared with {@link #run}'s cache for the row last asked about: the caller
     * reads it and never writes it.
     */
    public static double[] probabilitiesBefore(double[] logits) {
        return before(logits).probs();
    }

    /** Softmax of a row whose removed entries are -Infinity (probability 0); at least one entry is finite. */
    public static double[] probabilities(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                p[i] = Exponential.exp(scores[i] - max);
                sum += p[i];
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Entropy in nats of softmax(scores) (0 log 0 = 0 for removed tokens). */
    public static double entropy(double[] scores) {
        return entropy(scores, probabilities(scores));
    }

    /** -sum p log p with log p = z - max - log sum exp(z - max), from the row and its softmax {@code p}. */
    private static double entropy(double[] scores, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        // sum exp(z - max) = 1 / p(max): no second pass of exponentials.
        double pMax = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == max) {
                pMax = p[i];
                break;
            }
        }
        double logSum = -Math.log(pMax);
        double h = 0;
        for (int i = 0; i < scores.length; i++) {
            if (p[i] > 0) {
                h -= p[i] * (scores[i] - max - logSum);
            }
        }
        return Math.max(h, 0.0);
    }

    /** The indices of the {@code n} highest scores (all when n >= the row's length), highest first, ties lower first. */
    public static int[] top(double[] scores, int n) {
        return Order.top(scores, Order.all(scores.length), scores.length, Math.min(n, scores.length));
    }

    /** {@link #top} of an unprocessed row, for the row and n last asked about; the caller never writes it. */
    private record Ranked(double[] logits, int n, int[] top) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<Ranked> LAST_RANKED =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * {@link #top} of a row a caller never changes, remembered for the row last asked about: a display ranks the
     * same row under every setting, and at 131,072 tokens the ranking cost as much as a chain.
     */
    public static int[] topBefore(double[] logits, int n) {
        Ranked last = LAST_RANKED.get();
        if (last != null && last.logits() == logits && last.n() == n) {
            return last.top();
        }
        Ranked fresh = new Ranked(logits, n, top(logits, n));
        LAST_RANKED.set(fresh);
        return fresh.top();
    }

    /** The finite entries' indices, highest score first (ties: lower index first). */
    static int[] kept(double[] scores) {
        int[] live = new int[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                live[n++] = i;
            }
        }
        return Order.descending(scores, live, n);
    }

    /**
     * How many of {@code draws} samples from {@code probs} fell on each index: inverse-CDF sampling with
     * {@link SplittableRandom}, so the same seed gives the same counts.
     */
    public static long[] draw(double[] probs, long draws, SplittableRandom random) {
        Checks.require(draws >= 0, "draws is " + draws + "; it must be 0 or more");
        double[] cdf = new double[probs.length];
        double sum = 0;
        for (int i = 0; i < probs.length; i++) {
            sum += probs[i];
            cdf[i] = sum;
        }
        long[] counts = new long[probs.length];
        for (long d = 0; d < draws; d++) {
            double u = random.nextDouble() * sum;
            // The first index whose cumulative mass passes u: never a zero-probability one, whose cdf equals its
            // predecessor's.
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            while (probs[lo] == 0 && lo > 0) {
                lo--;
            }
            counts[lo]++;
        }
        return counts;
    }
}
