package com.simkiosk.card;

import java.util.Objects;

/** What a SIM tells about itself without any PIN. */
public record CardIdentity(String reader, String atrHex, CardType type, Iccid iccid, PinStatus pin) {
    public CardIdentity {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(atrHex, "atrHex");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(pin, "pin");
    }
}
