package org.softmaxlab.app;

import java.util.function.Supplier;

/**
 * A value made the first time it is asked for, then kept: the content of a tab not shown at start, so that the window
 * opens without building it. FX thread only.
 */
final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> make;
    private T value;

    Lazy(Supplier<? extends T> make) {
        this.make = make;
    }

    /** A value that is there already. */
    static <T> Lazy<T> of(T value) {
        Lazy<T> lazy = new Lazy<>(null);
        lazy.value = value;
        return lazy;
    }

    @Override
    public T get() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }

    /** Whether {@link #get} has made the value (nothing is made here). */
    boolean made() {
        return make == null;
    }
}
