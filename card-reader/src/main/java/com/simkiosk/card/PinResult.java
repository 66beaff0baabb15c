package com.simkiosk.card;

/** The outcome of asking the SIM to check a PIN. */
public sealed interface PinResult {
    record Verified() implements PinResult {}

    /** The PIN was wrong; the card says how many tries are left. */
    record Wrong(int triesLeft) implements PinResult {}

    /** The kiosk did not try: one try (or none) left, and a kiosk must never block a SIM. */
    record Refused(int triesLeft) implements PinResult {}

    /** The card has no PIN enabled, so there is nothing to verify. */
    record NotEnabled() implements PinResult {}

    record Failed(CardError error, String detail) implements PinResult {}
}
