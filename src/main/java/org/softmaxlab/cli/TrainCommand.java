package org.softmaxlab.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.OptimizerState;
import org.softmaxlab.engine.RoundedTraining;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.model.Limits;
import org.softmaxlab.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code train [FILE|-]}: trains a Linear layer and prints one JSON line per step. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train Linear(in, K) with cross-entropy (or mse, multi_margin, focal); one JSON line per step:",
                "{\"step\", \"loss\", \"logits\", \"weight\", \"bias\", \"accuracy\"}, each computed before that step's update,",
                "then \"grad_weight\", \"grad_bias\" (that step's gradient) and \"optimizer_state\" (after its update).",
                "In: {\"x\": [[..]], \"targets\": [..], \"init\": {\"weight\": [[..]], \"bias\": [..]} or {\"seed\": 7, \"classes\": 3},",
                "     \"bias\": true, \"optimizer\": {\"name\": \"sgd\"|\"adam\", \"lr\", \"momentum\", \"dampening\", \"nesterov\",",
                "     \"weight_decay\", \"betas\", \"eps\"}, \"loss\": {\"name\": \"cross_entropy\"|\"mse\"|\"multi_margin\"|\"focal\",",
                "     eval's options}, \"steps\": 51, \"batch_size\": 0 (full batch), \"shuffle_seed\": 0}"})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    @Option(names = "--scenario", paramLabel = "SCENARIO", description = "train a scenario file's Training setup "
            + "exactly as the app does (its seeded or drawn data, initial weights, optimiser and loss)")
    Path scenario;

    @Option(names = "--steps", paramLabel = "N", description = "steps to run with --scenario (default: the "
            + "scenario's steps, or " + TrainInput.DEFAULT_STEPS + " when it has none)")
    Integer steps;

    @Option(names = "--dump-data", description = "with --scenario, first print {\"x\", \"targets\", \"weight\", "
            + "\"bias\"}: the data and initial weights used")
    boolean dumpData;

    private final Cli cli;

    TrainCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (scenario != null) {
            return trainScenario();
        }
        if (steps != null || dumpData) {
            throw new BadInputException("--steps and --dump-data go with --scenario; in JSON input, \"steps\" sets the "
                    + "steps");
        }
        TrainInput in = JsonInput.read(file, cli.in(), TrainInput.class);
        double[][] x = JsonInput.checked(in::inputs);
        int[] labels = JsonInput.checked(in::labels);
        Linear model = JsonInput.checked(() -> in.model(x[0].length, labels));
        Dataset data = new Dataset("input", x, labels, model.outputs());
        LossSpec spec = JsonInput.checked(in::lossSpec);
        int steps = JsonInput.checked(in::stepCount);
        if (in.rounded()) {
            RoundedTraining.Settings settings = JsonInput.checked(in::roundedSettings);
            RoundedTraining run = new RoundedTraining(x, labels, JsonInput.checked(in::ignoreIndex), model.weight(),
                    model.bias(), JsonInput.checked(in::learningRate), settings);
            for (int i = 0; i < steps; i++) {
                cli.out().println(line(run.step()).finish());
            }
            cli.out().flush();
            return 0;
        }
        Trainer trainer = new Trainer(data, model, JsonInput.checked(in::optimizerOf), CrossEntropyOptions.defaults(),
                in.batchSize() == null ? 0 : in.batchSize(), in.shuffleSeed() == null ? 0 : in.shuffleSeed());
        trainer.setLoss(spec);
        run(trainer, steps, cli);
        return 0;
    }

    private int trainScenario() {
        if (file != null) {
            throw new BadInputException("give either a JSON input FILE or --scenario, not both");
        }
        Scenario.Training training = Scenarios.read(scenario).training();
        int n = steps != null ? steps : Scenarios.steps(training);
        if (!Limits.STEPS.contains(n)) {
            throw new BadInputException("--steps must be in 0.." + Limits.STEPS.max() + ", got " + n);
        }
        Trainer trainer = training.setup().build();
        if (dumpData) {
            JsonOutput data = new JsonOutput().matrix("x", trainer.dataset().x());
            data.ints("targets", trainer.dataset().labels());
            data.matrix("weight", trainer.model().weight());
            if (trainer.model().bias() == null) {
                data.nullField("bias");
            } else {
                data.vector("bias", trainer.model().bias());
            }
            cli.out().println(data.finish());
        }
        run(trainer, n, cli);
        return 0;
    }

    /** Takes {@code steps} steps and prints one line each; also what {@code train --scenario} runs. */
    static void run(Trainer trainer, int steps, Cli cli) {
        for (int i = 0; i < steps; i++) {
            TrainingStep s = trainer.step();
            cli.out().println(line(s, trainer).finish());
        }
        cli.out().flush();
    }

    /** A step in a format: train's keys (the gradients unscaled, as the update used them) and grad_underflow. */
    private static JsonOutput line(RoundedTraining.Step s) {
        JsonOutput line = stepKeys(s.step(), s.loss(), s.logits(), s.weight(), s.bias(), s.accuracy(),
                s.gradWeight(), s.gradBias());
        line.beginObject("optimizer_state").endObject();
        return line.integer("grad_underflow", s.underflowed());
    }

    /** The keys every train line starts with, up to grad_bias (left out without a bias). */
    private static JsonOutput stepKeys(int step, double loss, double[][] logits, double[][] weight, double[] bias,
                                       double accuracy, double[][] gradWeight, double[] gradBias) {
        JsonOutput line = new JsonOutput()
                .integer("step", step)
                .number("loss", loss)
                .matrix("logits", logits)
                .matrix("weight", weight);
        if (bias == null) {
            line.nullField("bias");
        } else {
            line.vector("bias", bias);
        }
        line.number("accuracy", accuracy);
        line.matrix("grad_weight", gradWeight);
        if (gradBias != null) {
            line.vector("grad_bias", gradBias);
        }
        return line;
    }

    private static JsonOutput line(TrainingStep s, Trainer trainer) {
        JsonOutput line = stepKeys(s.step(), s.loss(), s.logits(), s.weight(), s.bias(), s.accuracy(),
                trainer.lastWeightGradient(), trainer.lastBiasGradient());
        line.beginObject("optimizer_state");
        OptimizerState state = trainer.optimizer().state();
        if (state.step() != null && !state.buffers().isEmpty()) {
            line.integer("step", state.step());
        }
        int outputs = trainer.model().outputs();
        for (Map.Entry<String, double[][]> e : state.buffers().entrySet()) {
            line.beginObject(e.getKey());
            double[][] perParameter = e.getValue();
            line.matrix("weight", reshape(perParameter[0], outputs));
            if (perParameter.length > 1) {
                line.vector("bias", perParameter[1]);
            }
            line.endObject();
        }
        return line.endObject();
    }

    /** A row-major flat array of {@code rows} rows. */
    private static double[][] reshape(double[] flat, int rows) {
        int columns = flat.length / rows;
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return m;
    }
}
