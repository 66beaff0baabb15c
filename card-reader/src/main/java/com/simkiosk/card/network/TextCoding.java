package com.simkiosk.card.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Text on the AT line for USSD and SMS (3GPP TS 23.038): UCS2 as hex (what a module sends with
 * {@code AT+CSCS="UCS2"} or for data coding scheme 72), and the GSM 7-bit default alphabet, packed into octets as
 * some firmware hands USSD strings over (hex of the packed septets). Both directions, so the simulator and the
 * client share one reading of the standard.
 */
public final class TextCoding {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** TS 23.038 §6.2.1, the default alphabet; index = septet. */
    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ" + (char) 0x1B + "ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table reached through escape (0x1B). */
    private static final String GSM7_EXT_KEYS = new String(new char[] {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65});
    private static final String GSM7_EXT_CHARS = "\f^{}\\[~]|€";

    private TextCoding() {}

    /** Data coding scheme (TS 23.038 §5): true when the text is UCS2. 72 (0x48) and 8 are the usual ones. */
    public static boolean isUcs2(int dcs) {
        int group = dcs >> 4;
        if (group == 0x01 && (dcs & 0x0F) == 0x01) {
            return true; // UCS2 preceded by a language indication
        }
        if (group <= 0x07) {
            return ((dcs >> 2) & 0x03) == 0x02;
        }
        return group == 0x09 && ((dcs >> 2) & 0x03) == 0x02;
    }

    public static String ucs2Hex(String text) {
        return HEX.formatHex(text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** UCS2 (UTF-16BE, so surrogate pairs too) from hex; empty when it is not hex of whole characters. */
    public static Optional<String> fromUcs2Hex(String hex) {
        if (!isHex(hex) || hex.length() % 4 != 0) {
            return Optional.empty();
        }
        return Optional.of(new String(HEX.parseHex(hex), StandardCharsets.UTF_16BE));
    }

    public static boolean isHex(String s) {
        return !s.isEmpty() && s.length() % 2 == 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** Whether every character has a GSM 7-bit form (default alphabet or extension). */
    public static boolean fitsGsm7(String text) {
        return text.chars().allMatch(c -> GSM7.indexOf(c) >= 0 || GSM7_EXT_CHARS.indexOf(c) >= 0);
    }

    /** Text → septets → packed octets (TS 23.038 §6.1.2.1), as hex. */
    public static String gsm7PackedHex(String text) {
        byte[] s = gsm7Septets(text);
        byte[] packed = new byte[(s.length * 7 + 7) / 8];
        packSeptets(s, packed, 0);
        return HEX.formatHex(packed);
    }

    /** Packed GSM 7-bit octets as hex → text; a trailing carriage return used as padding (§6.1.2.3.1) is dropped. */
    public static Optional<String> fromGsm7PackedHex(String hex) {
        if (!isHex(hex)) {
            return Optional.empty();
        }
        byte[] packed = HEX.parseHex(hex);
        String text = fromGsm7Septets(unpackSeptets(packed, 0, packed.length * 8 / 7));
        if (text.endsWith("\r") || (packed.length * 8 % 7 == 0 && text.endsWith("@"))) {
            text = text.substring(0, text.length() - 1); // padding septet, not text
        }
        return Optional.of(text);
    }

    /** Text → septets of the default alphabet, extension characters as escape + key; others become '?'. */
    static byte[] gsm7Septets(String text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            int ext = GSM7_EXT_CHARS.indexOf(c);
            if (ext >= 0) {
                septets.write(0x1B);
                septets.write(GSM7_EXT_KEYS.charAt(ext));
            } else {
                int i = GSM7.indexOf(c);
                septets.write(i >= 0 ? i : '?');
            }
        }
        return septets.toByteArray();
    }

    /** Septets → text; an escape followed by a key the extension table lacks reads as a space (§6.2.1.1). */
    static String fromGsm7Septets(byte[] septets) {
        StringBuilder out = new StringBuilder();
        boolean escape = false;
        for (byte b : septets) {
            int v = b & 0x7F;
            if (escape) {
                int ext = GSM7_EXT_KEYS.indexOf(v);
                out.append(ext >= 0 ? GSM7_EXT_CHARS.charAt(ext) : ' ');
                escape = false;
            } else if (v == 0x1B) {
                escape = true;
            } else {
                out.append(GSM7.charAt(v));
            }
        }
        return out.toString();
    }

    /**
     * Packs {@code septets} into {@code into} from septet position {@code firstSeptet} of the octets (TS 23.040
     * §9.2.3.24: after a user data header, the text starts at the next septet boundary; the bits between are fill).
     */
    static void packSeptets(byte[] septets, byte[] into, int firstSeptet) {
        for (int i = 0; i < septets.length; i++) {
            int bit = (firstSeptet + i) * 7;
            int v = septets[i] & 0x7F;
            into[bit / 8] |= (byte) (v << (bit % 8));
            if (bit % 8 > 1) {
                into[bit / 8 + 1] |= (byte) (v >> (8 - bit % 8));
            }
        }
    }

    /** {@code count} septets read from {@code packed}, starting at septet position {@code firstSeptet}. */
    static byte[] unpackSeptets(byte[] packed, int firstSeptet, int count) {
        byte[] septets = new byte[Math.max(0, count)];
        for (int i = 0; i < septets.length; i++) {
            int bit = (firstSeptet + i) * 7;
            int v = (packed[bit / 8] & 0xFF) >> (bit % 8);
            if (bit % 8 > 1 && bit / 8 + 1 < packed.length) {
                v |= (packed[bit / 8 + 1] & 0xFF) << (8 - bit % 8);
            }
            septets[i] = (byte) (v & 0x7F);
        }
        return septets;
    }

    /**
     * A USSD string as the module handed it over, decoded. {@code dcs} tells UCS2 (hex) from GSM 7-bit; for 7-bit,
     * the module either converted it to the session's character set ({@code ucs2Session}: UCS2 hex, else plain
     * text) or left it packed (hex that is not UCS2). Plain text is kept as it came.
     */
    public static String decodeUssd(String str, int dcs, boolean ucs2Session) {
        if (isUcs2(dcs) || ucs2Session) {
            Optional<String> ucs2 = fromUcs2Hex(str);
            // 7-bit text converted to UCS2 holds only GSM characters; packed septets read as UCS2 would not
            if (ucs2.isPresent() && (isUcs2(dcs) || fitsGsm7(ucs2.get()))) {
                return ucs2.get();
            }
        }
        if (!isUcs2(dcs) && isHex(str) && (ucs2Session || str.length() >= 8)) {
            Optional<String> packed = fromGsm7PackedHex(str);
            if (packed.isPresent() && packed.get().chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r')) {
                return packed.get();
            }
        }
        return str;
    }
}
