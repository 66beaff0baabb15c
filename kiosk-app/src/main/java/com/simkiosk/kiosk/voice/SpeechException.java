package com.simkiosk.kiosk.voice;

/** The engine could not speak a text: not installed, failed, or over its time bound. */
public final class SpeechException extends Exception {
    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
