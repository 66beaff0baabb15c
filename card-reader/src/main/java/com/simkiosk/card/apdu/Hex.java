package com.simkiosk.card.apdu;

import java.util.HexFormat;

/** The one way bytes become text and back: upper-case hex, spaces ignored on input. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {}

    /** {@code "00 A4 00 04"} or {@code "00a40004"} → bytes. */
    public static byte[] decode(String hex) {
        return UPPER.parseHex(hex.replaceAll("\\s", ""));
    }

    /** Bytes → {@code "00A40004"}. */
    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /** Bytes → {@code "00 A4 00 04"}, for logs and recorded exchanges. */
    public static String spaced(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }
}
