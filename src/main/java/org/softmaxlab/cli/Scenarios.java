package org.softmaxlab.cli;

import java.nio.file.Path;
import org.softmaxlab.scenario.Scenario;
import org.softmaxlab.scenario.ScenarioFormatException;
import org.softmaxlab.scenario.ScenarioJson;

/** Scenario files for the commands that take one ({@code train --scenario}, {@code snippet}). */
final class Scenarios {
    private Scenarios() {
    }

    /** Reads a scenario; a bad file is bad input, its message naming the problem. */
    static Scenario read(Path file) {
        try {
            return ScenarioJson.read(file);
        } catch (ScenarioFormatException e) {
            throw new BadInputException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The steps a scenario's training runs: its own, or train's default when it has none. */
    static int steps(Scenario.Training training) {
        return training.steps() > 0 ? training.steps() : TrainInput.DEFAULT_STEPS;
    }
}
