package com.simkiosk.kiosk.cli;

import java.util.Arrays;

/** Median and 99th percentile (nearest rank) of measured durations, in milliseconds. */
public record Timing(double medianMs, double p99Ms, int n) {

    public static Timing ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Timing(millis(sorted[rank(sorted.length, 0.50)]), millis(sorted[rank(sorted.length, 0.99)]), sorted.length);
    }

    private static int rank(int n, double quantile) {
        return Math.max(0, (int) Math.ceil(quantile * n) - 1);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0; // microsecond resolution
    }
}
