package org.softmaxlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.softmaxlab.cli.Cli;

/**
 * Entry point of {@code softmax-lab.jar}. With a subcommand ({@code eval}, {@code train}) or an option it runs the
 * headless CLI and never loads JavaFX; {@code render} draws a scenario's charts headless (JavaFX on Monocle, no
 * display); otherwise it opens the app, with the scenario file named as the first argument if any. This class does not extend {@code Application}
 * so that a plain {@code java -jar} can start JavaFX from the class path.
 */
public final class Main {
    private static final String RENDER = "render";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (Cli.COMMANDS.contains(args[0]) || RENDER.equals(args[0])
                || args[0].startsWith("-"))) {
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            Cli cli = new Cli(System.in, out, err);
            if (RENDER.equals(args[0])) {
                cli.withCommand(RenderCommand.create(cli));
            }
            System.exit(cli.run(args));
        }
        DesktopLauncher.launch(args);
    }
}
