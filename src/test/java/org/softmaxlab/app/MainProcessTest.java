package org.softmaxlab.app;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.softmaxlab.testing.SvgTexts;
import org.junit.jupiter.api.io.TempDir;

/** Main as a real process: the CLI path works and never loads a JavaFX class. */
@Tag("ui")
class MainProcessTest {

    @Test
    void evalSubcommandRunsWithoutLoadingJavaFx(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"logits\": [[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]], \"targets\": [0, 1]}");
        Result r = runMain(dir, List.of("-verbose:class"), "eval", in.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("\"loss\":0.21594339987050"), r.out);
        assertFalse(r.out.contains("javafx."), "a JavaFX class was loaded by the CLI path");
    }

    @Test
    void badInputExitsWithCodeTwo(@TempDir Path dir) throws Exception {
        Result r = runMain(dir, List.of(), "train", dir.resolve("missing.json").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: file not found"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void renderWritesEveryChartHeadlessAtTheChosenScale(@TempDir Path dir) throws Exception {
        for (String example : new String[] {"example-a.json", "example-c.json", "imbalanced-weighted.json"}) {
            Path scenario = Path.of("resources", "scenarios", example);
            Result one = runMain(dir, List.of(), "render", scenario.toString(), "--out", dir.resolve("x1").toString());
            assertEquals(0, one.code, one.err);
            Result two = runMain(dir, List.of(), "render", scenario.toString(), "--out", dir.resolve("x2").toString(),
                    "--scale", "2");
            assertEquals(0, two.code, two.err);
            List<String> files = one.out.lines().toList();
            assertTrue(files.size() >= 7, "charts of both tabs: " + files);
            boolean trains = example.startsWith("imbalanced");
            assertEquals(trains, Files.exists(dir.resolve("x1").resolve("training-lossHistoryChart.png")),
                    example + ": a loss history only for a scenario that trains");
            List<String> names = new java.util.ArrayList<>(List.of("explorer-probabilityChart.png",
                    "explorer-lossCurve.png", "training-weightHeatMap.png"));
            if (trains) {
                names.add("training-lossHistoryChart.png");
            }
            for (String name : names) {
                java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(dir.resolve("x1").resolve(name)
                        .toFile());
                java.awt.image.BufferedImage large = javax.imageio.ImageIO.read(dir.resolve("x2").resolve(name)
                        .toFile());
                assertTrue(small.getWidth() > 300 && small.getHeight() > 150, name + " size");
                assertEquals(2 * small.getWidth(), large.getWidth(), 1, name + " width at 2x");
                assertEquals(2 * small.getHeight(), large.getHeight(), 1, name + " height at 2x");
                assertTrue(distinctColours(small) > 3, name + " is not blank");
            }
            String regions = example.startsWith("imbalanced") ? "training-decisionRegions.png"
                    : "training-logitBars.png";
            assertTrue(Files.exists(dir.resolve("x1").resolve(regions)), regions);
        }
    }

    @Test
    void aScenarioNamedOnTheCommandLineIsOpened(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("resources", "scenarios", "example-b.json").toAbsolutePath();
        Result r = runMain(dir, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dsoftmaxlab.probe=startup", "-Dsoftmaxlab.home=" + dir.resolve("home")),
                scenario.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("probe status=Opened example-b.json"), r.out);
        assertTrue(r.out.contains("probe startup_ms="), r.out);
        assertFalse(r.err.contains("Unsupported JavaFX configuration"), r.err);
    }

    @Test
    void withNoDisplayTheAppSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Result r = runMain(dir, List.of("-Dsoftmaxlab.home=" + dir.resolve("home")), java.util.Map.of("DISPLAY", "",
                "WAYLAND_DISPLAY", ""));
        assertEquals(2, r.code, r.err);
        assertEquals("error: no display (DISPLAY is not set); the headless commands are eval, train, snippet, sample, calibrate, attention, render",
                r.err.strip());
        assertEquals("", r.out);
    }

    @Test
    void renderPrintsNoToolkitWarningAndWarnsOfUnknownFields(@TempDir Path dir) throws Exception {
        Result r = runMain(dir, List.of(), "render", Path.of("resources", "scenarios", "example-a.json").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err, "nothing on stderr for a good scenario");
        Path odd = dir.resolve("odd.json");
        Files.writeString(odd, "{\"explorer\": {\"logits\": [[1, 2]], \"zoom\": 2}}");
        Result warned = runMain(dir, List.of(), "render", odd.toString(), "--out", dir.resolve("odd").toString());
        assertEquals(0, warned.code, warned.err);
        assertEquals("warning: unknown field \"explorer.zoom\" ignored", warned.err.strip());
    }

    /**
     * A change made just before Platform.exit (the route of the macOS Quit menu and of a harness closing the app, with
     * no window close request) is in the session when the app starts again.
     */
    @Test
    void aChangeJustBeforePlatformExitIsSavedAndRestored(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        List<String> headless = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dsoftmaxlab.home=" + home);
        List<String> edit = new java.util.ArrayList<>(headless);
        edit.add("-Dsoftmaxlab.probe=edit-exit");
        Result exited = runMain(dir, edit);
        assertEquals(0, exited.code, exited.err);
        org.softmaxlab.scenario.Scenario saved = org.softmaxlab.scenario.ScenarioJson.read(home.resolve("session.json"));
        assertEquals(3.25, saved.explorer().temperature(), "the change made just before exit was saved");
        List<String> start = new java.util.ArrayList<>(headless);
        start.add("-Dsoftmaxlab.probe=startup");
        Result restarted = runMain(dir, start);
        assertTrue(restarted.out.contains("probe status=Restored the last session"), restarted.out);
    }

    /** SIGTERM (what a logout or a service stop sends) saves the session on the way out. */
    @Test
    void theSessionSurvivesSigterm(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path scenario = Path.of("resources", "scenarios", "example-b.json").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dsoftmaxlab.home=" + home, Main.class.getName(), scenario.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        Path session = home.resolve("session.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(session) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
        }
        assertTrue(p.isAlive(), "the app runs: " + Files.readString(dir.resolve("err.txt")));
        Files.deleteIfExists(session);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the app ends");
        assertTrue(Files.exists(session), "saved on SIGTERM: " + Files.readString(dir.resolve("err.txt")));
        org.softmaxlab.scenario.Scenario saved = org.softmaxlab.scenario.ScenarioJson.read(session);
        assertEquals(10.0, saved.explorer().weights()[1], "example B's state was saved");
        Result restarted = runMain(dir, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dsoftmaxlab.probe=startup", "-Dsoftmaxlab.home=" + home));
        assertTrue(restarted.out.contains("probe status=Restored the last session"), restarted.out);
    }

    @Test
    void renderWithABadScenarioExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"explorer\": {\"logits\": \"many\"}}");
        Result r = runMain(dir, List.of(), "render", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code);
        List<String> errorLines = r.err.lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errorLines.size(), r.err);
        assertTrue(errorLines.get(0).contains("explorer.logits must be"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace");
        Result scale = runMain(dir, List.of(), "render", Path.of("resources", "scenarios", "example-a.json").toString(),
                "--out", dir.resolve("out").toString(), "--scale", "100");
        assertEquals(2, scale.code);
        assertTrue(scale.err.startsWith("error: --scale"), scale.err);
    }

    @Test
    void svgOfEveryShippedExampleHasNiceTicksAndNoCollidingOrEscapingText(@TempDir Path dir) throws Exception {
        for (org.softmaxlab.scenario.Examples.Example example : org.softmaxlab.scenario.Examples.ALL) {
            Path out = dir.resolve(example.file());
            Result r = runMain(dir, List.of(), "render", Path.of("resources", "scenarios", example.file()).toString(),
                    "--out", out.toString(), "--format", "svg");
            assertEquals(0, r.code, r.err);
            List<String> files = r.out.lines().toList();
            assertTrue(files.size() >= 7 && files.stream().allMatch(f -> f.endsWith(".svg")), r.out);
            for (String file : files) {
                String svg = Files.readString(Path.of(file));
                java.util.regex.Matcher box = java.util.regex.Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")
                        .matcher(svg);
                assertTrue(box.find(), file);
                double width = Double.parseDouble(box.group(1));
                double height = Double.parseDouble(box.group(2));
                List<SvgTexts.Text> texts = SvgTexts.of(svg);
                assertTrue(texts.stream().anyMatch(t -> t.role().equals("title")), file + " has a title");
                for (SvgTexts.Text t : texts) {
                    assertTrue(List.of("tick", "axis-title", "title", "value", "legend", "note").contains(t.role()),
                            file + ": role " + t.role());
                    assertTrue(t.x0() >= -1 && t.x1() <= width + 1 && t.y0() >= -1 && t.y1() <= height + 1,
                            file + ": \"" + t.text() + "\" leaves the image " + width + "x" + height + " " + t);
                }
                for (int i = 0; i < texts.size(); i++) {
                    for (int j = i + 1; j < texts.size(); j++) {
                        assertFalse(texts.get(i).overlaps(texts.get(j)), file + ": \"" + texts.get(i).text()
                                + "\" overlaps \"" + texts.get(j).text() + "\"");
                    }
                }
                assertNiceTicks(file, texts);
            }
        }
    }

    /**
     * Numeric ticks of one axis (same x, or same y) are evenly spaced in steps of 1, 2, 2.5 or 5 x 10^k, or, on a log
     * axis, each a power of two or of ten times the one before (the Attention sweep's d: 2, 8, 32, 128, 512).
     */
    private static void assertNiceTicks(String file, List<SvgTexts.Text> texts) {
        java.util.Map<String, List<Double>> axes = new java.util.HashMap<>();
        for (SvgTexts.Text t : texts) {
            if (t.role().equals("tick") && t.text().matches("-?\\d+(\\.\\d+)?(e-?\\d+)?")) {
                axes.computeIfAbsent("x" + Math.round(t.x()), k -> new java.util.ArrayList<>())
                        .add(Double.parseDouble(t.text()));
                axes.computeIfAbsent("y" + Math.round(t.y()), k -> new java.util.ArrayList<>())
                        .add(Double.parseDouble(t.text()));
            }
        }
        for (List<Double> values : axes.values()) {
            if (values.size() < 3) {
                continue;
            }
            List<Double> sorted = values.stream().sorted().toList();
            if (geometric(sorted)) {
                continue;
            }
            double step = sorted.get(1) - sorted.get(0);
            for (int k = 2; k < sorted.size(); k++) {
                assertEquals(step, sorted.get(k) - sorted.get(k - 1), Math.abs(step) * 1e-6, file + ": ticks "
                        + sorted);
            }
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-6),
                    file + ": step " + step + " in " + sorted);
        }
    }

    /** Positive ticks with one ratio between neighbours, a power of 2 or of 10. */
    private static boolean geometric(List<Double> sorted) {
        if (sorted.get(0) <= 0) {
            return false;
        }
        double ratio = sorted.get(1) / sorted.get(0);
        double log2 = Math.log(ratio) / Math.log(2);
        double log10 = Math.log10(ratio);
        boolean power = Math.abs(log2 - Math.rint(log2)) < 1e-9 || Math.abs(log10 - Math.rint(log10)) < 1e-9;
        for (int k = 2; k < sorted.size(); k++) {
            if (Math.abs(sorted.get(k) / sorted.get(k - 1) - ratio) > 1e-9 * ratio) {
                return false;
            }
        }
        return power && ratio > 1;
    }

    private static int distinctColours(java.awt.image.BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result runMain(Path dir, List<String> jvmFlags, String... args)
            throws IOException, InterruptedException {
        return runMain(dir, jvmFlags, java.util.Map.of(), args);
    }

    private static Result runMain(Path dir, List<String> jvmFlags, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmFlags);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process finished");
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
