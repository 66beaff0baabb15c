package com.simkiosk.kiosk.flow;

/**
 * Everything a customer can run into, each with a stable key the UI translates. Some are whole error screens
 * ({@link State.Error}), some are notices on an input screen (a wrong code stays on the code screen).
 */
public enum ErrorKind {
    NOT_A_SIM("error.notASim", false),
    FOREIGN_SIM("error.foreignSim", false),
    CARD_REMOVED("error.cardRemoved", false),
    READER_PROBLEM("error.readerProblem", true),
    /** The card did not answer within the configured card-read time (a slow or failing card). */
    CARD_TIMEOUT("error.cardTimeout", true),
    BACKEND_DOWN("error.backendDown", true),
    LINE_SUSPENDED("error.lineSuspended", false),
    LINE_EXPIRED("error.lineExpired", false),
    LINE_TERMINATED("error.lineTerminated", false),
    /** The line exists but allows no method that works at this kiosk (e.g. SMS only, with the SIM in the reader). */
    CANNOT_VERIFY("error.cannotVerify", false),
    /** The carrier will not send codes to this number (CAMARA PHONE_NUMBER_NOT_ALLOWED / BLOCKED): use the SIM. */
    NUMBER_CANNOT_GET_CODES("error.numberCannotGetCodes", false),
    /** A data-only number (020) was typed: it cannot receive an SMS code, so none is sent; the SIM is the way. */
    DATA_ONLY_NUMBER("error.dataOnlyNumber", false),
    /** Notice on the code screen. */
    WRONG_CODE("error.wrongCode", false),
    /** Notice on the code screen: the code timed out, ask for a new one. */
    CODE_EXPIRED("error.codeExpired", false),
    /** Notice on the PIN screen. */
    WRONG_PIN("error.wrongPin", false),
    /** Notice on the registered-detail screen. */
    WRONG_DETAIL("error.wrongDetail", false),
    TOO_MANY_TRIES("error.tooManyTries", false),
    /** SIM path only: the number path never says "not found" before verification. */
    NOT_FOUND("error.notFound", false),
    PRINTER_UNAVAILABLE("error.printerUnavailable", false),
    /**
     * The SIM failed its carrier's check (a clone or a forgery, or a proof the carrier refused): "This SIM could not
     * be confirmed", the phone number offered. The same whether or not its ICCID exists.
     */
    SIM_NOT_CONFIRMED("error.simNotConfirmed", false);

    private final String key;
    private final boolean retryable;

    ErrorKind(String key, boolean retryable) {
        this.key = key;
        this.retryable = retryable;
    }

    /** Resource-bundle key, stable across releases. */
    public String key() {
        return key;
    }

    /**
     * Whether the card or the reader was the problem, so the customer may switch to typing their phone number
     * straight from this error screen ({@link Event.StartNumberEntry}) instead of starting over. Not for a foreign
     * SIM: its number is not a Japanese one the keypad accepts, and no carrier here knows it; its way forward is
     * taking the SIM back (Done).
     */
    public boolean offersNumberEntry() {
        return this == NOT_A_SIM || this == READER_PROBLEM || this == CARD_TIMEOUT || this == SIM_NOT_CONFIRMED;
    }

    /** Whether trying the same step again can help (offered as a Retry button). */
    public boolean retryable() {
        return retryable;
    }
}
