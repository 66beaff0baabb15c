package com.simkiosk.card.fs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text in SIM files (TS 102 221 annex A): the GSM 7-bit default alphabet one character per byte, or UCS2
 * after a {@code 0x80} tag. {@code FF} pads the end in both.
 */
final class GsmAlphabet {
    private static final String DEFAULT_ALPHABET =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int UCS2_TAG = 0x80;

    private GsmAlphabet() {}

    static String decode(byte[] bytes, int from, int to) {
        if (from < to && (bytes[from] & 0xFF) == UCS2_TAG) {
            int end = from + 1;
            while (end + 1 < to && !((bytes[end] & 0xFF) == 0xFF && (bytes[end + 1] & 0xFF) == 0xFF)) {
                end += 2;
            }
            return new String(bytes, from + 1, end - from - 1, StandardCharsets.UTF_16BE);
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && (bytes[i] & 0xFF) != 0xFF; i++) {
            int code = bytes[i] & 0xFF;
            if (code >= DEFAULT_ALPHABET.length()) {
                throw new IllegalArgumentException("not a GSM default alphabet character: " + code);
            }
            // 0x1B is the escape to the extension table (TS 23.038 6.2.1.1), not a character: shown as a space, never
            // as a control character on the screen (and a name stays within its file when the simulator writes it).
            text.append(code == 0x1B ? ' ' : DEFAULT_ALPHABET.charAt(code));
        }
        return text.toString();
    }

    /** {@code text} into {@code length} bytes: the default alphabet when it can, else UCS2. */
    static byte[] encode(String text, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (text.chars().allMatch(c -> DEFAULT_ALPHABET.indexOf(c) >= 0 && c != 0x1B)) {
            text.chars().forEach(c -> out.write(DEFAULT_ALPHABET.indexOf(c)));
        } else {
            out.write(UCS2_TAG);
            out.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));
        }
        if (out.size() > length) {
            throw new IllegalArgumentException("text does not fit in " + length + " bytes");
        }
        while (out.size() < length) {
            out.write(0xFF);
        }
        return out.toByteArray();
    }
}
