package com.simkiosk.card.fs;

import java.util.Arrays;

/** Telecom BCD: two digits per byte, low nibble first, {@code F} pads the end. */
final class SwappedBcd {
    private SwappedBcd() {}

    static String decode(byte[] bytes, int from, int to) {
        StringBuilder digits = new StringBuilder();
        for (int i = from; i < to; i++) {
            int low = bytes[i] & 0x0F;
            int high = (bytes[i] >> 4) & 0x0F;
            if (low == 0xF) {
                break;
            }
            digits.append(digit(low));
            if (high == 0xF) {
                break;
            }
            digits.append(digit(high));
        }
        return digits.toString();
    }

    /** {@code digits} into {@code length} bytes, F-padded. */
    static byte[] encode(String digits, int length) {
        if ((digits.length() + 1) / 2 > length) {
            throw new IllegalArgumentException("too many digits for " + length + " bytes");
        }
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) 0xFF);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            int b = out[i / 2] & 0xFF;
            out[i / 2] = (byte) (i % 2 == 0 ? (b & 0xF0) | d : (b & 0x0F) | (d << 4));
        }
        return out;
    }

    private static char digit(int nibble) {
        if (nibble > 9) {
            throw new IllegalArgumentException("not a BCD digit: " + Integer.toHexString(nibble));
        }
        return (char) ('0' + nibble);
    }
}
