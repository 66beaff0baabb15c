package com.simkiosk.carrier.tmf;

/**
 * Which published document a call belongs to. The same error code can mean different things in two documents, and
 * each CAMARA API names its own OAuth scope, so both are decided per family.
 */
enum ApiFamily {
    /** CAMARA One Time Password SMS v1. */
    OTP,
    /** CAMARA KYC Match v0.3. */
    KYC,
    /** TM Forum Open APIs (TMF620/635/637/654) and anything else. */
    TMF;

    /** The family of a request path such as {@code /kyc-match/v0.3/match}. */
    static ApiFamily of(String pathAndQuery) {
        if (pathAndQuery.startsWith("/one-time-password-sms/")) {
            return OTP;
        }
        if (pathAndQuery.startsWith("/kyc-match/")) {
            return KYC;
        }
        return TMF;
    }

    /** The key of this family in the back-end profile's {@code scopes} ({@code otp}, {@code kyc}, {@code tmf}). */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
