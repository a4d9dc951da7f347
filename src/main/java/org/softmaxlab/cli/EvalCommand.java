package org.softmaxlab.cli;

import java.util.concurrent.Callable;
import org.softmaxlab.engine.LossKind;
import org.softmaxlab.engine.LossOutput;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Losses;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.model.Limits;
import picocli.CommandLine.Command;
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

    private final Cli cli;

    EvalCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        EvalInput in = JsonInput.read(file, cli.in(), EvalInput.class);
        LossSpec spec = JsonInput.checked(in::spec);
        boolean single = in.single();
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
