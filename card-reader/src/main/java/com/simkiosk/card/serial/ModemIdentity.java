package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.sim.SimIdentity;
import com.simkiosk.card.sim.SimIdentityReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads who the SIM in a modem is: its ICCID through whichever vendor command the module speaks (remembered once
 * found), else READ BINARY through {@code AT+CRSM}, else the SIM itself through {@code AT+CSIM}; and its PIN
 * status. A removal URC seen during the read makes it {@link CardError#CARD_REMOVED}.
 */
final class ModemIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(AtModemSimReader.class); // one logger for the reader

    /** The ICCID commands, most common first; the one that works is remembered for the next read. */
    static final List<String> ICCID_COMMANDS = List.of("AT+CCID", "AT+QCCID", "AT+ICCID", "AT+CICCID", "AT^ICCID?");
    /** READ BINARY (176) of EF.ICCID (0x2FE2 = 12258), 10 bytes, through the module's restricted SIM access. */
    static final String CRSM_READ_ICCID = "AT+CRSM=176,12258,0,0,10";
    private static final List<String> ICCID_FALLBACKS =
            Stream.concat(ICCID_COMMANDS.stream(), Stream.of(CRSM_READ_ICCID)).toList();

    private final String readerName;
    private final Duration commandTimeout;
    private final ModemPinCheck pins;
    private final AtomicBoolean simLeft = new AtomicBoolean();
    private volatile String iccidCommand;

    ModemIdentity(String readerName, Duration commandTimeout, ModemPinCheck pins) {
        this.readerName = readerName;
        this.commandTimeout = commandTimeout;
        this.pins = pins;
    }

    ReadResult read(AtEngine at) throws AtException, CardIoException {
        simLeft.set(false);
        ModemPin.State state = pins.state(at);
        if (state == ModemPin.State.NOT_INSERTED) {
            return new ReadResult.Failed(CardError.CARD_REMOVED, "no SIM in the modem");
        }
        Optional<Iccid> iccid = readIccid(at);
        checkStillThere();
        if (iccid.isEmpty()) {
            // Last resort: the SIM itself through AT+CSIM, with the same T=0 logic as PC/SC.
            SimIdentity viaCsim = new SimIdentityReader(new CsimChannel(at, commandTimeout)).read();
            // A SIM whose PIN the module already gave answers the status VERIFY with 9000, like a SIM without
            // a PIN: then the module's own view (AT+CLCK) decides.
            PinStatus pin = viaCsim.pin().enabled() ? viaCsim.pin() : pins.status(at, state);
            checkStillThere();
            return sim(viaCsim.iccid(), viaCsim.type(), pin, "AT+CSIM");
        }
        PinStatus pin = pins.status(at, state);
        checkStillThere();
        // Modules do not hand out the ATR; a module that registers on LTE only takes a UICC.
        return sim(iccid.get(), CardType.UICC, pin, AtEngine.commandName(iccidCommand));
    }

    /** Unsolicited lines from the module: a removal URC marks the read under way as interrupted. */
    void onUnsolicited(String line) {
        ModemPin.presenceFromUnsolicited(line).ifPresent(present -> {
            if (!present) {
                simLeft.set(true);
            }
        });
    }

    private ReadResult sim(Iccid iccid, CardType type, PinStatus pin, String how) {
        LOG.debug("{}: read {} SIM {} via {}", readerName, type.label(), iccid, how);
        return new ReadResult.Sim(new CardIdentity(readerName, "", type, iccid, pin));
    }

    private Optional<Iccid> readIccid(AtEngine at) throws AtException, CardIoException {
        String known = iccidCommand;
        if (known != null) {
            Optional<Iccid> iccid = iccidBy(at, known);
            if (iccid.isPresent()) {
                return iccid;
            }
        }
        for (String command : ICCID_FALLBACKS) {
            if (command.equals(known)) {
                continue;
            }
            Optional<Iccid> iccid = iccidBy(at, command);
            if (iccid.isPresent()) {
                iccidCommand = command;
                LOG.debug("{}: ICCID dialect is {}", readerName, AtEngine.commandName(command));
                return iccid;
            }
        }
        return Optional.empty();
    }

    private Optional<Iccid> iccidBy(AtEngine at, String command) throws AtException, CardIoException {
        AtResponse answer = at.send(command, commandTimeout);
        if (answer instanceof AtResponse.CmeError cme && cme.simNotInserted()) {
            throw new CardIoException(CardError.CARD_REMOVED, "the SIM left the modem");
        }
        if (!answer.ok()) {
            return Optional.empty();
        }
        return command.equals(CRSM_READ_ICCID) ? ModemIccid.fromCrsm(answer.lines()) : ModemIccid.fromLines(answer.lines());
    }

    private void checkStillThere() throws CardIoException {
        if (simLeft.get()) {
            throw new CardIoException(CardError.CARD_REMOVED, "the SIM left the modem during the read");
        }
    }
}
