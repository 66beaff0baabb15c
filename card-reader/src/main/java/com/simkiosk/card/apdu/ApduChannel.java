package com.simkiosk.card.apdu;

/**
 * Bytes in, bytes out: one command APDU to one response APDU (data, then SW1 SW2). PC/SC, AT+CSIM
 * and the virtual SIM all offer this, and the small T=0 wrappers stack on it.
 */
@FunctionalInterface
public interface ApduChannel {
    byte[] transmit(byte[] command) throws CardIoException;
}
