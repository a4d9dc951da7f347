package org.softmaxlab.model;

import org.softmaxlab.engine.Adam;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.Optimizer;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.engine.Trainer;

/**
 * Everything needed to start (or restart identically) a training run. {@link #build()} makes a fresh trainer.
 *
 * @param dataset     which points
 * @param classes     K (for a kind with fixed classes, its own K)
 * @param perClass    points per class for the 2-D datasets
 * @param noise       spread of the 2-D datasets
 * @param dataSeed    seed of the dataset (and of mini-batch shuffling)
 * @param initSeed    seed of the layer's initialisation
 * @param bias        whether the layer has a bias
 * @param optimizer   SGD or Adam
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
 * @param points      points drawn or imported on the plane in place of the seeded dataset (2-D kinds), or null
 */
public record TrainingSetup(DatasetKind dataset, int classes, int perClass, double noise, long dataSeed,
                            long initSeed, boolean bias, OptimizerKind optimizer, double lr, double momentum,
                            boolean nesterov, double weightDecay, int batchSize, double[] classWeights,
                            double labelSmoothing, double temperature, double[][] initWeight, double[] initBias,
                            Points points) {

    /** The notebook's initial logits for x = [1, 0, 0]. */
    public static final double[] NOTEBOOK_LOGITS = {0.2210, -1.4186, -1.5137};

    /** The notebook's example C: its sample, Linear(3, 3) with bias, SGD lr 0.1 without momentum. */
    public static TrainingSetup notebook() {
        return new TrainingSetup(DatasetKind.NOTEBOOK, 3, 1, 0, 0, 0, true, OptimizerKind.SGD, 0.1, 0, false, 0, 0,
                null, 0, 1, null, null, null).withDefaultInit();
    }

    /** 2-D blobs with 3 classes of 100 points, SGD lr 0.5. */
    public static TrainingSetup blobs() {
        return new TrainingSetup(DatasetKind.BLOBS, 3, 100, 0.8, 1, 1, true, OptimizerKind.SGD, 0.5, 0, false, 0, 0,
                null, 0, 1, null, null, null);
    }

    /** The default setup for a dataset. */
    public static TrainingSetup forDataset(DatasetKind kind) {
        return switch (kind) {
            case NOTEBOOK -> notebook();
            case BLOBS -> blobs();
            case SPIRAL -> blobs().withDataset(DatasetKind.SPIRAL).withNoise(0.2).withLr(1.0);
            case IMBALANCED -> blobs().withDataset(DatasetKind.IMBALANCED);
        };
    }

    /**
     * This setup with the initial parameters that apply when none were set by hand: the notebook's sample with init
     * seed 0 starts from the weights that give the notebook's printed logits (and a zero bias); every other setup
     * from the seeded initialisation.
     */
    public TrainingSetup withDefaultInit() {
        if (dataset != DatasetKind.NOTEBOOK || initSeed != 0) {
            return withInit(null, null);
        }
        double[][] w = Linear.initialised(dataset.features(), classes, true, 0).weight();
        for (int k = 0; k < classes; k++) {
            w[k][0] = NOTEBOOK_LOGITS[k];
        }
        return withInit(w, bias ? new double[classes] : null);
    }

    /** The dataset this setup describes: its drawn points, or the seeded points of its kind. */
    public Dataset buildDataset() {
        if (points != null) {
            if (points.size() == 0) {
                throw new IllegalArgumentException("no points yet: click the plane to add points of the chosen class");
            }
            return new Dataset("drawn points", points.x(), points.labels(), classes);
        }
        return dataset.build(classes, perClass, noise, dataSeed);
    }

    /** This setup training on {@code p} (null: back to the seeded points of its kind). */
    public TrainingSetup withPoints(Points p) {
        if (p != null && !dataset.isPlanar()) {
            throw new IllegalArgumentException("points are drawn on 2-D datasets only, not " + dataset.label());
        }
        if (p != null && p.classesUsed() > classes) {
            throw new IllegalArgumentException("a point has label " + (p.classesUsed() - 1) + " but there are "
                    + classes + " classes");
        }
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias, p);
    }

    /** The loss options of the run: class weights, smoothing and temperature, mean reduction. */
    public CrossEntropyOptions lossOptions() {
        return new CrossEntropyOptions(classWeights, Limits.IGNORE_INDEX, Reduction.MEAN, labelSmoothing,
                temperature);
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
        return new Trainer(data, model, buildOptimizer(), lossOptions(), batchSize, dataSeed);
    }

    private Optimizer buildOptimizer() {
        return optimizer == OptimizerKind.ADAM ? new Adam(lr, 0.9, 0.999, 1e-8, weightDecay)
                : new Sgd(lr, momentum, 0, nesterov && momentum > 0, weightDecay);
    }

    public TrainingSetup withDataset(DatasetKind d) {
        return new TrainingSetup(d, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withNoise(double n) {
        return new TrainingSetup(dataset, classes, perClass, n, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withLr(double rate) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, rate, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    /** This setup starting from explicit parameters (null weight: the seeded initialisation). */
    public TrainingSetup withInit(double[][] weight, double[] b) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, weight, b, points);
    }

    public TrainingSetup withClasses(int v) {
        return new TrainingSetup(dataset, v, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withPerClass(int v) {
        return new TrainingSetup(dataset, classes, v, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withDataSeed(long v) {
        return new TrainingSetup(dataset, classes, perClass, noise, v, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withInitSeed(long v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, v, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withBias(boolean v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, v, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withOptimizer(OptimizerKind v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, v, lr, momentum, nesterov,
                weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias, points);
    }

    public TrainingSetup withMomentum(double v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, v,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias,
                points);
    }

    public TrainingSetup withNesterov(boolean v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                v, weightDecay, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias, points);
    }

    public TrainingSetup withWeightDecay(double v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, v, batchSize, classWeights, labelSmoothing, temperature, initWeight, initBias, points);
    }

    public TrainingSetup withBatchSize(int v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, v, classWeights, labelSmoothing, temperature, initWeight, initBias, points);
    }

    public TrainingSetup withLabelSmoothing(double v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, v, temperature, initWeight, initBias, points);
    }

    public TrainingSetup withTemperature(double v) {
        return new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias, optimizer, lr, momentum,
                nesterov, weightDecay, batchSize, classWeights, labelSmoothing, v, initWeight, initBias, points);
    }
}
