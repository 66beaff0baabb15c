package com.simkiosk.carrier.tmf;

import com.simkiosk.carrier.CarrierError;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP status + CAMARA/TMF error code → the kiosk's classification, one table per API family (the same code can
 * mean different things in two documents). Every code of the CAMARA OTP SMS v1.1.1 and KYC Match v0.3.0 documents
 * and of CAMARA_common is listed; {@code ErrorCodesTest} reads the documents and fails on a code without an entry.
 * The table with what the customer is told is in docs/carrier-client.md ("Error codes").
 */
final class ErrorCodes {
    /** CAMARA_common r2.3 generic codes, for every CAMARA API unless the API's own table says otherwise. */
    private static final Map<String, CarrierError> CAMARA_COMMON = Map.ofEntries(
            // 400, 405, 406, 412, 415: the kiosk sent something the carrier cannot take, a kiosk bug
            Map.entry("INVALID_ARGUMENT", CarrierError.BAD_RESPONSE),
            Map.entry("OUT_OF_RANGE", CarrierError.BAD_RESPONSE),
            Map.entry("METHOD_NOT_ALLOWED", CarrierError.BAD_RESPONSE),
            Map.entry("NOT_ACCEPTABLE", CarrierError.BAD_RESPONSE),
            Map.entry("FAILED_PRECONDITION", CarrierError.BAD_RESPONSE),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", CarrierError.BAD_RESPONSE),
            // 401 (after one fresh token), 403: the kiosk's credentials or scope
            Map.entry("UNAUTHENTICATED", CarrierError.UNAUTHORIZED),
            Map.entry("AUTHENTICATION_REQUIRED", CarrierError.UNAUTHORIZED),
            Map.entry("PERMISSION_DENIED", CarrierError.UNAUTHORIZED),
            Map.entry("INVALID_TOKEN_CONTEXT", CarrierError.UNAUTHORIZED),
            // 404, 410
            Map.entry("NOT_FOUND", CarrierError.NOT_FOUND),
            Map.entry("IDENTIFIER_NOT_FOUND", CarrierError.NOT_FOUND),
            Map.entry("GONE", CarrierError.NOT_FOUND),
            // 409: a concurrent change may pass when tried again; a duplicate will not
            Map.entry("ABORTED", CarrierError.UNAVAILABLE),
            Map.entry("ALREADY_EXISTS", CarrierError.BAD_RESPONSE),
            Map.entry("CONFLICT", CarrierError.BAD_RESPONSE),
            // 422: identifiers. The kiosk sends exactly one (phoneNumber, or the productId extension).
            Map.entry("IDENTIFIER_MISMATCH", CarrierError.BAD_RESPONSE),
            Map.entry("SERVICE_NOT_APPLICABLE", CarrierError.NOT_SUPPORTED),
            Map.entry("MISSING_IDENTIFIER", CarrierError.BAD_RESPONSE),
            Map.entry("UNSUPPORTED_IDENTIFIER", CarrierError.NOT_SUPPORTED),
            Map.entry("UNNECESSARY_IDENTIFIER", CarrierError.BAD_RESPONSE),
            // 429
            Map.entry("QUOTA_EXCEEDED", CarrierError.RATE_LIMITED),
            Map.entry("TOO_MANY_REQUESTS", CarrierError.RATE_LIMITED),
            // 5xx
            Map.entry("INTERNAL", CarrierError.UNAVAILABLE),
            Map.entry("NOT_IMPLEMENTED", CarrierError.NOT_SUPPORTED),
            Map.entry("BAD_GATEWAY", CarrierError.UNAVAILABLE),
            Map.entry("UNAVAILABLE", CarrierError.UNAVAILABLE),
            Map.entry("TIMEOUT", CarrierError.TIMEOUT));

    /** CAMARA One Time Password SMS v1.1.1. */
    private static final Map<String, CarrierError> OTP = with(CAMARA_COMMON, Map.of(
            "ONE_TIME_PASSWORD_SMS.INVALID_OTP", CarrierError.OTP_INVALID,
            "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED", CarrierError.OTP_VERIFICATION_FAILED,
            "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED", CarrierError.OTP_EXPIRED,
            "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED", CarrierError.OTP_MAX_CODES_EXCEEDED,
            "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED", CarrierError.NUMBER_CANNOT_GET_CODES,
            "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED", CarrierError.NUMBER_CANNOT_GET_CODES));

    /** CAMARA KYC Match v0.3.0. */
    private static final Map<String, CarrierError> KYC = with(CAMARA_COMMON, Map.of(
            "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION", CarrierError.BAD_RESPONSE,
            "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH", CarrierError.DETAIL_MISMATCH,
            // The carrier wants the document first: what was sent is not usable as one, so the customer retries.
            "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED", CarrierError.DETAIL_MISMATCH,
            // Sent for a line without a number (productId extension not taken): offer another method.
            "MISSING_IDENTIFIER", CarrierError.NOT_SUPPORTED));

    /** TMF630 leaves {@code code} to the implementer: CAMARA's generic names and this project's (docs/carrier-api.md). */
    private static final Map<String, CarrierError> TMF = with(CAMARA_COMMON, Map.of(
            "VERIFICATION_REQUIRED", CarrierError.UNAUTHORIZED,
            "UNKNOWN_OFFERING", CarrierError.NOT_FOUND,
            "LINE_NOT_ACTIVE", CarrierError.NOT_SUPPORTED));

    private ErrorCodes() {}

    private static Map<String, CarrierError> with(Map<String, CarrierError> common, Map<String, CarrierError> own) {
        Map<String, CarrierError> all = new HashMap<>(common);
        all.putAll(own);
        return Map.copyOf(all);
    }

    /** What {@code code} means in the documents of {@code family}; empty for a code they do not name. */
    static Optional<CarrierError> byCode(ApiFamily family, String code) {
        Map<String, CarrierError> table = switch (family) {
            case OTP -> OTP;
            case KYC -> KYC;
            case TMF -> TMF;
        };
        return Optional.ofNullable(table.get(code));
    }

    /** The code decides where the family's table has it, the status otherwise. */
    static CarrierError classify(ApiFamily family, int status, Optional<String> code) {
        Optional<CarrierError> byCode = code.flatMap(c -> byCode(family, c));
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

    /**
     * A code that points at the kiosk's configuration rather than at the customer, for a warning operators see:
     * KYC Match answers MISSING_IDENTIFIER when it does not take the {@code productId} extension for a line
     * without a number.
     */
    static Optional<String> configurationProblem(ApiFamily family, String code) {
        if (family == ApiFamily.KYC && code.equals("MISSING_IDENTIFIER")) {
            return Optional.of("KYC Match needs a phone number: this carrier does not take the productId extension;"
                    + " list no ID_DOCUMENT/ORDER_NUMBER for its lines without a number");
        }
        return Optional.empty();
    }

    /** A message for logs and operators: what happened, never whose line it was. */
    static String message(CarrierError error, String backend, int status) {
        String what = switch (error) {
            case OTP_INVALID -> "the code is not right";
            case OTP_VERIFICATION_FAILED -> "too many wrong codes; ask for a new code";
            case OTP_EXPIRED -> "the code has expired; ask for a new code";
            case OTP_MAX_CODES_EXCEEDED -> "too many codes sent to this number; try again later";
            case NUMBER_CANNOT_GET_CODES -> "this number cannot receive codes";
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
