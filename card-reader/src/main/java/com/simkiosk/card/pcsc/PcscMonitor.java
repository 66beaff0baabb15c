package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.ReaderEvents;
import com.simkiosk.card.apdu.CardIoException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the PC/SC wait loop and tells {@link ReaderEvents} what it sees. When pcscd goes away
 * it reports the service lost once, has the shared context reset, and keeps trying every {@link #RETRY_PAUSE}
 * until the service is back; then it publishes the readers again.
 */
final class PcscMonitor implements AutoCloseable {
    static final Duration WAIT_SLICE = Duration.ofMillis(250);
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(PcscMonitor.class);

    private final ReaderWatch watch;
    private final ReaderEvents events;
    private final Runnable onServiceLost;
    private final Thread thread;
    private volatile boolean running = true;

    PcscMonitor(ReaderWatch watch, ReaderEvents events, Runnable onServiceLost) {
        this.watch = watch;
        this.events = events;
        this.onServiceLost = onServiceLost;
        this.thread = new Thread(this::loop, "pcsc-monitor");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        boolean lost = false;
        while (running) {
            try {
                if (watch.awaitChange(WAIT_SLICE) || lost) {
                    lost = false;
                    events.publish(watch.readers());
                }
            } catch (CardIoException e) {
                if (e.error() == CardError.PCSC_UNAVAILABLE) {
                    watch.drop();
                    onServiceLost.run();
                    if (!lost) {
                        lost = true;
                        log.warn("smart card service lost ({}); retrying every {} ms", e.getMessage(), RETRY_PAUSE.toMillis());
                        events.serviceLost(CardError.PCSC_UNAVAILABLE, e.getMessage());
                    }
                } else {
                    log.debug("reader wait failed: {} {}", e.error(), e.getMessage());
                }
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
