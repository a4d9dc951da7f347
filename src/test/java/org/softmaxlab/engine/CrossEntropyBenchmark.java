package org.softmaxlab.engine;

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
 * Forward + backward of mean cross-entropy (loss and dL/dlogits) at the shapes of bench/run, through the engine's
 * flat fast path. Run by bench/run with JMH; the same inputs as bench/numpy_ce.py (standard normal x 3, seed 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CrossEntropyBenchmark {
    @Param({"1x10", "64x10", "1024x1000", "4096x1000"})
    public String shape;

    private double[] logits;
    private double[] gradient;
    private int[] targets;
    private int n;
    private int classes;
    private final CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyOptions.defaults());

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        n = Integer.parseInt(parts[0]);
        classes = Integer.parseInt(parts[1]);
        Random random = new Random(1);
        logits = new double[n * classes];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 3 * random.nextGaussian();
        }
        targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = random.nextInt(classes);
        }
        gradient = new double[n * classes];
    }

    @Benchmark
    public double forwardBackward() {
        return loss.lossAndGradient(logits, n, classes, targets, gradient);
    }
}
