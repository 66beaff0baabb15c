package com.simkiosk.carrier.tmf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read into memory on the calling thread, but never more than a cap: a carrier (or anything
 * pretending to be one) that sends a huge or endless body is cut off at the cap, not the kiosk's heap filled. A
 * {@code Content-Length} above the cap is refused before a byte is read ({@link HttpClients}). Public for the other
 * HTTP client of the kiosk (the GBA bootstrapping client, {@code com.simkiosk.carrier.gba}), so every carrier answer
 * has one cap.
 *
 * <p>Between reads the exchange is checked ({@link Check}: its deadline, the customer's Cancel), so a body that
 * trickles in ends at the deadline; a read that waits on a silent body is ended by {@link HttpClients}' sweep, which
 * closes the exchange's socket at the deadline or on Cancel.
 */
public final class CappedBody {
    /** The cap of every carrier answer the kiosk reads: 1 MiB (answers for one line are a few kB). */
    public static final long MAX_BODY_BYTES = 1L << 20;

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
    static byte[] read(InputStream in, long declared, long cap, Check exchange) throws IOException, InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared >= 0 && declared <= cap ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (;;) {
            exchange.check();
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
}
