package com.simkiosk.carrier.tmf;

import com.simkiosk.carrier.CarrierError;
import java.util.Map;
import java.util.Optional;

/** HTTP status + CAMARA/TMF error code → the kiosk's classification, in one table. */
final class ErrorCodes {
    // docs/carrier-api.md §1.2, §4, §5, §9: the CAMARA/TMF code decides where there is one, the status otherwise.
    private static final Map<String, CarrierError> BY_CODE = Map.ofEntries(
            Map.entry("ONE_TIME_PASSWORD_SMS.INVALID_OTP", CarrierError.OTP_INVALID),
            Map.entry("ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED", CarrierError.OTP_VERIFICATION_FAILED),
            Map.entry("ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED", CarrierError.OTP_EXPIRED),
            Map.entry("ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED", CarrierError.OTP_MAX_CODES_EXCEEDED),
            Map.entry("INVALID_ARGUMENT", CarrierError.BAD_RESPONSE),
            Map.entry("UNAUTHENTICATED", CarrierError.UNAUTHORIZED),
            Map.entry("PERMISSION_DENIED", CarrierError.UNAUTHORIZED),
            Map.entry("VERIFICATION_REQUIRED", CarrierError.UNAUTHORIZED),
            Map.entry("NOT_FOUND", CarrierError.NOT_FOUND),
            Map.entry("IDENTIFIER_NOT_FOUND", CarrierError.NOT_FOUND),
            Map.entry("UNKNOWN_OFFERING", CarrierError.NOT_FOUND),
            Map.entry("LINE_NOT_ACTIVE", CarrierError.NOT_SUPPORTED),
            Map.entry("IDEMPOTENCY_KEY_REUSED", CarrierError.BAD_RESPONSE),
            Map.entry("IDEMPOTENCY_KEY_IN_USE", CarrierError.UNAVAILABLE),
            Map.entry("TOO_MANY_REQUESTS", CarrierError.RATE_LIMITED),
            Map.entry("INTERNAL", CarrierError.UNAVAILABLE),
            Map.entry("UNAVAILABLE", CarrierError.UNAVAILABLE));

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
