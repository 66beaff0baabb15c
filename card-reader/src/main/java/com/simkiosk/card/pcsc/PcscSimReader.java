package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderEvents;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.sim.SimIdentity;
import com.simkiosk.card.sim.SimIdentityReader;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.card.usim.UsimSession;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM readers through PC/SC ({@code javax.smartcardio} on pcsc-lite). The HAL owns T=0 (run with
 * {@code -Dsun.security.smartcardio.t0GetResponse=false}); errors come out classified; a pcscd restart or
 * a pcscd that starts late is recovered from without restarting the JVM (see {@code docs/pcsc.md}).
 */
public final class PcscSimReader implements SimReader, UsimAccess {
    private static final Logger log = LoggerFactory.getLogger(PcscSimReader.class);
    /** T=0 answers are at most 256 data bytes + SW; the JDK insists on at least 258. */
    private static final int RESPONSE_BUFFER = 258;
    private static final Duration REMOVAL_SETTLE = Duration.ofMillis(600);
    private static final Duration POWER_UP_GRACE = Duration.ofMillis(200);
    /** How long a card that has just gone in may take to power up before a connect failure counts. */
    private static final Duration POWER_UP_BOUND = Duration.ofSeconds(3);
    /** {@link Card#disconnect} dispositions. */
    private static final boolean RESET = true;
    private static final boolean LEAVE_POWERED = false;

    private final Optional<SunPcscInternals> internals;
    private final String internalsProblem;
    private final PcscContext context;
    private final Object monitorLock = new Object();
    private final Object cardLock = new Object();
    private final ReaderEvents events = ReaderEvents.monitored("pcsc-events");
    private PcscMonitor monitor;
    private boolean closed;

    public PcscSimReader() {
        Optional<SunPcscInternals> found;
        String problem = "";
        try {
            found = Optional.of(SunPcscInternals.open());
        } catch (CardIoException e) {
            found = Optional.empty();
            problem = e.getMessage();
            log.warn("PC/SC recovery and events unavailable: {}", problem);
        }
        this.internals = found;
        this.internalsProblem = problem;
        this.context = new PcscContext(found);
        if (found.isEmpty()) {
            events.serviceLost(CardError.PCSC_UNAVAILABLE, problem); // what every listener hears first
        }
        if (!"false".equals(System.getProperty("sun.security.smartcardio.t0GetResponse"))) {
            log.debug("t0GetResponse is not false: the JDK handles 61xx/6Cxx itself, the HAL still handles 9Fxx");
        }
    }

    @Override
    public List<ReaderInfo> readers() {
        try {
            return listReaders();
        } catch (CardIoException e) {
            log.debug("no readers: {} {}", e.error(), e.getMessage());
            return List.of();
        }
    }

    /** Like {@link #readers()}, but says why there are none when the service itself is missing. */
    public List<ReaderInfo> listReaders() throws CardIoException {
        return withServiceRetry(() -> {
            List<ReaderInfo> out = new ArrayList<>();
            for (CardTerminal terminal : terminals()) {
                out.add(new ReaderInfo(terminal.getName(), present(terminal)));
            }
            return List.copyOf(out);
        });
    }

    /** Events come from the {@link ReaderEvents} hub, on its {@code pcsc-events} thread. */
    @Override
    public void addListener(Consumer<CardEvent> listener) {
        synchronized (monitorLock) {
            events.addListener(listener); // before the monitor starts: the first listener hears its first snapshot
            monitor();
        }
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        events.removeListener(listener);
    }

    @Override
    public ReadResult read(String reader) {
        try {
            CardIdentity identity = readIdentity(reader);
            log.info("read {} SIM {} in {}", identity.type().label(), identity.iccid(), reader);
            return new ReadResult.Sim(identity);
        } catch (CardIoException e) {
            log.info("read failed in {}: {} ({})", reader, e.error(), e.getMessage());
            return new ReadResult.Failed(e.error(), e.getMessage());
        }
    }

    /** Connect, read the identity, disconnect (leaving the card powered). */
    public CardIdentity readIdentity(String reader) throws CardIoException {
        return withCard(reader, LEAVE_POWERED, (atr, channel) -> {
            SimIdentity sim = new SimIdentityReader(channel).read();
            return new CardIdentity(reader, atr, sim.type(), sim.iccid(), sim.pin());
        });
    }

    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // No service or no such reader: say so now rather than after the whole wait.
            if (listReaders().stream().noneMatch(r -> readerOrNull == null || r.name().equals(readerOrNull))) {
                return new ReadResult.Failed(CardError.NO_READER, readerOrNull == null ? "no reader" : "no reader named " + readerOrNull);
            }
        } catch (CardIoException e) {
            return new ReadResult.Failed(e.error(), e.getMessage());
        }
        if (monitor().isEmpty()) {
            return new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, internalsProblem);
        }
        ReaderEvents.Snapshot snapshot = events.snapshot();
        try {
            while (true) {
                Optional<ReaderInfo> ready = snapshot.readers().stream()
                        .filter(r -> r.cardPresent() && (readerOrNull == null || r.name().equals(readerOrNull)))
                        .findFirst();
                if (ready.isPresent()) {
                    return read(ready.get().name());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return timedOut(snapshot, readerOrNull);
                }
                snapshot = events.awaitNewer(snapshot.generation(), Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReadResult.Failed(CardError.TIMEOUT, "interrupted while waiting for a card");
        }
    }

    private static ReadResult timedOut(ReaderEvents.Snapshot snapshot, String readerOrNull) {
        if (!snapshot.serviceUp()) {
            return new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, "smart card service (pcscd) not reachable");
        }
        boolean readerThere = snapshot.readers().stream().anyMatch(r -> readerOrNull == null || r.name().equals(readerOrNull));
        if (!readerThere) {
            return new ReadResult.Failed(CardError.NO_READER, readerOrNull == null ? "no reader" : "no reader named " + readerOrNull);
        }
        return new ReadResult.Failed(CardError.TIMEOUT, "no card inserted in time");
    }

    @Override
    public PinResult verifyPin(String reader, String pin) {
        try {
            // Reset afterwards: a card whose PIN was given answers a status VERIFY with 9000, exactly like a card
            // without a PIN, so a verified state left behind would make the next read report the PIN as disabled.
            return withCard(reader, RESET, (atr, channel) -> new SimIdentityReader(channel).verifyPin(pin));
        } catch (CardIoException e) {
            return new PinResult.Failed(e.error(), e.getMessage());
        }
    }

    /** One card session; reset afterwards, so a PIN verified for it is not left verified. */
    @Override
    public ImsiResult readImsi(String reader, Optional<String> pin) {
        try {
            return withCard(reader, RESET, (atr, channel) -> new UsimSession(channel).readImsi(pin));
        } catch (CardIoException e) {
            return new ImsiResult.Unavailable(new AkaResult.Failed(e.error(), e.getMessage()));
        }
    }

    /** One card session (EF.DIR, SELECT ADF.USIM, PIN rule, AUTHENTICATE), reset afterwards. */
    @Override
    public AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin) {
        try {
            AkaResult result = withCard(reader, RESET, (atr, channel) -> new UsimSession(channel).authenticate(challenge, pin));
            log.info("AUTHENTICATE in {}: {}", reader, result);
            return result;
        } catch (CardIoException e) {
            log.info("AUTHENTICATE in {} failed: {} ({})", reader, e.error(), e.getMessage());
            return new AkaResult.Failed(e.error(), e.getMessage());
        }
    }

    /**
     * One card session for both (issue 17): EF.DIR, SELECT ADF.USIM, the PIN rule and EF.IMSI, then {@code use} (the
     * BSF's first answer comes meanwhile), its AUTHENTICATE on the same selected USIM, and one reset at the end. The
     * card is held (other card calls of this reader wait) while {@code use} runs.
     */
    @Override
    public <T> T withImsi(String reader, Optional<String> pin, ImsiUse<T> use) {
        ImsiUse<T> logged = (imsi, authenticate) -> use.apply(imsi, challenge -> {
            AkaResult result = authenticate.apply(challenge);
            log.info("AUTHENTICATE in {}: {}", reader, result);
            return result;
        });
        try {
            return withCard(reader, RESET, (atr, channel) -> new UsimSession(channel).withImsi(pin, logged));
        } catch (CardIoException e) {
            // connecting failed: nothing was read, and the card is not asked
            return use.apply(new ImsiResult.Unavailable(new AkaResult.Failed(e.error(), e.getMessage())),
                    challenge -> new AkaResult.Failed(e.error(), e.getMessage()));
        }
    }

    @Override
    public void close() {
        synchronized (monitorLock) {
            closed = true;
            if (monitor != null) {
                monitor.close();
                monitor = null;
            }
        }
        events.close();
    }

    /** Starts the monitor on first use; empty when this JVM cannot watch PC/SC (see {@link SunPcscInternals}). */
    private Optional<PcscMonitor> monitor() {
        synchronized (monitorLock) {
            if (closed) {
                throw new IllegalStateException("reader closed");
            }
            if (monitor == null && internals.isPresent()) {
                monitor = new PcscMonitor(new ReaderWatch(internals.get()), events, context::reset);
                monitor.start();
            }
            return Optional.ofNullable(monitor);
        }
    }

    @FunctionalInterface
    private interface CardWork<T> {
        T run(String atrHex, ApduChannel channel) throws CardIoException;
    }

    @FunctionalInterface
    private interface PcscCall<T> {
        T call() throws CardIoException;
    }

    /** pcscd may have restarted since the last call: on a service loss, one fresh context and one more try. */
    private <T> T withServiceRetry(PcscCall<T> call) throws CardIoException {
        try {
            return call.call();
        } catch (CardIoException e) {
            if (e.error() != CardError.PCSC_UNAVAILABLE) {
                throw e;
            }
            context.reset();
            return call.call();
        }
    }

    /**
     * One card session at a time: the JDK hands every caller of {@code connect} the same card object per
     * reader, so a second thread's disconnect would cut the first one's read short.
     */
    private <T> T withCard(String reader, boolean reset, CardWork<T> work) throws CardIoException {
        synchronized (cardLock) {
            return withServiceRetry(() -> session(reader, reset, work));
        }
    }

    private <T> T session(String reader, boolean reset, CardWork<T> work) throws CardIoException {
        CardTerminal terminal = terminal(reader);
        Card card = connect(terminal);
        try {
            CardChannel channel = card.getBasicChannel();
            return work.run(Hex.encode(card.getATR().getBytes()), command -> transmit(channel, terminal, command));
        } finally {
            try {
                card.disconnect(reset);
            } catch (CardException | RuntimeException e) {
                log.debug("disconnect from {}: {}", reader, PcscErrors.classify(e).code());
            }
        }
    }

    /**
     * A card that has just gone in may still be powering up (mute, or {@code SCARD_E_PROTO_MISMATCH} while the reader
     * negotiates): tried again every {@link #POWER_UP_GRACE} for at most {@link #POWER_UP_BOUND}, then classified.
     *
     * <p>A connection that came back without T=0 or T=1 is taken again at once, without a single APDU: the JDK takes
     * the protocol from libpcsclite's reader-state table, which every thread of the process shares, so a state fetch
     * of another thread (the reader monitor) that was still in flight at the connect can overwrite it with the
     * state from before the connect (protocol undefined). Every transmit on that card object would then fail with
     * {@code SCARD_E_PROTO_MISMATCH} before reaching the card, and a good SIM would be called mute.
     */
    private static Card connect(CardTerminal terminal) throws CardIoException {
        long deadline = System.nanoTime() + POWER_UP_BOUND.toNanos();
        while (true) {
            try {
                Card card = terminal.connect("*");
                if (negotiated(card)) {
                    return card;
                }
                log.info("{} connected without a transmission protocol ({}): connecting again", terminal.getName(),
                        card.getProtocol());
                disconnectQuietly(card);
                if (System.nanoTime() - deadline >= 0) {
                    throw new CardIoException(CardError.CARD_MUTE, "no transmission protocol (" + card.getProtocol() + ")");
                }
                continue; // a stale state, not the card: no pause needed
            } catch (CardException | RuntimeException failure) {
                if (PcscErrors.classify(failure).error() != CardError.CARD_MUTE || System.nanoTime() - deadline >= 0) {
                    throw classified(failure, terminal);
                }
            }
            try {
                Thread.sleep(POWER_UP_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardIoException(CardError.CARD_MUTE, "interrupted while the card powered up", e);
            }
        }
    }

    /** T=0 or T=1 agreed: what {@code connect("*")} gives for a card that answered its ATR. */
    private static boolean negotiated(Card card) {
        String protocol = card.getProtocol();
        return "T=0".equals(protocol) || "T=1".equals(protocol);
    }

    private static void disconnectQuietly(Card card) {
        try {
            card.disconnect(LEAVE_POWERED);
        } catch (CardException | RuntimeException e) {
            log.debug("disconnect: {}", PcscErrors.classify(e).code());
        }
    }

    private byte[] transmit(CardChannel channel, CardTerminal terminal, byte[] command) throws CardIoException {
        ByteBuffer response = ByteBuffer.allocate(RESPONSE_BUFFER);
        try {
            int length = channel.transmit(ByteBuffer.wrap(command), response);
            if (length < 2) {
                throw mutedOrGone(new CardIoException(CardError.CARD_MUTE, "response shorter than 2 bytes (" + length + ")"), terminal);
            }
            byte[] out = new byte[length];
            response.flip().get(out);
            return out;
        } catch (CardException | RuntimeException e) {
            throw classified(e, terminal);
        }
    }

    private CardTerminal terminal(String reader) throws CardIoException {
        for (CardTerminal terminal : terminals()) {
            if (terminal.getName().equals(reader)) {
                return terminal;
            }
        }
        throw new CardIoException(CardError.NO_READER, "no reader named " + reader);
    }

    private List<CardTerminal> terminals() throws CardIoException {
        try {
            return context.terminals().list();
        } catch (CardException e) {
            if (PcscErrors.noReaders(e)) {
                return List.of();
            }
            PcscErrors.Failure failure = PcscErrors.classify(e);
            throw new CardIoException(failure.error(), failure.code(), e);
        }
    }

    private static boolean present(CardTerminal terminal) throws CardIoException {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            PcscErrors.Failure failure = PcscErrors.classify(e);
            throw new CardIoException(failure.error(), failure.code(), e);
        }
    }

    /**
     * A failed card call is a removed card whenever the card is gone, whatever code pcsc-lite chose. Readers
     * that poll for presence (vpcd: every 400 ms) report the loss a moment after the failed transmit, so a
     * failure is only called "mute" once the card has stayed for {@link #REMOVAL_SETTLE}.
     */
    private static CardIoException classified(Exception e, CardTerminal terminal) {
        PcscErrors.Failure failure = PcscErrors.classify(e);
        return mutedOrGone(new CardIoException(failure.error(), failure.code(), e), terminal);
    }

    private static CardIoException mutedOrGone(CardIoException failure, CardTerminal terminal) {
        if (failure.error() == CardError.CARD_MUTE) {
            try {
                if (terminal.waitForCardAbsent(REMOVAL_SETTLE.toMillis())) {
                    return new CardIoException(CardError.CARD_REMOVED, failure.getMessage() + ", card gone", failure);
                }
            } catch (CardException | RuntimeException ignored) {
                // the service itself is failing: keep the first classification
            }
        }
        return failure;
    }
}
