package com.simkiosk.carrier;

/** Ways a customer can prove the line is theirs; the back end says which a line allows. */
public enum VerificationMethod {
    /** A one-time code by SMS (CAMARA One-Time-Password-SMS). Not for data-only SIMs or the SIM in the reader. */
    SMS_CODE,
    /** SIM in the reader plus its PIN, checked by the card itself. */
    SIM_PIN,
    /** SIM in the reader plus the last 4 characters of the registered identity document (CAMARA KYC Match). */
    ID_DOCUMENT,
    /** SIM in the reader plus the order number from the purchase e-mail. */
    ORDER_NUMBER
}
