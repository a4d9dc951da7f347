package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softmaxlab.io.ImportException;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossOutput;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Losses;
import org.softmaxlab.engine.RoundedCrossEntropy;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval [FILE|-]}: one loss evaluation, JSON in, JSON out. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a loss on one batch: reads one JSON object, prints one JSON object.",
                "In:  {\"logits\": [[..],..] or [..], \"targets\": [i,..] or [[p,..],..], \"weight\": [..],",
                "      \"ignore_index\": " + Limits.IGNORE_INDEX
                        + ", \"reduction\": \"mean\", \"label_smoothing\": 0.0, \"temperature\": 1.0,",
                "      \"loss\": \"cross_entropy\"|\"mse\"|\"multi_margin\"|\"focal\"|\"bce_with_logits\"|\"kl_div\",",
                "      \"p\": 1, \"margin\": 1.0 (multi_margin), \"gamma\": 2, \"alpha\": [..] (focal),",
                "      \"pos_weight\": [..] (bce_with_logits), \"units\": \"nats\"|\"bits\"}",
                "Out: {\"probs\", \"log_probs\", \"per_sample_loss\", \"loss\", \"grad_logits\"}",
                "     and for cross_entropy \"target_entropy\" and \"kl\" per sample (CE = H + KL)"})
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    @Option(names = "--logits", paramLabel = "FILE", description = "logits from a .npy, .npz (with 'logits' and "
            + "optionally 'targets') or .csv/.tsv file (a column named target or label holds the class)")
    Path logitsFile;

    @Option(names = "--targets", paramLabel = "FILE", description = "targets from a .npy, .npz or .csv file")
    Path targetsFile;

    @Option(names = "--options", paramLabel = "JSON", description = "the loss options as inline JSON, with the keys "
            + "of the JSON input (e.g. '{\"loss\": \"focal\", \"gamma\": 2}')")
    String options;

    private final Cli cli;

    EvalCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        EvalInput in = logitsFile != null ? fromFiles() : JsonInput.read(file, cli.in(), EvalInput.class);
        LossSpec spec = JsonInput.checked(in::spec);
        boolean single = in.single();
        if (in.rounded()) {
            cli.out().println(rounded(in, spec, single).finish());
            return 0;
        }
        double[][] logits = JsonInput.checked(in::logitMatrix);
        Targets targets;
        if (spec.kind() == LossKind.BCE_WITH_LOGITS) {
            // Flat logits are n samples of one output each (PyTorch's 1-D input), not one sample of C classes.
            if (single) {
                logits = columnOf(logits[0]);
            }
            double[][] rows = logits;
            targets = Targets.probabilities(JsonInput.checked(() -> in.multiLabelTargets(rows, single)));
        } else {
            int classes = logits[0].length;
            targets = JsonInput.checked(() -> in.targetValues(classes));
        }
        LossOutput r = Losses.evaluate(spec, logits, targets, single);
        cli.out().println(write(r, spec, single).finish());
        return 0;
    }

    /** {@code --logits} [{@code --targets}] [{@code --options}]: the same input as JSON, its arrays from files. */
    private EvalInput fromFiles() {
        if (file != null) {
            throw new BadInputException("give either a JSON input FILE or --logits, not both");
        }
        ObjectNode input;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = options == null ? JsonRecords.writer().createObjectNode()
                    : JsonRecords.writer().readTree(options);
            if (tree == null || !tree.isObject()) {
                throw new BadInputException("--options must be one JSON object, like '{\"loss\": \"mse\"}'");
            }
            input = (ObjectNode) tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("--options is not valid JSON: " + e.getOriginalMessage());
        }
        for (String key : List.of("logits", "targets")) {
            if (input.has(key)) {
                throw new BadInputException("--options holds the loss options; " + key + " come from --" + key);
            }
        }
        LogitImport reader = new LogitImport(Limits.IMPORT_SAMPLES, Limits.IMPORT_CLASSES);
        ImportedBatch batch;
        try {
            batch = reader.readFile(logitsFile);
            if (targetsFile != null) {
                batch = reader.readTargets(batch, targetsFile);
            }
        } catch (ImportException e) {
            throw new BadInputException(e.getMessage());
        }
        if (!batch.hasTargets()) {
            throw new BadInputException(logitsFile.getFileName() + " holds no targets: give --targets FILE (or a "
                    + "target column, or 'targets' in the .npz)");
        }
        ObjectMapper json = JsonRecords.writer();
        input.set("logits", batch.flat() ? json.valueToTree(batch.logits()[0]) : json.valueToTree(batch.logits()));
        if (batch.targets() != null) {
            input.set("targets", batch.flat() && batch.targets().length == 1 ? json.valueToTree(batch.targets()[0])
                    : json.valueToTree(batch.targets()));
        } else {
            input.set("targets", batch.flat() ? json.valueToTree(batch.targetRows()[0])
                    : json.valueToTree(batch.targetRows()));
        }
        try {
            return JsonRecords.read(json.writeValueAsBytes(input), EvalInput.class, "--options",
                    JsonRecords.Unknown.REFUSE, List.of());
        } catch (JsonInputException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The output object; also what {@code eval --logits} prints. */
    static JsonOutput write(LossOutput r, LossSpec spec, boolean single) {
        boolean column = single && spec.kind() == LossKind.BCE_WITH_LOGITS;
        JsonOutput out = new JsonOutput();
        rows(out, "probs", r.probabilities(), single, column);
        rows(out, "log_probs", r.logProbabilities(), single, column);
        out.vector("per_sample_loss", r.perSampleLoss());
        if (spec.reduces()) {
            out.number("loss", r.loss());
        } else if (r.elementwise() != null) {
            rows(out, "loss", r.elementwise(), single, column);
        } else {
            out.vector("loss", r.perSampleLoss());
        }
        rows(out, "grad_logits", r.gradient(), single, column);
        if (r.targetEntropy() != null) {
            out.vector("target_entropy", r.targetEntropy()).vector("kl", r.kl());
        }
        if (!r.isDefined()) {
            out.text("undefined_reason", r.undefinedReason());
        }
        return out;
    }

    /** A format's arithmetic (see {@link RoundedCrossEntropy}): the usual keys and each entry's error and flags. */
    private static JsonOutput rounded(EvalInput in, LossSpec spec, boolean single) {
        JsonInput.checked(() -> {
            in.checkRoundedOptions();
            return null;
        });
        RoundedCrossEntropy.Settings settings = JsonInput.checked(in::roundedSettings);
        double[][] logits = JsonInput.checked(in::logitMatrix);
        int classes = logits[0].length;
        Targets targets = JsonInput.checked(() -> in.targetValues(classes));
        if (!(targets instanceof Targets.ClassIndices indices)) {
            throw new BadInputException("precision, accumulate and algorithm take class-index targets, not "
                    + "probability rows");
        }
        RoundedCrossEntropy.Result r;
        try {
            r = RoundedCrossEntropy.evaluate(logits, indices.indices(), spec.options().ignoreIndex(),
                    spec.options().reduction(), settings);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        JsonOutput out = new JsonOutput();
        rows(out, "probs", r.probs(), single, false);
        rows(out, "log_probs", r.logProbs(), single, false);
        out.vector("per_sample_loss", r.perSampleLoss());
        if (spec.reduces()) {
            out.number("loss", r.loss());
        } else {
            out.vector("loss", r.perSampleLoss());
        }
        rows(out, "grad_logits", r.gradient(), single, false);
        rows(out, "ulp_error", r.ulpError(), single, false);
        if (single) {
            out.booleans("overflow", r.overflow()[0]).booleans("underflow", r.underflow()[0]);
        } else {
            out.booleanRows("overflow", r.overflow()).booleanRows("underflow", r.underflow());
        }
        return out;
    }

    /** An n x C result as rows, as one flat row for one flat sample, or as a flat column for 1-D bce logits. */
    private static void rows(JsonOutput out, String field, double[][] m, boolean single, boolean column) {
        if (column) {
            double[] v = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                v[i] = m[i][0];
            }
            out.vector(field, v);
        } else if (single) {
            out.vector(field, m[0]);
        } else {
            out.matrix(field, m);
        }
    }

    private static double[][] columnOf(double[] v) {
        double[][] m = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            m[i] = new double[] {v[i]};
        }
        return m;
    }
}
