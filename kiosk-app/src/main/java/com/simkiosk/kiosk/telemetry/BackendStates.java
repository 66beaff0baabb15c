package com.simkiosk.kiosk.telemetry;

import com.simkiosk.carrier.CarrierError;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Each configured back end's state as its last call left it: UNKNOWN before any call, UP, or the outage's carrier
 * error (UNAVAILABLE, TIMEOUT, ...). A change to or from an outage is an event. Any thread.
 */
public final class BackendStates {
    public static final String UNKNOWN = "UNKNOWN";
    public static final String UP = "UP";

    private final Map<String, String> states = new TreeMap<>();
    private final BiConsumer<EventKind, String> events;

    public BackendStates(BiConsumer<EventKind, String> events) {
        this.events = events;
    }

    synchronized void known(String name) {
        states.putIfAbsent(name, UNKNOWN);
    }

    void answered(String name) {
        String before;
        synchronized (this) {
            before = states.put(name, UP);
        }
        if (before != null && !before.equals(UP) && !before.equals(UNKNOWN)) {
            events.accept(EventKind.BACKEND_UP, name);
        }
    }

    void failed(String name, CarrierError error) {
        String before;
        synchronized (this) {
            before = states.put(name, error.name());
        }
        if (!error.name().equals(before)) {
            events.accept(EventKind.BACKEND_DOWN, name + ":" + error.name());
        }
    }

    public synchronized Map<String, String> snapshot() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(states));
    }

    /** Healthy while no back end's last call was an outage. */
    public synchronized boolean healthy() {
        return states.values().stream().allMatch(s -> s.equals(UP) || s.equals(UNKNOWN));
    }
}
