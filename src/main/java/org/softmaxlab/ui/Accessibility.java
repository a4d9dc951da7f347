package org.softmaxlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;

/** Screen-reader support shared by the views. */
public final class Accessibility {
    private Accessibility() {
    }

    /**
     * Gives every control in the tree of {@code any} that has a tooltip the same sentence as its accessible help, so a
     * screen reader says what the control does.
     */
    public static void helpFromTooltips(Node any) {
        Parent root = any instanceof Parent p ? p : any.getParent();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        for (Node n : root.lookupAll("*")) {
            if (n instanceof Control c && c.getTooltip() != null && c.getAccessibleHelp() == null) {
                c.setAccessibleHelp(c.getTooltip().getText());
            }
        }
    }
}
