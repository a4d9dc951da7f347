package org.softmaxlab.reliability;

/** Whether the long reliability runs are on ({@code -Plong}, i.e. {@code -Dsoftmaxlab.long=true}). */
final class LongRun {
    private LongRun() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("softmaxlab.long");
    }

    /** {@code normal} in the default build, {@code long} under -Plong. */
    static int pick(int normal, int longer) {
        return enabled() ? longer : normal;
    }
}
