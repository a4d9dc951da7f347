package org.softmaxlab.model;

import java.util.List;
import org.softmaxlab.engine.Reduction;

/**
 * A named starting point for the Explorer: logits (samples x classes), targets, optional class weights and the loss
 * options.
 */
public record ExplorerPreset(String name, double[][] logits, int[] targets, double[] weights, double temperature,
                             double labelSmoothing, Reduction reduction) {

    public static final String DEFAULT = "Default";
    public static final String EXAMPLE_A = "Notebook example A";
    public static final String EXAMPLE_B = "Notebook example B (weighted)";
    public static final String CONFIDENT_WRONG = "Confident and wrong";
    /** The Losses tab's preset: p_y near 0, where MSE's gradient vanishes and cross-entropy's stays near 1. */
    public static final String CE_VS_MSE = "Confident and wrong: CE vs MSE";
    public static final String UNIFORM = "Uniform";
    public static final String HUGE = "Huge logits (1000)";
    /** exp(12) is past float16's largest value (65504): the naive float16 softmax gives NaN, the stable one works. */
    public static final String FLOAT16_OVERFLOW = "float16 overflow";

    /** The presets offered in {@code #presetChoice}, in menu order. */
    public static List<ExplorerPreset> all() {
        return List.of(
                plain(DEFAULT, new double[][] {{2.0, 1.0, 0.1, -0.5, -1.2}}, 0),
                new ExplorerPreset(EXAMPLE_A, new double[][] {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}}, new int[] {0, 1},
                        null, 1, 0, Reduction.MEAN),
                new ExplorerPreset(EXAMPLE_B, new double[][] {{2.0, 1.0}, {2.0, 1.0}}, new int[] {1, 1},
                        new double[] {1.0, 10.0}, 1, 0, Reduction.MEAN),
                plain(CONFIDENT_WRONG, new double[][] {{8.0, 0.5, -1.0, -2.0}}, 3),
                plain(CE_VS_MSE, new double[][] {{7.0, 0.0, -1.0}}, 2),
                plain(UNIFORM, new double[][] {{0.0, 0.0, 0.0, 0.0, 0.0}}, 0),
                plain(HUGE, new double[][] {{1000.0, 999.0, 0.0}}, 0),
                plain(FLOAT16_OVERFLOW, new double[][] {{12.0, 11.0, 0.0}}, 0));
    }

    /** The presets' names, in menu order. */
    public static List<String> names() {
        return all().stream().map(ExplorerPreset::name).toList();
    }

    /** The preset of that name. */
    public static ExplorerPreset named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset named \"" + name + "\""));
    }

    /** The Explorer's state this preset starts from: sample 0 selected, weighting on when it has weights. */
    public ExplorerState toState() {
        return ExplorerState.of(logits, targets, weights, weights != null, temperature, labelSmoothing, reduction, 0);
    }

    private static ExplorerPreset plain(String name, double[][] logits, int target) {
        return new ExplorerPreset(name, logits, new int[] {target}, null, 1, 0, Reduction.MEAN);
    }
}
