package org.softmaxlab.cli;

import java.util.concurrent.Callable;
import org.softmaxlab.engine.Attention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code attention [FILE|-]}: scaled dot-product attention with its gradients, JSON in, JSON out. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Scaled dot-product attention: softmax(scale q k^T masked / T) v, and with grad_output the",
                "gradients autograd gives. In: {\"q\": L x d, \"k\": S x d, \"v\": S x dv, \"scale\": null (1/sqrt(d)),",
                "\"mask\": \"none\"|\"causal\"|L x S booleans (true = masked), \"temperature\": 1.0, \"grad_output\": L x dv}",
                "Out: {\"scores\", \"weights\", \"output\", \"entropy\", \"undefined_rows\"[, \"grad_q\", \"grad_k\", \"grad_v\"]}"})
final class AttentionCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    AttentionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AttentionInput in = JsonInput.read(file, cli.in(), AttentionInput.class);
        double[][] q = JsonInput.checked(() -> AttentionInput.matrix(in.q(), "q"));
        double[][] k = JsonInput.checked(() -> AttentionInput.matrix(in.k(), "k"));
        double[][] v = JsonInput.checked(() -> AttentionInput.matrix(in.v(), "v"));
        double[][] grad = in.gradOutput() == null || in.gradOutput().isNull() ? null
                : JsonInput.checked(() -> AttentionInput.matrix(in.gradOutput(), "grad_output"));
        boolean[][] mask = JsonInput.checked(() -> in.maskMatrix(q.length, k.length));
        Attention.Result r = Attention.compute(q, k, v, JsonInput.checked(in::scaleValue), mask,
                JsonInput.checked(in::temperatureValue), grad);
        JsonOutput out = new JsonOutput().matrix("scores", r.scores()).matrix("weights", r.weights())
                .matrix("output", r.output()).vector("entropy", r.entropy()).ints("undefined_rows", r.undefinedRows());
        if (grad != null) {
            out.matrix("grad_q", r.gradQ()).matrix("grad_k", r.gradK()).matrix("grad_v", r.gradV());
        }
        cli.out().println(out.finish());
        return 0;
    }
}
