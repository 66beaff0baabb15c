package com.simkiosk.kiosk.unattended;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which of the parts a customer needs has stopped working, and since when; a part gone for at least the bound takes
 * the kiosk out of service. Plain Java on a {@link Clock}, so the bound is tested without waiting. Any thread.
 */
public final class PartsHealth {
    /** The parts without which no customer can be served. */
    public enum Part {
        /** No SIM reader answers (the smart card service gone, or no reader plugged in). */
        READER,
        /** No configured carrier back end can be reached. */
        BACKEND
    }

    private final Clock clock;
    private final Duration bound;
    private final Map<Part, Instant> downSince = new EnumMap<>(Part.class);

    public PartsHealth(Clock clock, Duration bound) {
        this.clock = clock;
        this.bound = bound;
    }

    /** What was last seen of {@code part}: a part that works again is forgiven at once. */
    public synchronized void report(Part part, boolean works) {
        if (works) {
            downSince.remove(part);
        } else {
            downSince.putIfAbsent(part, clock.instant());
        }
    }

    /** The parts that have not worked for at least the bound, each with the time it stopped. */
    public synchronized Map<Part, Instant> outOfService() {
        Instant now = clock.instant();
        Map<Part, Instant> out = new EnumMap<>(Part.class);
        downSince.forEach((part, since) -> {
            if (!since.plus(bound).isAfter(now)) {
                out.put(part, since);
            }
        });
        return out;
    }

    public Duration bound() {
        return bound;
    }
}
