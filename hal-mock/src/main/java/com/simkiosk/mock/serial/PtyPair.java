package com.simkiosk.mock.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two connected pseudo-terminals made by {@code socat}: what one end writes, the other reads, exactly like a
 * null-modem cable. Killing socat (on {@link #close()}, or {@link #vanish()}) is how a USB modem disappears.
 */
public final class PtyPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PtyPair.class);

    private final Process socat;
    private final Path a;
    private final Path b;
    private final Path tempDir;

    private PtyPair(Process socat, Path a, Path b, Path tempDir) {
        this.socat = socat;
        this.a = a;
        this.b = b;
        this.tempDir = tempDir;
    }

    /** A pair whose links live in a fresh temporary directory, removed on close. */
    public static PtyPair open(Duration bound) throws IOException {
        Path dir = Files.createTempDirectory("kiosk-pty");
        return open(dir.resolve("a"), dir.resolve("b"), bound, dir);
    }

    /** A pair with its ends linked at {@code a} and {@code b}; fails if socat has not made both within {@code bound}. */
    public static PtyPair open(Path a, Path b, Duration bound) throws IOException {
        return open(a, b, bound, null);
    }

    private static PtyPair open(Path a, Path b, Duration bound, Path tempDir) throws IOException {
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        Process socat = new ProcessBuilder("socat", "-d", "-d",
                        "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + bound.toNanos();
        // socat makes the links just before its transfer loop; nothing to block on, so poll briefly
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive() || System.nanoTime() - deadline > 0) {
                kill(socat);
                throw new IOException("socat did not create " + a + " and " + b + " within " + bound.toMillis() + " ms"
                        + (socat.isAlive() ? "" : " (exit " + socat.exitValue() + ")"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        LOG.debug("pty pair {} <-> {} (socat pid {})", a, b, socat.pid());
        return new PtyPair(socat, a, b, tempDir);
    }

    /** The end the device under test opens (the kiosk's side). */
    public Path a() {
        return a;
    }

    /** The end the simulator opens. */
    public Path b() {
        return b;
    }

    public long pid() {
        return socat.pid();
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** Pulls the cable: socat dies, both ends report I/O errors from now on. */
    public void vanish() {
        kill(socat);
    }

    @Override
    public void close() {
        kill(socat);
        try {
            // socat removes its links when it exits normally; not when it is killed hard
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            if (tempDir != null) {
                Files.deleteIfExists(tempDir);
            }
        } catch (IOException e) {
            LOG.debug("could not remove the pty links {} {}: {}", a, b, e.toString());
        }
    }

    private static void kill(Process p) {
        p.destroy(); // SIGTERM to this PID only
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
