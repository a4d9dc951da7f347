package org.softmaxlab.model;

/**
 * The tab a scenario or a lesson's section opens on, as scenario files name it ({@code "tab": "training"}): the two
 * tabs whose whole state a scenario holds.
 */
public enum AppTab {
    EXPLORER("explorer"),
    TRAINING("training");

    private final String key;

    AppTab(String key) {
        this.key = key;
    }

    /** The name in scenario files and the CLI. */
    public String key() {
        return key;
    }

    /** The tab a file names; refused, with the names allowed, for any other. */
    public static AppTab of(String key) {
        for (AppTab t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tab must be \"" + EXPLORER.key + "\" or \"" + TRAINING.key + "\", not \""
                + key + "\"");
    }
}
