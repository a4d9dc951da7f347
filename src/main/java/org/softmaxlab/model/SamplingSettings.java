package org.softmaxlab.model;

import java.util.List;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.engine.SamplingStep;

/**
 * The Sampling tab's knobs, as {@code sample} reads them: each step's value (neutral by default) and their order.
 *
 * @param order step names, applied first to last ({@link SamplingChain#HF_ORDER} or
 *              {@link SamplingChain#LLAMA_CPP_ORDER} are the presets)
 */
public record SamplingSettings(double temperature, int topK, double topP, double minP, double typicalP,
                               double epsilon, double penalty, int minTokensToKeep, List<String> order) {
    /** Every step neutral, Hugging Face's order. */
    public static final SamplingSettings NEUTRAL = new SamplingSettings(1, 0, 1, 0, 1, 0, 1, 1,
            SamplingChain.HF_ORDER);
    /** The temperature slider's range (0 is greedy, a separate choice). */
    public static final Limits.Range TEMPERATURE = new Limits.Range(0.05, 5);

    public SamplingSettings {
        order = List.copyOf(order);
    }

    /** The chain these settings make, with the repetition penalty over {@code previous}. */
    public SamplingChain chain(int[] previous) {
        return chain(previous, order);
    }

    /** The same steps in another order (for the side-by-side comparison); steps left out of it are dropped. */
    public SamplingChain chain(int[] previous, List<String> inOrder) {
        List<SamplingStep> steps = List.of(new SamplingStep.RepetitionPenalty(penalty, previous),
                new SamplingStep.Temperature(temperature), new SamplingStep.TopK(topK, minTokensToKeep),
                new SamplingStep.TopP(topP, minTokensToKeep), new SamplingStep.MinP(minP, minTokensToKeep),
                new SamplingStep.Typical(typicalP, minTokensToKeep),
                new SamplingStep.Epsilon(epsilon, minTokensToKeep));
        List<SamplingStep> chosen = steps.stream().filter(s -> inOrder.contains(s.name())).toList();
        return SamplingChain.ordered(chosen, inOrder);
    }

    /** The name of the order's preset ("Hugging Face", "llama.cpp") or "custom". */
    public String orderName() {
        return order.equals(SamplingChain.HF_ORDER) ? "Hugging Face"
                : order.equals(SamplingChain.LLAMA_CPP_ORDER) ? "llama.cpp" : "custom";
    }

    public SamplingSettings withTemperature(double v) {
        return new SamplingSettings(v, topK, topP, minP, typicalP, epsilon, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withTopK(int v) {
        return new SamplingSettings(temperature, v, topP, minP, typicalP, epsilon, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withTopP(double v) {
        return new SamplingSettings(temperature, topK, v, minP, typicalP, epsilon, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withMinP(double v) {
        return new SamplingSettings(temperature, topK, topP, v, typicalP, epsilon, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withTypicalP(double v) {
        return new SamplingSettings(temperature, topK, topP, minP, v, epsilon, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withEpsilon(double v) {
        return new SamplingSettings(temperature, topK, topP, minP, typicalP, v, penalty, minTokensToKeep, order);
    }

    public SamplingSettings withPenalty(double v) {
        return new SamplingSettings(temperature, topK, topP, minP, typicalP, epsilon, v, minTokensToKeep, order);
    }

    public SamplingSettings withOrder(List<String> v) {
        return new SamplingSettings(temperature, topK, topP, minP, typicalP, epsilon, penalty, minTokensToKeep, v);
    }
}
