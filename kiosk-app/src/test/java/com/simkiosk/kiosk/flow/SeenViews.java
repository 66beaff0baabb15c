package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Every view a flow published, from whatever thread; a test waits (bounded) for the screen it expects. */
public final class SeenViews implements Consumer<FlowView> {
    private final List<FlowView> views = new CopyOnWriteArrayList<>();

    @Override
    public void accept(FlowView view) {
        views.add(view);
    }

    /** Forgets what was seen, so the next {@link #await} looks only at what comes after. */
    public void clear() {
        views.clear();
    }

    /** The first view seen that {@code wanted} accepts, polling every 20 ms for at most {@code bound}. */
    public FlowView await(Predicate<FlowView> wanted, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            for (FlowView v : views) {
                if (wanted.test(v)) {
                    return v;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no such screen within " + bound + "; screens seen: "
                + views.stream().map(v -> v.state().key()).distinct().toList());
    }
}
