package com.simkiosk.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this process holds, from {@code /proc/self} (Linux): resident set, threads, open file descriptors, and the
 * heap in use after a collection. {@code elapsedSeconds} and {@code sessions} say when it was taken.
 */
public record ProcessFigures(double elapsedSeconds, int sessions, double rssMb, int threads, int fds, double heapAfterGcMb) {

    /** Takes the figures now (one collection first, so the heap figure is live data). */
    public static ProcessFigures now(double elapsedSeconds, int sessions) throws IOException {
        System.gc(); // a hint, enough for a trend over minutes
        Runtime runtime = Runtime.getRuntime();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        long rssKb = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = (int) open.count() - 1; // less the one this listing holds
        }
        return new ProcessFigures(round1(elapsedSeconds), sessions, round1(rssKb / 1024.0), threads, fds, round1(heap));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
