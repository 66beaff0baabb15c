package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The idle timers of one flow: the quiet period after the last sign of life, then the visible countdown. Runs on the
 * flow's thread like the flow; a timer that fires just as it is restarted or stopped does nothing (each restart
 * starts a new round). What happens when the quiet time is over is the flow's decision, not this class's.
 */
final class IdleWatch {
    private final FlowScheduler scheduler;
    /** Bumped whenever the timer restarts or stops, so a timer that fired just as it was cancelled does nothing. */
    private long round;
    private Optional<FlowScheduler.Timer> timer = Optional.empty();
    private OptionalInt secondsLeft = OptionalInt.empty();

    IdleWatch(FlowScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the quiet period afresh (clearing any countdown): after {@code quietFor}, {@code onQuiet} runs. */
    void restart(Duration quietFor, Runnable onQuiet) {
        stop();
        long mine = round;
        timer = Optional.of(scheduler.schedule(quietFor, () -> {
            if (mine == round) {
                onQuiet.run();
            }
        }));
    }

    /** No timer, no countdown. */
    void stop() {
        round++;
        timer.ifPresent(FlowScheduler.Timer::cancel);
        timer = Optional.empty();
        secondsLeft = OptionalInt.empty();
    }

    /**
     * Shows {@code seconds} left and counts down once a second, calling {@code onTick} after each change; at zero
     * it stops and calls {@code onOver}. A restart or stop in between ends the countdown.
     */
    void countDown(int seconds, Runnable onTick, Runnable onOver) {
        if (seconds <= 0) {
            stop();
            onOver.run();
            return;
        }
        secondsLeft = OptionalInt.of(seconds);
        long mine = round;
        timer = Optional.of(scheduler.schedule(Duration.ofSeconds(1), () -> {
            if (mine == round) {
                countDown(seconds - 1, onTick, onOver);
            }
        }));
        onTick.run();
    }

    /** The countdown's seconds while it shows; empty otherwise. */
    OptionalInt secondsLeft() {
        return secondsLeft;
    }
}
