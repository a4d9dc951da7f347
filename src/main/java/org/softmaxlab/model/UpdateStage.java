package org.softmaxlab.model;

import java.util.Map;
import org.softmaxlab.engine.UpdateStages;

/**
 * What stages mode shows of one training update at stage 1..7 (0 before the first): the stage's name, its formula
 * (plain and typeset) and its numbers, all read from the engine's {@link UpdateStages}.
 *
 * @param stage   0..7
 * @param name    "1 Forward: z = W x + b", ...
 * @param latex   the formula, typeset
 * @param numbers the stage's numbers for the first samples of the batch, one line each
 */
public record UpdateStage(int stage, String name, String latex, String numbers) {
    /** Stages of one update; Step after the last takes the step. */
    public static final int COUNT = 7;
    /** Samples whose numbers are listed. */
    private static final int LISTED = 3;

    /** Stage {@code stage} of {@code s}, for an optimiser of {@code kind} (betas for Adam's bias correction). */
    public static UpdateStage of(UpdateStages s, int stage, OptimizerKind kind, double temperature) {
        String t = temperature == 1.0 ? "" : " / T";
        String tl = temperature == 1.0 ? "z" : "z / T";
        return switch (stage) {
            case 1 -> new UpdateStage(1, "1 Forward: z = W x + b", "z_n = W x_n + b", rows("x", s.x()) + "\n"
                    + rows("z", s.logits()));
            case 2 -> new UpdateStage(2, "2 Softmax: P = softmax(z" + t + ")",
                    "P_n = \\mathrm{softmax}(" + tl + ")", rows("P", s.probabilities()));
            case 3 -> new UpdateStage(3, "3 Per-sample coefficient c_n = w_{y_n} / S",
                    "c_n = \\frac{w_{y_n}}{S}, \\quad S = \\sum_n w_{y_n}",
                    "targets y = " + java.util.Arrays.toString(first(s.labels())) + "\nc = "
                            + Numbers.fixed4List(first(s.coefficients())));
            case 4 -> new UpdateStage(4, "4 P - Y: each sample's error", "P_n - Y_n", rows("P - Y", s.pMinusY()));
            case 5 -> new UpdateStage(5, "5 Gradient: dL/dW = sum_n c_n (P_n - Y_n) x_n^T, dL/db",
                    "\\frac{\\partial L}{\\partial W} = \\sum_n c_n (P_n - Y_n)\\, x_n^{\\top}, \\quad "
                            + "\\frac{\\partial L}{\\partial b} = \\sum_n c_n (P_n - Y_n)",
                    matrix("dL/dW", s.gradWeight()) + (s.gradBias() == null ? ""
                            : "\ndL/db = " + Numbers.fixed4List(s.gradBias())));
            case 6 -> optimizerStage(s, kind);
            case 7 -> new UpdateStage(7, "7 Update: W <- W - lr (...)",
                    "W \\leftarrow W - \\mathrm{lr}\\,(\\ldots), \\quad \\mathrm{lr} = "
                            + Numbers.editable(s.learningRate()),
                    matrix("new W", s.newWeight()) + (s.newBias() == null ? ""
                            : "\nnew b = " + Numbers.fixed4List(s.newBias())));
            default -> new UpdateStage(0, "Step " + s.step() + ": loss " + Numbers.fixed4(s.loss())
                    + " (Step shows stage 1 of " + COUNT + ")", "L = " + Numbers.fixed4(s.loss()), "");
        };
    }

    private static UpdateStage optimizerStage(UpdateStages s, OptimizerKind kind) {
        Map<String, double[][]> state = s.stateAfter().buffers();
        if (kind == OptimizerKind.ADAM) {
            int t = s.stateAfter().step() == null ? 1 : s.stateAfter().step();
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            double[] m = state.get("exp_avg")[0];
            double[] v = state.get("exp_avg_sq")[0];
            double[] mHat = new double[m.length];
            double[] vHat = new double[v.length];
            for (int k = 0; k < m.length; k++) {
                mHat[k] = m[k] / c1;
                vHat[k] = v[k] / c2;
            }
            return new UpdateStage(6, "6 Optimiser state: Adam's m-hat and v-hat (step " + t + ")",
                    "\\hat m = \\frac{m}{1 - \\beta_1^t}, \\quad \\hat v = \\frac{v}{1 - \\beta_2^t}",
                    "m-hat (W) = " + Numbers.fixed4List(mHat) + "\nv-hat (W) = " + Numbers.fixed4List(vHat));
        }
        double[][] buffer = state.get("momentum_buffer");
        if (buffer == null) {
            return new UpdateStage(6, "6 Optimiser state: plain SGD keeps none", "g = \\frac{\\partial L}{\\partial W}",
                    "no momentum: the step is lr x the gradient");
        }
        return new UpdateStage(6, "6 Optimiser state: momentum buffer b <- mu b + g",
                "b \\leftarrow \\mu\\, b + (1 - d)\\, g", "buffer (W) = " + Numbers.fixed4List(buffer[0])
                        + (buffer.length > 1 ? "\nbuffer (b) = " + Numbers.fixed4List(buffer[1]) : ""));
    }

    private static String rows(String name, double[][] m) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < Math.min(LISTED, m.length); r++) {
            out.append(r > 0 ? "\n" : "").append(name).append('[').append(r).append("] = ").append(Numbers.fixed4List(m[r]));
        }
        if (m.length > LISTED) {
            out.append("\n... ").append(m.length - LISTED).append(" more samples");
        }
        return out.toString();
    }

    private static String matrix(String name, double[][] m) {
        StringBuilder out = new StringBuilder(name).append(" =");
        for (double[] row : m) {
            out.append("\n  ").append(Numbers.fixed4List(row));
        }
        return out.toString();
    }

    private static int[] first(int[] v) {
        return java.util.Arrays.copyOf(v, Math.min(v.length, LISTED * 4));
    }

    private static double[] first(double[] v) {
        return java.util.Arrays.copyOf(v, Math.min(v.length, LISTED * 4));
    }
}
