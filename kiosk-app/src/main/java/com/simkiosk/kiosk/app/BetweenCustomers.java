package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects garbage while nobody is at the kiosk, so that a customer's journey does not carry a collection (issue 17).
 *
 * <p>A session allocates a few MB; with the young generation the launcher gives the kiosk, about one journey in five
 * used to run into a young collection (3–18 ms with every thread stopped, on the card's or the carrier's calls). When the
 * attract screen is back, and every {@link #IDLE_CHECK} while it stays, this looks at the young generation's headroom:
 * if the next session would probably fill it (the largest of the last {@value #KEPT_SESSIONS} sessions' allocations,
 * with a margin), it collects now, on the timer thread, while the attract screen is all there is to draw (a full
 * collection, ≈ 50 ms: docs/kiosk.md). A customer who arrives during it sees the first screen at most that much later.
 * A collection is never started while a session is on.
 */
final class BetweenCustomers implements AutoCloseable {
    /** How long after the attract screen is back before looking, so that it is drawn first. */
    static final Duration SETTLE = Duration.ofMillis(150);
    /** While the attract screen stays: its clock allocates too. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(20);
    static final int KEPT_SESSIONS = 8;
    /** Margin on the largest recent session's allocation. */
    static final double MARGIN = 1.5;
    private static final Logger log = LoggerFactory.getLogger(BetweenCustomers.class);

    /** The young generation as the collector sees it, and a way to collect. */
    interface Heap {
        /** Bytes in use in the space new objects go to. */
        long youngUsed();

        /** Bytes that space may hold before a young collection. */
        long youngCapacity();

        /** Collections of any kind so far. */
        long collections();

        void collect();
    }

    private final Heap heap;
    private final ScheduledExecutorService timers;
    private final Deque<Long> sessions = new ArrayDeque<>();
    /** Written on the FX thread, read on the timer thread. */
    private volatile boolean idle = true;
    // FX thread only:
    private long usedAtStart;
    private long collectionsAtStart;
    private ScheduledFuture<?> check;

    BetweenCustomers(Heap heap, ScheduledExecutorService timers) {
        this.heap = heap;
        this.timers = timers;
    }

    /** The JVM's own young generation ("Eden Space" of the serial collector, "G1 Eden Space", ...); empty if none. */
    static Optional<Heap> jvm() {
        Optional<MemoryPoolMXBean> eden = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Eden"))
                .findFirst();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        return eden.map(pool -> new Heap() {
            @Override
            public long youngUsed() {
                return pool.getUsage().getUsed();
            }

            @Override
            public long youngCapacity() {
                return pool.getUsage().getCommitted();
            }

            @Override
            public long collections() {
                return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
            }

            @Override
            public void collect() {
                System.gc();
            }
        });
    }

    /** Follows the flow (FX thread): a session is everything between two attract screens. */
    void observe(FlowView view) {
        boolean attract = view.state() instanceof State.Attract;
        if (attract == idle) {
            return;
        }
        idle = attract;
        if (attract) {
            if (heap.collections() == collectionsAtStart) { // else the session's allocation is unknown
                remember(Math.max(0, heap.youngUsed() - usedAtStart));
            }
            scheduleChecks();
        } else {
            if (check != null) {
                check.cancel(false);
            }
            usedAtStart = heap.youngUsed();
            collectionsAtStart = heap.collections();
        }
    }

    private void remember(long allocated) {
        synchronized (sessions) {
            sessions.addLast(allocated);
            while (sessions.size() > KEPT_SESSIONS) {
                sessions.removeFirst();
            }
        }
    }

    /** The most one of the last sessions allocated, or -1 before any was measured. */
    long largestSession() {
        synchronized (sessions) {
            return sessions.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private void scheduleChecks() {
        try {
            check = timers.scheduleWithFixedDelay(this::checkNow, SETTLE.toMillis(), IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            check = null; // closing
        }
    }

    /** Timer thread. True if it collected. */
    boolean checkNow() {
        if (!idle) {
            return false;
        }
        long largest = largestSession();
        if (largest < 0) {
            return false; // nothing measured yet: the young generation's own rhythm decides
        }
        long used = heap.youngUsed();
        long capacity = heap.youngCapacity();
        if (capacity - used >= (long) (largest * MARGIN)) {
            return false;
        }
        long start = System.nanoTime();
        heap.collect();
        log.debug("collected between customers in {} ms: young generation {} of {} KiB used, a session allocates up to {} KiB",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), used / 1024, capacity / 1024, largest / 1024);
        return true;
    }

    @Override
    public void close() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
