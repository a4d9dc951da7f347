package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Central finite differences of every gradient the engine reports. */
class GradientCheckTest {
    private static final double H = 1e-6;

    @ParameterizedTest(name = "{0} targets, {1}, eps={2}, weighted={3}, T={4}")
    @CsvSource({
            "index, mean, 0.0, false, 1.0", "index, mean, 0.0, true, 1.0", "index, sum, 0.2, true, 0.5",
            "index, none, 0.1, false, 2.0", "index, mean, 1.0, true, 1.0", "probs, mean, 0.0, false, 1.0",
            "probs, sum, 0.3, true, 0.8", "probs, none, 0.0, true, 3.0"})
    void lossGradientMatchesFiniteDifference(String kind, String reduction, double eps, boolean weighted, double t) {
        Random random = new Random(kind.hashCode() * 31L + reduction.hashCode() + (long) (eps * 100) + (long) t);
        int n = 4;
        int classes = 5;
        double[][] z = randomMatrix(random, n, classes, 2.0);
        Targets targets;
        if (kind.equals("index")) {
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextInt(classes);
            }
            y[1] = CrossEntropyOptions.DEFAULT_IGNORE_INDEX;
            targets = Targets.indices(y);
        } else {
            double[][] p = randomMatrix(random, n, classes, 1.0);
            for (double[] row : p) {
                for (int c = 0; c < classes; c++) {
                    row[c] = Math.abs(row[c]);
                }
            }
            targets = Targets.probabilities(p);
        }
        double[] weight = weighted ? new double[] {0.5, 2.0, 1.0, 3.0, 0.25} : null;
        CrossEntropyLoss loss = new CrossEntropyLoss(new CrossEntropyOptions(weight, -100, Reduction.parse(reduction),
                eps, t));
        double[][] analytic = loss.evaluate(z, targets).gradient();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < classes; c++) {
                double keep = z[i][c];
                z[i][c] = keep + H;
                double up = loss.evaluate(z, targets).loss();
                z[i][c] = keep - H;
                double down = loss.evaluate(z, targets).loss();
                z[i][c] = keep;
                assertEquals((up - down) / (2 * H), analytic[i][c], 1e-7, "dL/dz[" + i + "][" + c + "]");
            }
        }
    }

    @ParameterizedTest(name = "bias={0}")
    @CsvSource({"true", "false"})
    void linearBackwardMatchesFiniteDifference(boolean bias) {
        Random random = new Random(7);
        double[][] x = randomMatrix(random, 6, 3, 1.5);
        int[] y = {0, 1, 3, 2, 3, 0};
        Linear model = Linear.initialised(3, 4, bias, 11);
        CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyOptions.defaults().withLabelSmoothing(0.1));
        double[][] grads = model.backward(x, loss.evaluate(model.forward(x), Targets.indices(y)).gradient());
        double[][] params = model.parameters();
        for (int k = 0; k < params.length; k++) {
            for (int j = 0; j < params[k].length; j++) {
                double keep = params[k][j];
                params[k][j] = keep + H;
                double up = loss.evaluate(model.forward(x), Targets.indices(y)).loss();
                params[k][j] = keep - H;
                double down = loss.evaluate(model.forward(x), Targets.indices(y)).loss();
                params[k][j] = keep;
                assertEquals((up - down) / (2 * H), grads[k][j], 1e-8, "parameter " + k + "[" + j + "]");
            }
        }
    }

    static double[][] randomMatrix(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = scale * random.nextGaussian();
            }
        }
        return m;
    }
}
