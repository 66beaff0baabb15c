package com.simkiosk.card;

import java.util.List;

/** What the reader monitor reports. Delivered on the monitor's thread, never the UI thread. */
public sealed interface CardEvent {
    record Inserted(String reader) implements CardEvent {}

    record Removed(String reader) implements CardEvent {}

    /** The set of readers changed (plugged, unplugged, smart card service back). */
    record ReadersChanged(List<ReaderInfo> readers) implements CardEvent {}

    /** The service behind the readers went away; the monitor keeps trying to recover. */
    record ServiceLost(CardError error, String detail) implements CardEvent {}
}
