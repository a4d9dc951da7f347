package org.softmaxlab.engine;

/**
 * Adam as PyTorch's {@code torch.optim.Adam} (no amsgrad). For each parameter p with gradient g, at step t = 1, 2, ...:
 * <pre>
 *   g = g + weight_decay * p                (L2, not AdamW)
 *   m = m + (1 - beta1) * (g - m)           (PyTorch's lerp form of beta1 m + (1 - beta1) g)
 *   v = beta2 * v + (1 - beta2) * g^2
 *   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Throws {@link IllegalArgumentException} for lr <= 0, betas outside [0, 1), eps < 0 or weight decay < 0.
 */
public final class Adam implements Optimizer {
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private double[][] m;
    private double[][] v;
    private int t;

    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        setLearningRate(lr);
        Checks.require(beta1 >= 0 && beta1 < 1, "betas[0] must be in [0, 1), got " + beta1);
        Checks.require(beta2 >= 0 && beta2 < 1, "betas[1] must be in [0, 1), got " + beta2);
        Checks.require(eps >= 0 && Double.isFinite(eps), "eps must be >= 0, got " + eps);
        Checks.require(weightDecay >= 0 && Double.isFinite(weightDecay),
                "weight_decay must be >= 0, got " + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Adam withDefaults(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public void step(double[][] parameters, double[][] gradients) {
        if (m == null) {
            m = new double[parameters.length][];
            v = new double[parameters.length][];
            for (int k = 0; k < parameters.length; k++) {
                m[k] = new double[parameters[k].length];
                v[k] = new double[parameters[k].length];
            }
        }
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        for (int k = 0; k < parameters.length; k++) {
            double[] p = parameters[k];
            double[] g = gradients[k];
            double[] mk = m[k];
            double[] vk = v[k];
            for (int j = 0; j < p.length; j++) {
                double d = g[j] + (weightDecay != 0 ? weightDecay * p[j] : 0);
                mk[j] += (1 - beta1) * (d - mk[j]);
                vk[j] = beta2 * vk[j] + (1 - beta2) * d * d;
                p[j] -= stepSize * mk[j] / (Math.sqrt(vk[j]) / correction2 + eps);
            }
        }
    }

    /** {@code step}, {@code exp_avg} (m) and {@code exp_avg_sq} (v), as torch.optim.Adam keeps them. */
    @Override
    public OptimizerState state() {
        if (m == null) {
            return new OptimizerState(0, java.util.Map.of());
        }
        java.util.Map<String, double[][]> buffers = new java.util.LinkedHashMap<>();
        buffers.put("exp_avg", OptimizerState.copy(m));
        buffers.put("exp_avg_sq", OptimizerState.copy(v));
        return new OptimizerState(t, buffers);
    }

    @Override
    public Adam copy() {
        Adam c = new Adam(lr, beta1, beta2, eps, weightDecay);
        c.m = m == null ? null : OptimizerState.copy(m);
        c.v = v == null ? null : OptimizerState.copy(v);
        c.t = t;
        return c;
    }

    /** beta1 and beta2 (for the bias corrections m-hat and v-hat). */
    public double[] betas() {
        return new double[] {beta1, beta2};
    }

    @Override
    public void reset() {
        m = null;
        v = null;
        t = 0;
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
}
