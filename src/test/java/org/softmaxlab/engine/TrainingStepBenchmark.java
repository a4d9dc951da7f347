package org.softmaxlab.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.softmaxlab.model.TrainingSetup;

/**
 * One training step of the engine, as the Training tab's worker takes it ({@link Trainer#stepLoss}): the setup
 * {@code training_steps_per_s} measures (300 2-D points, 3 classes, full batch, SGD) and the same with mini-batches of
 * 32. Run with {@code -prof gc} for the bytes allocated per step:
 * {@code java -cp ... org.openjdk.jmh.Main TrainingStepBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainingStepBenchmark {
    @Param({"0", "32"})
    public int batchSize;

    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        trainer = TrainingSetup.blobs().withBatchSize(batchSize).build();
        for (int i = 0; i < 20_000; i++) {
            trainer.stepLoss();
        }
    }

    @Benchmark
    public double step() {
        return trainer.stepLoss();
    }
}
