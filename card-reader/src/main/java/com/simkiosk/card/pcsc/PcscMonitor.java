package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the PC/SC wait loop and turns it into {@link CardEvent}s. When pcscd goes away
 * it reports {@link CardEvent.ServiceLost} once, has the shared context reset, and keeps trying every
 * {@link #RETRY_PAUSE} until the service is back; then it reports the readers again.
 */
final class PcscMonitor implements AutoCloseable {
    static final Duration WAIT_SLICE = Duration.ofMillis(250);
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(PcscMonitor.class);

    private final ReaderWatch watch;
    private final Runnable onServiceLost;
    private final List<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CardEvent>> newcomers = new ArrayList<>();
    private final Object stateLock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private List<ReaderInfo> latest = List.of();
    private boolean serviceUp;
    private long generation;

    PcscMonitor(ReaderWatch watch, Runnable onServiceLost) {
        this.watch = watch;
        this.onServiceLost = onServiceLost;
        this.thread = new Thread(this::loop, "pcsc-monitor");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Before the first snapshot a listener simply joins; later ones first get the current state on the
     * monitor thread (readers, cards already present, or the service being lost), within one wait slice.
     */
    void addListener(Consumer<CardEvent> listener) {
        synchronized (stateLock) {
            if (generation == 0) {
                listeners.add(listener);
            } else {
                newcomers.add(listener);
            }
        }
    }

    void removeListener(Consumer<CardEvent> listener) {
        synchronized (stateLock) {
            newcomers.remove(listener);
        }
        listeners.remove(listener);
    }

    private void welcomeNewcomers() {
        List<Consumer<CardEvent>> joining;
        List<ReaderInfo> now;
        boolean up;
        synchronized (stateLock) {
            if (newcomers.isEmpty()) {
                return;
            }
            joining = List.copyOf(newcomers);
            newcomers.clear();
            now = latest;
            up = serviceUp;
        }
        for (Consumer<CardEvent> listener : joining) {
            if (up) {
                deliver(listener, new CardEvent.ReadersChanged(now));
                now.stream().filter(ReaderInfo::cardPresent).forEach(r -> deliver(listener, new CardEvent.Inserted(r.name())));
            } else {
                deliver(listener, new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "smart card service not reachable"));
            }
            listeners.add(listener);
        }
    }

    /** The latest reader snapshot, and whether the service was reachable when it was taken. */
    record Snapshot(List<ReaderInfo> readers, boolean serviceUp, long generation) {}

    Snapshot snapshot() {
        synchronized (stateLock) {
            return new Snapshot(latest, serviceUp, generation);
        }
    }

    /** Waits (bounded) until the monitor publishes a snapshot newer than {@code seen}. */
    Snapshot awaitNewer(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (stateLock) {
            while (generation <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                stateLock.wait(Math.max(1, left / 1_000_000));
            }
            return new Snapshot(latest, serviceUp, generation);
        }
    }

    private void loop() {
        boolean lost = false;
        while (running) {
            try {
                if (watch.awaitChange(WAIT_SLICE) || lost) {
                    lost = false;
                    publish(watch.readers(), true);
                }
                welcomeNewcomers();
            } catch (CardIoException e) {
                if (e.error() == CardError.PCSC_UNAVAILABLE) {
                    watch.drop();
                    onServiceLost.run();
                    if (!lost) {
                        lost = true;
                        log.warn("smart card service lost ({}); retrying every {} ms", e.getMessage(), RETRY_PAUSE.toMillis());
                        publish(List.of(), false);
                        emit(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, e.getMessage()));
                    }
                } else {
                    log.debug("reader wait failed: {} {}", e.error(), e.getMessage());
                }
                welcomeNewcomers();
                if (!pause()) {
                    return;
                }
            } catch (RuntimeException e) {
                log.error("reader monitor error, continuing", e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void publish(List<ReaderInfo> now, boolean up) {
        List<ReaderInfo> before;
        boolean first;
        synchronized (stateLock) {
            before = latest;
            first = generation == 0;
            latest = now;
            serviceUp = up;
            generation++;
            stateLock.notifyAll();
        }
        Map<String, Boolean> was = new HashMap<>();
        before.forEach(r -> was.put(r.name(), r.cardPresent()));
        Map<String, Boolean> is = new HashMap<>();
        now.forEach(r -> is.put(r.name(), r.cardPresent()));
        if (first || !was.keySet().equals(is.keySet())) {
            emit(new CardEvent.ReadersChanged(now));
        }
        for (ReaderInfo r : now) {
            boolean present = Boolean.TRUE.equals(was.get(r.name()));
            if (r.cardPresent() && !present) {
                log.info("card inserted in {}", r.name());
                emit(new CardEvent.Inserted(r.name()));
            } else if (!r.cardPresent() && present) {
                log.info("card removed from {}", r.name());
                emit(new CardEvent.Removed(r.name()));
            }
        }
        for (ReaderInfo r : before) {
            if (r.cardPresent() && !is.containsKey(r.name())) {
                emit(new CardEvent.Removed(r.name()));
            }
        }
    }

    private void emit(CardEvent event) {
        for (Consumer<CardEvent> listener : listeners) {
            deliver(listener, event);
        }
    }

    private static void deliver(Consumer<CardEvent> listener, CardEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("card event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops the loop; a native wait in progress ends within {@link #WAIT_SLICE}. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
