package org.softmaxlab.model;

/**
 * Why a training run paused by itself, carried beside the message that says it in words: the view-model and the
 * tests decide on the reason, never on the message's text.
 */
public enum StopReason {
    /** Running, paused by the user, or not started. */
    NONE,
    /** The setup could not be built (the message names the problem). */
    CANNOT_START,
    /** A step or a command failed; Reset starts over. */
    FAILED,
    /** The step limit was reached. */
    STEPS,
    /** The loss reached the stop value. */
    LOSS,
    /** The loss is undefined by definition (no target counts: every one ignored, or their weights sum to 0). */
    UNDEFINED,
    /** The loss became infinite, NaN or grew past its bound: a smaller learning rate is offered. */
    DIVERGED
}
