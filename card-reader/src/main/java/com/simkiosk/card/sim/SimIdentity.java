package com.simkiosk.card.sim;

import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import java.util.Objects;

/** What {@link SimIdentityReader} learns from a card over APDUs alone (no reader name, no ATR). */
public record SimIdentity(CardType type, Iccid iccid, PinStatus pin) {
    public SimIdentity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(pin, "pin");
    }
}
