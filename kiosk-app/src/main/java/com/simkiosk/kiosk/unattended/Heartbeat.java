package com.simkiosk.kiosk.unattended;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's watchdog ({@code WatchdogSec=}): every half of {@code WATCHDOG_USEC} it asks each {@link Probe} to run a
 * tiny task on its thread and sends {@code WATCHDOG=1} only when every one has answered within the bound. A thread
 * that is stuck (a hung JavaFX thread, a wedged flow timer) withholds the heartbeat, so systemd kills the kiosk and
 * starts it again; the {@code STATUS=} line says which thread did not answer. A probe still unanswered is not asked
 * again (no pile of probes behind a stuck thread).
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    /** However long systemd's period, a probe that takes longer than this means a thread that is not serving. */
    static final Duration MAX_BOUND = Duration.ofSeconds(5);

    /** A thread to check: {@code post} runs a task on it (e.g. {@code Platform::runLater}). */
    public record Probe(String name, Consumer<Runnable> post) {}

    private final NotifySocket socket;
    private final Duration every;
    private final Duration bound;
    private final List<Probe> probes;
    private final Supplier<String> usualStatus;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-watchdog");
        t.setDaemon(true);
        return t;
    });
    private List<String> stuckBefore = List.of();

    /**
     * Heartbeats every {@code every}, each after its probes answered within {@code bound} (less than {@code every}).
     * {@code usualStatus} is the status line to restore once every thread answers again.
     */
    public Heartbeat(NotifySocket socket, Duration every, Duration bound, List<Probe> probes, Supplier<String> usualStatus) {
        if (bound.compareTo(every) >= 0) {
            throw new IllegalArgumentException("the probes' bound must be shorter than the heartbeat period");
        }
        this.socket = socket;
        this.every = every;
        this.bound = bound;
        this.probes = List.copyOf(probes);
        this.usualStatus = usualStatus;
        probes.forEach(p -> pending.add(CompletableFuture.completedFuture(null)));
    }

    /**
     * The heartbeat period systemd asks for: half of {@code WATCHDOG_USEC}, when it is set for this process
     * ({@code WATCHDOG_PID} absent or ours).
     */
    public static Optional<Duration> period(Map<String, String> env, long ownPid) {
        String usec = env.getOrDefault("WATCHDOG_USEC", "").trim();
        String pid = env.getOrDefault("WATCHDOG_PID", "").trim();
        if (usec.isEmpty() || (!pid.isEmpty() && !pid.equals(Long.toString(ownPid)))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec);
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1_000 / 2)) : Optional.empty();
        } catch (NumberFormatException e) {
            log.warn("WATCHDOG_USEC is not a number ({}): no watchdog heartbeats", usec);
            return Optional.empty();
        }
    }

    /** The probes' bound for a period: half of it, at most {@link #MAX_BOUND}. */
    public static Duration boundFor(Duration every) {
        Duration half = every.dividedBy(2);
        return half.compareTo(MAX_BOUND) > 0 ? MAX_BOUND : half;
    }

    public void start() {
        thread.scheduleAtFixedRate(this::round, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        log.info("systemd watchdog: a heartbeat every {} ms while {} answer within {} ms", every.toMillis(),
                String.join(" and ", probes.stream().map(Probe::name).toList()), bound.toMillis());
    }

    /** One heartbeat: ask, wait up to the bound, and send WATCHDOG=1 only if every thread answered. */
    void round() {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int i = 0; i < probes.size(); i++) {
            if (pending.get(i).isDone()) {
                CompletableFuture<Void> answer = new CompletableFuture<>();
                pending.set(i, answer);
                try {
                    probes.get(i).post().accept(() -> answer.complete(null));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e); // a thread that refuses work is not serving either
                }
            }
        }
        List<String> stuck = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (!answered(pending.get(i), deadline)) {
                stuck.add(probes.get(i).name());
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // closing: nothing more to say
        }
        if (stuck.isEmpty()) {
            if (!stuckBefore.isEmpty()) {
                log.info("systemd watchdog: every thread answers again; heartbeats resume");
                socket.send("WATCHDOG=1", "STATUS=" + usualStatus.get());
            } else {
                socket.send("WATCHDOG=1");
            }
        } else {
            if (!stuck.equals(stuckBefore)) {
                log.error("systemd watchdog: {} did not answer within {} ms; heartbeats withheld (systemd restarts the kiosk)",
                        String.join(" and ", stuck), bound.toMillis());
            }
            // Said again each period instead of the heartbeat: whoever looks (systemctl status) sees it is still so.
            socket.send("STATUS=Not answering: " + String.join(", ", stuck) + "; watchdog heartbeats withheld");
        }
        stuckBefore = stuck;
    }

    private static boolean answered(CompletableFuture<Void> answer, long deadline) {
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
