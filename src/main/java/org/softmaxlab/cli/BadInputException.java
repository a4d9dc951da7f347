package org.softmaxlab.cli;

/** Input the user can fix; the CLI prints its message after {@code error:} and exits with code 2. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message, null, false, false);
    }
}
