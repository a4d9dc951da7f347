package org.softmaxlab.engine;

/**
 * One step of a next-token sampling chain: scores in, scores out (in place), as Hugging Face transformers' logits
 * processors define them ({@code generation/logits_process.py}). A removed token's score becomes
 * {@code -Infinity}. Each step at its neutral value changes nothing. Ties: where a step must choose among equal
 * values (the tokens {@code min_tokens_to_keep} rescues, the order of a cumulative sum), the lower index goes first.
 *
 * <p>Steps look only at the tokens still in play (finite scores): a removed token has probability 0 and adds nothing
 * to any sum, so leaving it out changes no result and makes the steps after a cut cheap.
 *
 * <p>Constructors check their arguments and throw {@link IllegalArgumentException} naming the field and its range.
 */
public sealed interface SamplingStep {

    /** The step's name as the CLI's {@code order} writes it. */
    String name();

    /** Whether the step is at its neutral value (and so changes nothing). */
    boolean neutral();

    /** Applies the step to {@code scores} in place. */
    void apply(double[] scores);

    /** The step names in Hugging Face's default order. */
    java.util.List<String> NAMES = java.util.List.of("repetition_penalty", "temperature", "top_k", "top_p", "min_p",
            "typical_p", "epsilon");

    /**
     * {@code RepetitionPenaltyLogitsProcessor}: each token in {@code previous} (once, however often it occurs) has its
     * score multiplied by the penalty when negative and divided by it otherwise. Penalty > 0; 1 is neutral.
     */
    record RepetitionPenalty(double penalty, int[] previous) implements SamplingStep {
        public RepetitionPenalty {
            Checks.require(Double.isFinite(penalty) && penalty > 0,
                    "repetition_penalty is " + penalty + "; it must be a number greater than 0");
            previous = previous == null ? new int[0] : previous.clone();
        }

        @Override
        public String name() {
            return "repetition_penalty";
        }

        @Override
        public boolean neutral() {
            return penalty == 1 || previous.length == 0;
        }

        @Override
        public void apply(double[] scores) {
            for (int id : previous) {
                Checks.require(id >= 0 && id < scores.length, "previous holds " + id + ", outside the row's "
                        + scores.length + " tokens (0 to " + (scores.length - 1) + ")");
            }
            if (neutral()) {
                return;
            }
            boolean[] done = new boolean[scores.length];
            for (int id : previous) {
                if (!done[id]) {
                    done[id] = true;
                    scores[id] = scores[id] < 0 ? scores[id] * penalty : scores[id] / penalty;
                }
            }
        }
    }

    /**
     * {@code TemperatureLogitsWarper}: scores divided by T > 0; T = 1 is neutral. T = 0 is greedy decoding: only the
     * highest score is kept (ties: the lowest index), unchanged.
     */
    record Temperature(double temperature) implements SamplingStep {
        public Temperature {
            Checks.require(Double.isFinite(temperature) && temperature >= 0,
                    "temperature is " + temperature + "; it must be 0 (greedy) or a positive number");
        }

        @Override
        public String name() {
            return "temperature";
        }

        @Override
        public boolean neutral() {
            return temperature == 1;
        }

        @Override
        public void apply(double[] scores) {
            if (temperature == 0) {
                int best = 0;
                for (int i = 1; i < scores.length; i++) {
                    if (scores[i] > scores[best]) {
                        best = i;
                    }
                }
                for (int i = 0; i < scores.length; i++) {
                    if (i != best) {
                        scores[i] = Double.NEGATIVE_INFINITY;
                    }
                }
            } else if (temperature != 1) {
                for (int i = 0; i < scores.length; i++) {
                    scores[i] /= temperature;
                }
            }
        }
    }

    /**
     * {@code TopKLogitsWarper}: keeps every token whose score is at least the k-th highest, k = max(top_k,
     * min_tokens_to_keep) (so ties with the k-th all stay). top_k >= 0; 0 is neutral.
     */
    record TopK(int k, int minTokensToKeep) implements SamplingStep {
        public TopK {
            Checks.require(k >= 0, "top_k is " + k + "; it must be 0 (off) or a positive whole number");
            StepMath.checkKeep(minTokensToKeep);
        }

        @Override
        public String name() {
            return "top_k";
        }

        @Override
        public boolean neutral() {
            return k == 0;
        }

        @Override
        public void apply(double[] scores) {
            if (neutral()) {
                return;
            }
            int kk = Math.min(Math.max(k, minTokensToKeep), scores.length);
            double threshold = StepMath.floor(scores, StepMath.live(scores), kk);
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] < threshold) {
                    scores[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /**
     * {@code TopPLogitsWarper}: sorted by score ascending, the tokens whose cumulative probability is {@code <= 1 -
     * top_p} are removed, except the last {@code min_tokens_to_keep}. top_p in (0, 1]; 1 is neutral.
     */
    record TopP(double p, int minTokensToKeep) implements SamplingStep {
        public TopP {
            Checks.require(p > 0 && p <= 1, "top_p is " + p + "; it must be in (0, 1]");
            StepMath.checkKeep(minTokensToKeep);
        }

        @Override
        public String name() {
            return "top_p";
        }

        @Override
        public boolean neutral() {
            return p == 1;
        }

        @Override
        public void apply(double[] scores) {
            if (neutral()) {
                return;
            }
            int[] live = StepMath.live(scores);
            int n = live.length;
            if (n <= minTokensToKeep) {
                return;
            }
            double[] probs = StepMath.probabilities(scores, live);
            boolean[] removed = n <= StepMath.EXACT_CUT ? StepMath.cutSorted(scores, live, probs, 1 - p)
                    : StepMath.cutByBuckets(scores, live, probs, 1 - p);
            int count = 0;
            for (boolean r : removed) {
                count += r ? 1 : 0;
            }
            if (count > n - minTokensToKeep) {
                StepMath.keepOnly(scores, Order.top(scores, live, n, minTokensToKeep));
                return;
            }
            for (int j = 0; j < n; j++) {
                if (removed[j]) {
                    scores[live[j]] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /**
     * {@code MinPLogitsWarper}: removes the tokens whose probability is below {@code min_p} times the top
     * probability, except the {@code min_tokens_to_keep} most probable. min_p in [0, 1]; 0 is neutral.
     */
    record MinP(double p, int minTokensToKeep) implements SamplingStep {
        public MinP {
            Checks.require(p >= 0 && p <= 1, "min_p is " + p + "; it must be in [0, 1]");
            StepMath.checkKeep(minTokensToKeep);
        }

        @Override
        public String name() {
            return "min_p";
        }

        @Override
        public boolean neutral() {
            return p == 0;
        }

        @Override
        public void apply(double[] scores) {
            if (neutral()) {
                return;
            }
            int[] live = StepMath.live(scores);
            int n = live.length;
            double[] probs = StepMath.probabilities(scores, live);
            double top = 0;
            for (double q : probs) {
                top = Math.max(top, q);
            }
            double threshold = p * top;
            int passing = 0;
            for (double q : probs) {
                passing += q < threshold ? 0 : 1;
            }
            if (passing < minTokensToKeep) {
                StepMath.keepOnly(scores, Order.top(scores, live, n, minTokensToKeep));
                return;
            }
            for (int j = 0; j < n; j++) {
                if (probs[j] < threshold) {
                    scores[live[j]] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /**
     * {@code TypicalLogitsWarper} (locally typical sampling): tokens ordered by |-log p - H| ascending; the smallest
     * prefix whose probability reaches {@code typical_p} is kept (every token as close to H as its last), and at
     * least the first {@code min_tokens_to_keep}. typical_p in (0, 1]; 1 is neutral.
     */
    record Typical(double mass, int minTokensToKeep) implements SamplingStep {
        public Typical {
            Checks.require(mass > 0 && mass <= 1, "typical_p is " + mass + "; it must be in (0, 1]");
            StepMath.checkKeep(minTokensToKeep);
        }

        @Override
        public String name() {
            return "typical_p";
        }

        @Override
        public boolean neutral() {
            return mass == 1;
        }

        @Override
        public void apply(double[] scores) {
            if (neutral()) {
                return;
            }
            int[] live = StepMath.live(scores);
            int n = live.length;
            double[] logp = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i : live) {
                max = Math.max(max, scores[i]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                logp[j] = scores[live[j]] - max;
                sum += Exponential.exp(logp[j]);
            }
            double logSum = Math.log(sum);
            double entropy = 0;
            for (int j = 0; j < n; j++) {
                logp[j] -= logSum;
                entropy -= logp[j] * Exponential.exp(logp[j]);
            }
            // Positions 0..n-1 stand for live[0..n-1]: the order is of positions, ties by the lower index.
            double[] shifted = new double[n];
            double[] compact = new double[n];
            for (int j = 0; j < n; j++) {
                shifted[j] = Math.abs(-logp[j] - entropy);
                compact[j] = scores[live[j]];
            }
            int[] order = Order.ascending(shifted, Order.all(n), n);
            double[] probs = StepMath.probabilities(compact, order);
            double cumulative = 0;
            int last = 0;
            for (int j = 0; j < n; j++) {
                cumulative += probs[j];
                if (cumulative < mass) {
                    last++;
                } else {
                    break;
                }
            }
            // Past the live tokens come the removed ones, whose distance is infinite: nothing more is removed.
            if (last >= n) {
                return;
            }
            double threshold = shifted[order[last]];
            for (int j = minTokensToKeep; j < n; j++) {
                if (shifted[order[j]] > threshold) {
                    scores[live[order[j]]] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /**
     * {@code EpsilonLogitsWarper} (truncation sampling): removes the tokens whose probability is below epsilon,
     * except those scoring at least the {@code min_tokens_to_keep}-th highest. epsilon in [0, 1); 0 is neutral.
     */
    record Epsilon(double epsilon, int minTokensToKeep) implements SamplingStep {
        public Epsilon {
            Checks.require(epsilon >= 0 && epsilon < 1, "epsilon is " + epsilon + "; it must be in [0, 1)");
            StepMath.checkKeep(minTokensToKeep);
        }

        @Override
        public String name() {
            return "epsilon";
        }

        @Override
        public boolean neutral() {
            return epsilon == 0;
        }

        @Override
        public void apply(double[] scores) {
            if (neutral()) {
                return;
            }
            int[] live = StepMath.live(scores);
            double floor = StepMath.floor(scores, live, minTokensToKeep);
            double[] probs = StepMath.probabilities(scores, live);
            for (int j = 0; j < live.length; j++) {
                if (probs[j] < epsilon && scores[live[j]] < floor) {
                    scores[live[j]] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
