package org.softmaxlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softmaxlab.scenario.PyTorchSnippet;
import org.softmaxlab.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snippet SCENARIO}: prints a Python program that reproduces the scenario with PyTorch. */
@Command(name = "snippet", mixinStandardHelpOptions = true,
        description = {"Print a self-contained Python program (PyTorch >= 1.10) that reproduces a scenario:",
                "the Explorer's loss and gradient, or the Training tab's run. Its last line of output is one JSON",
                "object: {\"loss\", \"grad_logits\"}, or {\"losses\", \"weight\", \"bias\"} for training."})
final class SnippetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "a scenario file")
    Path scenario;

    private final Cli cli;

    SnippetCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Scenario s = Scenarios.read(scenario);
        cli.out().print(PyTorchSnippet.of(s, Scenarios.steps(s.training())));
        cli.out().flush();
        return 0;
    }
}
