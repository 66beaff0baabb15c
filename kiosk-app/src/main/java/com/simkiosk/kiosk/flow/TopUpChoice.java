package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.TopUpOffer;
import java.util.List;
import java.util.Optional;

/** What the balance screen's top-up button can promise, from the offers on sale for the line. */
public enum TopUpChoice {
    /** At least one offer adds data ("Add data"). */
    ADD_DATA("balance.topUp"),
    /** The offers only extend the validity ("Extend"). */
    EXTEND("balance.extend"),
    /** The offers could not be fetched: the button still goes to the offers screen, which asks again. */
    UNKNOWN("balance.topUp"),
    /** Nothing is on sale for this line: no top-up button. */
    NONE("balance.topUp");

    private final String key;

    TopUpChoice(String key) {
        this.key = key;
    }

    /** Resource-bundle key of the button. */
    public String key() {
        return key;
    }

    public boolean offered() {
        return this != NONE;
    }

    /** {@code offers} empty when they could not be fetched (not the same as an empty list). */
    public static TopUpChoice of(Optional<List<TopUpOffer>> offers) {
        if (offers.isEmpty()) {
            return UNKNOWN;
        }
        if (offers.get().stream().anyMatch(offer -> offer.dataBytes() > 0)) {
            return ADD_DATA;
        }
        if (offers.get().stream().anyMatch(offer -> !offer.validity().isZero())) {
            return EXTEND;
        }
        return NONE;
    }
}
