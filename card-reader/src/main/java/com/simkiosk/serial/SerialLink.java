package com.simkiosk.serial;

import java.time.Duration;

/**
 * A serial line as a plain byte stream, so the AT engine and the ESC/POS printer can be unit-tested over a
 * fake and run over jssc in production. Every read is bounded by its timeout.
 */
public interface SerialLink extends AutoCloseable {

    /** Opens the line; a driver calls it again after the line was lost, so a re-plugged device recovers. */
    @FunctionalInterface
    interface Opener {
        SerialLink open() throws SerialLinkException;
    }

    /** The device name, for logs and reader names (never personal data). */
    String name();

    void write(byte[] bytes) throws SerialLinkException;

    /**
     * Reads what arrives within {@code timeout} into {@code buffer}: at least one byte, or 0 when the
     * timeout passed with nothing to read.
     */
    int read(byte[] buffer, Duration timeout) throws SerialLinkException;

    /** Drops bytes already received and not yet read (stale answers, noise). */
    default void discardInput() throws SerialLinkException {
        byte[] sink = new byte[256];
        for (int round = 0; round < 64 && read(sink, Duration.ZERO) > 0; round++) {
            // bounded: a port that never stops talking cannot keep us here
        }
    }

    @Override
    void close();
}
