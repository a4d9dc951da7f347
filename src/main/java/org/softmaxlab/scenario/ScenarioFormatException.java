package org.softmaxlab.scenario;

/** A scenario file that cannot be used; the message names the problem (and the field) for the user. */
public final class ScenarioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioFormatException(String message) {
        super(message);
    }
}
