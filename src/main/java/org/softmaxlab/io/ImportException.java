package org.softmaxlab.io;

/** A file or pasted text that cannot be imported; the message names the problem (and for CSV the row and column). */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
