package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.ReadResult;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial line to one modem: opened on first use, dropped when the port vanishes and reopened on the next call
 * (so a re-plugged modem recovers), and why it could not be used at the last try, for maintenance.
 */
final class ModemConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtModemSimReader.class); // one logger for the reader, as operators filter it

    private final String device;
    private final String readerName;
    private final SerialLink.Opener opener;
    private final Duration commandTimeout;
    private final Consumer<String> unsolicited;
    private final Object openLock = new Object();
    private AtEngine engine;
    private boolean closed;
    /** Why the modem could not be used at the last try, cleared when it answers again. */
    private volatile Optional<ReadResult.Failed> fault = Optional.empty();

    ModemConnection(String device, String readerName, SerialLink.Opener opener, Duration commandTimeout,
            Consumer<String> unsolicited) {
        this.device = device;
        this.readerName = readerName;
        this.opener = opener;
        this.commandTimeout = commandTimeout;
        this.unsolicited = unsolicited;
    }

    /** The open line, opening it (and switching echo off) if needed. */
    AtEngine engine() throws AtException {
        synchronized (openLock) {
            if (engine == null) {
                if (closed) {
                    throw new AtException(AtException.Kind.PORT_LOST, readerName + " is closed");
                }
                engine = open();
                fault = Optional.empty();
            }
            return engine;
        }
    }

    private AtEngine open() throws AtException {
        AtEngine fresh;
        try {
            fresh = new AtEngine(opener.open(), unsolicited);
        } catch (SerialLinkException e) {
            throw noted(new AtException(AtException.Kind.PORT_LOST, portMissing(), e));
        }
        try {
            fresh.send("ATE0", commandTimeout); // echo off where the module allows; echo on is handled too
            return fresh;
        } catch (AtException e) {
            fresh.close();
            if (Thread.currentThread().isInterrupted()) {
                throw e; // a cancel while opening, not a silent modem: no fault, the interrupt flag stays
            }
            throw noted(e.kind() == AtException.Kind.TIMEOUT ? firstAnswerMissing(fresh, e) : e);
        }
    }

    /** After a failed command: a vanished port is closed here and reopened on the next call. */
    void dropIfLost(AtException e) {
        if (e.kind() == AtException.Kind.PORT_LOST) {
            synchronized (openLock) {
                fault = Optional.of(new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, e.getMessage()));
                if (engine != null) {
                    LOG.warn("{}: serial port lost ({})", readerName, e.getMessage());
                    engine.close();
                    engine = null;
                }
            }
        }
    }

    Optional<ReadResult.Failed> fault() {
        return fault;
    }

    /** The fault if one is known, else the port being missing. */
    ReadResult.Failed faultOrPortMissing() {
        return fault.orElseGet(() -> new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, portMissing()));
    }

    private String portMissing() {
        return "serial port " + device + " cannot be opened (missing, unplugged, or no permission?)";
    }

    /**
     * The port opened but the first command got no final answer: a modem that says nothing at all is off, still
     * starting, or set to another speed; one that sends bytes that are not AT is at another baud rate, or is not a
     * modem. Either way the cable is fine, which a technician needs to know.
     */
    private AtException firstAnswerMissing(AtEngine fresh, AtException timeout) {
        long ms = commandTimeout.toMillis();
        if (fresh.heardNonAt()) {
            return new AtException(AtException.Kind.GARBLED, "the device on " + device + " answers, but not with AT "
                    + "responses (another baud rate, or not a modem?)", timeout);
        }
        return new AtException(AtException.Kind.SILENT, "the modem on " + device + " does not answer AT within " + ms
                + " ms (switched off, still starting, or another baud rate?)", timeout);
    }

    private AtException noted(AtException e) {
        if (e.kind() != AtException.Kind.TIMEOUT) {
            fault = Optional.of(new ReadResult.Failed(AtModemSimReader.errorOf(e), e.getMessage()));
        }
        return e;
    }

    @Override
    public void close() {
        synchronized (openLock) {
            closed = true;
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}
