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
    /** The smart card service (pcscd) is not there, or the serial port cannot be opened (missing, unplugged). */
    PCSC_UNAVAILABLE,
    /**
     * The reader device's port opens, but the device does not answer its protocol in time (an AT modem that is
     * switched off, still starting, or set to another speed): the cable is not the first suspect.
     */
    READER_SILENT,
    /** The reader device answers, but not in its protocol: a wrong baud rate, or another kind of device on the port. */
    READER_GARBLED,
    /** Nothing happened in the allowed time. */
    TIMEOUT,
    /** Another program holds the card. */
    SHARING_VIOLATION
}
