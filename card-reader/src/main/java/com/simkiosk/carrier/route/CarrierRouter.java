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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 *   <li>A phone number may have moved carrier (number portability), so it goes to the aggregator if there is one,
 *       else every back end is asked in parallel, within {@code numberLookupBound}, and the one that knows it
 *       wins. The kiosk holds operator credentials, so this lookup happens before the code is sent — only the
 *       owning carrier sends it; an unknown number goes to the first back end, which answers like for a known one.</li>
 *   <li>Everything about a {@link Line} afterwards goes to the back end that found it.</li>
 * </ul>
 */
public final class CarrierRouter implements CarrierBackend, AutoCloseable {
    /** Lines and challenges remembered for routing: enough for the sessions in flight, not a history. */
    static final int REMEMBERED = 64;

    private static final Logger log = LoggerFactory.getLogger(CarrierRouter.class);

    private final List<CarrierRoute> routes;
    private final Optional<CarrierRoute> aggregator;
    private final Duration numberLookupBound;
    private final ExecutorService fanOut;
    private final Map<String, CarrierRoute> byLineId = lru();
    private final Map<String, CarrierRoute> byChallenge = lru();
    private final Map<String, CarrierRoute> byNumber = lru();

    /**
     * @param routes            back ends with the ICCID prefixes they serve
     * @param aggregator        asked for unknown Japanese prefixes and for every phone number, when present
     * @param numberLookupBound how long the parallel number lookup may take, when there is no aggregator
     */
    public CarrierRouter(List<CarrierRoute> routes, Optional<CarrierRoute> aggregator, Duration numberLookupBound) {
        this.routes = List.copyOf(routes);
        if (this.routes.isEmpty() && aggregator.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one back end");
        }
        this.aggregator = aggregator;
        this.numberLookupBound = Objects.requireNonNull(numberLookupBound, "numberLookupBound");
        AtomicInteger n = new AtomicInteger();
        this.fanOut = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "carrier-router-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Line findLineByIccid(Iccid iccid) throws CarrierException {
        CarrierRoute route = routeFor(iccid);
        Line line = route.backend().findLineByIccid(iccid);
        remember(byLineId, line.id(), route);
        return line;
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
        Optional<CarrierRoute> known = recall(byNumber, number.e164());
        CarrierRoute route = known.isPresent() ? known.get() : owner(number).orElseThrow(
                () -> new CarrierException(CarrierError.NOT_FOUND, "no back end knows this number"));
        Line line = route.backend().findLineByNumber(number);
        remember(byLineId, line.id(), route);
        return line;
    }

    @Override
    public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
        // An unknown number still gets an answer from a back end (which sends nothing): no enumeration.
        CarrierRoute route = owner(number).orElseGet(this::firstBackend);
        OtpChallenge challenge = route.backend().sendCode(number, smsMessage);
        remember(byChallenge, challenge.authenticationId(), route);
        remember(byNumber, number.e164(), route);
        return challenge;
    }

    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        CarrierRoute route = recall(byChallenge, challenge.authenticationId()).orElseThrow(
                () -> new CarrierException(CarrierError.OTP_EXPIRED, "this code is no longer known; ask for a new one"));
        route.backend().validateCode(challenge, code);
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

    /** The back end that knows this number: the aggregator, or the first of all back ends asked in parallel. */
    private Optional<CarrierRoute> owner(Msisdn number) throws CarrierException {
        if (aggregator.isPresent()) {
            return aggregator;
        }
        if (routes.size() == 1) {
            return Optional.of(routes.get(0));
        }
        ExecutorCompletionService<Optional<CarrierRoute>> asked = new ExecutorCompletionService<>(fanOut);
        List<Future<Optional<CarrierRoute>>> pending = new ArrayList<>();
        for (CarrierRoute route : routes) {
            pending.add(asked.submit(() -> {
                try {
                    route.backend().findLineByNumber(number);
                    return Optional.of(route);
                } catch (CarrierException e) {
                    if (e.error() != CarrierError.NOT_FOUND) {
                        throw e;
                    }
                    return Optional.empty();
                }
            }));
        }
        long deadline = System.nanoTime() + numberLookupBound.toNanos();
        CarrierError worst = null;
        try {
            for (int answered = 0; answered < pending.size(); answered++) {
                Future<Optional<CarrierRoute>> done = asked.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (done == null) {
                    log.info("number {}: not every back end answered within {} ms", number, numberLookupBound.toMillis());
                    throw new CarrierException(CarrierError.TIMEOUT, "not every carrier answered in time");
                }
                try {
                    Optional<CarrierRoute> found = done.get();
                    if (found.isPresent()) {
                        log.debug("number {} → {}", number, found.get().name());
                        return found;
                    }
                } catch (ExecutionException e) {
                    worst = e.getCause() instanceof CarrierException ce ? ce.error() : CarrierError.UNAVAILABLE;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier lookup cancelled");
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
        if (worst != null) {
            // Someone could not answer: "not found" would be a guess.
            throw new CarrierException(worst, "a carrier could not be asked about this number");
        }
        return Optional.empty();
    }

    private CarrierRoute firstBackend() {
        return routes.isEmpty() ? aggregator.orElseThrow() : routes.get(0);
    }

    private static Map<String, CarrierRoute> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CarrierRoute> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static void remember(Map<String, CarrierRoute> map, String key, CarrierRoute route) {
        synchronized (map) {
            map.put(key, route);
        }
    }

    private static Optional<CarrierRoute> recall(Map<String, CarrierRoute> map, String key) {
        synchronized (map) {
            return Optional.ofNullable(map.get(key));
        }
    }

    /** Forgets what this router remembered about numbers and lines (the kiosk calls it when a session resets). */
    public void forgetSessions() {
        for (Map<String, CarrierRoute> map : List.of(byLineId, byChallenge, byNumber)) {
            synchronized (map) {
                map.clear();
            }
        }
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
    }
}
