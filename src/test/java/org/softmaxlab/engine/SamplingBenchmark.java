package org.softmaxlab.engine;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full sampling chain over a vocabulary row (issue 36's target: V = 131,072 in <= 5 ms): every step active, in
 * Hugging Face's order (repetition penalty over 32 tokens, T = 0.8, top-p 0.95, min-p 0.02, typical 0.95, epsilon
 * 1e-5), on a row of standard normal x 2 logits, seed 1. Run by bench/run with JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SamplingBenchmark {
    @Param({"50257", "131072"})
    public int vocabulary;

    private double[] logits;
    private SamplingChain chain;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        logits = new double[vocabulary];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 2 * random.nextGaussian();
        }
        int[] previous = random.ints(32, 0, vocabulary).toArray();
        chain = SamplingChain.ordered(List.of(new SamplingStep.RepetitionPenalty(1.1, previous),
                new SamplingStep.Temperature(0.8), new SamplingStep.TopK(0, 1), new SamplingStep.TopP(0.95, 1),
                new SamplingStep.MinP(0.02, 1), new SamplingStep.Typical(0.95, 1), new SamplingStep.Epsilon(1e-5, 1)),
                SamplingChain.HF_ORDER);
    }

    @Benchmark
    public SamplingResult fullChain() {
        return chain.run(logits);
    }
}
