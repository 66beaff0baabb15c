package com.simkiosk.kiosk.screen.help;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Call staff" from the help overlay: counts the calls for maintenance (how often customers needed a person), keeps
 * the time of the last one, and sounds the chime off the FX thread when configured. Nothing about the customer.
 */
public final class StaffCalls {
    private final Clock clock;
    private final boolean sound;
    private final Executor soundThread;
    private final Chime chime;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Optional<Instant>> last = new AtomicReference<>(Optional.empty());

    public StaffCalls(Clock clock, boolean sound, Executor soundThread, Chime chime) {
        this.clock = clock;
        this.sound = sound;
        this.soundThread = soundThread;
        this.chime = chime;
    }

    public void call() {
        count.incrementAndGet();
        last.set(Optional.of(clock.instant()));
        if (sound) {
            try {
                soundThread.execute(chime::play);
            } catch (RejectedExecutionException e) {
                // every thread busy or closing: the notice on screen is enough
            }
        }
    }

    public long count() {
        return count.get();
    }

    public Optional<Instant> last() {
        return last.get();
    }
}
