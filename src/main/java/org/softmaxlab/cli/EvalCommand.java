package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.softmaxlab.engine.CrossEntropyLoss;
import org.softmaxlab.engine.CrossEntropyOptions;
import org.softmaxlab.engine.LossResult;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eval [FILE|-]}: one cross-entropy evaluation, JSON in, JSON out. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate cross-entropy on one batch: reads one JSON object, prints one JSON object.",
                "In:  {\"logits\": [[..],..] or [..], \"targets\": [i,..] or [[p,..],..], \"weight\": [..],",
                "      \"ignore_index\": " + Limits.IGNORE_INDEX
                        + ", \"reduction\": \"mean\", \"label_smoothing\": 0.0, \"temperature\": 1.0}",
                "Out: {\"probs\", \"log_probs\", \"per_sample_loss\", \"loss\", \"grad_logits\"}"})
final class EvalCommand implements Callable<Integer> {
    private static final Set<String> FIELDS = fields();

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    EvalCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        JsonNode in = JsonInput.readObject(file, cli.in());
        JsonInput.requireKnownFields(in, "", FIELDS);
        JsonNode logitsNode = JsonInput.required(in, "logits");
        boolean single = logitsNode.isArray() && !logitsNode.isEmpty() && !logitsNode.get(0).isArray();
        double[][] logits = single
                ? new double[][] {JsonInput.vector(logitsNode, "logits")}
                : JsonInput.matrix(logitsNode, "logits");
        Targets targets = readTargets(JsonInput.required(in, "targets"), single, logits[0].length);
        CrossEntropyOptions options = LossOptionsJson.read(in, "");
        LossResult r = new CrossEntropyLoss(options).evaluate(logits, targets);

        JsonOutput out = new JsonOutput();
        if (single) {
            out.vector("probs", r.probabilities()[0]).vector("log_probs", r.logProbabilities()[0]);
        } else {
            out.matrix("probs", r.probabilities()).matrix("log_probs", r.logProbabilities());
        }
        out.vector("per_sample_loss", r.perSampleLoss());
        if (r.reduction() == Reduction.NONE) {
            out.vector("loss", r.perSampleLoss());
        } else {
            out.number("loss", r.loss());
        }
        if (single) {
            out.vector("grad_logits", r.gradient()[0]);
        } else {
            out.matrix("grad_logits", r.gradient());
        }
        if (!r.isDefined()) {
            out.text("undefined_reason", r.undefinedReason());
        }
        cli.out().println(out.finish());
        return 0;
    }

    /**
     * Class indices ([i, ..]) or probability rows ([[p, ..], ..]). For a single sample given as a flat logits row,
     * the target may also be a bare index or one flat probability row.
     */
    static Targets readTargets(JsonNode node, boolean single, int classes) {
        if (single && node.isIntegralNumber()) {
            return Targets.indices(JsonInput.integer(node, "targets"));
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new BadInputException("targets must be a non-empty array of class indices or of probability rows, "
                    + "not " + (node.isArray() ? "an empty array" : JsonInput.kind(node)));
        }
        if (node.get(0).isArray()) {
            return Targets.probabilities(JsonInput.matrix(node, "targets"));
        }
        if (single && node.size() == classes && classes > 1) {
            return Targets.probabilities(new double[][] {JsonInput.vector(node, "targets")});
        }
        return Targets.indices(JsonInput.integers(node, "targets"));
    }

    private static Set<String> fields() {
        Set<String> s = new HashSet<>(LossOptionsJson.FIELDS);
        s.add("logits");
        s.add("targets");
        return Set.copyOf(s);
    }
}
