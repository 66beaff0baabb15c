package com.simkiosk.card.serial;

/**
 * The modem gave no final answer in time, or the serial port went away. When the port has just been opened the
 * first command tells more: nothing at all came back ({@link Kind#SILENT}), or bytes came that are not AT
 * ({@link Kind#GARBLED}).
 */
public class AtException extends Exception {
    public enum Kind { TIMEOUT, PORT_LOST, SILENT, GARBLED }

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
