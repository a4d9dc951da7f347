package org.softmaxlab.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code eval}, {@code train}, {@code snippet}, {@code sample}, {@code calibrate},
 * {@code attention}. Never touches the JavaFX toolkit. Exit codes: 0 on
 * success, 2 for bad input (one line on stderr starting with {@code error:}, nothing on stdout).
 */
@Command(name = "softmax-lab", mixinStandardHelpOptions = true, version = "Softmax Lab 0.1.0",
        description = "Softmax and cross-entropy, headless. With no arguments the app opens.")
public final class Cli {
    /** Exit code for input the user can fix. */
    public static final int BAD_INPUT = 2;
    /** The subcommands, so that Main can tell a command from a scenario file to open. */
    public static final Set<String> COMMANDS = Set.of("eval", "train", "snippet", "sample", "calibrate", "attention");

    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final java.util.List<Object> extraCommands = new java.util.ArrayList<>();

    public Cli(InputStream in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Adds a subcommand defined outside this package (the app's {@code render}, which needs JavaFX): a picocli
     * {@code @Command} object. Its {@link IllegalArgumentException}s exit with code 2 like any bad input.
     */
    public Cli withCommand(Object command) {
        extraCommands.add(command);
        return this;
    }

    public PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    /** Runs one command line and returns its exit code. */
    public int run(String... args) {
        CommandLine cmd = new CommandLine(this);
        cmd.addSubcommand(new CommandLine(new EvalCommand(this)));
        cmd.addSubcommand(new CommandLine(new TrainCommand(this)));
        cmd.addSubcommand(new CommandLine(new SnippetCommand(this)));
        cmd.addSubcommand(new CommandLine(new SampleCommand(this)));
        cmd.addSubcommand(new CommandLine(new CalibrateCommand(this)));
        cmd.addSubcommand(new CommandLine(new AttentionCommand(this)));
        for (Object extra : extraCommands) {
            cmd.addSubcommand(new CommandLine(extra));
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, a) -> fail(e.getMessage()));
        cmd.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
                return fail(e.getMessage());
            }
            throw e;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private int fail(String message) {
        err.println("error: " + (message == null ? "bad input" : message.replaceAll("\\s+", " ").trim()));
        err.flush();
        return BAD_INPUT;
    }
}
