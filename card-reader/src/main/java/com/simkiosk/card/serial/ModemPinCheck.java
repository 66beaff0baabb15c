package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.sim.SimIdentityReader;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIM's PIN as a modem shows it: its state ({@code AT+CPIN?}), whether it is enabled ({@code AT+CLCK}), tries
 * left (whichever vendor command the module knows, remembered once found, else the SIM itself over
 * {@code AT+CSIM}), and verification that never spends the last try.
 */
final class ModemPinCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AtModemSimReader.class); // one logger for the reader

    private final String readerName;
    private final Duration commandTimeout;
    private volatile ModemPin pinCommand;

    ModemPinCheck(String readerName, Duration commandTimeout) {
        this.readerName = readerName;
        this.commandTimeout = commandTimeout;
    }

    ModemPin.State state(AtEngine at) throws AtException {
        return ModemPin.State.of(at.send("AT+CPIN?", commandTimeout));
    }

    /** Verifies a well-formed PIN, unless one try is left. */
    PinResult verify(AtEngine at, String pin) throws AtException {
        return switch (state(at)) {
            case NOT_INSERTED -> new PinResult.Failed(CardError.CARD_REMOVED, "no SIM in the modem");
            case PUK_REQUIRED -> new PinResult.Refused(0);
            case PIN_REQUIRED -> unlockModem(at, pin);
            case READY -> pinEnabled(at) ? checkWithTheSim(at, pin) : new PinResult.NotEnabled();
            case OTHER -> new PinResult.Failed(CardError.CARD_MUTE, "the modem does not report the SIM's PIN state");
        };
    }

    /** The PIN status a read reports, given the state {@code AT+CPIN?} just gave. */
    PinStatus status(AtEngine at, ModemPin.State state) throws AtException {
        return switch (state) {
            case PUK_REQUIRED -> new PinStatus(true, 0);
            case PIN_REQUIRED -> new PinStatus(true, tries(at));
            default -> pinEnabled(at) ? new PinStatus(true, tries(at)) : PinStatus.DISABLED;
        };
    }

    /** The module unlocked the SIM already, so AT+CPIN cannot check this PIN: ask the SIM through AT+CSIM. */
    private PinResult checkWithTheSim(AtEngine at, String pin) {
        PinResult result = new SimIdentityReader(new CsimChannel(at, commandTimeout)).verifyPin(pin);
        if (result instanceof PinResult.NotEnabled) {
            // The card answers 9000 to a status VERIFY once its PIN was given in this power-up session.
            return new PinResult.Failed(CardError.CARD_MUTE, "the PIN was already given since the SIM was inserted");
        }
        return result;
    }

    /** AT+CPIN="…" while the module waits for the PIN, never with the last try. */
    private PinResult unlockModem(AtEngine at, String pin) throws AtException {
        int tries = tries(at);
        if (tries <= 1) {
            LOG.info("{}: PIN not tried: {} tries left", readerName, tries);
            return new PinResult.Refused(tries);
        }
        AtResponse answer = at.send("AT+CPIN=\"" + pin + "\"", commandTimeout.multipliedBy(3));
        if (answer.ok()) {
            return new PinResult.Verified();
        }
        if (answer instanceof AtResponse.CmeError cme && cme.simNotInserted()) {
            return new PinResult.Failed(CardError.CARD_REMOVED, "the SIM left the modem");
        }
        return new PinResult.Wrong(triesLeft(at).orElse(tries - 1));
    }

    /** Tries left from the vendor command, else from the SIM (VERIFY without data over AT+CSIM), else 1. */
    private int tries(AtEngine at) throws AtException {
        OptionalInt vendor = triesLeft(at);
        if (vendor.isPresent()) {
            return vendor.getAsInt();
        }
        try {
            PinStatus fromCard = new SimIdentityReader(new CsimChannel(at, commandTimeout)).pinStatus();
            return fromCard.enabled() ? fromCard.triesLeft() : 1;
        } catch (CardIoException e) {
            return 1; // unknown counts as the last try: the kiosk will not spend it
        }
    }

    private boolean pinEnabled(AtEngine at) throws AtException {
        AtResponse answer = at.send("AT+CLCK=\"SC\",2", commandTimeout);
        return answer.value("+CLCK:").map(v -> v.startsWith("1")).orElse(false);
    }

    /** Tries left for PIN1 through whichever vendor command the module knows; empty when none does. */
    private OptionalInt triesLeft(AtEngine at) throws AtException {
        ModemPin known = pinCommand;
        for (ModemPin candidate : known != null ? List.of(known) : List.of(ModemPin.values())) {
            AtResponse answer = at.send(candidate.command, commandTimeout);
            OptionalInt tries = answer.ok() ? candidate.triesLeft(answer.lines()) : OptionalInt.empty();
            if (tries.isPresent()) {
                pinCommand = candidate;
                return tries;
            }
        }
        return OptionalInt.empty();
    }
}
