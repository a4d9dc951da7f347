package org.softmaxlab.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * Waits, off the FX thread, until a window just shown has settled: the views of its hidden tabs join it in the
     * frame after the first and leave two frames later (MainWindow), and a lookup from the test thread must not walk
     * the scene graph while the FX thread changes it.
     */
    public static void awaitSettledWindow() throws java.util.concurrent.TimeoutException {
        PulseMonitor monitor = new PulseMonitor();
        Platform.runLater(monitor::start);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitor.pulses() >= 6);
        } finally {
            Platform.runLater(monitor::stop);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
