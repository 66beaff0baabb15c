package com.simkiosk.mock.vpcd;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A real {@code pcscd -f} owned by its caller (tests, {@code ./kiosk bench card}): started as a child
 * process, stopped by its PID. There is one pcscd socket per machine, so owners queue on a lock file
 * (several worktrees' builds run these tests at once); once it holds the lock, it refuses to start next
 * to a pcscd it does not own, so it never kills or confuses someone else's daemon.
 */
public final class PcscdProcess implements AutoCloseable {
    public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "simkiosk-pcscd.lock");
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FOREIGN_GRACE = Duration.ofSeconds(30);
    private static final Duration VPCD_PORT_WAIT = Duration.ofSeconds(30);
    /**
     * The lock file's lock is a POSIX lock, which belongs to the whole process: closing any other channel on
     * the file would silently drop it. So a second owner in this JVM is refused before it opens the file.
     */
    private static final AtomicReference<PcscdProcess> LOCK_HOLDER_IN_THIS_JVM = new AtomicReference<>();

    private final File log;
    private final Optional<Path> readerConf;
    private Process process;
    private FileChannel lockChannel;
    private FileLock lock;

    /** pcscd's own output is appended to {@code log}; readers from the system's reader.conf (vpcd). */
    public PcscdProcess(File log) {
        this(log, Optional.empty());
    }

    /** With {@code readerConf}, pcscd reads that file instead (an empty one: a machine with no reader). */
    public PcscdProcess(File log, Optional<Path> readerConf) {
        this.log = log;
        this.readerConf = readerConf;
    }

    /**
     * A pcscd this object did not start, if one runs: named by its PID file, or found by its socket
     * accepting a connection (a PID file can be missing; a socket file alone can be stale).
     */
    public static Optional<String> foreignPcscd() throws IOException {
        Optional<Long> pid = livePidFromFile();
        if (pid.isPresent()) {
            return Optional.of("pid " + pid.get());
        }
        if (Files.exists(SOCKET)) {
            try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                probe.connect(UnixDomainSocketAddress.of(SOCKET));
                return Optional.of("listening on " + SOCKET);
            } catch (IOException stale) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> livePidFromFile() throws IOException {
        if (!Files.exists(PID_FILE)) {
            return Optional.empty();
        }
        String text = Files.readString(PID_FILE).strip();
        if (!text.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /** A pcscd logging to {@code log}, started; if it cannot start, the lock it took is released before the throw. */
    public static PcscdProcess started(File log) throws IOException, InterruptedException {
        PcscdProcess pcscd = new PcscdProcess(log);
        try {
            pcscd.start();
            return pcscd;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            pcscd.close();
            throw e;
        }
    }

    /** Starts pcscd and returns once its socket is there (bounded). */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        acquireLock();
        // A build that predates the lock file may hold pcscd for a few seconds: give it a bounded grace.
        waitFor(FOREIGN_GRACE, () -> {
            try {
                return foreignPcscd().isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        Optional<String> foreign = foreignPcscd();
        if (foreign.isPresent()) {
            throw new IllegalStateException("another pcscd is already running (" + foreign.get()
                    + "); the tests and the bench start their own: stop it first");
        }
        if (readerConf.isEmpty()) {
            awaitVpcdPortsFree();
        }
        List<String> command = new ArrayList<>(List.of("pcscd", "-f"));
        readerConf.ifPresent(conf -> command.addAll(List.of("-c", conf.toString())));
        process = new ProcessBuilder(command)
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

    /** Takes the machine's pcscd lock now (waiting, bounded, like {@link #start()}), without starting pcscd yet. */
    public synchronized void reserve() throws IOException, InterruptedException {
        acquireLock();
    }

    /**
     * For tools that may share a pcscd (the benchmark): waits for the machine's pcscd lock like the tests do,
     * then starts pcscd only when none runs. Returns true when it started one; {@link #close()} stops it (if
     * ours) and frees the lock either way.
     */
    public synchronized boolean startUnlessRunning() throws IOException, InterruptedException {
        acquireLock();
        if (foreignPcscd().isPresent()) {
            return false;
        }
        start();
        return true;
    }

    /**
     * vpcd listens on 35963/35964, inside Linux's ephemeral range: a busy machine's outgoing connection can hold
     * one for a while, and then vpcd's reader silently never appears. Wait for them (bounded) or say so.
     */
    private static void awaitVpcdPortsFree() throws InterruptedException {
        for (int slot = 0; slot < 2; slot++) {
            int port = VpcdBridge.VPCD_PORT + slot;
            if (!waitFor(VPCD_PORT_WAIT, () -> bindable(port))) {
                throw new IllegalStateException("vpcd's port " + port + " is held by another connection (see ss -tanp | grep "
                        + port + "); pcscd's virtual reader could not listen there");
            }
        }
    }

    private static boolean bindable(int port) {
        // Bound like vpcd's listener (any address, SO_REUSEADDR: a TIME_WAIT leftover is no obstacle), but never listening.
        try (Socket probe = new Socket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops pcscd and lets the next owner (another build's tests) have it. */
    @Override
    public synchronized void close() throws InterruptedException {
        try {
            stop();
        } finally {
            releaseLock();
        }
    }

    /** Held from the first start to close(), so a restart never lets another owner in between. */
    private void acquireLock() throws IOException, InterruptedException {
        if (lock != null) {
            return;
        }
        if (!LOCK_HOLDER_IN_THIS_JVM.compareAndSet(null, this)) {
            throw new IllegalStateException("another pcscd is already running (owned by another object in this JVM)");
        }
        boolean locked = false;
        try {
            lockChannel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
            while (lock == null) {
                lock = lockChannel.tryLock();
                if (lock == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("another build has owned pcscd (" + LOCK_FILE + ") for over "
                                + LOCK_TIMEOUT.toMinutes() + " min");
                    }
                    Thread.sleep(100);
                }
            }
            locked = true;
        } finally {
            if (!locked) {
                releaseLock();
            }
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot release " + LOCK_FILE, e);
        } finally {
            lock = null;
            lockChannel = null;
            LOCK_HOLDER_IN_THIS_JVM.compareAndSet(this, null);
        }
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
