package com.simkiosk.card.usim;

import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import java.util.Optional;
import java.util.function.Function;

/**
 * A reader that can reach a SIM's USIM application (PC/SC, an AT modem's {@code AT+CSIM}). Both calls block,
 * are bounded in time, never throw for card trouble, and follow the PIN rule: when PIN1 is enabled, {@code pin}
 * is verified first, never with the last try; without a PIN they report {@link AkaResult.PinNotVerified}.
 */
public interface UsimAccess {
    ImsiResult readImsi(String reader, Optional<String> pin);

    AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin);

    /**
     * EF.IMSI, then {@code use} with what was read and a way to run {@code AUTHENTICATE} for a challenge that depends on
     * it (GBA: the BSF's challenge comes back for the IMPI made from the IMSI). A reader that can keep the card session
     * open runs both in one (issue 17: ADF.USIM found, selected and unlocked once, one reset at the end) and holds the
     * card for the duration of {@code use}, so {@code use} must be bounded in time. By default: the two calls above,
     * each in its own session. {@code use} runs on the calling thread; the PIN rule applies as for the two calls.
     */
    default <T> T withImsi(String reader, Optional<String> pin, ImsiUse<T> use) {
        return use.apply(readImsi(reader, pin), challenge -> authenticate(reader, challenge, pin));
    }

    /** What {@link #withImsi} does with the IMSI read (or why not) and the card's {@code AUTHENTICATE}. */
    @FunctionalInterface
    interface ImsiUse<T> {
        T apply(ImsiResult imsi, Function<AkaChallenge, AkaResult> authenticate);
    }

    /**
     * Whether the card in {@code reader} may have a USIM this reader can reach, known without asking the card; a
     * real reader cannot tell before EF.DIR, so true (the calls then answer {@link AkaResult.NotSupported}).
     */
    default boolean mayReachUsim(String reader) {
        return true;
    }
}
