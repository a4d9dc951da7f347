package org.softmaxlab.model;

import java.util.List;

/**
 * A guided lesson: sections of text and typeset math, each with the live view its scenario sets up (the scenarios
 * themselves stay with the file layer that read them, in the same order).
 *
 * @param title    the lesson's title
 * @param sections at least one
 */
public record Lesson(String title, List<Section> sections) {
    /**
     * The live numbers a section's text may name in braces ({@code {loss}}): the Explorer's batch loss in the app's
     * units, in nats and in bits; the selected sample's target probability, prediction entropy (nats) and target
     * gradient; the Training tab's step, loss and accuracy.
     */
    public static final List<String> LIVE_NUMBERS = List.of("loss", "loss_nats", "loss_bits", "p_target", "entropy",
            "gradient_target", "train_step", "train_loss", "train_accuracy");

    public Lesson {
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one section");
        }
        sections = List.copyOf(sections);
    }

    /**
     * One section.
     *
     * @param title the section's title
     * @param text  paragraphs separated by blank lines; {@code {name}} stands for a live number (see README)
     * @param math  formulas in LaTeX, shown typeset under the text
     * @param view  which live view the section's scenario sets up
     */
    public record Section(String title, String text, List<String> math, AppTab view) {
        public Section {
            math = List.copyOf(math);
        }
    }
}
