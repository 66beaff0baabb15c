package com.simkiosk.card;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a {@link SimReader}'s listeners live. The reader's own detector (a PC/SC wait loop, an AT poll, a
 * simulator's hands) tells the hub what it sees now — {@link #publish} the readers, or {@link #serviceLost} — and
 * the hub turns the difference into {@link CardEvent}s:
 * <ul>
 *   <li>while the service is up: {@code ReadersChanged} when the set of readers changes (and for the first
 *       snapshot), then {@code Inserted} / {@code Removed} per reader;</li>
 *   <li>service lost: {@code ServiceLost} once, then {@code Removed} for each card that was in; nothing more until
 *       the service is back (a {@code ReadersChanged} always means "up", the kiosk flow relies on it);</li>
 *   <li>service back: {@code ReadersChanged} with the readers now, then {@code Inserted} for the cards in them.</li>
 * </ul>
 * Events go out in that order on one named delivery thread per reader, never on the detector's thread, so a slow
 * listener cannot hold up the detection. A listener added once the state is known first hears that state (the
 * readers, the cards already in, or the service being lost), ahead of anything published after it joined. A
 * listener removed is not called again, even for events already queued. A listener that throws is logged (event
 * kind and exception class only: messages may carry personal data) and the others still hear the event.
 */
public final class ReaderEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderEvents.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

    /** The latest state the detector published, and a counter that grows with each publication. */
    public record Snapshot(List<ReaderInfo> readers, boolean serviceUp, long generation) {
        public Snapshot {
            readers = List.copyOf(readers);
        }
    }

    private final boolean welcomeWithReaders;
    private final List<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery;
    private volatile Thread deliveryThread;
    private final Object lock = new Object();
    private List<ReaderInfo> readers = List.of();
    private boolean serviceUp = true;
    private CardEvent.ServiceLost lostBecause;
    private long generation;
    private boolean closed;

    private ReaderEvents(String threadName, boolean welcomeWithReaders) {
        this.welcomeWithReaders = welcomeWithReaders;
        // One thread, created on the first event, ended by close(): events stay in order.
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            deliveryThread = thread;
            return thread;
        });
    }

    /**
     * For a reader whose state is known only once its monitor has looked: a listener added before the first
     * {@link #publish} hears that first snapshot as events; later ones first hear {@code ReadersChanged} and the
     * cards already in (or {@code ServiceLost}).
     */
    public static ReaderEvents monitored(String deliveryThreadName) {
        return new ReaderEvents(deliveryThreadName, true);
    }

    /**
     * For a fixed set of slots known from the start (a simulator): every listener joins late, and hears only the
     * cards already in (or {@code ServiceLost}), not the slots themselves.
     */
    public static ReaderEvents fixedSlots(String deliveryThreadName, List<ReaderInfo> initially) {
        ReaderEvents events = new ReaderEvents(deliveryThreadName, false);
        events.publish(initially);
        return events;
    }

    public void addListener(Consumer<CardEvent> listener) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            listeners.add(listener);
            if (generation > 0) {
                queue(List.of(listener), welcome());
            }
        }
    }

    public void removeListener(Consumer<CardEvent> listener) {
        listeners.remove(listener);
    }

    /** The service is up and shows these readers now. */
    public void publish(List<ReaderInfo> now) {
        List<ReaderInfo> current = List.copyOf(now);
        synchronized (lock) {
            if (closed) {
                return;
            }
            List<CardEvent> out = new ArrayList<>();
            boolean back = !serviceUp;
            if (generation == 0 || back || !names(readers).equals(names(current))) {
                out.add(new CardEvent.ReadersChanged(current));
            }
            out.addAll(cardChanges(readers, current));
            if (back) {
                log.info("card reader service is back");
            }
            readers = current;
            serviceUp = true;
            lostBecause = null;
            advance(out);
        }
    }

    /**
     * The service behind the readers is gone. Said once until the next {@link #publish}; a later call only updates
     * the reason a late listener hears.
     */
    public void serviceLost(CardError error, String detail) {
        CardEvent.ServiceLost lost = new CardEvent.ServiceLost(error, detail);
        synchronized (lock) {
            if (closed) {
                return;
            }
            lostBecause = lost;
            if (!serviceUp) {
                return;
            }
            List<CardEvent> out = new ArrayList<>();
            out.add(lost);
            out.addAll(cardChanges(readers, List.of()));
            readers = List.of();
            serviceUp = false;
            advance(out);
        }
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(readers, serviceUp, generation);
        }
    }

    /** Waits up to {@code max} for a snapshot newer than generation {@code seen}; the latest one either way. */
    public Snapshot awaitNewer(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (generation <= seen && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return new Snapshot(readers, serviceUp, generation);
        }
    }

    /** No more events; the delivery thread ends once the event it is delivering (if any) is done. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            listeners.clear();
            lock.notifyAll();
        }
        delivery.shutdown();
        if (Thread.currentThread() == deliveryThread) {
            return; // closed by a listener: this thread ends once that listener returns
        }
        try {
            if (!delivery.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- inside; callers hold the lock

    private List<CardEvent> welcome() {
        if (!serviceUp) {
            return List.of(lostBecause);
        }
        List<CardEvent> out = new ArrayList<>();
        if (welcomeWithReaders) {
            out.add(new CardEvent.ReadersChanged(readers));
        }
        readers.stream().filter(ReaderInfo::cardPresent).forEach(r -> out.add(new CardEvent.Inserted(r.name())));
        return out;
    }

    /** Per reader in {@code now}: inserted or removed; then the readers that vanished with a card in. */
    private static List<CardEvent> cardChanges(List<ReaderInfo> before, List<ReaderInfo> now) {
        Map<String, Boolean> was = new HashMap<>();
        before.forEach(r -> was.put(r.name(), r.cardPresent()));
        List<CardEvent> out = new ArrayList<>();
        for (ReaderInfo r : now) {
            boolean present = Boolean.TRUE.equals(was.remove(r.name()));
            if (r.cardPresent() && !present) {
                out.add(new CardEvent.Inserted(r.name()));
            } else if (!r.cardPresent() && present) {
                out.add(new CardEvent.Removed(r.name()));
            }
        }
        before.stream().filter(r -> r.cardPresent() && was.containsKey(r.name()))
                .forEach(r -> out.add(new CardEvent.Removed(r.name())));
        return out;
    }

    private static List<String> names(List<ReaderInfo> readers) {
        return readers.stream().map(ReaderInfo::name).sorted().toList();
    }

    private void advance(List<CardEvent> out) {
        for (CardEvent event : out) {
            if (event instanceof CardEvent.Inserted e) {
                log.info("card inserted in {}", e.reader());
            } else if (event instanceof CardEvent.Removed e) {
                log.info("card removed from {}", e.reader());
            }
        }
        generation++;
        lock.notifyAll();
        if (!out.isEmpty()) {
            queue(List.copyOf(listeners), out);
        }
    }

    /** Queued under the lock, so every listener hears events in the order the state changed. */
    private void queue(List<Consumer<CardEvent>> to, List<CardEvent> events) {
        if (to.isEmpty()) {
            return;
        }
        try {
            delivery.execute(() -> {
                for (CardEvent event : events) {
                    for (Consumer<CardEvent> listener : to) {
                        if (listeners.contains(listener)) { // removed meanwhile: a closed screen hears nothing late
                            deliver(listener, event);
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("reader events closed; {} not delivered", events);
        }
    }

    private static void deliver(Consumer<CardEvent> listener, CardEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            StackTraceElement[] where = e.getStackTrace();
            log.warn("a card event listener failed on {}: {} at {}", event.getClass().getSimpleName(),
                    e.getClass().getName(), where.length > 0 ? where[0] : "?");
        }
    }
}
