package org.softmaxlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * What a control does, in one sentence: its accessible help (a screen reader says it) and its tooltip. The tooltip
 * is made the first time the pointer moves over the control, not with the view: JavaFX takes about 35 ms to make a
 * run's first Tooltip and about 1 ms for each after it, which held the window's first frame back by some 50 ms.
 */
public final class Help {
    private Help() {
    }

    /** Says what {@code control} does, to a screen reader at once and in a tooltip when the pointer is over it. */
    public static void set(Control control, String sentence) {
        control.setAccessibleHelp(sentence);
    }

    /**
     * Gives the controls under {@code root} (a window's root) their tooltips as the pointer reaches them: the nearest
     * control under the pointer with a help sentence and no tooltip gets one that shows that sentence.
     */
    public static void showOnHover(Parent root) {
        root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                if (n instanceof Control c && (c.getTooltip() != null || c.getAccessibleHelp() != null)) {
                    if (c.getTooltip() == null) {
                        Tooltip tooltip = new Tooltip();
                        tooltip.textProperty().bind(c.accessibleHelpProperty());
                        c.setTooltip(tooltip);
                    }
                    return;
                }
            }
        });
    }
}
