package org.softmaxlab.engine;

/**
 * Updates parameters in place from their gradients, with PyTorch's semantics. Call order: {@code step*} (each after
 * the gradients of the current parameters are computed), then {@code reset} to forget the state (momentum buffers,
 * moment estimates, step count). Hyper-parameters may change between steps without a reset.
 */
public interface Optimizer {

    /** One update; {@code parameters[k]} and {@code gradients[k]} have equal lengths and keep them across steps. */
    void step(double[][] parameters, double[][] gradients);

    /** Forgets the optimiser's state; the next step behaves as the first. */
    void reset();

    /** The learning rate. */
    double learningRate();

    /** Changes the learning rate (finite, > 0) for the following steps. */
    void setLearningRate(double lr);

    /** The state after the last step, as {@code torch.optim}'s {@code state} names it. */
    OptimizerState state();

    /** An independent copy with the same settings and state: stepping it leaves this one as it was. */
    Optimizer copy();
}
