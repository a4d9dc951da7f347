package org.softmaxlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The teaching scenarios shipped in the jar (from the top-level {@code resources/scenarios}). */
public final class Examples {
    /** A shipped scenario: its menu title and file name. */
    public record Example(String title, String file) {
    }

    public static final List<Example> ALL = List.of(
            new Example("Notebook example A", "example-a.json"),
            new Example("Notebook example B (weighted)", "example-b.json"),
            new Example("Notebook example C (training)", "example-c.json"),
            new Example("Temperature: T = 5 flattens", "temperature-sweep.json"),
            new Example("Label smoothing 0.2", "label-smoothing.json"),
            new Example("Imbalanced classes, no weights", "imbalanced-unweighted.json"),
            new Example("Imbalanced classes, weights 10:1:1", "imbalanced-weighted.json"),
            new Example("Overflow: logits of 1000", "overflow.json"));

    private Examples() {
    }

    /** Reads a shipped scenario. */
    public static Scenario load(Example example) throws ScenarioFormatException {
        try (InputStream in = Examples.class.getResourceAsStream("/scenarios/" + example.file())) {
            if (in == null) {
                throw new ScenarioFormatException("the example " + example.file() + " is missing from the app");
            }
            return ScenarioJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioFormatException("cannot read the example " + example.file() + ": " + e.getMessage());
        }
    }
}
