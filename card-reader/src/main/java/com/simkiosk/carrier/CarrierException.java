package com.simkiosk.carrier;

/** A classified failure of the carrier back end. The message never contains personal data. */
public class CarrierException extends Exception {
    private final CarrierError error;

    public CarrierException(CarrierError error, String message) {
        super(message);
        this.error = error;
    }

    public CarrierException(CarrierError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public CarrierError error() {
        return error;
    }
}
