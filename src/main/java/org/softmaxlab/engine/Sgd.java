package org.softmaxlab.engine;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD}. For each parameter p with gradient g:
 * <pre>
 *   g = g + weight_decay * p
 *   if momentum != 0:
 *       b = g                                   on the first step
 *       b = momentum * b + (1 - dampening) * g  afterwards
 *       g = nesterov ? g + momentum * b : b
 *   p = p - lr * g
 * </pre>
 * Throws {@link IllegalArgumentException} for lr <= 0, momentum or weight decay < 0, or nesterov without momentum or
 * with dampening, as PyTorch does.
 */
public final class Sgd implements Optimizer {
    private double lr;
    private double momentum;
    private final double dampening;
    private final boolean nesterov;
    private double weightDecay;
    private double[][] buffers;

    public Sgd(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        setLearningRate(lr);
        setMomentum(momentum);
        Checks.require(Double.isFinite(dampening), "dampening must be finite, got " + dampening);
        setWeightDecay(weightDecay);
        Checks.require(!nesterov || (momentum > 0 && dampening == 0),
                "nesterov momentum needs momentum > 0 and dampening 0");
        this.dampening = dampening;
        this.nesterov = nesterov;
    }

    /** Plain SGD: no momentum, no weight decay. */
    public static Sgd plain(double lr) {
        return new Sgd(lr, 0, 0, false, 0);
    }

    @Override
    public void step(double[][] parameters, double[][] gradients) {
        if (momentum != 0 && buffers == null) {
            buffers = new double[parameters.length][];
        }
        for (int k = 0; k < parameters.length; k++) {
            double[] p = parameters[k];
            double[] g = gradients[k];
            boolean first = momentum != 0 && buffers[k] == null;
            if (first) {
                buffers[k] = new double[p.length];
            }
            for (int j = 0; j < p.length; j++) {
                double d = g[j] + (weightDecay != 0 ? weightDecay * p[j] : 0);
                if (momentum != 0) {
                    double b = first ? d : momentum * buffers[k][j] + (1 - dampening) * d;
                    buffers[k][j] = b;
                    d = nesterov ? d + momentum * b : b;
                }
                p[j] -= lr * d;
            }
        }
    }

    @Override
    public void reset() {
        buffers = null;
    }

    @Override
    public Sgd copy() {
        Sgd c = new Sgd(lr, momentum, dampening, nesterov, weightDecay);
        c.buffers = buffers == null ? null : OptimizerState.copy(buffers);
        return c;
    }

    /** {@code momentum_buffer} per parameter once a step with momentum has run; nothing for plain SGD. */
    @Override
    public OptimizerState state() {
        return new OptimizerState(null, buffers == null ? java.util.Map.of()
                : java.util.Map.of("momentum_buffer", OptimizerState.copy(buffers)));
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        Checks.learningRate(lr);
        this.lr = lr;
    }

    public double momentum() {
        return momentum;
    }

    /** Changes the momentum (>= 0); the buffer is kept, as when editing a PyTorch param group. */
    public void setMomentum(double momentum) {
        Checks.require(momentum >= 0 && Double.isFinite(momentum), "momentum must be >= 0, got " + momentum);
        Checks.require(!nesterov || momentum > 0, "nesterov momentum needs momentum > 0");
        this.momentum = momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public void setWeightDecay(double weightDecay) {
        Checks.require(weightDecay >= 0 && Double.isFinite(weightDecay),
                "weight_decay must be >= 0, got " + weightDecay);
        this.weightDecay = weightDecay;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public double dampening() {
        return dampening;
    }
}
