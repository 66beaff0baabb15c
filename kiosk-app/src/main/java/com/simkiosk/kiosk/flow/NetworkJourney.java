package com.simkiosk.kiosk.flow;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.network.BalanceReading;
import com.simkiosk.card.network.BalanceReplyParser;
import com.simkiosk.card.network.NetworkAccess;
import com.simkiosk.card.network.NetworkError;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.carrier.Units;
import com.simkiosk.kiosk.flow.Event.Back;
import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.NetworkGoAhead;
import com.simkiosk.kiosk.flow.Event.PinSubmitted;
import com.simkiosk.kiosk.flow.Event.Retry;
import com.simkiosk.kiosk.flow.NetworkRoutes.Route;
import com.simkiosk.kiosk.flow.State.AskingNetwork;
import com.simkiosk.kiosk.flow.State.EnterPin;
import com.simkiosk.kiosk.flow.State.NetworkBalance;
import com.simkiosk.kiosk.flow.State.NetworkConsent;
import com.simkiosk.kiosk.flow.State.NetworkUnanswered;
import com.simkiosk.kiosk.flow.State.PinRefused;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balance through the SIM's own network (issue 14), for a SIM in a cellular module's slot whose row in the
 * {@link NetworkRoutes} table says USSD or SMS: consent (always for a foreign SIM, as configured for a domestic one)
 * → the SIM's PIN if it has one (never the last try; holding the SIM is the proof, the PIN only unlocks it) → the
 * question with progress → the figures found, or the carrier's own words, with the source and the time. Nothing
 * goes out before consent. The carrier's words live only in the screen's state and in {@link #visit}, both dropped
 * when the session ends ({@link #wipe}); logs carry the outcome, never the words, the code or the number.
 */
final class NetworkJourney {

    private static final Logger log = LoggerFactory.getLogger(NetworkJourney.class);
    /** What the flow's backstop adds to the session's own bounds (each AT command's, and closing the session). */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    /** What the journey needs of the flow: show a screen, run a long blocking call, end the session. */
    interface Host {
        void show(State state);

        <T> void await(State waiting, Duration patience, PendingCall.Call<T> call, Consumer<T> onValue,
                       Consumer<Exception> onFailure);

        void end();
    }

    /** This customer's way through the network path; null when the session is not on it. */
    private static final class Visit {
        final String reader;
        final CardIdentity card;
        final Route route;
        int pinTriesLeft;

        Visit(String reader, CardIdentity card, Route route) {
            this.reader = reader;
            this.card = card;
            this.route = route;
            this.pinTriesLeft = card.pin().triesLeft();
        }
    }

    private final SimReader reader;
    private final Clock clock;
    private final Host host;
    private NetworkRoutes routes = NetworkRoutes.NONE;
    private Visit visit;

    NetworkJourney(SimReader reader, Clock clock, Host host) {
        this.reader = reader;
        this.clock = clock;
        this.host = host;
    }

    void use(NetworkRoutes table) {
        this.routes = table;
    }

    /**
     * Takes the session when the card sits in a module's slot and its row says USSD or SMS; false leaves the flow
     * as it was without the table (the back ends, or "foreign SIM").
     */
    boolean takes(String readerName, CardIdentity card) {
        if (!(reader instanceof NetworkAccess) || routes.isEmpty()) {
            return false;
        }
        Optional<Route> route = routes.match(card.iccid().digits(), Optional.empty());
        if (route.isEmpty() || route.get().api()) {
            return false;
        }
        visit = new Visit(readerName, card, route.get());
        boolean foreign = !card.iccid().isJapanese();
        log.info("Balance by the SIM's network ({}), {} SIM", route.get(), foreign ? "foreign" : "domestic");
        if (route.get().asks(foreign)) {
            host.show(new NetworkConsent(foreign, source()));
        } else {
            unlockThenAsk();
        }
        return true;
    }

    boolean active() {
        return visit != null;
    }

    /** Screen events while on this path; true when handled here. */
    boolean onEvent(State state, Event event) {
        if (visit == null) {
            return false;
        }
        if (state instanceof NetworkConsent) {
            if (event instanceof NetworkGoAhead) {
                log.info("Customer agreed to ask the network");
                unlockThenAsk();
            } else if (event instanceof Back || event instanceof Done) {
                log.info("Customer declined the network question; nothing sent");
                host.end();
            }
            return true;
        }
        if (state instanceof EnterPin) {
            if (event instanceof PinSubmitted e) {
                verifyPin(e.pin());
            } else if (event instanceof Back) {
                host.end();
            }
            return true;
        }
        if (state instanceof PinRefused || state instanceof NetworkBalance) {
            if (event instanceof Done || event instanceof Back) {
                host.end();
            }
            return true;
        }
        if (state instanceof NetworkUnanswered unanswered) {
            if (event instanceof Retry && unanswered.canRetry()) {
                ask();
            } else if (event instanceof Done || event instanceof Back) {
                host.end();
            }
            return true;
        }
        return state instanceof AskingNetwork;
    }

    /** The session ended: nothing of it stays here. */
    void wipe() {
        visit = null;
    }

    private NetworkReply.Source source() {
        return visit.route.query().orElseThrow().source();
    }

    /** A SIM with its PIN on must be unlocked first; with one try left the kiosk never tries (the PIN rule). */
    private void unlockThenAsk() {
        if (!visit.card.pin().enabled()) {
            ask();
        } else if (visit.pinTriesLeft <= 1) {
            log.info("Network question not possible: PIN1 enabled with {} tries left", visit.pinTriesLeft);
            host.show(new PinRefused(visit.pinTriesLeft, List.of()));
        } else {
            host.show(new EnterPin(visit.pinTriesLeft, Optional.empty()));
        }
    }

    private void verifyPin(String pin) {
        if (!pin.matches("\\d{4,8}")) {
            host.show(new EnterPin(visit.pinTriesLeft, Optional.of(ErrorKind.WRONG_PIN)));
            return;
        }
        String name = visit.reader;
        host.await(new State.LookingUp(), Duration.ofSeconds(10), () -> reader.verifyPin(name, pin), result -> {
            if (result instanceof PinResult.Verified || result instanceof PinResult.NotEnabled) {
                ask();
            } else if (result instanceof PinResult.Wrong wrong && wrong.triesLeft() > 1) {
                visit.pinTriesLeft = wrong.triesLeft();
                host.show(new EnterPin(wrong.triesLeft(), Optional.of(ErrorKind.WRONG_PIN)));
            } else if (result instanceof PinResult.Wrong wrong) {
                visit.pinTriesLeft = wrong.triesLeft();
                host.show(new PinRefused(wrong.triesLeft(), List.of()));
            } else if (result instanceof PinResult.Refused refused) {
                visit.pinTriesLeft = refused.triesLeft();
                host.show(new PinRefused(refused.triesLeft(), List.of()));
            } else {
                unanswered(NetworkError.MODEM);
            }
        }, failure -> unanswered(NetworkError.MODEM));
    }

    private void ask() {
        Visit v = visit;
        NetworkAccess access = (NetworkAccess) reader;
        NetworkSession.Settings settings = routes.settings();
        Duration patience = settings.radioOn().plus(settings.registration()).plus(settings.reply()).plus(MARGIN);
        host.await(new AskingNetwork(source()), patience, () -> {
            AtomicReference<Route> asked = new AtomicReference<>(v.route);
            NetworkReply reply = access.askNetworkChoosing(v.reader, network -> {
                asked.set(onNetwork(v, network));
                return asked.get().query().orElseThrow();
            }, settings, clock);
            BalanceReading reading = new BalanceReplyParser(Clock.fixed(clock.instant(), Units.JAPAN)).parse(reply.text(), asked.get().template());
            return new NetworkBalance(reply.source(), reply.receivedAt(), reading);
        }, shown -> {
            log.info("Network answered by {} ({})", shown.source(), shown.reading());
            host.show(shown);
        }, failure -> {
            if (!(failure instanceof NetworkException)) {
                log.warn("Network question failed: {}", failure.getClass().getSimpleName());
            }
            unanswered(failure instanceof NetworkException e ? e.error() : NetworkError.MODEM);
        });
    }

    /**
     * The row for the network the SIM registered on (its MCC-MNC, once the module has said it), chosen before
     * anything is sent. The customer agreed to one way of asking (USSD or SMS) and, for a domestic {@code no-ask}
     * row, was not asked at all: a network's own row is taken only when it asks the same way and needs no consent
     * that was not given; otherwise the row the customer saw stays.
     */
    private Route onNetwork(Visit v, Optional<String> network) {
        boolean foreign = !v.card.iccid().isJapanese();
        NetworkReply.Source agreed = v.route.query().orElseThrow().source();
        return routes.match(v.card.iccid().digits(), network)
                .filter(r -> r.query().map(q -> q.source() == agreed).orElse(false))
                .filter(r -> !r.asks(foreign) || v.route.asks(foreign))
                .orElse(v.route);
    }

    private void unanswered(NetworkError why) {
        log.info("Network gave no balance: {}", why);
        boolean retry = why != NetworkError.REGISTRATION_DENIED && why != NetworkError.SIM_NOT_READY;
        host.show(new NetworkUnanswered(why, retry));
    }
}
