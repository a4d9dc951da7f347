package org.softmaxlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import org.softmaxlab.chart.PlotCanvas;
import org.softmaxlab.chart.PngExport;
import org.softmaxlab.cli.Cli;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.io.AtomicFiles;
import org.softmaxlab.scenario.Scenario;
import org.softmaxlab.scenario.ScenarioFormatException;
import org.softmaxlab.scenario.ScenarioJson;
import org.softmaxlab.training.TrainingViewModel;
import org.softmaxlab.ui.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code render SCENARIO.json --out DIR [--scale 2]}: draws every chart of both tabs for a scenario and writes them as
 * PNG files, with no display: JavaFX runs on Monocle's headless platform with software rendering. Files are named
 * {@code explorer-<chart>.png} and {@code training-<chart>.png}; their paths are printed, one per line.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a scenario's charts to PNG files, headless (no display needed).")
final class RenderCommand implements Callable<Integer> {
    private static final double MIN_SCALE = 0.25;
    private static final double MAX_SCALE = 8;
    /** The training chart that has nothing to show before a step is taken. */
    private static final String LOSS_HISTORY = "lossHistoryChart";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (JSON)")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNG files")
    Path out;

    @Option(names = "--scale", defaultValue = "1", description = "pixel scale: 1, 2 or 4 for sharp slides")
    double scale;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg",
            description = "png (default) or svg: vector shapes and text, each text with a class naming its role")
    String format;

    private final Cli cli;

    private RenderCommand(Cli cli) {
        this.cli = cli;
    }

    static RenderCommand create(Cli cli) {
        return new RenderCommand(cli);
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("png") && !format.equals("svg")) {
            throw new IllegalArgumentException("--format must be png or svg, not \"" + format + "\"");
        }
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("--scale must be between " + MIN_SCALE + " and " + MAX_SCALE
                    + ", got " + scale);
        }
        Scenario s;
        try {
            s = ScenarioJson.read(scenario);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException(scenario.getFileName() + ": " + e.getMessage());
        }
        for (String warning : s.warnings()) {
            cli.err().println("warning: " + warning);
        }
        cli.err().flush();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the folder " + out + ": " + e.getMessage());
        }
        startHeadlessToolkit();
        Path home = Files.createTempDirectory("softmax-lab-render");
        TrainingViewModel training = new TrainingViewModel();
        try {
            Workspace workspace = new Workspace(new ExplorerViewModel(), training, home);
            Parent root = onFx(() -> {
                workspace.apply(s);
                return MainWindow.create(workspace, FileDialogs.none());
            });
            training.sync().get(10, TimeUnit.MINUTES);
            List<Path> written = onFx(() -> {
                training.onPulse();
                Theme.scene(root, 1920, 1080);
                return renderTabs(root, s.training().steps() > 0);
            });
            written.forEach(p -> cli.out().println(p));
            cli.out().flush();
            return 0;
        } finally {
            training.close();
            Platform.exit();
        }
    }

    /**
     * Every chart that applies to the scenario: those shown for its data (the decision regions for points of the
     * plane, the notebook's bars for its sample), and the loss history only when the scenario trains.
     */
    private List<Path> renderTabs(Parent root, boolean trains) throws IOException {
        List<Path> written = new ArrayList<>();
        TabPane tabs = (TabPane) root.lookup(".tab-pane");
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            // The Lesson tab shows the same charts as the Explorer and the Training tab.
            if (tab.getId() == null || tab.getId().equals("lessonTab")) {
                continue;
            }
            tabs.getSelectionModel().select(tab);
            root.applyCss();
            root.layout();
            String prefix = tab.getId().replace("Tab", "") + "-";
            for (Node n : tab.getContent().lookupAll(".plot-canvas")) {
                if (n instanceof PlotCanvas chart && chart.getId() != null && chart.isVisible()
                        && chart.getWidth() > 0 && (trains || !chart.getId().equals(LOSS_HISTORY))) {
                    Path file = out.resolve(prefix + chart.getId() + "." + format);
                    if (format.equals("svg")) {
                        AtomicFiles.writeString(file, chart.toSvg());
                    } else {
                        PngExport.write(PngExport.snapshot(chart, scale), file);
                    }
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** Monocle's headless platform with software rendering, unless a toolkit is already running. */
    private static void startHeadlessToolkit() throws Exception {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("headless.geometry", "1920x1080-32");
        setIfAbsent("java.awt.headless", "true");
        DesktopLauncher.quietClassPathWarning();
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.get(60, TimeUnit.SECONDS);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private interface FxTask<T> {
        T run() throws Exception;
    }

    private static <T> T onFx(FxTask<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.run());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
