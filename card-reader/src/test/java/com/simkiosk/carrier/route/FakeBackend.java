package com.simkiosk.carrier.route;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.TestTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An in-memory carrier for router tests: knows some SIMs and numbers, accepts code "123456" for its numbers. */
final class FakeBackend implements CarrierBackend {
    final String name;
    final Map<String, Line> byIccid = new ConcurrentHashMap<>();
    final Map<String, Line> byNumber = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, Msisdn> sentTo = new ConcurrentHashMap<>();
    volatile CarrierError failWith;
    volatile CountDownLatch hangUntil;

    FakeBackend(String name) {
        this.name = name;
    }

    FakeBackend sim(String iccid) {
        byIccid.put(iccid, line(name + "-" + iccid.substring(iccid.length() - 4), Optional.empty()));
        return this;
    }

    FakeBackend number(String e164) {
        byNumber.put(e164, line(name + "-" + e164.substring(e164.length() - 4), Optional.of(new Msisdn(e164))));
        return this;
    }

    private Line line(String id, Optional<Msisdn> msisdn) {
        return new Line(id, LineStatus.ACTIVE, "plan", name, msisdn, List.of(VerificationMethod.SMS_CODE));
    }

    private void call(String what) throws CarrierException {
        calls.add(what);
        CountDownLatch hang = hangUntil;
        if (hang != null) {
            try {
                hang.await(TestTime.scaled(10), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierException(CarrierError.UNAVAILABLE, "interrupted");
            }
        }
        if (failWith != null) {
            throw new CarrierException(failWith, name + " fails");
        }
    }

    @Override
    public Line findLineByIccid(Iccid iccid) throws CarrierException {
        call("findLineByIccid");
        return Optional.ofNullable(byIccid.get(iccid.digits())).orElseThrow(() -> new CarrierException(CarrierError.NOT_FOUND, "nf"));
    }

    @Override
    public Line findLineByNumber(Msisdn number) throws CarrierException {
        call("findLineByNumber");
        return Optional.ofNullable(byNumber.get(number.e164())).orElseThrow(() -> new CarrierException(CarrierError.NOT_FOUND, "nf"));
    }

    @Override
    public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
        call("sendCode");
        String id = name + "-otp-" + sentTo.size();
        sentTo.put(id, number);
        return new OtpChallenge(id, Instant.parse("2026-11-26T10:00:30Z"));
    }

    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        call("validateCode");
        Msisdn to = sentTo.get(challenge.authenticationId());
        if (to == null || !byNumber.containsKey(to.e164()) || !code.equals("123456")) {
            throw new CarrierException(CarrierError.OTP_INVALID, "wrong");
        }
    }

    @Override
    public void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException {
        call("verifyRegisteredDetail");
    }

    @Override
    public Balance balance(Line line) throws CarrierException {
        call("balance");
        return new Balance(name.length(), 0, 0, 0, Optional.empty(), List.of());
    }

    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        call("dailyUsage");
        return List.of();
    }

    @Override
    public List<TopUpOffer> topUpOffers(Line line) throws CarrierException {
        call("topUpOffers");
        return List.of();
    }

    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String idempotencyKey) throws CarrierException {
        call("orderTopUp");
        return new TopUpOrder("o", offer.id(), 0, "c", Instant.EPOCH);
    }
}
