package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Timers for the idle warning. Tasks run on the flow's thread. Tests use a fake that a fake clock drives. */
public interface FlowScheduler {

    Timer schedule(Duration delay, Runnable task);

    interface Timer {
        void cancel();
    }

    /** Real timers: {@code timers} waits (its owner names and closes it), {@code post} hops to the flow's thread. */
    static FlowScheduler using(ScheduledExecutorService timers, Consumer<Runnable> post) {
        return (delay, task) -> {
            var future = timers.schedule(() -> post.accept(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
