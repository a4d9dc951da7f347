package org.softmaxlab.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.softmaxlab.ui.Frames;

/**
 * When each tab's content is in the window: built the first time its tab is chosen (or just after the first frame),
 * and taken out again while another tab is shown.
 */
final class TabContents {
    private final Node root;
    /** Run after a content joins the window (the window's mode and text size reach it). */
    private final Runnable afterAttach;
    /** The tabs whose content leaves the window while they are not shown (detachHidden). */
    private List<Tab> leftWhenHidden = List.of();

    TabContents(Node root, Runnable afterAttach) {
        this.root = root;
        this.afterAttach = afterAttach;
    }

    /** The tabs whose content leaves the window while another is shown. */
    void leaveWhenHidden(List<Tab> tabs) {
        leftWhenHidden = List.copyOf(tabs);
    }

    /**
     * A tab not shown at start joins the window in the frame after the first, or as soon as it is chosen, and a lazy
     * content (the Training view) is built only then: the Training and Lesson tabs hold 40% of the window's nodes, and
     * building, styling and laying them out held the first frame back by 200-300 ms (bench/run's startup). Made and
     * styled, the content leaves the window again two frames later unless its tab is chosen (see detachHidden).
     */
    void afterFirstFrame(Tab tab, Lazy<Node> content) {
        whenChosen(tab, content);
        if (tab.isSelected()) {
            attach(tab, content);
            return;
        }
        tab.setContent(null);
        Frames.after(root, 2, () -> attach(tab, content)); // chosen meanwhile: it has its content, nothing to do
        Frames.after(root, 4, this::detachHidden);
    }

    /** Gives {@code tab} its content each time it is chosen. */
    void whenChosen(Tab tab, Lazy<Node> content) {
        tab.selectedProperty().addListener((o, a, shown) -> {
            if (shown) {
                attach(tab, content);
            }
        });
    }

    /**
     * Takes the content of the tabs not shown (but the Explorer's) out of the window; it keeps its state and skins,
     * and its tab gives it back when chosen ({@link #attach}). JavaFX visits every node of a window each frame, shown
     * or not, to update its bounds: with the Training and Lesson views in the window while hidden (570 of 1,410
     * nodes), a logit change in the Explorer took 0.7-1.4 ms longer (median, in paired runs of bench/run's method).
     */
    void detachHidden() {
        for (Tab tab : leftWhenHidden) {
            if (!tab.isSelected() && tab.getContent() != null) {
                tab.setContent(null);
            }
        }
    }

    /** Gives {@code tab} its content, unless it has it or the lesson holds it (it gives it back to the tab itself). */
    private void attach(Tab tab, Lazy<Node> content) {
        if (tab.getContent() == null && content.get().getParent() == null) {
            tab.setContent(content.get());
            afterAttach.run();
        }
    }
}
