package com.simkiosk.carrier.tmf;

import com.simkiosk.carrier.CarrierError;
import java.util.Map;
import java.util.Optional;

/** HTTP status + CAMARA/TMF error code → the kiosk's classification, in one table. */
final class ErrorCodes {
    private static final Map<String, CarrierError> BY_CODE = Map.of(
            "ONE_TIME_PASSWORD_SMS.INVALID_OTP", CarrierError.OTP_INVALID,
            "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED", CarrierError.OTP_VERIFICATION_FAILED,
            "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED", CarrierError.OTP_EXPIRED,
            "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED", CarrierError.OTP_MAX_CODES_EXCEEDED,
            "TOO_MANY_REQUESTS", CarrierError.RATE_LIMITED,
            "QUOTA_EXCEEDED", CarrierError.RATE_LIMITED,
            "UNAUTHENTICATED", CarrierError.UNAUTHORIZED,
            "PERMISSION_DENIED", CarrierError.UNAUTHORIZED,
            "NOT_FOUND", CarrierError.NOT_FOUND,
            "IDENTIFIER_NOT_FOUND", CarrierError.NOT_FOUND);

    private ErrorCodes() {}

    static CarrierError classify(int status, Optional<String> code) {
        Optional<CarrierError> byCode = code.map(BY_CODE::get);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        return switch (status) {
            case 401, 403 -> CarrierError.UNAUTHORIZED;
            case 404, 410 -> CarrierError.NOT_FOUND;
            case 408, 504 -> CarrierError.TIMEOUT;
            case 429 -> CarrierError.RATE_LIMITED;
            default -> status >= 500 ? CarrierError.UNAVAILABLE : CarrierError.BAD_RESPONSE;
        };
    }

    /** A message for logs and operators: what happened, never whose line it was. */
    static String message(CarrierError error, String backend, int status) {
        String what = switch (error) {
            case OTP_INVALID -> "the code is not right";
            case OTP_VERIFICATION_FAILED -> "too many wrong codes; ask for a new code";
            case OTP_EXPIRED -> "the code has expired; ask for a new code";
            case OTP_MAX_CODES_EXCEEDED -> "too many codes sent to this number; try again later";
            case RATE_LIMITED -> "too many requests; try again shortly";
            case UNAVAILABLE -> "service unavailable; try again shortly";
            case UNAUTHORIZED -> "the kiosk is not authorised";
            case NOT_FOUND -> "not found";
            case TIMEOUT -> "no answer in time";
            case DETAIL_MISMATCH -> "the registered detail does not match";
            case NOT_SUPPORTED -> "not supported";
            case BAD_RESPONSE -> "unexpected answer";
        };
        return "carrier " + backend + ": " + what + " (HTTP " + status + ")";
    }
}
