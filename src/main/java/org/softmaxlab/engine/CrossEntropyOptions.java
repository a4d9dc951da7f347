package org.softmaxlab.engine;

import java.util.Arrays;

/**
 * The options of {@link CrossEntropyLoss}, named and defaulted as PyTorch's {@code nn.CrossEntropyLoss}, plus a
 * temperature applied to the logits before softmax.
 *
 * @param weight         one weight per class ({@code null}: every class weighs 1); each finite and >= 0
 * @param ignoreIndex    class-index targets equal to this count nowhere (default {@link #DEFAULT_IGNORE_INDEX})
 * @param reduction      none, sum or mean (default mean)
 * @param labelSmoothing eps in [0, 1] (default 0)
 * @param temperature    T > 0; the loss sees {@code logits / T} (default 1)
 */
public record CrossEntropyOptions(double[] weight, int ignoreIndex, Reduction reduction, double labelSmoothing,
                                  double temperature) {

    public static final int DEFAULT_IGNORE_INDEX = -100;

    public CrossEntropyOptions {
        Checks.require(reduction != null, "reduction is missing");
        Checks.require(labelSmoothing >= 0 && labelSmoothing <= 1,
                "label_smoothing must be in [0, 1], got " + labelSmoothing);
        Checks.temperature(temperature);
        if (weight != null) {
            weight = weight.clone();
            for (int c = 0; c < weight.length; c++) {
                Checks.require(Double.isFinite(weight[c]), "weight[" + c + "] is " + weight[c]
                        + "; class weights must be finite");
                Checks.require(weight[c] >= 0, "weight[" + c + "] is " + weight[c]
                        + "; class weights must be >= 0");
            }
        }
    }

    /** PyTorch's defaults: no weight, the default ignore_index, mean, no smoothing, T = 1. */
    public static CrossEntropyOptions defaults() {
        return new CrossEntropyOptions(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0, 1.0);
    }

    @Override
    public double[] weight() {
        return weight == null ? null : weight.clone();
    }

    /** The weight of class {@code c} (1 when there is no weight vector). */
    public double weightOf(int c) {
        return weight == null ? 1.0 : weight[c];
    }

    public boolean hasWeight() {
        return weight != null;
    }

    public CrossEntropyOptions withWeight(double[] newWeight) {
        return new CrossEntropyOptions(newWeight, ignoreIndex, reduction, labelSmoothing, temperature);
    }

    public CrossEntropyOptions withIgnoreIndex(int newIgnoreIndex) {
        return new CrossEntropyOptions(weight, newIgnoreIndex, reduction, labelSmoothing, temperature);
    }

    public CrossEntropyOptions withReduction(Reduction newReduction) {
        return new CrossEntropyOptions(weight, ignoreIndex, newReduction, labelSmoothing, temperature);
    }

    public CrossEntropyOptions withLabelSmoothing(double eps) {
        return new CrossEntropyOptions(weight, ignoreIndex, reduction, eps, temperature);
    }

    public CrossEntropyOptions withTemperature(double t) {
        return new CrossEntropyOptions(weight, ignoreIndex, reduction, labelSmoothing, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrossEntropyOptions other
                && Arrays.equals(weight, other.weight)
                && ignoreIndex == other.ignoreIndex
                && reduction == other.reduction
                && Double.compare(labelSmoothing, other.labelSmoothing) == 0
                && Double.compare(temperature, other.temperature) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weight) * 31 + java.util.Objects.hash(ignoreIndex, reduction, labelSmoothing,
                temperature);
    }

    @Override
    public String toString() {
        return "CrossEntropyOptions[weight=" + Arrays.toString(weight) + ", ignoreIndex=" + ignoreIndex
                + ", reduction=" + reduction + ", labelSmoothing=" + labelSmoothing
                + ", temperature=" + temperature + "]";
    }
}
