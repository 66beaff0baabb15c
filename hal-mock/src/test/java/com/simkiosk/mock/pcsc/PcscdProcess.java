package com.simkiosk.mock.pcsc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code pcscd -f} owned by the tests: started as a child process, stopped by its PID. Refuses to
 * start next to a pcscd it does not own, so it never kills or confuses someone else's daemon.
 */
public final class PcscdProcess implements AutoCloseable {
    static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final File log;
    private Process process;

    public PcscdProcess(File log) {
        this.log = log;
    }

    /** Starts pcscd and returns once its socket is there (bounded). */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Optional<Long> foreign = runningPcscd();
        if (foreign.isPresent()) {
            throw new IllegalStateException("another pcscd is already running (pid " + foreign.get()
                    + "); these tests start their own: stop it first (kill " + foreign.get() + ")");
        }
        process = new ProcessBuilder("pcscd", "-f")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        Await.until(START_TIMEOUT, () -> Files.exists(SOCKET) || !process.isAlive(), "pcscd socket " + SOCKET);
        if (!process.isAlive()) {
            throw new IllegalStateException("pcscd exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Stops our pcscd by PID (SIGTERM, then SIGKILL after a bound) and waits for its socket to go. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        process = null;
        Await.until(STOP_TIMEOUT, () -> !Files.exists(SOCKET), "pcscd socket removed");
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A pcscd we did not start: its PID file names a live process. */
    private static Optional<Long> runningPcscd() throws IOException {
        if (!Files.exists(PID_FILE)) {
            return Optional.empty();
        }
        String text = Files.readString(PID_FILE).strip();
        if (!text.matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(text);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }
}
