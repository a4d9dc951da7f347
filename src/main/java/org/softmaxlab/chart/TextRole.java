package org.softmaxlab.chart;

/** What a chart's text is, for SVG readers and tests: each SVG {@code <text>} carries it as its class. */
public enum TextRole {
    TITLE("title"),
    TICK("tick"),
    AXIS_TITLE("axis-title"),
    VALUE("value"),
    LEGEND("legend"),
    NOTE("note");

    private final String cssClass;

    TextRole(String cssClass) {
        this.cssClass = cssClass;
    }

    /** The class of the SVG text. */
    public String cssClass() {
        return cssClass;
    }
}
