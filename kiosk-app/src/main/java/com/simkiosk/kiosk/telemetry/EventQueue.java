package com.simkiosk.kiosk.telemetry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Events waiting for the broker. Bounded: when full, the oldest event is dropped (and counted) so the newest, which
 * say how things stand now, survive a long outage. An event leaves only once the broker has acknowledged it.
 * Any thread.
 */
public final class EventQueue {
    private final int capacity;
    private final Deque<Payloads.Event> waiting = new ArrayDeque<>();
    private final Runnable onDrop;
    private long dropped;

    public EventQueue(int capacity, Runnable onDrop) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event queue holds at least one event");
        }
        this.capacity = capacity;
        this.onDrop = onDrop;
    }

    public void add(Payloads.Event event) {
        synchronized (this) {
            waiting.addLast(event);
            if (waiting.size() <= capacity) {
                return;
            }
            waiting.removeFirst();
            dropped++;
        }
        onDrop.run();
    }

    /** The oldest event still waiting, left in the queue. */
    public synchronized Optional<Payloads.Event> peek() {
        return Optional.ofNullable(waiting.peekFirst());
    }

    /** Removes {@code event} once delivered (unless it was dropped meanwhile). */
    public synchronized void delivered(Payloads.Event event) {
        waiting.remove(event);
    }

    public synchronized java.util.List<Payloads.Event> snapshot() {
        return java.util.List.copyOf(waiting);
    }

    public synchronized int size() {
        return waiting.size();
    }

    public synchronized long dropped() {
        return dropped;
    }
}
