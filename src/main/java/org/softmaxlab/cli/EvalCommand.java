package org.softmaxlab.cli;

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
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    EvalCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        EvalInput in = JsonInput.read(file, cli.in(), EvalInput.class);
        boolean single = in.single();
        double[][] logits = JsonInput.checked(in::logitMatrix);
        Targets targets = JsonInput.checked(() -> in.targetValues(logits[0].length));
        CrossEntropyOptions options = JsonInput.checked(in::options);
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
}
