package com.simkiosk.kiosk.bench;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A card reader that hands every call to the kiosk's real driver and adds up the time spent inside the card calls
 * (identity read, EF.IMSI, AUTHENTICATE, PIN), so that {@code bench journey} can tell the card's share of a journey
 * from the carrier's, and each kind of call apart in the journey's {@link CallTimes}. It changes nothing in what the
 * driver does.
 */
final class TimedReader implements SimReader, UsimAccess {
    private final SimReader reader;
    private final UsimAccess usim;
    private final AtomicLong nanos = new AtomicLong();
    private final CallTimes calls;

    <R extends SimReader & UsimAccess> TimedReader(R reader, CallTimes calls) {
        this.reader = reader;
        this.usim = reader;
        this.calls = calls;
    }

    /** Nanoseconds spent in card calls since the last call of this method. */
    long takeNanos() {
        return nanos.getAndSet(0);
    }

    private <T> T timed(String name, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return calls.time(name, call::get);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public List<ReaderInfo> readers() {
        return reader.readers();
    }

    @Override
    public void addListener(Consumer<CardEvent> listener) {
        reader.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        reader.removeListener(listener);
    }

    @Override
    public ReadResult read(String name) {
        return timed("card read", () -> reader.read(name));
    }

    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        return timed("card read", () -> reader.awaitAndRead(readerOrNull, timeout));
    }

    @Override
    public PinResult verifyPin(String name, String pin) {
        return timed("card VERIFY PIN", () -> reader.verifyPin(name, pin));
    }

    @Override
    public ImsiResult readImsi(String name, Optional<String> pin) {
        return timed("card EF.IMSI", () -> usim.readImsi(name, pin));
    }

    @Override
    public AkaResult authenticate(String name, AkaChallenge challenge, Optional<String> pin) {
        return timed("card AUTHENTICATE", () -> usim.authenticate(name, challenge, pin));
    }

    /**
     * The one card session of the SIM check: its parts are timed apart, EF.IMSI (opening the USIM and reading) until
     * {@code use} starts, AUTHENTICATE inside it, and the session's end (disconnect with reset) after it; the BSF's
     * two answers (what {@code use} spends besides AUTHENTICATE) go to the trace as a carrier span, not to the card.
     */
    @Override
    public <T> T withImsi(String name, Optional<String> pin, ImsiUse<T> use) {
        long start = System.nanoTime();
        AtomicLong useEnded = new AtomicLong(start);
        try {
            return usim.withImsi(name, pin, (imsi, authenticate) -> {
                long entered = System.nanoTime();
                card("card EF.IMSI", entered - start);
                AtomicLong inCard = new AtomicLong();
                try {
                    return use.apply(imsi, challenge -> {
                        long asked = System.nanoTime();
                        try {
                            return timed("card AUTHENTICATE", () -> authenticate.apply(challenge));
                        } finally {
                            inCard.addAndGet(System.nanoTime() - asked);
                        }
                    });
                } finally {
                    long left = System.nanoTime();
                    useEnded.set(left);
                    calls.add("BSF exchange (without the card)", left - entered - inCard.get());
                }
            });
        } finally {
            card("card session end", System.nanoTime() - useEnded.get());
        }
    }

    private void card(String name, long spent) {
        calls.add(name, spent);
        nanos.addAndGet(spent);
    }

    @Override
    public boolean mayReachUsim(String name) {
        return usim.mayReachUsim(name);
    }

    @Override
    public Optional<ReadResult.Failed> fault() {
        return reader.fault();
    }

    @Override
    public void close() {
        reader.close();
    }
}
