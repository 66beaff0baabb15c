package com.simkiosk.serial;

/** The serial port failed: it could not be opened, or it vanished (USB unplugged, pty closed). */
public class SerialLinkException extends Exception {
    public SerialLinkException(String message) {
        super(message);
    }

    public SerialLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
