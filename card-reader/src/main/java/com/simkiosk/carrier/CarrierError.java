package com.simkiosk.carrier;

/** Every way the carrier back end can fail, classified for the kiosk. */
public enum CarrierError {
    NOT_FOUND,
    /** The back end does not serve this line at all, e.g. a foreign SIM. */
    NOT_SUPPORTED,
    UNAVAILABLE,
    RATE_LIMITED,
    UNAUTHORIZED,
    BAD_RESPONSE,
    TIMEOUT,
    /** CAMARA ONE_TIME_PASSWORD_SMS.INVALID_OTP: wrong code, more tries allowed. */
    OTP_INVALID,
    /** CAMARA ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED: too many wrong codes for this code. */
    OTP_VERIFICATION_FAILED,
    /** CAMARA ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED. */
    OTP_EXPIRED,
    /** CAMARA ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED: too many codes sent to this number. */
    OTP_MAX_CODES_EXCEEDED,
    /**
     * CAMARA ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED / PHONE_NUMBER_BLOCKED: the carrier will not send codes
     * to this number (business reasons, blocked, SMS not supported); the customer can use their SIM or ask the carrier.
     */
    NUMBER_CANNOT_GET_CODES,
    /** A registered detail (identity document, order number) did not match. */
    DETAIL_MISMATCH
}
