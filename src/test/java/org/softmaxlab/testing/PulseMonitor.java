package org.softmaxlab.testing;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/** Counts JavaFX pulses and the longest gap between two of them; start and stop it on the FX thread. */
public final class PulseMonitor extends AnimationTimer {
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong longestGap = new AtomicLong();
    private long last;

    @Override
    public void handle(long now) {
        if (last != 0) {
            longestGap.accumulateAndGet(now - last, Math::max);
        }
        last = now;
        pulses.incrementAndGet();
    }

    public long pulses() {
        return pulses.get();
    }

    /** The longest time between two pulses, in nanoseconds. */
    public long longestGapNanos() {
        return longestGap.get();
    }
}
