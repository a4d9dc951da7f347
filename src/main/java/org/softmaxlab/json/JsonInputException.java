package org.softmaxlab.json;

/** Input that is not what it should be: the message names the field ({@code explorer.logits[0][1] must be ...}). */
public final class JsonInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonInputException(String message) {
        super(message, null, false, false);
    }
}
