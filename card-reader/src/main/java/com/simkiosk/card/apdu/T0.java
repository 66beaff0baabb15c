package com.simkiosk.card.apdu;

/**
 * The HAL owns T=0 (the JDK provider runs with {@code sun.security.smartcardio.t0GetResponse=false}), so
 * every transport gets the same stack: 61xx and 9Fxx fetched, 6Cxx retried with the right Le.
 */
public final class T0 {
    private T0() {}

    /** Wraps a raw card channel; GET RESPONSE itself may be answered 6Cxx, so the length retry sits innermost. */
    public static ApduChannel over(ApduChannel raw) {
        return new GetResponseWrapper(new GsmGetResponseWrapper(new RetryWithRightLengthWrapper(raw)));
    }

    /**
     * For commands whose response data nobody reads (a SELECT that only makes a file current): 6Cxx is still
     * retried, but 61xx and 9Fxx come back to the caller as they are, instead of costing a GET RESPONSE round trip.
     * The card drops the waiting bytes with the next command (ISO 7816-3, GSM 11.11).
     */
    public static ApduChannel statusOnly(ApduChannel raw) {
        return new RetryWithRightLengthWrapper(raw);
    }
}
