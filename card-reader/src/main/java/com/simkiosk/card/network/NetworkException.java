package com.simkiosk.card.network;

/** A classified failure of a network session; the message never holds personal data (no codes, numbers or replies). */
public final class NetworkException extends Exception {
    private final NetworkError error;

    public NetworkException(NetworkError error, String message) {
        super(message);
        this.error = error;
    }

    public NetworkException(NetworkError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public NetworkError error() {
        return error;
    }
}
