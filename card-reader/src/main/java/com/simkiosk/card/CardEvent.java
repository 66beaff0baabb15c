package com.simkiosk.card;

import java.util.List;

/**
 * What the reader monitor reports, through its {@link ReaderEvents} hub: delivered in order on the reader's own
 * event thread, never the UI thread nor the thread that watches the hardware.
 */
public sealed interface CardEvent {
    record Inserted(String reader) implements CardEvent {}

    record Removed(String reader) implements CardEvent {}

    /** The set of readers changed (plugged, unplugged, smart card service back). Only sent while the service is up. */
    record ReadersChanged(List<ReaderInfo> readers) implements CardEvent {}

    /**
     * The service behind the readers went away (sent once, followed by {@link Removed} for the cards that were in);
     * the monitor keeps trying to recover, and says so with {@link ReadersChanged}.
     */
    record ServiceLost(CardError error, String detail) implements CardEvent {}
}
