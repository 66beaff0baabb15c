package com.simkiosk.carrier.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's clock, moved by the test (codes expire, limits reset) without waiting. */
final class SimClock extends Clock {
    private volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the wire has seconds

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
