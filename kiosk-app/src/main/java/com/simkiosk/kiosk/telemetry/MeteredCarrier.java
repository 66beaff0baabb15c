package com.simkiosk.kiosk.telemetry;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One back end's client, timed: each call's latency goes to the {@code kiosk_backend_calls} histogram under the
 * back end's configured name, the operation and OK or the carrier error, and its outcome to {@link BackendStates}.
 * The arguments are passed through untouched and never looked at.
 */
public final class MeteredCarrier implements CarrierBackend {
    /** Errors that say the back end is unwell, not that the customer's answer was wrong. */
    private static final Set<CarrierError> OUTAGES = Set.of(CarrierError.UNAVAILABLE, CarrierError.TIMEOUT,
            CarrierError.BAD_RESPONSE, CarrierError.UNAUTHORIZED, CarrierError.RATE_LIMITED);

    private final String name;
    private final CarrierBackend inner;
    private final KioskMetrics metrics;
    private final BackendStates states;

    public MeteredCarrier(String name, CarrierBackend inner, KioskMetrics metrics, BackendStates states) {
        this.name = name;
        this.inner = inner;
        this.metrics = metrics;
        this.states = states;
        states.known(name);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws CarrierException;
    }

    private <T> T timed(String operation, Call<T> call) throws CarrierException {
        long start = System.nanoTime();
        try {
            T value = call.run();
            metrics.backendCall(name, operation, "OK", Duration.ofNanos(System.nanoTime() - start));
            states.answered(name);
            return value;
        } catch (CarrierException e) {
            metrics.backendCall(name, operation, e.error().name(), Duration.ofNanos(System.nanoTime() - start));
            if (OUTAGES.contains(e.error())) {
                states.failed(name, e.error());
            } else {
                states.answered(name);
            }
            throw e;
        }
    }

    @Override
    public Line findLineByIccid(Iccid iccid) throws CarrierException {
        return timed("findLineByIccid", () -> inner.findLineByIccid(iccid));
    }

    /** The proof must reach the client itself: it sends the B-TID with the look-up. */
    @Override
    public Line findLineByIccid(Iccid iccid, SimProof proof) throws CarrierException {
        return timed("findLineByIccid", () -> inner.findLineByIccid(iccid, proof));
    }

    /** The back end's SIM authentication settings (its BSF, whether the SIM PIN proves a line): not a call. */
    @Override
    public Optional<SimAuthPolicy> simAuthPolicy(Iccid iccid) {
        return inner.simAuthPolicy(iccid);
    }

    @Override
    public Line findLineByNumber(Msisdn number) throws CarrierException {
        return timed("findLineByNumber", () -> inner.findLineByNumber(number));
    }

    @Override
    public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
        return timed("sendCode", () -> inner.sendCode(number, smsMessage));
    }

    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        timed("validateCode", () -> {
            inner.validateCode(challenge, code);
            return null;
        });
    }

    @Override
    public void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException {
        timed("verifyRegisteredDetail", () -> {
            inner.verifyRegisteredDetail(line, method, value);
            return null;
        });
    }

    @Override
    public Balance balance(Line line) throws CarrierException {
        return timed("balance", () -> inner.balance(line));
    }

    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        return timed("dailyUsage", () -> inner.dailyUsage(line, fromDayJst));
    }

    @Override
    public List<TopUpOffer> topUpOffers(Line line) throws CarrierException {
        return timed("topUpOffers", () -> inner.topUpOffers(line));
    }

    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String orderCorrelator) throws CarrierException {
        return timed("orderTopUp", () -> inner.orderTopUp(line, offer, orderCorrelator));
    }
}
