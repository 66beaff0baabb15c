package com.simkiosk.kiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and a scheduler that only move when the test says so: timers run in order as time advances. */
final class FakeTime extends Clock implements FlowScheduler {

    private Instant now;
    private final List<Pending> pending = new ArrayList<>();
    private long order;

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the flow works in instants");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Pending p = new Pending(now.plus(delay), order++, task);
        pending.add(p);
        return () -> pending.remove(p);
    }

    /** Moves time forward, running every timer that falls due on the way (including ones they schedule). */
    void advance(Duration by) {
        Instant target = now.plus(by);
        for (int guard = 0; guard < 10_000; guard++) {
            Pending next = pending.stream()
                    .filter(p -> !p.due.isAfter(target))
                    .min(Comparator.comparing((Pending p) -> p.due).thenComparingLong(p -> p.order))
                    .orElse(null);
            if (next == null) {
                now = target;
                return;
            }
            pending.remove(next);
            now = next.due;
            next.task.run();
        }
        throw new IllegalStateException("timers kept rescheduling themselves");
    }

    int pendingTimers() {
        return pending.size();
    }

    private record Pending(Instant due, long order, Runnable task) {}
}
