package org.softmaxlab.cli;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.engine.SamplingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sample [FILE|-]}: one next-token sampling chain over a row of logits, JSON in, JSON out. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Run a next-token sampling chain (Hugging Face's logits processors) on one row of logits.",
                "In:  {\"logits\": [..] or [[..],..], \"tokens\": [..], \"temperature\": 1.0, \"top_k\": 0,",
                "      \"top_p\": 1.0, \"min_p\": 0.0, \"typical_p\": 1.0, \"epsilon\": 0.0,",
                "      \"repetition_penalty\": 1.0, \"previous\": [..], \"min_tokens_to_keep\": 1,",
                "      \"order\": \"hf\"|\"llama.cpp\"|[step names], \"draws\": 0, \"seed\": 0,",
                "      \"units\": \"nats\"|\"bits\"}",
                "Out: {\"logits_after\", \"probs\", \"kept\", \"entropy\", \"perplexity\", \"entropy_before\",",
                "      \"mass_kept\"} and with draws > 0 \"counts\"; temperature 0 is greedy"})
final class SampleCommand implements Callable<Integer> {
    private static final double LN2 = Math.log(2);

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    private final Cli cli;

    SampleCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        SampleInput in = JsonInput.read(file, cli.in(), SampleInput.class);
        double[][] rows = JsonInput.checked(in::rows);
        SamplingChain chain = JsonInput.checked(in::chain);
        double unit = JsonInput.checked(in::bits) ? LN2 : 1;
        long draws = JsonInput.checked(in::drawCount);
        SplittableRandom random = new SplittableRandom(in.seed() == null ? 0 : in.seed());
        int n = rows.length;
        double[][] after = new double[n][];
        double[][] probs = new double[n][];
        int[][] kept = new int[n][];
        double[] entropy = new double[n];
        double[] perplexity = new double[n];
        double[] entropyBefore = new double[n];
        double[] mass = new double[n];
        long[][] counts = new long[n][];
        for (int i = 0; i < n; i++) {
            SamplingResult r = chain.run(rows[i]);
            after[i] = r.logitsAfter();
            probs[i] = r.probs();
            kept[i] = r.kept();
            entropy[i] = r.entropy() / unit;
            perplexity[i] = r.perplexity();
            entropyBefore[i] = r.entropyBefore() / unit;
            mass[i] = r.massKept();
            counts[i] = draws > 0 ? SamplingChain.draw(r.probs(), draws, random) : null;
        }
        JsonOutput out = new JsonOutput();
        if (in.single()) {
            out.vector("logits_after", after[0]).vector("probs", probs[0]).ints("kept", kept[0])
                    .number("entropy", entropy[0]).number("perplexity", perplexity[0])
                    .number("entropy_before", entropyBefore[0]).number("mass_kept", mass[0]);
            if (draws > 0) {
                out.longs("counts", counts[0]);
            }
            if (in.tokens() != null) {
                out.texts("kept_tokens", tokensOf(in.tokens(), kept[0]));
            }
        } else {
            out.matrix("logits_after", after).matrix("probs", probs).intRows("kept", kept)
                    .vector("entropy", entropy).vector("perplexity", perplexity)
                    .vector("entropy_before", entropyBefore).vector("mass_kept", mass);
            if (draws > 0) {
                out.longRows("counts", counts);
            }
        }
        cli.out().println(out.finish());
        return 0;
    }

    private static List<String> tokensOf(List<String> tokens, int[] indices) {
        return java.util.Arrays.stream(indices).mapToObj(tokens::get).toList();
    }
}
