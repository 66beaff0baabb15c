package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.TopUpOffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balance screen's three carrier calls for one line, asked at once (issue 17): the balance on the calling
 * thread (the flow's carrier executor, under the step's deadline), the usage history and the top-up offers on a
 * small bounded executor of the loader's own.
 *
 * <p>The balance decides the step: its failure is the step's failure, thrown as it came (so it is classified as
 * before), and the other two are then called off. Usage and offers are optional: a failure, a refusal of the
 * executor, or no answer within {@code optionalBound} of the step's start leaves the chart empty or the offers
 * unknown, and the balance is shown all the same. When the step itself is given up (its deadline, a cancel, the
 * SIM taken) the calling thread is interrupted and the optional calls are interrupted with it.
 */
final class BalanceLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BalanceLoader.class);
    /** Usage and offers: one thread each. */
    static final int THREADS = 2;
    /** Calls that may wait for a thread (two more loads' worth) before the executor refuses and the parts are skipped. */
    static final int QUEUED = 4;

    /** What the balance screen is made of. */
    record Loaded(Balance balance, List<DailyUsage> usage, Optional<List<TopUpOffer>> offers) {}

    private final CarrierBackend carrier;
    private final ThreadPoolExecutor parts;
    private final Duration optionalBound;

    /** {@code optionalBound}: how long after the step's start the balance may wait for usage and offers. */
    BalanceLoader(CarrierBackend carrier, Duration optionalBound) {
        if (optionalBound.isNegative() || optionalBound.isZero()) {
            throw new IllegalArgumentException("optionalBound must be positive");
        }
        this.carrier = carrier;
        this.optionalBound = optionalBound;
        this.parts = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
                daemonThreads());
        this.parts.allowCoreThreadTimeOut(true); // an idle kiosk keeps no threads for this
    }

    /** The optional calls may take what is left of the carrier's own call bound: the step's deadline minus its grace. */
    static Duration optionalBound(FlowConfig config) {
        Duration bound = config.carrierWait().minus(FlowConfig.CARRIER_GRACE);
        return bound.isNegative() || bound.isZero() ? config.carrierWait().dividedBy(2) : bound;
    }

    /** Blocks: the balance, with the usage from {@code usageFrom} and the offers when they came in time. */
    Loaded load(Line line, LocalDate usageFrom) throws CarrierException, InterruptedException {
        long start = System.nanoTime();
        Future<List<DailyUsage>> usage = submit("usage history", () -> carrier.dailyUsage(line, usageFrom));
        Future<List<TopUpOffer>> offers = submit("top-up offers", () -> List.copyOf(carrier.topUpOffers(line)));
        try {
            Balance balance = carrier.balance(line);
            List<DailyUsage> days = optional(usage, start, "Usage history", "showing the balance without it")
                    .orElse(List.of());
            Optional<List<TopUpOffer>> known = optional(offers, start, "Top-up offers",
                    "the balance screen offers Add data all the same");
            return new Loaded(balance, days, known);
        } finally {
            // Nobody waits for them any more (answered, balance failed, or the step given up): let go of their threads.
            cancel(usage);
            cancel(offers);
        }
    }

    /**
     * Starts {@link #load} on {@code executor} now, for a step the flow has not reached yet (issue 17: the SIM check's
     * thread asks the balance as soon as the carrier confirms the line, instead of waiting for the flow's thread to
     * hand the step back). Empty when the executor refuses it: the step then asks as usual.
     */
    Optional<Early> start(Line line, Instant asked, LocalDate usageFrom, Executor executor) {
        FutureTask<Loaded> task = new FutureTask<>(() -> load(line, usageFrom));
        try {
            executor.execute(task);
            return Optional.of(new Early(line, asked, task));
        } catch (RejectedExecutionException e) {
            log.debug("No thread for the early balance; the balance step asks it itself");
            return Optional.empty();
        }
    }

    /**
     * A {@link #load} already under way for {@code line}, asked at {@code asked}. Taken once: a retry of the step asks
     * the carrier again. Cancelled (interrupting it) when the session ends, like any call in flight.
     */
    static final class Early {
        private final Line line;
        private final Instant asked;
        private final FutureTask<Loaded> task;
        private final AtomicBoolean taken = new AtomicBoolean();

        private Early(Line line, Instant asked, FutureTask<Loaded> task) {
            this.line = line;
            this.asked = asked;
            this.task = task;
        }

        Line line() {
            return line;
        }

        Instant asked() {
            return asked;
        }

        boolean isDone() {
            return task.isDone();
        }

        /** Waits up to {@code nanos} for the load to end (answered, failed or called off); true when it has. */
        boolean awaitDone(long nanos) throws InterruptedException {
            try {
                task.get(nanos, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException e) {
                // ended all the same: its failure is the step's, taken by get()
            } catch (TimeoutException e) {
                return false;
            }
            return true;
        }

        /** True the first time only: the step uses this answer once. */
        boolean take() {
            return taken.compareAndSet(false, true);
        }

        /**
         * Blocks until the load ends; its failure is thrown as the load threw it. Interrupted (the step given up by
         * its deadline or a cancel), it calls the load off too.
         */
        Loaded get() throws Exception {
            try {
                return task.get();
            } catch (InterruptedException e) {
                task.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception failure) {
                    throw failure;
                }
                throw e;
            }
        }

        void cancel() {
            task.cancel(true);
        }
    }

    private <T> Future<T> submit(String what, PendingCall.Call<T> call) {
        FutureTask<T> task = new FutureTask<>(call::call);
        try {
            parts.execute(task);
            return task;
        } catch (RejectedExecutionException e) {
            log.warn("The balance's helper threads are all busy; the {} is not asked this time", what);
            return null;
        }
    }

    /** The optional part's answer, or empty when it failed, was not asked, or is not in by the bound. */
    private <T> Optional<T> optional(Future<T> part, long start, String what, String without) throws InterruptedException {
        if (part == null) {
            log.info("{} not asked; {}", what, without);
            return Optional.empty();
        }
        long left = optionalBound.toNanos() - (System.nanoTime() - start);
        try {
            return Optional.of(part.get(Math.max(0, left), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            log.info("{} unavailable ({}); {}", what,
                    cause instanceof Exception failure ? ErrorKinds.describe(failure) : cause.getClass().getSimpleName(), without);
        } catch (TimeoutException e) {
            log.info("{} not in within {} ms; {}", what, optionalBound.toMillis(), without);
        } catch (CancellationException e) {
            log.info("{} called off; {}", what, without);
        }
        return Optional.empty();
    }

    private static void cancel(Future<?> part) {
        if (part != null) {
            part.cancel(true);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "flow-balance-parts-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Interrupts whatever is still running; later loads get no optional parts. */
    @Override
    public void close() {
        parts.shutdownNow();
    }
}
