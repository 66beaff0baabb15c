package com.simkiosk.card.apdu;

/**
 * The status words a SIM answers with (ISO 7816-4, ETSI TS 102 221, GSM 11.11), by name. Families whose
 * SW2 carries a number ({@code 61xx}, {@code 6Cxx}, {@code 9Fxx}, {@code 63Cx}) are tested with the
 * static predicates.
 */
public enum StatusWord {
    OK(0x9000),
    WRONG_LENGTH(0x6700),
    SECURITY_STATUS_NOT_SATISFIED(0x6982),
    AUTHENTICATION_METHOD_BLOCKED(0x6983),
    REFERENCE_DATA_NOT_USABLE(0x6984),
    CONDITIONS_OF_USE_NOT_SATISFIED(0x6985),
    COMMAND_NOT_ALLOWED_NO_EF(0x6986),
    FUNCTION_NOT_SUPPORTED(0x6A81),
    FILE_NOT_FOUND(0x6A82),
    RECORD_NOT_FOUND(0x6A83),
    INCORRECT_P1_P2(0x6A86),
    REFERENCED_DATA_NOT_FOUND(0x6A88),
    WRONG_P1_P2(0x6B00),
    INS_NOT_SUPPORTED(0x6D00),
    CLA_NOT_SUPPORTED(0x6E00),
    TECHNICAL_PROBLEM(0x6F00),
    /** TS 102 221 10.2.1.5 / TS 31.102 7.3: AUTHENTICATE with an AUTN whose MAC is not the card's. */
    AUTHENTICATION_ERROR_INCORRECT_MAC(0x9862),
    /** TS 102 221 10.2.1.5: AUTHENTICATE in a security context the application does not support. */
    SECURITY_CONTEXT_NOT_SUPPORTED(0x9864),
    GSM_FILE_NOT_FOUND(0x9404),
    GSM_FILE_INCONSISTENT(0x9408),
    GSM_CHV_WRONG(0x9804),
    GSM_CHV_CONTRADICTION(0x9808),
    GSM_CHV_BLOCKED(0x9840);

    private final int value;

    StatusWord(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean matches(int sw) {
        return sw == value;
    }

    /** {@code 61xx}: xx more bytes wait for GET RESPONSE. */
    public static boolean isMoreDataAvailable(int sw) {
        return (sw >>> 8) == 0x61;
    }

    /** {@code 6Cxx}: wrong Le, resend with Le = xx. */
    public static boolean isWrongLe(int sw) {
        return (sw >>> 8) == 0x6C;
    }

    /** {@code 9Fxx}: a 2G SIM has xx bytes of response data for GET RESPONSE (CLA A0). */
    public static boolean isGsmResponseAvailable(int sw) {
        return (sw >>> 8) == 0x9F;
    }

    /** {@code 63Cx}: verification failed or status asked, x tries left. */
    public static boolean isTriesLeft(int sw) {
        return (sw & 0xFFF0) == 0x63C0;
    }

    /** {@code 6Exx}: the card does not know this class byte (a 2G SIM asked with CLA 00). */
    public static boolean isClassNotSupported(int sw) {
        return (sw >>> 8) == 0x6E;
    }

    /** Four hex digits, for logs: {@code 6A82}. */
    public static String format(int sw) {
        return String.format("%04X", sw);
    }
}
