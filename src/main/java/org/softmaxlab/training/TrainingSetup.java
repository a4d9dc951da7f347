package org.softmaxlab.training;

import org.softmaxlab.engine.Adam;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Datasets;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.Optimizer;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.engine.Trainer;

/**
 * Everything needed to start (or restart identically) a training run. {@link #build()} makes a fresh trainer.
 *
 * @param dataset     one of {@link #DATASETS}
 * @param classes     K for the 2-D datasets (2..6)
 * @param perClass    points per class for the 2-D datasets
 * @param noise       spread of the 2-D datasets
 * @param dataSeed    seed of the dataset
 * @param initSeed    seed of the layer's initialisation
 * @param bias        whether the layer has a bias
 * @param optimizer   "SGD" or "Adam"
 * @param lr          learning rate
 * @param momentum    SGD momentum
 * @param nesterov    SGD Nesterov momentum
 * @param weightDecay L2 weight decay
 * @param batchSize   0 for full batch
 * @param classWeights per-class loss weights, or null
 * @param labelSmoothing label smoothing eps
 * @param temperature softmax temperature
 * @param initWeight  explicit initial weight (K x d), or null for the seeded initialisation
 * @param initBias    explicit initial bias, or null
 */
public record TrainingSetup(String dataset, int classes, int perClass, double noise, long dataSeed, long initSeed,
                            boolean bias, String optimizer, double lr, double momentum, boolean nesterov,
                            double weightDecay, int batchSize, double[] classWeights, double labelSmoothing,
                            double temperature, double[][] initWeight, double[] initBias) {

    public static final String NOTEBOOK = "Notebook example C";
    public static final String BLOBS = "2-D blobs";
    public static final String SPIRAL = "2-D spiral";
    public static final String IMBALANCED = "Imbalanced blobs";
    public static final java.util.List<String> DATASETS = java.util.List.of(NOTEBOOK, BLOBS, SPIRAL, IMBALANCED);
    public static final String SGD = "SGD";
    public static final String ADAM = "Adam";
    /** The notebook's initial logits for x = [1, 0, 0]. */
    public static final double[] NOTEBOOK_LOGITS = {0.2210, -1.4186, -1.5137};

    /** The notebook's example C: its sample, Linear(3, 3) with bias, SGD lr 0.1 without momentum. */
    public static TrainingSetup notebook() {
        double[][] w = Linear.initialised(3, 3, true, 0).weight();
        for (int k = 0; k < 3; k++) {
            w[k][0] = NOTEBOOK_LOGITS[k];
        }
        return new TrainingSetup(NOTEBOOK, 3, 1, 0, 0, 0, true, SGD, 0.1, 0, false, 0, 0, null, 0, 1, w,
                new double[3]);
    }

    /** 2-D blobs with 3 classes of 100 points, SGD lr 0.5. */
    public static TrainingSetup blobs() {
        return new TrainingSetup(BLOBS, 3, 100, 0.8, 1, 1, true, SGD, 0.5, 0, false, 0, 0, null, 0, 1, null, null);
    }

    /** The default setup for a dataset name. */
    public static TrainingSetup forDataset(String name) {
        return switch (name) {
            case NOTEBOOK -> notebook();
            case BLOBS -> blobs();
            case SPIRAL -> blobs().withDataset(SPIRAL).withNoise(0.2).withLr(1.0);
            case IMBALANCED -> blobs().withDataset(IMBALANCED);
            default -> throw new IllegalArgumentException("unknown dataset \"" + name + "\"; expected one of "
                    + DATASETS);
        };
    }

    /** The dataset this setup describes. */
    public Dataset buildDataset() {
        return switch (dataset) {
            case NOTEBOOK -> Datasets.notebookSample();
            case BLOBS -> Datasets.blobs(classes, perClass, noise, dataSeed);
            case SPIRAL -> Datasets.spiral(classes, perClass, noise, dataSeed);
            case IMBALANCED -> Datasets.imbalancedBlobs(classes, perClass, noise, dataSeed);
            default -> throw new IllegalArgumentException("unknown dataset \"" + dataset + "\"");
        };
    }

    /** A fresh trainer at step 0; the same setup always gives the same run. */
    public Trainer build() {
        Dataset data = buildDataset();
        Linear model;
        if (initWeight != null) {
            model = Linear.of(initWeight, bias ? (initBias != null ? initBias : new double[initWeight.length]) : null);
        } else {
            model = Linear.initialised(data.features(), data.classes(), bias, initSeed);
        }
        CrossEntropyOptions options = new CrossEntropyOptions(classWeights, CrossEntropyOptions.DEFAULT_IGNORE_INDEX,
                Reduction.MEAN, labelSmoothing, temperature);
        return new Trainer(data, model, buildOptimizer(), options, batchSize, dataSeed);
    }

    private Optimizer buildOptimizer() {
        return ADAM.equals(optimizer) ? new Adam(lr, 0.9, 0.999, 1e-8, weightDecay)
                : new Sgd(lr, momentum, 0, nesterov && momentum > 0, weightDecay);
    }

    public TrainingSetup withDataset(String d) {
        return new TrainingSetup(d, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias);
    }

    public TrainingSetup withNoise(double n) {
        return new TrainingSetup(dataset, classes, perClass, n, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias);
    }

    public TrainingSetup withLr(double rate) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, rate,
                momentum, nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight,
                initBias);
    }
}
