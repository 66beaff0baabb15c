package com.simkiosk.kiosk.flow;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.SimProof;
import com.simkiosk.carrier.gba.BootstrapResult;
import com.simkiosk.carrier.gba.GbaBootstrap;
import com.simkiosk.carrier.gba.Impi;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIM proves itself to its carrier (issue 16): EF.IMSI → IMPI (MNC length from EF.AD) → GBA bootstrapping with
 * the carrier's BSF, the card answering with {@code AUTHENTICATE} → the line looked up with the B-TID, which the
 * back end checks belongs to this ICCID's SIM. The session flow calls {@link #check} on its carrier executor and
 * only turns the {@link Outcome} into screens.
 *
 * <p>Offered when the back end serving the SIM has a {@code bsfUrl}, the card is a UICC and the reader can reach
 * its USIM. RES goes to the BSF only; CK and IK stay in the card's {@link AkaResult.Success}, which the bootstrap
 * wipes; nothing here logs the IMSI, the B-TID's secret part or any key.
 */
public final class SimCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimCheck.class);
    static final Duration BSF_CONNECT = Duration.ofSeconds(2);

    /** What the check found; only {@link Confirmed} proves the line. */
    public sealed interface Outcome {
        /** The carrier checked the SIM's answer and the line is the ICCID's: the line carries the proof. */
        record Confirmed(Line line, boolean resynchronised) implements Outcome {}

        /**
         * The card is not the one the carrier issued (MAC failure: a clone or a forgery), or the carrier refused the
         * proof for this ICCID. Said the same whether or not the ICCID exists.
         */
        record NotConfirmed(String why) implements Outcome {}

        /** The PIN that was to unlock the card for AUTHENTICATE was wrong; {@code triesLeft} on the card. */
        record WrongPin(int triesLeft) implements Outcome {}

        /** No check possible (2G SIM, no BSF reachable, card trouble, PIN not usable): the other methods. */
        record Unavailable(String why) implements Outcome {}
    }

    private final SimReader reader;
    private final CarrierBackend carrier;
    private final Duration exchangeDeadline;
    private final Map<URI, GbaBootstrap> clients = new HashMap<>();

    /** {@code exchangeDeadline} bounds the HTTP side of one bootstrapping (the card's time is not counted). */
    public SimCheck(SimReader reader, CarrierBackend carrier, Duration exchangeDeadline) {
        this.reader = reader;
        this.carrier = carrier;
        this.exchangeDeadline = exchangeDeadline;
    }

    /** The back end's settings for this SIM ({@link SimAuthPolicy#DEFAULT} when nothing is configured). */
    public SimAuthPolicy policy(CardIdentity card) {
        Optional<SimAuthPolicy> policy = carrier.simAuthPolicy(card.iccid());
        return policy == null ? SimAuthPolicy.DEFAULT : policy.orElse(SimAuthPolicy.DEFAULT);
    }

    /**
     * Whether this card can prove itself here: a BSF for its carrier, a UICC, and a reader that may reach its USIM
     * (the in-memory reader knows its plain demo cards have none).
     */
    public boolean offered(CardIdentity card) {
        return reader instanceof UsimAccess usim && card.type() == CardType.UICC && usim.mayReachUsim(card.reader())
                && policy(card).bsfUrl().isPresent();
    }

    /** Whether the SIM PIN alone may prove this SIM's line (the back end's {@code simPinIsProof}). */
    public boolean pinIsProof(CardIdentity card) {
        return policy(card).simPinIsProof();
    }

    /**
     * Runs the whole check; blocks (card + BSF + one lookup). {@code pin} unlocks the card when PIN1 is enabled;
     * the card side never spends the last try. A carrier failure of the lookup is thrown as is.
     */
    public Outcome check(CardIdentity card, Optional<String> pin) throws CarrierException {
        Optional<URI> bsf = policy(card).bsfUrl();
        if (!(reader instanceof UsimAccess usim) || bsf.isEmpty()) {
            return new Outcome.Unavailable("no SIM check for this card here");
        }
        // EF.IMSI and AUTHENTICATE in one card session where the reader can (issue 17), the BSF's challenge between.
        CardPart part = usim.withImsi(card.reader(), pin, (imsi, authenticate) -> {
            if (imsi instanceof ImsiResult.Unavailable unavailable) {
                return new CardPart(Optional.of(cardNotAsked(unavailable.why())), null);
            }
            ImsiResult.Read read = (ImsiResult.Read) imsi;
            Impi impi = Impi.fromImsi(read.imsi(), read.mncLength());
            return new CardPart(Optional.empty(), client(bsf.get()).bootstrap(impi, authenticate));
        });
        if (part.notAsked().isPresent()) {
            return part.notAsked().get();
        }
        BootstrapResult result = part.bootstrap();
        log.info("SIM check of {}: {}", card.iccid(), result);
        if (result instanceof BootstrapResult.Bootstrapped ok) {
            return lookUp(card, ok);
        }
        if (result instanceof BootstrapResult.MacFailure) {
            return new Outcome.NotConfirmed("the card refused the carrier's challenge (MAC failure)");
        }
        if (result instanceof BootstrapResult.CardNotAsked notAsked) {
            return cardNotAsked(notAsked.why());
        }
        if (result instanceof BootstrapResult.Failed failed && failed.error() == CarrierError.UNAUTHORIZED) {
            // The BSF refused the card's answer: fail closed, as for a MAC failure.
            return new Outcome.NotConfirmed("the BSF refused the card's answer");
        }
        return new Outcome.Unavailable(result instanceof BootstrapResult.NotSupported ns ? ns.reason()
                : "the BSF exchange failed (" + ((BootstrapResult.Failed) result).error() + ")");
    }

    /** The card's part of the check: why the card could not be asked, or the bootstrapping's result. */
    private record CardPart(Optional<Outcome> notAsked, BootstrapResult bootstrap) {}

    /** The B-TID goes with the lookup: a back end that finds it is not this ICCID's SIM refuses (403). */
    private Outcome lookUp(CardIdentity card, BootstrapResult.Bootstrapped ok) throws CarrierException {
        try {
            Line line = carrier.findLineByIccid(card.iccid(), new SimProof(ok.btid(), ok.lifetime()));
            return new Outcome.Confirmed(line, ok.resynchronised());
        } catch (CarrierException e) {
            if (e.error() == CarrierError.UNAUTHORIZED || e.error() == CarrierError.NOT_FOUND) {
                // Not this ICCID's SIM, or no such ICCID: one answer for both.
                return new Outcome.NotConfirmed("the carrier did not accept the proof for this SIM");
            }
            throw e;
        }
    }

    private static Outcome cardNotAsked(AkaResult why) {
        if (why instanceof AkaResult.PinNotVerified p && p.attempt().isPresent()
                && p.attempt().get() instanceof PinResult.Wrong wrong) {
            return new Outcome.WrongPin(wrong.triesLeft());
        }
        return new Outcome.Unavailable(why instanceof AkaResult.NotSupported ns ? ns.reason()
                : "the card could not be asked (" + why.getClass().getSimpleName() + ")");
    }

    /** One HTTP client per BSF, kept for the kiosk's life (connections are reused between customers). */
    private GbaBootstrap client(URI bsf) {
        synchronized (clients) {
            return clients.computeIfAbsent(bsf, url -> new GbaBootstrap(url, BSF_CONNECT, exchangeDeadline));
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.values().forEach(GbaBootstrap::close);
            clients.clear();
        }
    }
}
