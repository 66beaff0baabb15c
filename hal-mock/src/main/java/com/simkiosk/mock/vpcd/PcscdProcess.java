package com.simkiosk.mock.vpcd;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real {@code pcscd -f} owned by its caller (tests, {@code ./kiosk bench card}): started as a child
 * process, stopped by its PID. Refuses to start next to a pcscd it does not own, so it never kills or
 * confuses someone else's daemon.
 */
public final class PcscdProcess implements AutoCloseable {
    public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final File log;
    private Process process;

    /** pcscd's own output is appended to {@code log}. */
    public PcscdProcess(File log) {
        this.log = log;
    }

    /** The PID of a pcscd this process did not start, if one runs. */
    public static Optional<Long> foreignPcscd() throws IOException {
        if (!Files.exists(PID_FILE)) {
            return Optional.empty();
        }
        String text = Files.readString(PID_FILE).strip();
        if (!text.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /** Starts pcscd and returns once its socket is there (bounded). */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Optional<Long> foreign = foreignPcscd();
        if (foreign.isPresent()) {
            throw new IllegalStateException("another pcscd is already running (pid " + foreign.get()
                    + "); these tests start their own: stop it first (kill " + foreign.get() + ")");
        }
        process = new ProcessBuilder("pcscd", "-f")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        Process started = process;
        if (!waitFor(START_TIMEOUT, () -> Files.exists(SOCKET) || !started.isAlive())) {
            stop();
            throw new IllegalStateException("pcscd did not create " + SOCKET + " within " + START_TIMEOUT.toSeconds() + " s; see " + log);
        }
        if (!process.isAlive()) {
            int exit = process.exitValue();
            process = null;
            throw new IllegalStateException("pcscd exited with " + exit + "; see " + log);
        }
    }

    /** Stops our pcscd by PID (SIGTERM, then SIGKILL after a bound) and waits for its socket to go. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        long pid = process.pid();
        process.destroy();
        boolean clean = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!clean) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        process = null;
        if (clean) {
            waitFor(STOP_TIMEOUT, () -> !Files.exists(SOCKET));
        } else {
            removeLeftovers(pid);
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A killed pcscd leaves its socket and PID file; they are ours to clean (the PID file names our child). */
    private static void removeLeftovers(long pid) {
        try {
            if (Files.exists(PID_FILE) && Files.readString(PID_FILE).strip().equals(Long.toString(pid))) {
                Files.deleteIfExists(PID_FILE);
                Files.deleteIfExists(SOCKET);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean up after pcscd " + pid, e);
        }
    }

    private static boolean waitFor(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
