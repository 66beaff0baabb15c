package com.simkiosk.card;

/** The SIM PIN state, read without spending a try (VERIFY with no data). */
public record PinStatus(boolean enabled, int triesLeft) {
    public static final PinStatus DISABLED = new PinStatus(false, 3);

    public boolean blocked() {
        return enabled && triesLeft == 0;
    }
}
