package com.simkiosk.mock.sim;

/** What can go wrong with a card in a real kiosk, on demand. */
public enum SimFault {
    /** The card gives no ATR (upside down, dirty contacts, dead chip). */
    NO_ATR,
    /** The customer pulls the card while EF.ICCID is being read. */
    REMOVED_MID_READ,
    /** The customer pulls the card while it computes an AUTHENTICATE answer. */
    REMOVED_MID_AUTHENTICATE,
    /** The first READ BINARY is answered {@code 6Cxx}: the card wants the read repeated with its own Le. */
    WRONG_LE_ONCE
}
