package com.simkiosk.card;

/** Every way reading a card can fail, classified; never a raw PC/SC or serial exception. */
public enum CardError {
    /** A card answered, but it has no ICCID: a bank card, a transport card, a blank card. */
    NOT_A_SIM,
    /** The card left the reader before the read finished. */
    CARD_REMOVED,
    /** The card gave no ATR or no answer (upside down, dirty, dead). */
    CARD_MUTE,
    /** No reader with that name, or no reader at all. */
    NO_READER,
    /** The smart card service (pcscd) or serial port is not there. */
    PCSC_UNAVAILABLE,
    /** Nothing happened in the allowed time. */
    TIMEOUT,
    /** Another program holds the card. */
    SHARING_VIOLATION
}
