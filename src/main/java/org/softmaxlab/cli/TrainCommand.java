package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.Callable;
import org.softmaxlab.engine.Adam;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.Dataset;
import org.softmaxlab.engine.Linear;
import org.softmaxlab.engine.Optimizer;
import org.softmaxlab.engine.Sgd;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.model.Limits;
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
    private static final Set<String> FIELDS = Set.of("x", "targets", "init", "bias", "optimizer", "loss", "steps",
            "batch_size", "shuffle_seed");
    private static final Set<String> OPTIMIZER_FIELDS = Set.of("name", "lr", "momentum", "dampening", "nesterov",
            "weight_decay", "betas", "eps");

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    TrainCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        JsonNode in = JsonInput.readObject(file, cli.in());
        JsonInput.requireKnownFields(in, "", FIELDS);
        double[][] x = JsonInput.matrix(JsonInput.required(in, "x"), "x");
        int[] labels = JsonInput.integers(JsonInput.required(in, "targets"), "targets");
        boolean hasBias = !in.has("bias") || JsonInput.bool(in.get("bias"), "bias");
        Linear model = readModel(in, x[0].length, labels, hasBias);
        Dataset data = new Dataset("input", x, labels, model.outputs());
        JsonNode lossNode = in.path("loss");
        if (!lossNode.isMissingNode()) {
            requireObject(lossNode, "loss");
            JsonInput.requireKnownFields(lossNode, " in \"loss\"", LossOptionsJson.FIELDS);
        }
        CrossEntropyOptions options = lossNode.isMissingNode() ? CrossEntropyOptions.defaults()
                : LossOptionsJson.read(lossNode, "loss.");
        int steps = in.has("steps") ? JsonInput.integer(in.get("steps"), "steps") : 51;
        if (!Limits.STEPS.contains(steps)) {
            throw new BadInputException("steps must be in 0.." + Limits.STEPS.max() + ", got " + steps);
        }
        int batch = in.has("batch_size") ? JsonInput.integer(in.get("batch_size"), "batch_size") : 0;
        long shuffleSeed = in.has("shuffle_seed") ? JsonInput.integer(in.get("shuffle_seed"), "shuffle_seed") : 0;
        Trainer trainer = new Trainer(data, model, readOptimizer(in.path("optimizer")), options, batch, shuffleSeed);
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

    private static Linear readModel(JsonNode in, int features, int[] labels, boolean hasBias) {
        JsonNode init = in.path("init");
        if (!init.isMissingNode()) {
            requireObject(init, "init");
            JsonInput.requireKnownFields(init, " in \"init\"", Set.of("weight", "bias", "seed", "classes"));
        }
        if (init.has("weight")) {
            if (init.has("seed") || init.has("classes")) {
                throw new BadInputException("init takes either {\"weight\", \"bias\"} or {\"seed\", \"classes\"}, not both");
            }
            double[][] w = JsonInput.matrix(init.get("weight"), "init.weight");
            if (w[0].length != features) {
                throw new BadInputException("init.weight has " + w[0].length + " columns but x has " + features
                        + " features");
            }
            double[] b = null;
            if (init.has("bias")) {
                if (!hasBias) {
                    throw new BadInputException("init.bias is given but \"bias\" is false");
                }
                b = JsonInput.vector(init.get("bias"), "init.bias");
            } else if (hasBias) {
                b = new double[w.length];
            }
            return Linear.of(w, b);
        }
        if (init.has("bias")) {
            throw new BadInputException("init.bias needs init.weight");
        }
        long seed = init.has("seed") ? JsonInput.integer(init.get("seed"), "init.seed") : 0;
        int classes = init.has("classes") ? JsonInput.integer(init.get("classes"), "init.classes") : maxPlusOne(labels);
        if (classes < 1 || classes > 100_000) {
            throw new BadInputException("init.classes must be in 1..100000, got " + classes);
        }
        return Linear.initialised(features, classes, hasBias, seed);
    }

    private static Optimizer readOptimizer(JsonNode node) {
        if (node.isMissingNode()) {
            return Sgd.plain(0.1);
        }
        requireObject(node, "optimizer");
        JsonInput.requireKnownFields(node, " in \"optimizer\"", OPTIMIZER_FIELDS);
        String name = node.has("name") ? JsonInput.text(node.get("name"), "optimizer.name") : "sgd";
        double wd = node.has("weight_decay") ? JsonInput.number(node.get("weight_decay"), "optimizer.weight_decay") : 0;
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd": {
                double lr = node.has("lr") ? JsonInput.number(node.get("lr"), "optimizer.lr") : 0.1;
                double momentum = node.has("momentum") ? JsonInput.number(node.get("momentum"), "optimizer.momentum") : 0;
                double dampening = node.has("dampening")
                        ? JsonInput.number(node.get("dampening"), "optimizer.dampening") : 0;
                boolean nesterov = node.has("nesterov") && JsonInput.bool(node.get("nesterov"), "optimizer.nesterov");
                return new Sgd(lr, momentum, dampening, nesterov, wd);
            }
            case "adam": {
                double lr = node.has("lr") ? JsonInput.number(node.get("lr"), "optimizer.lr") : 0.001;
                double[] betas = node.has("betas") ? JsonInput.vector(node.get("betas"), "optimizer.betas")
                        : new double[] {0.9, 0.999};
                if (betas.length != 2) {
                    throw new BadInputException("optimizer.betas must hold two numbers, got " + betas.length);
                }
                double eps = node.has("eps") ? JsonInput.number(node.get("eps"), "optimizer.eps") : 1e-8;
                return new Adam(lr, betas[0], betas[1], eps, wd);
            }
            default:
                throw new BadInputException("optimizer.name must be \"sgd\" or \"adam\", got \"" + name + "\"");
        }
    }

    private static void requireObject(JsonNode node, String name) {
        if (!node.isObject()) {
            throw new BadInputException(name + " must be an object, not " + JsonInput.kind(node));
        }
    }

    private static int maxPlusOne(int[] labels) {
        int max = -1;
        for (int y : labels) {
            max = Math.max(max, y);
        }
        return max + 1;
    }
}
