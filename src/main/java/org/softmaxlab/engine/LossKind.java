package org.softmaxlab.engine;

import java.util.Locale;

/** The losses the engine computes, named as the command line and scenario files name them. */
public enum LossKind {
    /** {@code nn.CrossEntropyLoss} on softmax(z/T). */
    CROSS_ENTROPY("cross-entropy"),
    /** {@code F.mse_loss(softmax(z/T), Y)}: squared error against the target distribution. */
    MSE("MSE"),
    /** {@code nn.MultiMarginLoss} on z/T: the multi-class hinge. */
    MULTI_MARGIN("multi-margin"),
    /** Softmax focal loss (Lin et al. 2017): -a_y (1 - p_y)^gamma ln p_y. */
    FOCAL("focal"),
    /** {@code nn.BCEWithLogitsLoss}: one sigmoid per output, multi-label. */
    BCE_WITH_LOGITS("BCE with logits"),
    /** {@code F.kl_div(log_softmax(z/T), Y)}: KL(Y || P), the part of cross-entropy that training can remove. */
    KL_DIV("KL divergence");

    private final String title;

    LossKind(String title) {
        this.title = title;
    }

    /** The name in files and on the command line: {@code cross_entropy}, {@code mse}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a person reads. */
    public String title() {
        return title;
    }

    /** Parses a {@link #label()}. */
    public static LossKind parse(String name) {
        Checks.require(name != null, "loss name is missing");
        for (LossKind k : values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("loss must be one of \"cross_entropy\", \"mse\", \"multi_margin\", "
                + "\"focal\", \"bce_with_logits\" or \"kl_div\", got \"" + name + "\"");
    }

    /** Whether a Linear layer can be trained with it here (a softmax classifier's loss on class indices). */
    public boolean trainable() {
        return this == CROSS_ENTROPY || this == MSE || this == MULTI_MARGIN || this == FOCAL;
    }

    /** Whether the model's output is softmax(z/T) (all but BCE with logits, whose outputs are independent sigmoids). */
    public boolean usesSoftmax() {
        return this != BCE_WITH_LOGITS;
    }
}
