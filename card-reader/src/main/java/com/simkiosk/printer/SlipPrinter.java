package com.simkiosk.printer;

/** A slip printer: ESC/POS on a serial line, or a simulator. Calls block and are bounded in time. */
public interface SlipPrinter extends AutoCloseable {
    PrinterStatus status();

    void print(Slip slip) throws PrinterException;

    @Override
    void close();
}
