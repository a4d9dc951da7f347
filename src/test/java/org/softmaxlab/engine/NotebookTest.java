package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The numbers the seed notebook prints, reproduced by the engine (printed precision). */
class NotebookTest {

    @Test
    void exampleAUnweightedMean() {
        LossResult r = new CrossEntropyLoss(CrossEntropyOptions.defaults())
                .evaluate(new double[][] {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}}, Targets.indices(0, 1));
        assertEquals("0.2159", String.format(Locale.ROOT, "%.4f", r.loss()));
        double[][] printed = {{-0.17049944, 0.12121648, 0.04928295}, {0.00331929, -0.00737348, 0.00405419}};
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                assertWithinFloat32(printed[i][c], r.gradient()[i][c], "gradient[" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void exampleBWeighted() {
        CrossEntropyOptions options = CrossEntropyOptions.defaults().withWeight(new double[] {1.0, 10.0});
        LossResult r = new CrossEntropyLoss(options)
                .evaluate(new double[][] {{2.0, 1.0}, {2.0, 1.0}}, Targets.indices(1, 1));
        assertEquals("1.3133", String.format(Locale.ROOT, "%.4f", r.loss()));
        for (double[] row : r.gradient()) {
            assertWithinFloat32(0.3655293, row[0], "gradient of class 0");
            assertWithinFloat32(-0.3655293, row[1], "gradient of class 1");
        }
    }

    /**
     * The notebook's library computes in float32 and prints 8 digits: the double result must lie within one float32
     * step (plus the printed rounding) of what it printed.
     */
    private static void assertWithinFloat32(double printed, double actual, String what) {
        double tolerance = Math.ulp((float) printed) + 0.5e-8;
        assertEquals(printed, actual, tolerance, what);
    }

    @Test
    void exampleCTrainingTable() {
        Linear model = Linear.of(new double[][] {{0.2210, 0, 0}, {-1.4186, 0, 0}, {-1.5137, 0, 0}},
                new double[3]);
        Trainer trainer = new Trainer(Datasets.notebookSample(), model, Sgd.plain(0.1),
                CrossEntropyOptions.defaults(), 0, 0);
        String[] losses = {"2.0499", "0.5548", "0.2448", "0.1491", "0.1057", "0.0814"};
        double[][] logits = {{0.221, -1.419, -1.514}, {-0.82, -1.713, -0.178}, {-1.25, -1.91, 0.449},
                {-1.479, -2.034, 0.802}, {-1.629, -2.123, 1.041}, {-1.74, -2.191, 1.22}};
        for (int step = 0; step <= 50; step++) {
            TrainingStep s = trainer.step();
            assertEquals(step, s.step());
            if (step % 10 == 0) {
                assertEquals(losses[step / 10], String.format(Locale.ROOT, "%.4f", s.loss()), "loss at step " + step);
                for (int c = 0; c < 3; c++) {
                    assertEquals(logits[step / 10][c], Math.round(s.logits()[0][c] * 1000) / 1000.0, 1e-12,
                            "logit " + c + " at step " + step);
                }
            }
        }
    }
}
