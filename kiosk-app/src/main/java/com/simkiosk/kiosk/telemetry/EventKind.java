package com.simkiosk.kiosk.telemetry;

/** What an {@code events} message reports; its {@code detail} is always an enum name (an error kind, a state). */
public enum EventKind {
    /** A customer met an error screen; detail: the {@code ErrorKind}. */
    ERROR,
    /** The kiosk cannot serve SIM customers (reader service gone); detail: why. */
    OUT_OF_SERVICE,
    /** Serving again after {@link #OUT_OF_SERVICE}. */
    IN_SERVICE,
    PAPER_OUT,
    /** Any other printer state than ready or paper out; detail: the printer state. */
    PRINTER_PROBLEM,
    PRINTER_READY,
    /** A back end's calls started failing; detail: the back end's configured name and the error. */
    BACKEND_DOWN,
    BACKEND_UP,
    MAINTENANCE_OPENED
}
