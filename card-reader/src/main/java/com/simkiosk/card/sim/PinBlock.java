package com.simkiosk.card.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** TS 102 221 / GSM 11.11: a PIN on the wire is its ASCII digits padded with FF to 8 bytes. */
public final class PinBlock {
    public static final int LENGTH = 8;

    private PinBlock() {}

    public static byte[] of(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a SIM PIN has 4 to 8 digits");
        }
        byte[] block = new byte[LENGTH];
        Arrays.fill(block, (byte) 0xFF);
        byte[] digits = pin.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, block, 0, digits.length);
        return block;
    }
}
