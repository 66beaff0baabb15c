package com.simkiosk.kiosk.flow;

/**
 * What a balance means for the customer, worst first in {@link BalanceViews}' order of precedence: an expired line,
 * then no data left, then data that will end before the expiry at the recent pace, then an expiry within the
 * warning days, else fine. Each has a headline key; all but {@link #FINE} ask the customer to act.
 */
public enum Situation {
    FINE("balance.situation.fine"),
    EXPIRES_SOON("balance.situation.expiresSoon"),
    RUNS_OUT_BEFORE_EXPIRY("balance.situation.runsOut"),
    USED_UP("balance.situation.usedUp"),
    EXPIRED("balance.situation.expired");

    private final String key;

    Situation(String key) {
        this.key = key;
    }

    /** Resource-bundle key of the headline sentence. */
    public String key() {
        return key;
    }

    /** Whether the screen's primary action is to top up rather than to end. */
    public boolean needsAction() {
        return this != FINE;
    }
}
