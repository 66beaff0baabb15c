package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one back-end (card or carrier) call the flow waits for: its ticket, its deadline and the thread running it.
 * Answers come back on the flow's thread through {@code post} and are dropped when the ticket moved on meanwhile
 * (a cancel, a removal, a new session, a deadline). Used on the flow's thread only, except where noted.
 */
final class PendingCall {

    private static final Logger log = LoggerFactory.getLogger(PendingCall.class);

    /** A blocking call to the card or the carrier. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    private final FlowScheduler scheduler;
    private final Consumer<Runnable> post;

    /** Bumped whenever a pending answer must be ignored (cancel, removal, new session, wipe, answered, deadline). */
    private long ticket;
    /** The call the screen waits for, and the timer that ends the wait. */
    private Optional<InFlight> inFlight = Optional.empty();
    private Optional<FlowScheduler.Timer> deadline = Optional.empty();

    PendingCall(FlowScheduler scheduler, Consumer<Runnable> post) {
        this.scheduler = scheduler;
        this.post = post;
    }

    /** The current ticket: an answer carrying an older one is dropped. */
    long ticket() {
        return ticket;
    }

    /** Whatever answers now is dropped, and the call in flight is interrupted: a stalled call lets go of its thread. */
    void drop() {
        ticket++;
        abandon();
    }

    /**
     * Runs {@code call} on {@code executor} and hands its answer to {@code onValue} or {@code onFailure} on the flow's
     * thread, then runs {@code afterAnswer}, unless the ticket moved on meanwhile. When {@code patience} passes
     * first, the call is interrupted and {@code onFailure} gets {@code timeout}. When the executor refuses the
     * call, {@code refused} runs at once.
     */
    <T> void start(String which, Executor executor, Duration patience, Supplier<Exception> timeout, Call<T> call,
                   Consumer<T> onValue, Consumer<Exception> onFailure, Runnable afterAnswer, Runnable refused) {
        abandon();
        long mine = ++ticket;
        InFlight running = new InFlight();
        inFlight = Optional.of(running);
        deadline = Optional.of(scheduler.schedule(patience, () -> {
            if (mine != ticket) {
                return;
            }
            ticket++; // the answer, should it still come, is dropped
            abandon();
            log.info("No answer from the {} within {} ms", which, patience.toMillis());
            onFailure.accept(timeout.get());
            afterAnswer.run();
        }));
        execute(which, executor, () -> {
            Runnable answer;
            running.begin();
            try {
                T value = call.call();
                answer = () -> onValue.accept(value);
            } catch (Exception e) {
                answer = () -> onFailure.accept(e);
            } finally {
                running.end();
            }
            Runnable deliver = answer;
            postQuietly(() -> {
                if (mine != ticket) {
                    log.debug("Dropped an answer that came after a cancel, a deadline or a new session");
                    return;
                }
                ticket++; // this call is answered: a deadline already queued behind the answer finds it retired
                end();
                deliver.run();
                afterAnswer.run();
            });
        }, () -> {
            end();
            refused.run();
        });
    }

    /** Runs {@code task} on {@code executor}; when that executor refuses it, {@code refused} says what the customer sees. */
    void execute(String which, Executor executor, Runnable task, Runnable refused) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("The {} executor refused work (shutting down, or every thread is stuck)", which);
            refused.run();
        }
    }

    /** Hands an answer to the flow's thread (callable from any thread); one that comes after the flow thread stopped is let go. */
    void postQuietly(Runnable onFlowThread) {
        try {
            post.accept(onFlowThread);
        } catch (RejectedExecutionException | IllegalStateException e) {
            log.debug("Answer dropped: the flow's thread has stopped");
        }
    }

    /** The awaited call answered: its deadline no longer applies. */
    private void end() {
        deadline.ifPresent(FlowScheduler.Timer::cancel);
        deadline = Optional.empty();
        inFlight = Optional.empty();
    }

    /** Nobody waits for the call in flight any more: stop its deadline and interrupt it. */
    private void abandon() {
        inFlight.ifPresent(InFlight::interrupt);
        end();
    }

    /**
     * The thread running an awaited call, so that a cancel or a deadline can interrupt it, and only it: the
     * interrupt cannot outlive the call and hit the next task on the same pooled thread.
     */
    private static final class InFlight {
        private Thread runner;
        private boolean abandoned;

        synchronized void begin() {
            runner = Thread.currentThread();
            if (abandoned) {
                runner.interrupt(); // abandoned before it started: let a blocking call give up at once
            }
        }

        synchronized void end() {
            runner = null;
            Thread.interrupted(); // clears an interrupt meant for this call
        }

        synchronized void interrupt() {
            abandoned = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
