package org.softmaxlab.engine;

import java.util.SplittableRandom;

/**
 * A fully connected layer with PyTorch's layout: {@code weight} is out x in, {@code bias} has out entries, and
 * {@code logits = x W^T + b} for a batch x of n x in. The parameters are held flat (weight row-major) so that an
 * {@link Optimizer} can update them in place.
 *
 * <p>Backward, for {@code G = dL/dlogits} (n x out): {@code dL/dW = G^T x} (out x in), {@code dL/db = sum_n G_n}.
 */
public final class Linear {
    private final int inputs;
    private final int outputs;
    private final double[] weight;
    private final double[] bias;

    private Linear(int inputs, int outputs, boolean hasBias) {
        Checks.require(inputs > 0, "Linear needs at least one input feature, got " + inputs);
        Checks.require(outputs > 0, "Linear needs at least one output, got " + outputs);
        this.inputs = inputs;
        this.outputs = outputs;
        this.weight = new double[inputs * outputs];
        this.bias = hasBias ? new double[outputs] : null;
    }

    /**
     * PyTorch's default initialisation, seeded: every weight and bias entry uniform in [-1/sqrt(in), 1/sqrt(in)).
     * The same seed gives the same layer.
     */
    public static Linear initialised(int inputs, int outputs, boolean hasBias, long seed) {
        Linear layer = new Linear(inputs, outputs, hasBias);
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1.0 / Math.sqrt(inputs);
        for (int k = 0; k < layer.weight.length; k++) {
            layer.weight[k] = random.nextDouble(-bound, bound);
        }
        if (hasBias) {
            for (int k = 0; k < outputs; k++) {
                layer.bias[k] = random.nextDouble(-bound, bound);
            }
        }
        return layer;
    }

    /** A layer with explicit parameters; {@code bias} may be null for a layer without bias. */
    public static Linear of(double[][] weight, double[] bias) {
        int inputs = Checks.columns(weight, "weight", true);
        Linear layer = new Linear(inputs, weight.length, bias != null);
        layer.setWeight(weight);
        if (bias != null) {
            layer.setBias(bias);
        }
        return layer;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** {@code x W^T + b}: n x out for x of n x in. */
    public double[][] forward(double[][] x) {
        int cols = Checks.columns(x, "x", true);
        Checks.require(cols == inputs, "x has " + cols + " features per sample but the layer takes " + inputs);
        double[][] out = new double[x.length][outputs];
        for (int i = 0; i < x.length; i++) {
            forwardRow(x[i], out[i]);
        }
        return out;
    }

    void forwardRow(double[] xi, double[] out) {
        forwardFlat(xi, 0, out, 0);
    }

    /**
     * {@code W x + b} for the samples {@code rows[0..n)} of the flat sample matrix {@code x} (row-major, in
     * features each), into {@code out} (n x out): the trainer's batch forward, one call per step.
     */
    void forwardRows(double[] x, int[] rows, int n, double[] out) {
        for (int r = 0; r < n; r++) {
            int xo = rows[r] * inputs;
            int oo = r * outputs;
            for (int o = 0; o < outputs; o++) {
                int base = o * inputs;
                double s = 0;
                for (int k = 0; k < inputs; k++) {
                    s += weight[base + k] * x[xo + k];
                }
                out[oo + o] = bias == null ? s : s + bias[o];
            }
        }
    }

    /** {@code out[oo..oo+out) = W x + b} for the sample at {@code x[xo..xo+in)}. */
    void forwardFlat(double[] x, int xo, double[] out, int oo) {
        for (int o = 0; o < outputs; o++) {
            int base = o * inputs;
            double s = 0;
            for (int k = 0; k < inputs; k++) {
                s += weight[base + k] * x[xo + k];
            }
            out[oo + o] = bias == null ? s : s + bias[o];
        }
    }

    /**
     * Gradients of the loss with respect to the parameters, flat like {@link #parameters()}: {@code [dW, db]}
     * (db absent without bias).
     */
    public double[][] backward(double[][] x, double[][] gradLogits) {
        double[] dW = new double[weight.length];
        double[] db = bias == null ? null : new double[outputs];
        for (int i = 0; i < x.length; i++) {
            double[] g = gradLogits[i];
            double[] xi = x[i];
            for (int o = 0; o < outputs; o++) {
                double go = g[o];
                int base = o * inputs;
                for (int k = 0; k < inputs; k++) {
                    dW[base + k] += go * xi[k];
                }
                if (db != null) {
                    db[o] += go;
                }
            }
        }
        return db == null ? new double[][] {dW} : new double[][] {dW, db};
    }

    /** The live parameter arrays, {@code [W flat row-major, b]}, for an optimiser to update in place. */
    double[][] parameters() {
        return bias == null ? new double[][] {weight} : new double[][] {weight, bias};
    }

    /** A copy of the weight, out x in. */
    public double[][] weight() {
        double[][] w = new double[outputs][inputs];
        for (int o = 0; o < outputs; o++) {
            System.arraycopy(weight, o * inputs, w[o], 0, inputs);
        }
        return w;
    }

    /** A copy of the bias, or null without bias. */
    public double[] bias() {
        return bias == null ? null : bias.clone();
    }

    /** Sets every weight; {@code w} must be out x in and finite. */
    public void setWeight(double[][] w) {
        int cols = Checks.columns(w, "weight", true);
        Checks.require(w.length == outputs && cols == inputs,
                "weight is " + w.length + " x " + cols + " but the layer needs " + outputs + " x " + inputs);
        for (int o = 0; o < outputs; o++) {
            System.arraycopy(w[o], 0, weight, o * inputs, inputs);
        }
    }

    /** Sets the bias; {@code b} must have out finite entries and the layer must have a bias. */
    public void setBias(double[] b) {
        Checks.require(bias != null, "this layer has no bias");
        Checks.require(b != null && b.length == outputs,
                "bias has " + (b == null ? 0 : b.length) + " entries but the layer has " + outputs + " outputs");
        Checks.finite(b, "bias");
        System.arraycopy(b, 0, bias, 0, outputs);
    }

    /** An independent copy with the same parameters. */
    public Linear copy() {
        Linear c = new Linear(inputs, outputs, bias != null);
        System.arraycopy(weight, 0, c.weight, 0, weight.length);
        if (bias != null) {
            System.arraycopy(bias, 0, c.bias, 0, outputs);
        }
        return c;
    }
}
