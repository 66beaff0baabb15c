package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static Payloads.Event event(long seq) {
        return new Payloads.Event(seq, "2026-11-30T01:00:00Z", EventKind.PAPER_OUT.name(), "PAPER_OUT");
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() {
        AtomicInteger drops = new AtomicInteger();
        EventQueue queue = new EventQueue(2, drops::incrementAndGet);

        for (long seq = 1; seq <= 5; seq++) {
            queue.add(event(seq));
        }

        assertThat(queue.snapshot()).extracting(Payloads.Event::seq).containsExactly(4L, 5L);
        assertThat(queue.dropped()).isEqualTo(3);
        assertThat(drops).hasValue(3);
    }

    @Test
    void anEventLeavesOnlyWhenDelivered() {
        EventQueue queue = new EventQueue(10, () -> {});
        queue.add(event(1));
        queue.add(event(2));

        assertThat(queue.peek()).map(Payloads.Event::seq).contains(1L);
        queue.delivered(event(1));

        assertThat(queue.snapshot()).extracting(Payloads.Event::seq).containsExactly(2L);
    }
}
