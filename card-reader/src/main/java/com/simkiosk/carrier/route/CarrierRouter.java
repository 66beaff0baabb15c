package com.simkiosk.carrier.route;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.SimProof;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several carrier back ends behind one {@link CarrierBackend}.
 *
 * <ul>
 *   <li>A SIM goes to the back end whose ICCID issuer prefix matches (longest prefix wins); a Japanese SIM with an
 *       unknown prefix goes to the default (an aggregator, usually); a foreign SIM is {@code NOT_SUPPORTED} at once,
 *       without a network call.</li>
 *   <li>A phone number may have moved carrier (number portability), so it goes to the aggregator if there is one.
 *       Else (docs/carrier-api.md §10) the SMS code is requested from every back end in parallel — each answers
 *       alike, only the owner sends an SMS — and checked at every back end; the one that accepts it owns the
 *       number. A number lookup that is not remembered asks every back end in parallel and takes the one that
 *       finds it. Every fan-out is bounded by {@code fanOutBound}.</li>
 *   <li>Everything about a {@link Line} afterwards goes to the back end that found it.</li>
 * </ul>
 */
public final class CarrierRouter implements CarrierBackend, AutoCloseable {
    /** Lines and challenges remembered for routing: enough for the sessions in flight, not a history. */
    static final int REMEMBERED = 64;

    private static final Logger log = LoggerFactory.getLogger(CarrierRouter.class);

    private static final List<CarrierError> FAN_OUT_PRIORITY = List.of(
            CarrierError.OTP_VERIFICATION_FAILED, CarrierError.OTP_EXPIRED, CarrierError.OTP_MAX_CODES_EXCEEDED,
            CarrierError.NUMBER_CANNOT_GET_CODES,
            CarrierError.RATE_LIMITED, CarrierError.UNAUTHORIZED, CarrierError.TIMEOUT, CarrierError.UNAVAILABLE,
            CarrierError.BAD_RESPONSE, CarrierError.NOT_SUPPORTED, CarrierError.OTP_INVALID, CarrierError.NOT_FOUND);

    private final List<CarrierRoute> routes;
    private final Optional<CarrierRoute> aggregator;
    private final ExecutorService executor;
    private final FanOut fanOut;
    private final Map<String, CarrierRoute> byLineId = lru();
    private final Map<String, SentCode> byChallenge = lru();
    private final Map<String, CarrierRoute> byNumber = lru();

    /**
     * @param routes            back ends with the ICCID prefixes they serve
     * @param aggregator        asked for unknown Japanese prefixes and for every phone number, when present
     * @param fanOutBound       how long asking every back end about a number may take, when there is no aggregator
     */
    public CarrierRouter(List<CarrierRoute> routes, Optional<CarrierRoute> aggregator, Duration fanOutBound) {
        this.routes = List.copyOf(routes);
        if (this.routes.isEmpty() && aggregator.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one back end");
        }
        this.aggregator = aggregator;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "carrier-router-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.fanOut = new FanOut(executor, Objects.requireNonNull(fanOutBound, "fanOutBound"));
    }

    @Override
    public Line findLineByIccid(Iccid iccid) throws CarrierException {
        CarrierRoute route = routeFor(iccid);
        return found(route, route.backend().findLineByIccid(iccid));
    }

    @Override
    public Line findLineByIccid(Iccid iccid, SimProof proof) throws CarrierException {
        CarrierRoute route = routeFor(iccid);
        return found(route, route.backend().findLineByIccid(iccid, proof));
    }

    /** The policy of the back end that serves this SIM; empty when none does. */
    @Override
    public Optional<SimAuthPolicy> simAuthPolicy(Iccid iccid) {
        try {
            return routeFor(iccid).backend().simAuthPolicy(iccid);
        } catch (CarrierException noRoute) {
            return Optional.empty();
        }
    }

    /** The back end this SIM is routed to ({@link #routeFor}): by its issuer prefix, else the aggregator. */
    @Override
    public Optional<String> servedBy(Iccid iccid) {
        try {
            return Optional.of(routeFor(iccid).name());
        } catch (CarrierException noRoute) {
            return Optional.empty();
        }
    }

    /** The back end that found this line, by ICCID or by number; empty for a line not looked up here (or forgotten). */
    @Override
    public Optional<String> servedBy(Line line) {
        return recall(byLineId, line.id()).map(CarrierRoute::name);
    }

    private CarrierRoute routeFor(Iccid iccid) throws CarrierException {
        if (!iccid.isJapanese()) {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "SIM from " + iccid.country() + " is not served here");
        }
        Optional<CarrierRoute> byPrefix = routes.stream()
                .flatMap(r -> r.iccidPrefixes().stream().filter(iccid.digits()::startsWith).map(p -> Map.entry(p, r)))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
        if (byPrefix.isPresent()) {
            log.debug("SIM {} → {}", iccid, byPrefix.get().name());
            return byPrefix.get();
        }
        if (aggregator.isPresent()) {
            log.debug("SIM {} → {} (no back end for prefix)", iccid, aggregator.get().name());
            return aggregator.get();
        }
        throw new CarrierException(CarrierError.NOT_SUPPORTED, "no back end serves SIMs of issuer " + iccid.issuerPrefix());
    }

    @Override
    public Line findLineByNumber(Msisdn number) throws CarrierException {
        Optional<CarrierRoute> known = recall(byNumber, number.e164()).or(() -> aggregator).or(this::onlyRoute);
        if (known.isPresent()) {
            return found(known.get(), known.get().backend().findLineByNumber(number));
        }
        FanOut.Replies<Line> replies = fanOut.ask(routes, r -> r.backend().findLineByNumber(number), true);
        if (!replies.answers().isEmpty()) {
            Map.Entry<CarrierRoute, Line> first = replies.answers().entrySet().iterator().next();
            remember(byNumber, number.e164(), first.getKey());
            return found(first.getKey(), first.getValue());
        }
        throw worst(replies);
    }

    /**
     * Without an aggregator every back end is asked to send the code: each answers alike, and only the one that
     * serves the number sends an SMS. The caller gets one challenge that stands for all of them.
     */
    @Override
    public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
        Optional<CarrierRoute> single = aggregator.or(this::onlyRoute);
        if (single.isPresent()) {
            OtpChallenge challenge = single.get().backend().sendCode(number, smsMessage);
            remember(byChallenge, challenge.authenticationId(), new SentCode(number, Map.of(single.get(), challenge)));
            return challenge;
        }
        FanOut.Replies<OtpChallenge> replies = fanOut.ask(routes, r -> r.backend().sendCode(number, smsMessage), false);
        if (replies.answers().isEmpty()) {
            throw worst(replies);
        }
        if (!replies.failures().isEmpty() || !replies.allAnswered()) {
            log.warn("number {}: code requested, but {} back end(s) failed and {} did not answer",
                    number, replies.failures().size(), replies.unanswered());
        }
        OtpChallenge combined = new OtpChallenge(UUID.randomUUID().toString(), replies.answers().values().stream()
                .map(OtpChallenge::resendAllowedAt).max(Comparator.naturalOrder()).orElseThrow());
        remember(byChallenge, combined.authenticationId(), new SentCode(number, Map.copyOf(replies.answers())));
        return combined;
    }

    /** Checks the code where it was requested; the back end that accepts it owns the number from now on. */
    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        SentCode sent = recall(byChallenge, challenge.authenticationId()).orElseThrow(
                () -> new CarrierException(CarrierError.OTP_EXPIRED, "this code is no longer known; ask for a new one"));
        if (sent.challenges().size() == 1) {
            Map.Entry<CarrierRoute, OtpChallenge> only = sent.challenges().entrySet().iterator().next();
            only.getKey().backend().validateCode(only.getValue(), code);
            remember(byNumber, sent.number().e164(), only.getKey());
            return;
        }
        FanOut.Replies<Boolean> replies = fanOut.ask(List.copyOf(sent.challenges().keySet()), route -> {
            route.backend().validateCode(sent.challenges().get(route), code);
            return Boolean.TRUE;
        }, true);
        if (replies.answers().isEmpty()) {
            throw worst(replies);
        }
        CarrierRoute owner = replies.answers().keySet().iterator().next();
        log.debug("number {} verified at {}", sent.number(), owner.name());
        remember(byNumber, sent.number().e164(), owner);
    }

    /** A code requested through the router: for which number, and each back end's own challenge. */
    private record SentCode(Msisdn number, Map<CarrierRoute, OtpChallenge> challenges) {}

    /**
     * What to tell the kiosk when no back end answered. A definite verdict on the customer (code used up,
     * expired, too many codes, unverified number) wins over a back end being down, which wins over "wrong code"
     * or "not found" — those may just mean "not this carrier", while the carrier that was down may be the owner.
     */
    private static CarrierException worst(FanOut.Replies<?> replies) {
        List<CarrierError> seen = new ArrayList<>(replies.failures().values());
        if (!replies.allAnswered()) {
            seen.add(CarrierError.TIMEOUT);
        }
        CarrierError error = FAN_OUT_PRIORITY.stream().filter(seen::contains).findFirst().orElse(CarrierError.NOT_FOUND);
        return new CarrierException(error, switch (error) {
            case TIMEOUT -> "not every carrier answered in time";
            case NOT_FOUND -> "no carrier knows this number";
            default -> "no carrier accepted the request (" + error + ")";
        });
    }

    private Optional<CarrierRoute> onlyRoute() {
        return routes.size() == 1 ? Optional.of(routes.get(0)) : Optional.empty();
    }

    private Line found(CarrierRoute route, Line line) {
        remember(byLineId, line.id(), route);
        return line;
    }

    @Override
    public void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException {
        routeOf(line).backend().verifyRegisteredDetail(line, method, value);
    }

    @Override
    public Balance balance(Line line) throws CarrierException {
        return routeOf(line).backend().balance(line);
    }

    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        return routeOf(line).backend().dailyUsage(line, fromDayJst);
    }

    @Override
    public List<TopUpOffer> topUpOffers(Line line) throws CarrierException {
        return routeOf(line).backend().topUpOffers(line);
    }

    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String idempotencyKey) throws CarrierException {
        return routeOf(line).backend().orderTopUp(line, offer, idempotencyKey);
    }

    private CarrierRoute routeOf(Line line) throws CarrierException {
        return recall(byLineId, line.id()).orElseThrow(() -> new CarrierException(CarrierError.NOT_FOUND,
                "this line was not looked up through the router; look it up again"));
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static <V> void remember(Map<String, V> map, String key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    private static <V> Optional<V> recall(Map<String, V> map, String key) {
        synchronized (map) {
            return Optional.ofNullable(map.get(key));
        }
    }

    /** Forgets what this router remembered about numbers and lines (the kiosk calls it when a session resets). */
    public void forgetSessions() {
        for (Map<String, ?> map : List.of(byLineId, byChallenge, byNumber)) {
            synchronized (map) {
                map.clear();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
