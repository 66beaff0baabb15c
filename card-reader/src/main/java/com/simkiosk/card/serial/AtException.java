package com.simkiosk.card.serial;

/** The modem gave no final answer in time, or the serial port went away. */
public class AtException extends Exception {
    public enum Kind { TIMEOUT, PORT_LOST }

    private final Kind kind;

    public AtException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AtException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
