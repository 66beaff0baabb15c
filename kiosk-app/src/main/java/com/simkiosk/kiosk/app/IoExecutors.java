package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.FlowExecutors;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kiosk's blocking work, one named pool per kind so none can starve another: a stalled carrier answer
 * cannot keep the next SIM from being read, a slow card cannot hold up the carrier, and the maintenance PIN
 * answers whatever the customers' devices are doing. Each pool grows to a small bound and refuses work beyond
 * it (the flow turns a refusal into a classified error); idle threads end after a while.
 */
public final class IoExecutors implements AutoCloseable {
    static final int CARD_THREADS = 4;
    static final int CARRIER_THREADS = 8;
    static final int PRINTER_THREADS = 2;
    static final int MAINTENANCE_THREADS = 2;

    private final ExecutorService card = bounded("kiosk-card", CARD_THREADS);
    private final ExecutorService carrier = bounded("kiosk-carrier", CARRIER_THREADS);
    private final ExecutorService printer = bounded("kiosk-printer", PRINTER_THREADS);
    private final ExecutorService maintenance = bounded("kiosk-maintenance", MAINTENANCE_THREADS);

    /** What the session flow runs its card, carrier and printer calls on. */
    public FlowExecutors flow() {
        return new FlowExecutors(card, carrier, printer);
    }

    /** The maintenance PIN check, the device status and the test print. */
    public ExecutorService maintenance() {
        return maintenance;
    }

    /** Interrupts whatever still runs and waits a little for it to end. */
    @Override
    public void close() {
        List<ExecutorService> all = List.of(card, carrier, printer, maintenance);
        all.forEach(ExecutorService::shutdownNow);
        try {
            for (ExecutorService pool : all) {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService bounded(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
