package com.simkiosk.card.apdu;

import com.simkiosk.card.CardError;

/** A transport failure, already classified. */
public class CardIoException extends Exception {
    private final CardError error;

    public CardIoException(CardError error, String message) {
        super(message);
        this.error = error;
    }

    public CardIoException(CardError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public CardError error() {
        return error;
    }
}
