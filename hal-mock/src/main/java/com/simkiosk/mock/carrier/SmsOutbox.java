package com.simkiosk.mock.carrier;

import com.simkiosk.privacy.Mask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the simulator "sends" its SMS: kept in memory only (never a file), read by tests and shown on screen by
 * the demo. Bounded: the oldest messages are dropped after {@link #CAPACITY}.
 */
public final class SmsOutbox {

    public static final int CAPACITY = 200;

    /** One SMS as the phone would show it. {@link #toString()} hides the number and the code. */
    public record Sms(String toE164, String text, String code, Instant sentAt) {
        @Override
        public String toString() {
            return "Sms[to " + Mask.msisdn(toE164) + ", code " + Mask.secret(code) + ", at " + sentAt + "]";
        }
    }

    /** Stops a listener; closing twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Deque<Sms> messages = new ArrayDeque<>();
    private final List<Consumer<Sms>> listeners = new CopyOnWriteArrayList<>();

    void deliver(Sms sms) {
        synchronized (messages) {
            messages.addLast(sms);
            if (messages.size() > CAPACITY) {
                messages.removeFirst();
            }
        }
        // Listeners run on the simulator's request thread; a failing listener must not fail the send.
        for (Consumer<Sms> listener : listeners) {
            try {
                listener.accept(sms);
            } catch (RuntimeException ignored) {
                // the demo screen's problem, not the carrier's
            }
        }
    }

    /** Every message still kept, oldest first. */
    public List<Sms> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The newest message to this number (E.164), if any. */
    public Optional<Sms> latestTo(String e164) {
        synchronized (messages) {
            var it = messages.descendingIterator();
            while (it.hasNext()) {
                Sms sms = it.next();
                if (sms.toE164().equals(e164)) {
                    return Optional.of(sms);
                }
            }
            return Optional.empty();
        }
    }

    /** How many messages went to this number (among those kept). */
    public long countTo(String e164) {
        synchronized (messages) {
            return messages.stream().filter(s -> s.toE164().equals(e164)).count();
        }
    }

    /** Called for every message from now on (the demo shows it like a phone would). */
    public Subscription addListener(Consumer<Sms> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }
}
