package com.simkiosk.kiosk.telemetry;

/** How a customer's session ended, as the flow's screens showed it. */
public enum Outcome {
    /** The balance was shown (and no top-up ordered). */
    BALANCE_SHOWN,
    TOP_UP_ORDERED,
    /** It ended on an error screen before any balance was shown. */
    ERROR,
    /** Nobody answered the idle warning: the kiosk wiped the session. */
    IDLE_WIPED,
    /** The customer left before seeing a balance (cancel, SIM removed). */
    ABANDONED
}
