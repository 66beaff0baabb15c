package com.simkiosk.card;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A source of SIM cards: PC/SC, an AT modem, or a simulator. The kiosk cannot tell which.
 * All methods block the calling thread (never call them on the UI thread) and are bounded in time.
 */
public interface SimReader extends AutoCloseable {

    /** Readers present now; no readers is an empty list, not an error. */
    List<ReaderInfo> readers();

    /**
     * Starts the monitor (if not yet running) and delivers its events to {@code listener}. A listener added while
     * a card is already in a reader (a kiosk restarted with a SIM inside) hears {@link CardEvent.Inserted} for it,
     * on the reader's event thread, just as if the card had gone in now. Every reader keeps its listeners in a
     * {@link ReaderEvents} hub.
     */
    void addListener(Consumer<CardEvent> listener);

    void removeListener(Consumer<CardEvent> listener);

    /** Reads the identity of the card in {@code reader}. */
    ReadResult read(String reader);

    /** Waits up to {@code timeout} for a card in any reader (or the named one, if not null), then reads it. */
    ReadResult awaitAndRead(String readerOrNull, Duration timeout);

    /** Verifies the PIN, unless only one try is left: then it refuses without touching the card's counter. */
    PinResult verifyPin(String reader, String pin);

    /**
     * Why no reader is usable, when the device itself is at fault (port missing, device silent or garbled), as of
     * the last call that reached it; empty when all is well or the driver cannot tell. For maintenance screens.
     */
    default Optional<ReadResult.Failed> fault() {
        return Optional.empty();
    }

    @Override
    void close();
}
