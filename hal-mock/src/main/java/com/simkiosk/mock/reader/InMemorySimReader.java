package com.simkiosk.mock.reader;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderEvents;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.card.usim.UsimSession;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers without hardware: a test or the demo tray inserts and removes {@link DemoCard}s, and listeners hear
 * about it from a {@link ReaderEvents} hub on the reader's own event thread, as with a real monitor. Reads honour the card's faults (not a SIM,
 * mute, removed mid-read, slow) within a hard read timeout; PINs follow SIM counter rules, and a verification
 * is refused without touching the counter when one try is left. A card made from a virtual SIM
 * ({@link DemoCard#of(VirtualSimSpec)}) also answers the USIM calls ({@link UsimAccess}: EF.IMSI, AUTHENTICATE)
 * through the same {@link UsimSession} as a real reader, one card session (reset) per call.
 */
public final class InMemorySimReader implements SimReader, UsimAccess {

    public static final String DEFAULT_READER = "Demo Reader 0";
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(InMemorySimReader.class);

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Duration readTimeout;
    private final ReaderEvents events;
    private boolean serviceDown;
    private boolean closed;

    /** A card slot: the card's current state (its PIN counter changes) and a count of insertions. */
    private static final class Slot {
        Optional<DemoCard> card = Optional.empty();
        long insertions;
    }

    public InMemorySimReader() {
        this(List.of(DEFAULT_READER), DEFAULT_READ_TIMEOUT);
    }

    public InMemorySimReader(List<String> readerNames, Duration readTimeout) {
        if (readerNames.isEmpty()) {
            throw new IllegalArgumentException("at least one reader");
        }
        for (String name : readerNames) {
            slots.put(name, new Slot());
        }
        this.readTimeout = readTimeout;
        this.events = ReaderEvents.fixedSlots("in-memory-reader-events", readers());
    }

    // ---------------------------------------------------------------- the test's / demo tray's hands

    /** Puts {@code card} into the first reader. */
    public void insert(DemoCard card) {
        insert(slots.keySet().iterator().next(), card);
    }

    /** Puts {@code card} into {@code reader}, taking out whatever was there first. */
    public void insert(String reader, DemoCard card) {
        synchronized (this) {
            Slot slot = slot(reader);
            if (slot.card.isPresent()) {
                slot.card = Optional.empty();
                announce(); // the card that was there goes out first
            }
            slot.card = Optional.of(card);
            slot.insertions++;
            notifyAll();
            announce();
        }
        log.info("Card inserted in '{}': {}", reader, card.iccid());
    }

    public void insert(String reader, CardIdentity identity) {
        insert(reader, DemoCard.of(identity));
    }

    /** Takes the card out of the first reader. */
    public void remove() {
        remove(slots.keySet().iterator().next());
    }

    public void remove(String reader) {
        synchronized (this) {
            slot(reader).card = Optional.empty();
            notifyAll();
            announce();
        }
    }

    /** Simulates the smart card service going away (reads fail with PCSC_UNAVAILABLE) and coming back. */
    public synchronized void setServiceDown(boolean down) {
        serviceDown = down;
        if (down) {
            events.serviceLost(CardError.PCSC_UNAVAILABLE, "simulated service loss");
        } else {
            announce();
        }
    }

    /** The card now in {@code reader}, with its current PIN counter. */
    public synchronized Optional<DemoCard> card(String reader) {
        return slot(reader).card;
    }

    // ---------------------------------------------------------------- SimReader

    @Override
    public synchronized List<ReaderInfo> readers() {
        if (serviceDown) {
            return List.of();
        }
        List<ReaderInfo> out = new ArrayList<>();
        slots.forEach((name, slot) -> out.add(new ReaderInfo(name, slot.card.isPresent())));
        return out;
    }

    /**
     * Like a real monitor, a listener that joins while cards are in hears them inserted (a kiosk restarted with a
     * SIM inside must see it), or hears that the service is down.
     */
    @Override
    public void addListener(Consumer<CardEvent> listener) {
        events.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        events.removeListener(listener);
    }

    @Override
    public ReadResult read(String reader) {
        DemoCard card;
        long insertion;
        synchronized (this) {
            Optional<ReadResult.Failed> unusable = unusable(reader);
            if (unusable.isPresent()) {
                return unusable.get();
            }
            Slot slot = slots.get(reader);
            card = slot.card.get();
            insertion = slot.insertions;
            if (!card.readDelay().isZero()) {
                Optional<ReadResult.Failed> late = waitOutSlowRead(reader, card.readDelay(), insertion);
                if (late.isPresent()) {
                    return late.get();
                }
            }
        }
        return switch (card.behaviour()) {
            case SIM -> new ReadResult.Sim(identity(reader, card));
            case NOT_A_SIM -> new ReadResult.Failed(CardError.NOT_A_SIM, "no EF.ICCID");
            case MUTE -> new ReadResult.Failed(CardError.CARD_MUTE, "no ATR");
            case REMOVED_MID_READ -> {
                remove(reader);
                yield new ReadResult.Failed(CardError.CARD_REMOVED, "card left during the read");
            }
        };
    }

    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String found;
        synchronized (this) {
            while ((found = readerWithCard(readerOrNull)) == null) {
                long left = deadline - System.nanoTime();
                if (closed || left <= 0 || !waitNanos(left)) {
                    return new ReadResult.Failed(CardError.TIMEOUT, "no card within " + timeout.toMillis() + " ms");
                }
            }
        }
        return read(found);
    }

    @Override
    public synchronized PinResult verifyPin(String reader, String pin) {
        Optional<ReadResult.Failed> unusable = unusable(reader);
        if (unusable.isPresent()) {
            return new PinResult.Failed(unusable.get().error(), unusable.get().detail());
        }
        Slot slot = slots.get(reader);
        DemoCard card = slot.card.get();
        if (card.behaviour() != DemoCard.Behaviour.SIM) {
            return new PinResult.Failed(card.behaviour() == DemoCard.Behaviour.MUTE ? CardError.CARD_MUTE
                    : CardError.NOT_A_SIM, "not a SIM");
        }
        if (card.pin().isEmpty()) {
            return new PinResult.NotEnabled();
        }
        if (card.pinTriesLeft() <= 1) {
            return new PinResult.Refused(card.pinTriesLeft()); // a kiosk never spends a SIM's last try
        }
        if (card.pin().get().equals(pin)) {
            slot.card = Optional.of(card.withPin(card.pin().get(), DemoCard.PIN_TRIES));
            return new PinResult.Verified();
        }
        int left = card.pinTriesLeft() - 1;
        slot.card = Optional.of(card.withPin(card.pin().get(), left));
        return new PinResult.Wrong(left);
    }

    @Override
    public ImsiResult readImsi(String reader, Optional<String> pin) {
        Object usim = usimOf(reader);
        if (usim instanceof VirtualSim card) {
            ImsiResult result = new UsimSession(card).readImsi(pin);
            afterSession(reader, card);
            return result;
        }
        return new ImsiResult.Unavailable((AkaResult) usim);
    }

    @Override
    public AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin) {
        Object usim = usimOf(reader);
        if (usim instanceof VirtualSim card) {
            AkaResult result = new UsimSession(card).authenticate(challenge, pin);
            afterSession(reader, card);
            return result;
        }
        return (AkaResult) usim;
    }

    /** Only cards made from a virtual SIM have a USIM here; the others are plain demo cards. */
    @Override
    public synchronized boolean mayReachUsim(String reader) {
        Slot slot = slots.get(reader);
        return slot != null && slot.card.flatMap(DemoCard::usim).isPresent();
    }

    /** The card's virtual SIM, reset for a new card session, or why none can be asked (an {@link AkaResult}). */
    private synchronized Object usimOf(String reader) {
        Optional<ReadResult.Failed> unusable = unusable(reader);
        if (unusable.isPresent()) {
            return new AkaResult.Failed(unusable.get().error(), unusable.get().detail());
        }
        DemoCard card = slots.get(reader).card.get();
        if (card.usim().isEmpty() || card.behaviour() != DemoCard.Behaviour.SIM) {
            return new AkaResult.NotSupported("this card has no USIM the reader can reach");
        }
        VirtualSim sim = card.usim().get();
        sim.reset();
        return sim;
    }

    /** The PIN counter is the virtual card's: the read shows what its USIM session left. */
    private synchronized void afterSession(String reader, VirtualSim card) {
        Slot slot = slots.get(reader);
        if (slot.card.isPresent() && slot.card.get().usim().filter(c -> c == card).isPresent() && slot.card.get().pin().isPresent()) {
            slot.card = Optional.of(slot.card.get().withPin(slot.card.get().pin().get(), card.triesLeft()));
        }
        card.reset(); // the session ends with a reset, as on PC/SC: the PIN is no longer verified
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        events.close();
    }

    // ---------------------------------------------------------------- inside

    private Slot slot(String reader) {
        Slot slot = slots.get(reader);
        if (slot == null) {
            throw new IllegalArgumentException("no reader named '" + reader + "'");
        }
        return slot;
    }

    /** Why a card in {@code reader} cannot be used now, if it cannot. Caller holds the lock. */
    private Optional<ReadResult.Failed> unusable(String reader) {
        if (closed || serviceDown) {
            return Optional.of(new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, "reader service unavailable"));
        }
        Slot slot = slots.get(reader);
        if (slot == null) {
            return Optional.of(new ReadResult.Failed(CardError.NO_READER, "no such reader"));
        }
        if (slot.card.isEmpty()) {
            return Optional.of(new ReadResult.Failed(CardError.CARD_REMOVED, "no card in the reader"));
        }
        return Optional.empty();
    }

    /** Waits the card's delay, at most the read timeout; the card leaving ends the wait. Caller holds the lock. */
    private Optional<ReadResult.Failed> waitOutSlowRead(String reader, Duration delay, long insertion) {
        boolean tooSlow = delay.compareTo(readTimeout) > 0;
        long deadline = System.nanoTime() + (tooSlow ? readTimeout : delay).toNanos();
        Slot slot = slots.get(reader);
        while (true) {
            if (closed || slot.card.isEmpty() || slot.insertions != insertion) {
                return Optional.of(new ReadResult.Failed(CardError.CARD_REMOVED, "card left during the read"));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (!waitNanos(left)) {
                return Optional.of(new ReadResult.Failed(CardError.TIMEOUT, "read interrupted"));
            }
        }
        return tooSlow
                ? Optional.of(new ReadResult.Failed(CardError.TIMEOUT, "no answer within " + readTimeout.toMillis() + " ms"))
                : Optional.empty();
    }

    private String readerWithCard(String readerOrNull) {
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            if ((readerOrNull == null || readerOrNull.equals(entry.getKey())) && entry.getValue().card.isPresent()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Waits on this reader's lock; false when the caller was interrupted and must stop waiting. */
    private boolean waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static CardIdentity identity(String reader, DemoCard card) {
        PinStatus pin = card.pin().isPresent() ? new PinStatus(true, card.pinTriesLeft()) : PinStatus.DISABLED;
        return new CardIdentity(reader, card.atrHex(), card.type(), card.iccid(), pin);
    }

    /** Tells the hub what the slots hold now; a service that is down sees nothing. Caller holds the lock. */
    private void announce() {
        if (!serviceDown) {
            events.publish(readers());
        }
    }
}
