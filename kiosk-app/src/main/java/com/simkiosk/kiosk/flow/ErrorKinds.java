package com.simkiosk.kiosk.flow;

import com.simkiosk.card.CardError;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;

/** What the customer is told when the card or the carrier fails: the one mapping from their errors to {@link ErrorKind}. */
final class ErrorKinds {

    private ErrorKinds() {}

    /** The carrier's error in a failure; anything that is not a carrier answer counts as a bad response. */
    static CarrierError carrierError(Exception failure) {
        return failure instanceof CarrierException e ? e.error() : CarrierError.BAD_RESPONSE;
    }

    static ErrorKind ofCarrier(CarrierError error) {
        return switch (error) {
            case NOT_FOUND, NOT_SUPPORTED -> ErrorKind.NOT_FOUND;
            case OTP_INVALID, OTP_VERIFICATION_FAILED, OTP_MAX_CODES_EXCEEDED, DETAIL_MISMATCH -> ErrorKind.TOO_MANY_TRIES;
            case OTP_EXPIRED -> ErrorKind.CODE_EXPIRED;
            case NUMBER_CANNOT_GET_CODES -> ErrorKind.NUMBER_CANNOT_GET_CODES;
            case UNAVAILABLE, RATE_LIMITED, UNAUTHORIZED, BAD_RESPONSE, TIMEOUT -> ErrorKind.BACKEND_DOWN;
        };
    }

    static ErrorKind ofCard(CardError error) {
        return switch (error) {
            case NOT_A_SIM, CARD_MUTE -> ErrorKind.NOT_A_SIM;
            case CARD_REMOVED -> ErrorKind.CARD_REMOVED;
            case TIMEOUT -> ErrorKind.CARD_TIMEOUT;
            case NO_READER, PCSC_UNAVAILABLE, READER_SILENT, READER_GARBLED, SHARING_VIOLATION -> ErrorKind.READER_PROBLEM;
        };
    }

    /** For logs: which kind of failure, never its personal details. */
    static String describe(Exception e) {
        return e instanceof CarrierException ? "carrier" : e.getClass().getSimpleName();
    }
}
