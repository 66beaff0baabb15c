package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderEvents;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.network.NetworkAccess;
import com.simkiosk.card.network.NetworkError;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.UrcInbox;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.card.usim.UsimSession;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A SIM in a cellular module's slot, read with AT commands over a serial line. It offers exactly one reader,
 * named {@code "AT modem <device>"}, and the same outcomes and {@link CardError}s as the PC/SC reader. The line
 * is a {@link ModemConnection}, reads are a {@link ModemIdentity}, PINs a {@link ModemPinCheck}; events come from
 * a {@link ReaderEvents} hub fed by polling {@code AT+CPIN?}.
 *
 * <p>Failures map as on PC/SC: no SIM, or the SIM leaving during a read ({@code +CPIN: NOT INSERTED},
 * {@code +CME ERROR: 10}) → {@link CardError#CARD_REMOVED}; the serial port missing or vanishing →
 * {@link CardError#PCSC_UNAVAILABLE} (the service behind the reader is gone; the port is reopened on the
 * next call, so a re-plugged modem recovers); the port opens but the first AT command after opening gets
 * nothing back → {@link CardError#READER_SILENT}, or bytes that are not AT → {@link CardError#READER_GARBLED};
 * a reader name that is not ours → {@link CardError#NO_READER}; no final answer in time once the modem has
 * answered → {@link CardError#TIMEOUT}. {@link #fault()} keeps the last of the first three for maintenance.
 */
public final class AtModemSimReader implements SimReader, UsimAccess, NetworkAccess {

    /** How the reader talks to one device. */
    public record Settings(Duration commandTimeout, Duration pollInterval) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private final String device;
    private final String readerName;
    private final Settings settings;
    private final ModemPinCheck pins;
    private final ModemIdentity identity;
    private final ModemConnection connection;
    private final ReaderEvents events;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread monitor;
    /** The unsolicited lines of a network question in progress (a fresh inbox per question, dropped after it). */
    private volatile UrcInbox networkInbox;
    private final Object networkLock = new Object();

    public AtModemSimReader(String device, SerialLink.Opener opener, Settings settings) {
        this.device = device;
        this.readerName = "AT modem " + device;
        this.settings = settings;
        this.pins = new ModemPinCheck(readerName, settings.commandTimeout());
        this.identity = new ModemIdentity(readerName, settings.commandTimeout(), pins);
        this.connection = new ModemConnection(device, readerName, opener, settings.commandTimeout(), line -> {
            identity.onUnsolicited(line);
            UrcInbox inbox = networkInbox;
            if (inbox != null) {
                inbox.accept(line);
            }
        });
        this.events = ReaderEvents.monitored("at-modem-events " + device);
    }

    /** The reader the kiosk builds from {@code reader: {type: serial, device, baud}}. Never throws: a missing port shows as no reader. */
    public static AtModemSimReader open(String device, int baud) {
        return open(device, baud, Settings.DEFAULT);
    }

    public static AtModemSimReader open(String device, int baud, Settings settings) {
        return new AtModemSimReader(device, () -> JsscSerialLink.open(device, baud), settings);
    }

    public String readerName() {
        return readerName;
    }

    @Override
    public List<ReaderInfo> readers() {
        try {
            return List.of(poll());
        } catch (AtException e) {
            connection.dropIfLost(e);
            return List.of();
        }
    }

    @Override
    public Optional<ReadResult.Failed> fault() {
        return connection.fault();
    }

    @Override
    public ReadResult read(String reader) {
        if (!readerName.equals(reader)) {
            return new ReadResult.Failed(CardError.NO_READER, "no reader named " + reader);
        }
        try {
            return identity.read(connection.engine());
        } catch (AtException e) {
            connection.dropIfLost(e);
            return new ReadResult.Failed(errorOf(e), e.getMessage());
        } catch (CardIoException e) {
            if (e.getCause() instanceof AtException at) {
                connection.dropIfLost(at);
            }
            return new ReadResult.Failed(e.error(), e.getMessage());
        }
    }

    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        if (readerOrNull != null && !readerName.equals(readerOrNull)) {
            return new ReadResult.Failed(CardError.NO_READER, "no reader named " + readerOrNull);
        }
        // The monitor polls the module and tells the hub; this waits on the hub's next snapshot rather than polling
        // the port from a second thread.
        startMonitor();
        long deadline = System.nanoTime() + timeout.toNanos();
        ReadResult last = new ReadResult.Failed(CardError.TIMEOUT, "no SIM within " + timeout.toMillis() + " ms");
        ReaderEvents.Snapshot seen = events.snapshot();
        try {
            while (true) {
                if (seen.generation() == 0) {
                    // the monitor has not polled yet: nothing known
                } else if (seen.readers().isEmpty()) {
                    // Keep waiting: the modem may be plugged in (or switched on) meanwhile. Say why if it never is.
                    last = connection.faultOrPortMissing();
                } else if (seen.readers().get(0).cardPresent()) {
                    ReadResult result = read(readerName);
                    if (!(result instanceof ReadResult.Failed f && f.error() == CardError.CARD_REMOVED)) {
                        return result;
                    }
                    last = result;
                } else {
                    last = new ReadResult.Failed(CardError.TIMEOUT, "no SIM within " + timeout.toMillis() + " ms");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed.getCount() == 0) {
                    break;
                }
                seen = events.awaitNewer(seen.generation(), Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    @Override
    public PinResult verifyPin(String reader, String pin) {
        if (!readerName.equals(reader)) {
            return new PinResult.Failed(CardError.NO_READER, "no reader named " + reader);
        }
        if (pin == null || !pin.matches("\\d{4,8}")) {
            // As on PC/SC (SimIdentityReader): the keypad validates; a malformed PIN is never sent, it could cost a try.
            throw new IllegalArgumentException("a SIM PIN has 4 to 8 digits");
        }
        try {
            return pins.verify(connection.engine(), pin);
        } catch (AtException e) {
            connection.dropIfLost(e);
            return new PinResult.Failed(errorOf(e), e.getMessage());
        }
    }

    /** EF.IMSI of the USIM through {@code AT+CSIM}; a PIN goes to the module first, as for {@link #authenticate}. */
    @Override
    public ImsiResult readImsi(String reader, Optional<String> pin) {
        return viaCsim(reader, pin, session -> session.readImsi(Optional.empty()), ImsiResult.Unavailable::new);
    }

    /**
     * AUTHENTICATE through {@code AT+CSIM}, the module passing each APDU (and the T=0 GET RESPONSE) to the SIM. A PIN
     * goes to the module's own PIN path first ({@code AT+CPIN}, never with the last try), so module and card agree
     * that the SIM is unlocked; the card session then finds PIN1 verified.
     */
    @Override
    public AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin) {
        return viaCsim(reader, pin, session -> session.authenticate(challenge, Optional.empty()), failure -> failure);
    }

    private <T> T viaCsim(String reader, Optional<String> pin, Function<UsimSession, T> work, Function<AkaResult, T> failed) {
        if (!readerName.equals(reader)) {
            return failed.apply(new AkaResult.Failed(CardError.NO_READER, "no reader named " + reader));
        }
        try {
            AtEngine at = connection.engine();
            if (pin.isPresent()) {
                PinResult unlocked = pins.verify(at, pin.get());
                if (unlocked instanceof PinResult.Wrong || unlocked instanceof PinResult.Refused) {
                    return failed.apply(new AkaResult.PinNotVerified(Optional.of(unlocked)));
                }
                if (unlocked instanceof PinResult.Failed f && f.error() == CardError.CARD_REMOVED) {
                    return failed.apply(new AkaResult.Failed(f.error(), f.detail()));
                }
            }
            // UsimSession turns card trouble into a result; a serial port lost on the way must still reset the line.
            CsimChannel csim = new CsimChannel(at, settings.commandTimeout());
            AtomicReference<AtException> lineTrouble = new AtomicReference<>();
            T result = work.apply(new UsimSession(command -> {
                try {
                    return csim.transmit(command);
                } catch (CardIoException e) {
                    if (e.getCause() instanceof AtException cause) {
                        lineTrouble.set(cause);
                    }
                    throw e;
                }
            }));
            if (lineTrouble.get() != null) {
                connection.dropIfLost(lineTrouble.get());
            }
            return result;
        } catch (AtException e) {
            connection.dropIfLost(e);
            return failed.apply(new AkaResult.Failed(errorOf(e), e.getMessage()));
        }
    }

    /**
     * Asks the SIM's network on this module's line (issue 14), one question at a time. The inbox of unsolicited
     * lines lives only for the question, so no reply text stays in the reader afterwards.
     */
    @Override
    public NetworkReply askNetworkChoosing(String reader, Function<Optional<String>, NetworkQuery> query,
                                           NetworkSession.Settings settings, Clock clock) throws NetworkException {
        if (!readerName.equals(reader)) {
            throw new NetworkException(NetworkError.MODEM, "no reader named " + reader);
        }
        synchronized (networkLock) {
            return ask(query, settings, clock);
        }
    }

    private NetworkReply ask(Function<Optional<String>, NetworkQuery> query, NetworkSession.Settings settings, Clock clock)
            throws NetworkException {
        UrcInbox inbox = new UrcInbox();
        networkInbox = inbox;
        try {
            AtEngine at = connection.engine();
            try (NetworkSession session = NetworkSession.open(at, inbox, settings, clock)) {
                return query.apply(session.mccMnc()).askOn(session);
            }
        } catch (AtException e) {
            connection.dropIfLost(e);
            throw new NetworkException(NetworkError.MODEM, e.getMessage(), e);
        } finally {
            networkInbox = null;
        }
    }

    /** The first listener starts the monitor, which polls {@code AT+CPIN?}; events come on the hub's thread. */
    @Override
    public synchronized void addListener(Consumer<CardEvent> listener) {
        events.addListener(listener);
        startMonitor();
    }

    /** Starts the monitor unless it runs (or the reader is closed). */
    private synchronized void startMonitor() {
        if (monitor == null && closed.getCount() > 0) {
            monitor = new Thread(this::monitorLoop, "at-modem-monitor " + device);
            monitor.setDaemon(true);
            monitor.start();
        }
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        events.removeListener(listener);
    }

    @Override
    public void close() {
        closed.countDown();
        Thread m;
        synchronized (this) {
            m = monitor;
        }
        if (m != null) {
            try {
                m.join(settings.commandTimeout().toMillis() + settings.pollInterval().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.close();
        connection.close();
    }

    private ReaderInfo poll() throws AtException {
        return new ReaderInfo(readerName, pins.state(connection.engine()) != ModemPin.State.NOT_INSERTED);
    }

    /** Polls the SIM state and tells the hub; a poll that times out (a busy or slow module) changes nothing. */
    private void monitorLoop() {
        boolean first = true;
        while (!waitForClose(first ? Duration.ZERO : settings.pollInterval())) {
            first = false;
            try {
                events.publish(List.of(poll()));
            } catch (AtException e) {
                connection.dropIfLost(e);
                if (e.kind() != AtException.Kind.TIMEOUT) {
                    events.serviceLost(errorOf(e), e.getMessage());
                }
            }
        }
    }

    /** Waits up to {@code d}; true when the reader was closed meanwhile. */
    private boolean waitForClose(Duration d) {
        try {
            return closed.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static CardError errorOf(AtException e) {
        return switch (e.kind()) {
            case PORT_LOST -> CardError.PCSC_UNAVAILABLE;
            case SILENT -> CardError.READER_SILENT;
            case GARBLED -> CardError.READER_GARBLED;
            case TIMEOUT -> CardError.TIMEOUT;
        };
    }

    static CardIoException classify(AtException e) {
        return new CardIoException(errorOf(e), e.getMessage(), e);
    }
}
