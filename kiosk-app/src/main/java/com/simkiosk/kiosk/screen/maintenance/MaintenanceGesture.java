package com.simkiosk.kiosk.screen.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The hidden way into maintenance: {@link #TAPS} taps in the top-left corner within {@link #WINDOW}. */
public final class MaintenanceGesture {
    public static final int TAPS = 5;
    public static final Duration WINDOW = Duration.ofSeconds(3);

    private final Clock clock;
    private final Deque<Instant> taps = new ArrayDeque<>();

    public MaintenanceGesture(Clock clock) {
        this.clock = clock;
    }

    /** Records a corner tap; true when it completes the gesture (which then starts over). */
    public boolean tap() {
        Instant now = clock.instant();
        taps.addLast(now);
        while (!taps.isEmpty() && Duration.between(taps.peekFirst(), now).compareTo(WINDOW) > 0) {
            taps.removeFirst();
        }
        if (taps.size() >= TAPS) {
            taps.clear();
            return true;
        }
        return false;
    }
}
