package com.simkiosk.printer;

public class PrinterException extends Exception {
    private final PrinterStatus status;

    public PrinterException(PrinterStatus status, String message) {
        super(message);
        this.status = status;
    }

    public PrinterStatus status() {
        return status;
    }
}
