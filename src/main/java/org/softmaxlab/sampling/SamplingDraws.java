package org.softmaxlab.sampling;

import java.util.List;

/**
 * The draws taken from the current distribution: how many fell on each token, of how many, and the last tokens drawn
 * one by one (newest last).
 */
public record SamplingDraws(long[] counts, long total, List<String> recent) {
    static final int RECENT = 12;

    static SamplingDraws none(int vocabulary) {
        return new SamplingDraws(new long[vocabulary], 0, List.of());
    }
}
