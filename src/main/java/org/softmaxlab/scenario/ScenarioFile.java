package org.softmaxlab.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.Points;
import org.softmaxlab.model.TrainingSetup;

/**
 * The scenario file as JSON records, versions 1 and 2 (README "Scenario files"): what Jackson reads and writes.
 * Version 2 adds the Training tab's drawn points ({@code training.points}, rows of x0, x1, label); a file without
 * them is written as version 1, which older builds read. Every field may be missing and takes its default;
 * {@link #validate} checks values and shapes and builds the {@link Scenario}.
 */
record ScenarioFile(Integer version, String tab, ExplorerPart explorer, TrainingPart training) {

    /** The Explorer's batch and loss options. {@code weight} is read as {@code weights}, as in the CLI. */
    record ExplorerPart(double[][] logits, int[] targets, @JsonAlias("weight") double[] weights,
                        Boolean weightsEnabled, Double temperature, Double labelSmoothing, String reduction,
                        Integer selectedSample) {
    }

    /** The Training tab's setup and the step to run to. */
    record TrainingPart(String dataset, Integer classes, Integer perClass, Double noise, Integer dataSeed,
                        Integer initSeed, Boolean bias, @JsonInclude(JsonInclude.Include.NON_NULL) InitPart init,
                        OptimizerPart optimizer, Integer batchSize, LossPart loss, Integer steps,
                        @JsonInclude(JsonInclude.Include.NON_NULL) double[][] points) {
    }

    /** Explicit initial parameters: weight K x d and, with a bias, bias K (zeros when absent). */
    record InitPart(double[][] weight, @JsonInclude(JsonInclude.Include.NON_NULL) double[] bias) {
    }

    record OptimizerPart(String name, Double lr, Double momentum, Boolean nesterov, Double weightDecay) {
    }

    /** The training loss's options; {@code weight} is read as {@code weights}, as in the CLI. */
    record LossPart(@JsonAlias("weight") double[] weights, Double labelSmoothing, Double temperature) {
    }

    /** The file for {@code s}, every field written. */
    static ScenarioFile of(Scenario s) {
        Scenario.Explorer e = s.explorer();
        TrainingSetup t = s.training().setup();
        double[][] points = null;
        if (t.points() != null) {
            double[][] x = t.points().x();
            int[] labels = t.points().labels();
            points = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                points[i] = new double[] {x[i][0], x[i][1], labels[i]};
            }
        }
        return new ScenarioFile(points == null ? 1 : Scenario.VERSION, s.tab().key(),
                new ExplorerPart(e.logits(), e.targets(), e.weights(), e.weightsEnabled(), e.temperature(),
                        e.labelSmoothing(), e.reduction().label(), e.selectedSample()),
                new TrainingPart(t.dataset().label(), t.classes(), t.perClass(), t.noise(), (int) t.dataSeed(),
                        (int) t.initSeed(), t.bias(), t.initWeight() == null ? null
                        : new InitPart(t.initWeight(), t.initBias()),
                        new OptimizerPart(t.optimizer().label(), t.lr(), t.momentum(), t.nesterov(), t.weightDecay()),
                        t.batchSize(), new LossPart(t.classWeights(), t.labelSmoothing(), t.temperature()),
                        s.training().steps(), points));
    }

    /** Checks every value and builds the scenario; absent fields take their defaults. */
    Scenario validate(List<String> warnings) throws JsonInputException {
        int v = Fields.integer(Fields.or(version, 1), "version", new Limits.IntRange(1, Integer.MAX_VALUE));
        if (v > Scenario.VERSION) {
            throw new JsonInputException("version " + v + " is newer than this app reads (" + Scenario.VERSION
                    + "); update Softmax Lab");
        }
        AppTab shownTab;
        try {
            shownTab = AppTab.of(Fields.or(tab, AppTab.EXPLORER.key()));
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(e.getMessage());
        }
        Scenario.Explorer e = explorer == null ? defaultExplorer() : explorer(explorer);
        Scenario.Training t = training == null ? new Scenario.Training(TrainingSetup.notebook(), 0)
                : training(training);
        return new Scenario(shownTab, e, t, List.copyOf(warnings));
    }

    private static Scenario.Explorer defaultExplorer() {
        return new Scenario.Explorer(new double[][] {{2.0, 1.0, 0.1, -0.5, -1.2}}, new int[] {0},
                new double[] {1, 1, 1, 1, 1}, false, 1, 0, Reduction.MEAN, 0);
    }

    private static Scenario.Explorer explorer(ExplorerPart e) throws JsonInputException {
        double[][] logits = e.logits() == null ? defaultExplorer().logits()
                : Fields.matrix(e.logits(), "explorer.logits", Limits.IMPORT_SAMPLES, Limits.CLASSES.max());
        int n = logits.length;
        int c = logits[0].length;
        if (c < Limits.CLASSES.min()) {
            throw new JsonInputException("explorer.logits needs at least " + Limits.CLASSES.min() + " classes, got "
                    + c);
        }
        int[] targets = new int[n];
        if (e.targets() != null) {
            if (e.targets().length != n) {
                throw new JsonInputException("explorer.targets must hold " + n + " class indices (one per row of "
                        + "logits), not " + e.targets().length + " values");
            }
            for (int i = 0; i < n; i++) {
                targets[i] = e.targets()[i];
                if (targets[i] != Limits.IGNORE_INDEX && (targets[i] < 0 || targets[i] >= c)) {
                    throw new JsonInputException("explorer.targets[" + i + "] = " + targets[i] + " is not a class (0.."
                            + (c - 1) + ", or " + Limits.IGNORE_INDEX + " for ignored)");
                }
            }
        }
        double[] weights = new double[c];
        Arrays.fill(weights, 1.0);
        if (e.weights() != null) {
            weights = Fields.weights(e.weights(), "explorer.weights", c);
        }
        boolean enabled = Fields.or(e.weightsEnabled(), e.weights() != null);
        double t = Fields.number(Fields.or(e.temperature(), 1.0), "explorer.temperature", Limits.TEMPERATURE);
        double eps = Fields.number(Fields.or(e.labelSmoothing(), 0.0), "explorer.label_smoothing",
                Limits.LABEL_SMOOTHING);
        Reduction reduction;
        try {
            reduction = Reduction.parse(Fields.or(e.reduction(), Reduction.MEAN.label()));
        } catch (IllegalArgumentException ex) {
            throw new JsonInputException("explorer." + ex.getMessage());
        }
        int selected = Fields.integer(Fields.or(e.selectedSample(), 0), "explorer.selected_sample",
                new Limits.IntRange(0, n - 1));
        return new Scenario.Explorer(logits, targets, weights, enabled, t, eps, reduction, selected);
    }

    private static Scenario.Training training(TrainingPart t) throws JsonInputException {
        String name = Fields.or(t.dataset(), DatasetKind.NOTEBOOK.label());
        DatasetKind dataset = DatasetKind.fromLabel(name).orElseThrow(() -> new JsonInputException(
                "training.dataset must be one of " + DatasetKind.labels() + ", not \"" + name + "\""));
        TrainingSetup d = TrainingSetup.forDataset(dataset);
        int classes = dataset.classes(Fields.integer(Fields.or(t.classes(), d.classes()), "training.classes",
                Limits.TRAINING_CLASSES));
        int perClass = Fields.integer(Fields.or(t.perClass(), d.perClass()), "training.per_class",
                Limits.POINTS_PER_CLASS);
        double noise = Fields.number(Fields.or(t.noise(), d.noise()), "training.noise", Limits.NOISE);
        long dataSeed = Fields.integer(Fields.or(t.dataSeed(), (int) d.dataSeed()), "training.data_seed",
                Limits.SEED);
        long initSeed = Fields.integer(Fields.or(t.initSeed(), (int) d.initSeed()), "training.init_seed",
                Limits.SEED);
        boolean bias = Fields.or(t.bias(), d.bias());
        OptimizerPart o = Fields.or(t.optimizer(), new OptimizerPart(null, null, null, null, null));
        OptimizerKind optimizer = d.optimizer();
        if (o.name() != null) {
            optimizer = OptimizerKind.fromName(o.name()).orElseThrow(() -> new JsonInputException(
                    "training.optimizer.name must be \"SGD\" or \"Adam\", not \"" + o.name() + "\""));
        }
        double lr = Fields.number(Fields.or(o.lr(), d.lr()), "training.optimizer.lr", Limits.LEARNING_RATE);
        double momentum = Fields.number(Fields.or(o.momentum(), d.momentum()), "training.optimizer.momentum",
                Limits.MOMENTUM);
        boolean nesterov = Fields.or(o.nesterov(), d.nesterov());
        double weightDecay = Fields.number(Fields.or(o.weightDecay(), d.weightDecay()),
                "training.optimizer.weight_decay", Limits.WEIGHT_DECAY);
        int batch = Fields.integer(Fields.or(t.batchSize(), 0), "training.batch_size", Limits.BATCH_SIZE);
        LossPart l = Fields.or(t.loss(), new LossPart(null, null, null));
        double[] lossWeights = l.weights() == null ? null
                : Fields.weights(l.weights(), "training.loss.weights", classes);
        double eps = Fields.number(Fields.or(l.labelSmoothing(), 0.0), "training.loss.label_smoothing",
                Limits.LABEL_SMOOTHING);
        double temperature = Fields.number(Fields.or(l.temperature(), 1.0), "training.loss.temperature",
                Limits.TEMPERATURE);
        TrainingSetup setup = new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias,
                optimizer, lr, momentum, nesterov && momentum > 0, weightDecay, batch, lossWeights, eps, temperature,
                null, null, null).withDefaultInit();
        if (t.points() != null) {
            setup = setup.withPoints(points(t.points(), dataset, classes));
        }
        if (t.init() != null) {
            setup = withInit(setup, t.init());
        }
        int steps = Fields.integer(Fields.or(t.steps(), 0), "training.steps", Limits.STEPS);
        return new Scenario.Training(setup, steps);
    }

    private static Points points(double[][] rows, DatasetKind dataset, int classes) throws JsonInputException {
        if (!dataset.isPlanar()) {
            throw new JsonInputException("training.points apply to the 2-D datasets, not \"" + dataset.label() + "\"");
        }
        if (rows.length > Points.MAX) {
            throw new JsonInputException("training.points holds " + rows.length + " points; at most " + Points.MAX);
        }
        double[][] x = new double[rows.length][];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r == null || r.length != 3 || !Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
                throw new JsonInputException("training.points[" + i + "] must be [x0, x1, label] with finite numbers");
            }
            if (r[2] != Math.rint(r[2]) || r[2] < 0 || r[2] >= classes) {
                throw new JsonInputException("training.points[" + i + "] has label " + r[2] + "; labels are 0.."
                        + (classes - 1));
            }
            x[i] = new double[] {r[0], r[1]};
            labels[i] = (int) r[2];
        }
        return new Points(x, labels);
    }

    private static TrainingSetup withInit(TrainingSetup setup, InitPart init) throws JsonInputException {
        int classes = setup.classes();
        int features = setup.dataset().features();
        double[][] w = Fields.required(init.weight(), "training.init.weight");
        Fields.matrix(w, "training.init.weight", classes, features);
        if (w.length != classes || w[0].length != features) {
            throw new JsonInputException("training.init.weight must be " + classes + " x " + features
                    + " (classes x features), not " + w.length + " x " + w[0].length);
        }
        double[] b = init.bias() == null ? new double[classes]
                : Fields.vector(init.bias(), "training.init.bias", classes, Fields.ANY);
        return setup.withInit(w, setup.bias() ? b : null);
    }
}
