package org.softmaxlab.app;

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
import org.junit.jupiter.api.io.TempDir;

/** Main as a real process: the CLI path works and never loads a JavaFX class. */
class MainProcessTest {

    @Test
    void evalSubcommandRunsWithoutLoadingJavaFx(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"logits\": [[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]], \"targets\": [0, 1]}");
        Result r = runMain(dir, "-verbose:class", "eval", in.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("\"loss\":0.21594339987050"), r.out);
        assertFalse(r.out.contains("javafx."), "a JavaFX class was loaded by the CLI path");
    }

    @Test
    void badInputExitsWithCodeTwo(@TempDir Path dir) throws Exception {
        Result r = runMain(dir, null, "train", dir.resolve("missing.json").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: file not found"), r.err);
        assertEquals("", r.out);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result runMain(Path dir, String jvmFlag, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (jvmFlag != null) {
            command.add(jvmFlag);
        }
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process finished");
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
