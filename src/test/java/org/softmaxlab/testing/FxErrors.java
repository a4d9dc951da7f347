package org.softmaxlab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records exceptions that escape on any thread (the FX thread included), so a UI test can fail on them. */
public final class FxErrors {
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

    /** Installs the recorder as the default handler (and on the current thread). */
    public static FxErrors install() {
        FxErrors recorder = new FxErrors();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> recorder.errors.add(e));
        return recorder;
    }

    /** Fails with the first recorded exception, and restores the previous handler. */
    public void assertNone() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        if (!errors.isEmpty()) {
            Throwable first = errors.get(0);
            fail("uncaught exception on a JavaFX or worker thread: " + first, first);
        }
    }
}
