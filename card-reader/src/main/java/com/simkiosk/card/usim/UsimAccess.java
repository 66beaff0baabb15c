package com.simkiosk.card.usim;

import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import java.util.Optional;

/**
 * A reader that can reach a SIM's USIM application (PC/SC, an AT modem's {@code AT+CSIM}). Both calls block,
 * are bounded in time, never throw for card trouble, and follow the PIN rule: when PIN1 is enabled, {@code pin}
 * is verified first, never with the last try; without a PIN they report {@link AkaResult.PinNotVerified}.
 */
public interface UsimAccess {
    ImsiResult readImsi(String reader, Optional<String> pin);

    AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin);

    /**
     * Whether the card in {@code reader} may have a USIM this reader can reach, known without asking the card; a
     * real reader cannot tell before EF.DIR, so true (the calls then answer {@link AkaResult.NotSupported}).
     */
    default boolean mayReachUsim(String reader) {
        return true;
    }
}
