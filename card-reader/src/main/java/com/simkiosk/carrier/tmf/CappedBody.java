package com.simkiosk.carrier.tmf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A response body read into memory on the calling thread, but never more than a cap: a carrier (or anything
 * pretending to be one) that sends a huge or endless body is cut off at the cap, not the kiosk's heap filled. A
 * {@code Content-Length} above the cap is refused before a byte is read ({@link HttpClients}). Public for the other
 * HTTP client of the kiosk (the GBA bootstrapping client, {@code com.simkiosk.carrier.gba}), so every carrier answer
 * has one cap.
 *
 * <p>Between reads the exchange is checked ({@link Check}: its deadline, the customer's Cancel), so a body that
 * trickles in ends at the deadline. With {@code poll} (plain {@code http://}, a body with a length), a read is made
 * only when bytes are there: a blocked socket read can be freed neither by an interrupt nor by another thread on JDK
 * 17, so waiting for the next bytes is done by polling, checking the exchange, for up to {@link #POLL_WINDOW} (less when the deadline is near); only
 * after that long a silence does the caller wait in a read (bounded by the socket's read timeout, the deadline), which
 * is also how a connection closed mid-body is seen.
 */
public final class CappedBody {
    /** The cap of every carrier answer the kiosk reads: 1 MiB (answers for one line are a few kB). */
    public static final long MAX_BODY_BYTES = 1L << 20;
    /**
     * How long a silent body is polled (Cancel and deadline seen at once) before the caller waits in a read: this, or
     * a quarter of what is left of the exchange if less, so that a connection closed mid-body is still seen (and the
     * call redialled) well within the deadline.
     */
    static final Duration POLL_WINDOW = Duration.ofMillis(250);
    private static final long FIRST_PAUSE_NANOS = 20_000;
    private static final long MAX_PAUSE_NANOS = 10_000_000;

    private CappedBody() {}

    /** Thrown when the body would pass the cap. */
    public static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("response body larger than " + cap + " bytes");
        }
    }

    /** Thrown when the exchange is not complete by its deadline. */
    public static final class Late extends IOException {
        Late() {
            super("response not complete by the deadline");
        }
    }

    /** The exchange's own check between reads: throws when it is past its deadline or cancelled. */
    @FunctionalInterface
    interface Check {
        void check() throws IOException, InterruptedException;
    }

    /**
     * Reads {@code in} to its end. {@code declared}: the {@code Content-Length}, or -1; a body that ends before it
     * is a connection cut off ({@link EOFException}).
     */
    static byte[] read(InputStream in, long declared, long cap, Check exchange, boolean poll, long deadlineNanos)
            throws IOException, InterruptedException {
        long window = Math.min(POLL_WINDOW.toNanos(), (deadlineNanos - System.nanoTime()) / 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared >= 0 && declared <= cap ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (;;) {
            exchange.check();
            if (poll && declared >= 0 && total < declared) {
                awaitBytes(in, exchange, window);
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, cap + 1 - total));
            if (n < 0) {
                break;
            }
            total += n;
            if (total > cap) {
                throw new TooLarge(cap);
            }
            bytes.write(buffer, 0, n);
        }
        if (declared >= 0 && total < declared) {
            throw new EOFException("answer cut off after " + total + " of " + declared + " bytes");
        }
        return bytes.toByteArray();
    }

    /** Returns once bytes can be read without blocking, or after {@code window} nanoseconds of silence. */
    private static void awaitBytes(InputStream in, Check exchange, long window) throws IOException, InterruptedException {
        if (in.available() > 0) {
            return;
        }
        long start = System.nanoTime();
        long pause = FIRST_PAUSE_NANOS;
        for (int round = 0; in.available() == 0; round++) {
            exchange.check();
            if (System.nanoTime() - start >= window) {
                return;
            }
            if (round < 2) {
                Thread.yield(); // on loopback the rest is usually a few microseconds behind the headers
            } else {
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
            }
        }
    }
}
