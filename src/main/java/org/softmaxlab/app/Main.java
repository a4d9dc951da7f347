package org.softmaxlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.softmaxlab.cli.Cli;

/**
 * Entry point of {@code softmax-lab.jar}. With a subcommand ({@code eval}, {@code train}) or an option it runs the
 * headless CLI and never loads JavaFX; otherwise it opens the app. This class does not extend {@code Application}
 * so that a plain {@code java -jar} can start JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (Cli.COMMANDS.contains(args[0]) || args[0].startsWith("-"))) {
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(new Cli(System.in, out, err).run(args));
        }
        DesktopLauncher.launch(args);
    }
}
