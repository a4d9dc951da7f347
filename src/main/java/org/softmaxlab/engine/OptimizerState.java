package org.softmaxlab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimiser's state after its last step, named as {@code torch.optim} names it: SGD with momentum holds
 * {@code momentum_buffer}; Adam holds {@code step}, {@code exp_avg} and {@code exp_avg_sq}; plain SGD holds nothing.
 *
 * @param step    Adam's step count, or null for SGD
 * @param buffers per name, one array per parameter (in {@link Linear#parameters()} order: weight row-major, then
 *                bias), copies; empty before the first step and for plain SGD
 */
public record OptimizerState(Integer step, Map<String, double[][]> buffers) {

    public OptimizerState {
        buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    }

    static double[][] copy(double[][] arrays) {
        double[][] out = new double[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            out[k] = arrays[k] == null ? null : arrays[k].clone();
        }
        return out;
    }
}
