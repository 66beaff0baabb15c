package com.simkiosk.carrier;

import com.simkiosk.card.Iccid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk asks the carrier. Implemented over TM Forum / CAMARA HTTP APIs, and by a router
 * over several back ends. Every call is bounded in time and fails with a classified {@link CarrierException}.
 */
public interface CarrierBackend {

    /** TMF637 lookup by the SIM's ICCID. */
    Line findLineByIccid(Iccid iccid) throws CarrierException;

    /**
     * TMF637 lookup by the SIM's ICCID, with the proof that this SIM bootstrapped with the carrier: the back end
     * checks that the B-TID's SIM is the line's ({@code X-GBA-BTID}), so an ICCID copied onto another card does not
     * pass. The line carries the proof for the calls that follow. A refusal is {@link CarrierError#UNAUTHORIZED}.
     */
    default Line findLineByIccid(Iccid iccid, SimProof proof) throws CarrierException {
        return findLineByIccid(iccid).withSimProof(proof);
    }

    /**
     * What the configuration of the back end serving this SIM says about SIM authentication; empty = nothing
     * configured ({@link SimAuthPolicy#DEFAULT}).
     */
    default Optional<SimAuthPolicy> simAuthPolicy(Iccid iccid) {
        return Optional.empty();
    }

    /**
     * The configured name of the back end that serves this line (the one that found it), for what the kiosk shows
     * about the customer's own carrier (its support contact). Empty when not known, or when this is one back end.
     */
    default Optional<String> servedBy(Line line) {
        return Optional.empty();
    }

    /** The configured name of the back end that serves SIMs with this ICCID; empty when none does or not known. */
    default Optional<String> servedBy(Iccid iccid) {
        return Optional.empty();
    }

    /**
     * TMF637 lookup by phone number. The kiosk calls it only after {@link #validateCode} succeeded for that
     * number, so a customer learns nothing about numbers they cannot prove are theirs.
     */
    Line findLineByNumber(Msisdn number) throws CarrierException;

    /**
     * CAMARA OTP-SMS send-code. Answers the same for an unknown number as for a known one (no code is sent then,
     * and every code fails validation): no enumeration.
     */
    OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException;

    /** CAMARA OTP-SMS validate-code; returns normally when the code is right. */
    void validateCode(OtpChallenge challenge, String code) throws CarrierException;

    /** A registered detail (ID_DOCUMENT or ORDER_NUMBER) for a line whose SIM is in the reader. */
    void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException;

    /** TMF654 buckets, summed. */
    Balance balance(Line line) throws CarrierException;

    /** TMF635 usage since {@code fromDayJst}, one entry per day in Japan time. */
    List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException;

    /** TMF620 top-up offerings for this line. */
    List<TopUpOffer> topUpOffers(Line line) throws CarrierException;

    /**
     * TMF654 topupBalance paid at the register. {@code orderCorrelator} is the kiosk's own id for this order (1 to 64
     * of A-Z a-z 0-9 - _), sent as the TopupBalance's {@code externalId}: an order whose answer was lost is looked up
     * by it before being sent again, so one correlator never buys twice.
     */
    TopUpOrder orderTopUp(Line line, TopUpOffer offer, String orderCorrelator) throws CarrierException;
}
