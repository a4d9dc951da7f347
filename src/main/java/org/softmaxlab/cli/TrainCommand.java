package org.softmaxlab.cli;

import java.util.concurrent.Callable;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.engine.TrainingStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code train [FILE|-]}: trains a Linear layer and prints one JSON line per step. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train Linear(in, K) with cross-entropy; prints one JSON line per step:",
                "{\"step\", \"loss\", \"logits\", \"weight\", \"bias\", \"accuracy\"}, each computed before that step's update.",
                "In: {\"x\": [[..]], \"targets\": [..], \"init\": {\"weight\": [[..]], \"bias\": [..]} or {\"seed\": 7, \"classes\": 3},",
                "     \"bias\": true, \"optimizer\": {\"name\": \"sgd\"|\"adam\", \"lr\", \"momentum\", \"dampening\", \"nesterov\",",
                "     \"weight_decay\", \"betas\", \"eps\"}, \"loss\": {eval's options}, \"steps\": 51,",
                "     \"batch_size\": 0 (full batch), \"shuffle_seed\": 0}"})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    TrainCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        TrainInput in = JsonInput.read(file, cli.in(), TrainInput.class);
        double[][] x = JsonInput.checked(in::inputs);
        int[] labels = JsonInput.checked(in::labels);
        Linear model = JsonInput.checked(() -> in.model(x[0].length, labels));
        Dataset data = new Dataset("input", x, labels, model.outputs());
        CrossEntropyOptions options = JsonInput.checked(in::lossOptions);
        int steps = JsonInput.checked(in::stepCount);
        Trainer trainer = new Trainer(data, model, JsonInput.checked(in::optimizerOf), options,
                in.batchSize() == null ? 0 : in.batchSize(), in.shuffleSeed() == null ? 0 : in.shuffleSeed());
        for (int i = 0; i < steps; i++) {
            TrainingStep s = trainer.step();
            JsonOutput line = new JsonOutput()
                    .integer("step", s.step())
                    .number("loss", s.loss())
                    .matrix("logits", s.logits())
                    .matrix("weight", s.weight());
            if (s.bias() == null) {
                line.nullField("bias");
            } else {
                line.vector("bias", s.bias());
            }
            cli.out().println(line.number("accuracy", s.accuracy()).finish());
        }
        cli.out().flush();
        return 0;
    }
}
