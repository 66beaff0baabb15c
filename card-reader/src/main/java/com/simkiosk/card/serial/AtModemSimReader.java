package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.sim.SimIdentity;
import com.simkiosk.card.sim.SimIdentityReader;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIM in a cellular module's slot, read with AT commands over a serial line. It offers exactly one reader,
 * named {@code "AT modem <device>"}, and the same outcomes and {@link CardError}s as the PC/SC reader.
 *
 * <p>Failures map as on PC/SC: no SIM, or the SIM leaving during a read ({@code +CPIN: NOT INSERTED},
 * {@code +CME ERROR: 10}) → {@link CardError#CARD_REMOVED}; the serial port missing or vanishing →
 * {@link CardError#PCSC_UNAVAILABLE} (the service behind the reader is gone; the port is reopened on the
 * next call, so a re-plugged modem recovers); the port opens but the first AT command after opening gets
 * nothing back → {@link CardError#READER_SILENT}, or bytes that are not AT → {@link CardError#READER_GARBLED};
 * a reader name that is not ours → {@link CardError#NO_READER}; no final answer in time once the modem has
 * answered → {@link CardError#TIMEOUT}. {@link #fault()} keeps the last of the first three for maintenance.
 */
public final class AtModemSimReader implements SimReader {
    private static final Logger LOG = LoggerFactory.getLogger(AtModemSimReader.class);

    /** The ICCID commands, most common first; the one that works is remembered for the next read. */
    static final List<String> ICCID_COMMANDS = List.of("AT+CCID", "AT+QCCID", "AT+ICCID", "AT+CICCID", "AT^ICCID?");
    /** READ BINARY (176) of EF.ICCID (0x2FE2 = 12258), 10 bytes, through the module's restricted SIM access. */
    static final String CRSM_READ_ICCID = "AT+CRSM=176,12258,0,0,10";
    private static final List<String> ICCID_FALLBACKS = java.util.stream.Stream.concat(
            ICCID_COMMANDS.stream(), java.util.stream.Stream.of(CRSM_READ_ICCID)).toList();

    /** How the reader talks to one device. */
    public record Settings(Duration commandTimeout, Duration pollInterval) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), Duration.ofMillis(500));
    }


    private final String device;
    private final String readerName;
    private final SerialLink.Opener opener;
    private final Settings settings;
    private final List<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Listeners added after the monitor started; guarded by {@code this}, welcomed on the monitor thread. */
    private final List<Consumer<CardEvent>> newcomers = new ArrayList<>();
    private final AtomicBoolean simLeft = new AtomicBoolean();
    private final Object openLock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile AtEngine engine;
    /** Why the modem could not be used at the last try, cleared when it answers again. */
    private volatile Optional<ReadResult.Failed> fault = Optional.empty();
    private volatile String iccidCommand;
    private volatile ModemPin pinCommand;
    private Thread monitor;

    public AtModemSimReader(String device, SerialLink.Opener opener, Settings settings) {
        this.device = device;
        this.readerName = "AT modem " + device;
        this.opener = opener;
        this.settings = settings;
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
            return List.of(new ReaderInfo(readerName, state(engine()) != ModemPin.State.NOT_INSERTED));
        } catch (AtException e) {
            dropEngine(e);
            return List.of();
        }
    }

    @Override
    public Optional<ReadResult.Failed> fault() {
        return fault;
    }

    @Override
    public ReadResult read(String reader) {
        if (!readerName.equals(reader)) {
            return new ReadResult.Failed(CardError.NO_READER, "no reader named " + reader);
        }
        try {
            return readIdentity(engine());
        } catch (AtException e) {
            dropEngine(e);
            return failed(e);
        } catch (CardIoException e) {
            if (e.getCause() instanceof AtException at) {
                dropEngine(at);
            }
            return new ReadResult.Failed(e.error(), e.getMessage());
        }
    }

    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        if (readerOrNull != null && !readerName.equals(readerOrNull)) {
            return new ReadResult.Failed(CardError.NO_READER, "no reader named " + readerOrNull);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration step = settings.pollInterval().compareTo(Duration.ofMillis(200)) < 0 ? settings.pollInterval() : Duration.ofMillis(200);
        ReadResult last = new ReadResult.Failed(CardError.TIMEOUT, "no SIM within " + timeout.toMillis() + " ms");
        while (System.nanoTime() - deadline < 0) {
            List<ReaderInfo> now = readers();
            if (now.isEmpty()) {
                // Keep waiting: the modem may be plugged in (or switched on) meanwhile. Say why if it never is.
                last = fault.orElseGet(() -> new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, portMissing()));
            } else if (now.get(0).cardPresent()) {
                ReadResult result = read(readerName);
                if (!(result instanceof ReadResult.Failed f && f.error() == CardError.CARD_REMOVED)) {
                    return result;
                }
                last = result;
            } else {
                last = new ReadResult.Failed(CardError.TIMEOUT, "no SIM within " + timeout.toMillis() + " ms");
            }
            if (waitForClose(step)) {
                break;
            }
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
            AtEngine at = engine();
            return switch (state(at)) {
                case NOT_INSERTED -> new PinResult.Failed(CardError.CARD_REMOVED, "no SIM in the modem");
                case PUK_REQUIRED -> new PinResult.Refused(0);
                case PIN_REQUIRED -> unlockModem(at, pin);
                case READY -> pinEnabled(at) ? checkWithTheSim(at, pin) : new PinResult.NotEnabled();
                case OTHER -> new PinResult.Failed(CardError.CARD_MUTE, "the modem does not report the SIM's PIN state");
            };
        } catch (AtException e) {
            dropEngine(e);
            return new PinResult.Failed(errorOf(e), e.getMessage());
        }
    }

    /** The module unlocked the SIM already, so AT+CPIN cannot check this PIN: ask the SIM through AT+CSIM. */
    private PinResult checkWithTheSim(AtEngine at, String pin) {
        PinResult result = new SimIdentityReader(csim(at)).verifyPin(pin);
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
        AtResponse answer = at.send("AT+CPIN=\"" + pin + "\"", settings.commandTimeout().multipliedBy(3));
        if (answer.ok()) {
            return new PinResult.Verified();
        }
        if (answer instanceof AtResponse.CmeError cme && cme.simNotInserted()) {
            return new PinResult.Failed(CardError.CARD_REMOVED, "the SIM left the modem");
        }
        return new PinResult.Wrong(triesLeft(at).orElse(tries - 1));
    }

    @Override
    public synchronized void addListener(Consumer<CardEvent> listener) {
        if (monitor != null) {
            // The monitor's first poll is past or under way: it tells this one how things stand after its next poll.
            newcomers.add(listener);
            return;
        }
        listeners.add(listener);
        if (closed.getCount() > 0) {
            monitor = new Thread(this::monitorLoop, "at-modem-monitor " + device);
            monitor.setDaemon(true);
            monitor.start();
        }
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        synchronized (this) {
            newcomers.remove(listener);
        }
        listeners.remove(listener);
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
        synchronized (openLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    private ReadResult readIdentity(AtEngine at) throws AtException, CardIoException {
        simLeft.set(false);
        ModemPin.State state = state(at);
        if (state == ModemPin.State.NOT_INSERTED) {
            return new ReadResult.Failed(CardError.CARD_REMOVED, "no SIM in the modem");
        }
        Optional<Iccid> iccid = readIccid(at);
        checkStillThere();
        if (iccid.isEmpty()) {
            // Last resort: the SIM itself through AT+CSIM, with the same T=0 logic as PC/SC.
            SimIdentity viaCsim = new SimIdentityReader(csim(at)).read();
            // A SIM whose PIN the module already gave answers the status VERIFY with 9000, like a SIM without
            // a PIN: then the module's own view (AT+CLCK) decides.
            PinStatus pin = viaCsim.pin().enabled() ? viaCsim.pin() : pinStatus(at, state);
            checkStillThere();
            return sim(viaCsim.iccid(), viaCsim.type(), pin, "AT+CSIM");
        }
        PinStatus pin = pinStatus(at, state);
        checkStillThere();
        // Modules do not hand out the ATR; a module that registers on LTE only takes a UICC.
        return sim(iccid.get(), CardType.UICC, pin, AtEngine.commandName(iccidCommand));
    }

    private ReadResult sim(Iccid iccid, CardType type, PinStatus pin, String how) {
        LOG.debug("{}: read {} SIM {} via {}", readerName, type.label(), iccid, how);
        return new ReadResult.Sim(new CardIdentity(readerName, "", type, iccid, pin));
    }

    private CsimChannel csim(AtEngine at) {
        return new CsimChannel(at, settings.commandTimeout());
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
        AtResponse answer = at.send(command, settings.commandTimeout());
        if (answer instanceof AtResponse.CmeError cme && cme.simNotInserted()) {
            throw new CardIoException(CardError.CARD_REMOVED, "the SIM left the modem");
        }
        if (!answer.ok()) {
            return Optional.empty();
        }
        return command.equals(CRSM_READ_ICCID) ? ModemIccid.fromCrsm(answer.lines()) : ModemIccid.fromLines(answer.lines());
    }

    private PinStatus pinStatus(AtEngine at, ModemPin.State state) throws AtException {
        return switch (state) {
            case PUK_REQUIRED -> new PinStatus(true, 0);
            case PIN_REQUIRED -> new PinStatus(true, tries(at));
            default -> pinEnabled(at) ? new PinStatus(true, tries(at)) : PinStatus.DISABLED;
        };
    }

    /** Tries left from the vendor command, else from the SIM (VERIFY without data over AT+CSIM), else 1. */
    private int tries(AtEngine at) throws AtException {
        OptionalInt vendor = triesLeft(at);
        if (vendor.isPresent()) {
            return vendor.getAsInt();
        }
        try {
            PinStatus fromCard = new SimIdentityReader(csim(at)).pinStatus();
            return fromCard.enabled() ? fromCard.triesLeft() : 1;
        } catch (CardIoException e) {
            return 1; // unknown counts as the last try: the kiosk will not spend it
        }
    }

    private boolean pinEnabled(AtEngine at) throws AtException {
        AtResponse answer = at.send("AT+CLCK=\"SC\",2", settings.commandTimeout());
        return answer.value("+CLCK:").map(v -> v.startsWith("1")).orElse(false);
    }

    /** Tries left for PIN1 through whichever vendor command the module knows; empty when none does. */
    private OptionalInt triesLeft(AtEngine at) throws AtException {
        ModemPin known = pinCommand;
        for (ModemPin candidate : known != null ? List.of(known) : List.of(ModemPin.values())) {
            AtResponse answer = at.send(candidate.command, settings.commandTimeout());
            OptionalInt tries = answer.ok() ? candidate.triesLeft(answer.lines()) : OptionalInt.empty();
            if (tries.isPresent()) {
                pinCommand = candidate;
                return tries;
            }
        }
        return OptionalInt.empty();
    }

    private ModemPin.State state(AtEngine at) throws AtException {
        return ModemPin.State.of(at.send("AT+CPIN?", settings.commandTimeout()));
    }

    private void checkStillThere() throws CardIoException {
        if (simLeft.get()) {
            throw new CardIoException(CardError.CARD_REMOVED, "the SIM left the modem during the read");
        }
    }

    private AtEngine engine() throws AtException {
        synchronized (openLock) {
            if (engine == null) {
                if (closed.getCount() == 0) {
                    throw new AtException(AtException.Kind.PORT_LOST, readerName + " is closed");
                }
                try {
                    AtEngine fresh = new AtEngine(opener.open(), this::onUnsolicited);
                    try {
                        fresh.send("ATE0", settings.commandTimeout()); // echo off where the module allows; echo on is handled too
                    } catch (AtException e) {
                        fresh.close();
                        if (Thread.currentThread().isInterrupted()) {
                            throw e; // a cancel while opening, not a silent modem: no fault, the interrupt flag stays
                        }
                        throw noted(e.kind() == AtException.Kind.TIMEOUT ? firstAnswerMissing(fresh, e) : e);
                    }
                    engine = fresh;
                    fault = Optional.empty();
                } catch (SerialLinkException e) {
                    throw noted(new AtException(AtException.Kind.PORT_LOST, portMissing(), e));
                }
            }
            return engine;
        }
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
        long ms = settings.commandTimeout().toMillis();
        if (fresh.heardNonAt()) {
            return new AtException(AtException.Kind.GARBLED, "the device on " + device + " answers, but not with AT "
                    + "responses (another baud rate, or not a modem?)", timeout);
        }
        return new AtException(AtException.Kind.SILENT, "the modem on " + device + " does not answer AT within " + ms
                + " ms (switched off, still starting, or another baud rate?)", timeout);
    }

    private AtException noted(AtException e) {
        if (e.kind() != AtException.Kind.TIMEOUT) {
            fault = Optional.of(new ReadResult.Failed(errorOf(e), e.getMessage()));
        }
        return e;
    }

    private void dropEngine(AtException e) {
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

    private void onUnsolicited(String line) {
        ModemPin.presenceFromUnsolicited(line).ifPresent(present -> {
            if (!present) {
                simLeft.set(true);
            }
        });
    }

    /** Polls AT+CPIN? and turns changes into events in the same order as the PC/SC monitor. */
    private void monitorLoop() {
        List<ReaderInfo> before = null; // nothing known before the first poll
        boolean serviceUp = true;
        while (!waitForClose(before == null ? Duration.ZERO : settings.pollInterval())) {
            List<ReaderInfo> now;
            try {
                now = List.of(new ReaderInfo(readerName, state(engine()) != ModemPin.State.NOT_INSERTED));
                serviceUp = true;
            } catch (AtException e) {
                dropEngine(e);
                if (e.kind() == AtException.Kind.TIMEOUT) {
                    continue; // a busy or slow module: keep what we knew
                }
                now = List.of();
                if (serviceUp) {
                    serviceUp = false;
                    emit(new CardEvent.ServiceLost(errorOf(e), e.getMessage()));
                }
            }
            publish(before, now);
            before = now;
            welcomeNewcomers(now, serviceUp);
        }
    }

    /** As the PC/SC monitor does: a late listener first hears the readers as they are, and a SIM already in. */
    private void welcomeNewcomers(List<ReaderInfo> now, boolean serviceUp) {
        List<Consumer<CardEvent>> joining;
        synchronized (this) {
            if (newcomers.isEmpty()) {
                return;
            }
            joining = List.copyOf(newcomers);
            newcomers.clear();
        }
        for (Consumer<CardEvent> listener : joining) {
            if (serviceUp) {
                deliver(listener, new CardEvent.ReadersChanged(now));
                if (now.stream().anyMatch(ReaderInfo::cardPresent)) {
                    deliver(listener, new CardEvent.Inserted(readerName));
                }
            } else {
                ReadResult.Failed why = fault.orElseGet(() -> new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, portMissing()));
                deliver(listener, new CardEvent.ServiceLost(why.error(), why.detail()));
            }
            listeners.add(listener);
        }
    }

    private void publish(List<ReaderInfo> before, List<ReaderInfo> now) {
        boolean was = before != null && before.stream().anyMatch(ReaderInfo::cardPresent);
        boolean is = now.stream().anyMatch(ReaderInfo::cardPresent);
        if (before == null || before.isEmpty() != now.isEmpty()) {
            emit(new CardEvent.ReadersChanged(now));
        }
        if (is && !was) {
            LOG.info("{}: SIM inserted", readerName);
            emit(new CardEvent.Inserted(readerName));
        } else if (was && !is) {
            LOG.info("{}: SIM removed", readerName);
            emit(new CardEvent.Removed(readerName));
        }
    }

    private void emit(CardEvent event) {
        for (Consumer<CardEvent> l : listeners) {
            deliver(l, event);
        }
    }

    private void deliver(Consumer<CardEvent> listener, CardEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("{}: a card event listener failed: {}", readerName, e.toString());
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

    private ReadResult failed(AtException e) {
        return new ReadResult.Failed(errorOf(e), e.getMessage());
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
