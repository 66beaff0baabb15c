package com.simkiosk.card;

import com.simkiosk.privacy.Mask;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SIM's serial number (ITU-T E.118): {@code 89}, the E.164 country code, the issuer, the serial,
 * a Luhn check digit. Its {@link #toString()} is masked, so it can never leak into a log by accident.
 */
public record Iccid(String digits) {

    private static final Set<String> TWO_DIGIT_COUNTRY_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
            "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private static final Map<String, String> REGION_BY_COUNTRY_CODE = Map.ofEntries(
            Map.entry("81", "JP"), Map.entry("82", "KR"), Map.entry("86", "CN"), Map.entry("852", "HK"),
            Map.entry("853", "MO"), Map.entry("886", "TW"), Map.entry("1", "US"), Map.entry("44", "GB"),
            Map.entry("33", "FR"), Map.entry("49", "DE"), Map.entry("61", "AU"), Map.entry("65", "SG"),
            Map.entry("66", "TH"), Map.entry("84", "VN"), Map.entry("63", "PH"), Map.entry("62", "ID"),
            Map.entry("60", "MY"), Map.entry("91", "IN"), Map.entry("7", "RU"), Map.entry("39", "IT"),
            Map.entry("34", "ES"), Map.entry("64", "NZ"), Map.entry("31", "NL"), Map.entry("41", "CH"));

    /** Japanese issuers by the two digits after {@code 8981} (ITU E.118 list). */
    private static final Map<String, String> JAPANESE_ISSUERS = Map.of(
            "10", "NTT DOCOMO",
            "20", "SoftBank",
            "30", "KDDI",
            "09", "Rakuten Mobile",
            "03", "IIJ",
            "31", "UQ Communications",
            "12", "NTT Communications",
            "04", "SAKURA Internet");

    public Iccid {
        if (digits == null || !digits.matches("\\d{18,20}")) {
            throw new IllegalArgumentException("an ICCID has 18 to 20 digits");
        }
        if (!digits.startsWith("89")) {
            throw new IllegalArgumentException("an ICCID starts with 89 (telecom)");
        }
    }

    /** From printed digits, spaces and dashes allowed. */
    public static Iccid parse(String printed) {
        return new Iccid(printed == null ? null : printed.replaceAll("[\\s-]", ""));
    }

    /** From the 10 bytes of EF.ICCID (2FE2): BCD, nibbles swapped, padded with F. */
    public static Iccid fromEfBytes(byte[] ef) {
        StringBuilder digits = new StringBuilder(20);
        for (byte b : ef) {
            int low = b & 0x0F;
            int high = (b >> 4) & 0x0F;
            if (low == 0xF) {
                break;
            }
            if (low > 9) {
                throw new IllegalArgumentException("not BCD");
            }
            digits.append(low);
            if (high == 0xF) {
                break;
            }
            if (high > 9) {
                throw new IllegalArgumentException("not BCD");
            }
            digits.append(high);
        }
        return new Iccid(digits.toString());
    }

    /** The 10 bytes of EF.ICCID for these digits (the inverse of {@link #fromEfBytes}). */
    public byte[] toEfBytes() {
        byte[] ef = new byte[10];
        for (int i = 0; i < 10; i++) {
            int low = 2 * i < digits.length() ? digits.charAt(2 * i) - '0' : 0xF;
            int high = 2 * i + 1 < digits.length() ? digits.charAt(2 * i + 1) - '0' : 0xF;
            ef[i] = (byte) ((high << 4) | low);
        }
        return ef;
    }

    /** The last digit is a Luhn check digit over the others. */
    public boolean luhnValid() {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The E.164 country calling code after {@code 89}: "81" for Japan. */
    public String countryCallingCode() {
        String rest = digits.substring(2);
        if (rest.startsWith("01")) {
            return "1"; // North America writes its one-digit code as 01 (8901…)
        }
        if (rest.startsWith("1") || rest.startsWith("7")) {
            return rest.substring(0, 1);
        }
        String two = rest.substring(0, 2);
        return TWO_DIGIT_COUNTRY_CODES.contains(two) ? two : rest.substring(0, 3);
    }

    /** ISO 3166 region ("JP", "KR" …) where known, else "+" and the calling code. */
    public String country() {
        String cc = countryCallingCode();
        return REGION_BY_COUNTRY_CODE.getOrDefault(cc, "+" + cc);
    }

    public boolean isJapanese() {
        return digits.startsWith("8981");
    }

    /** The issuer by the ITU list: only a hint, since MVNO SIMs carry their host network's number. */
    public Optional<String> japaneseIssuer() {
        return isJapanese() ? Optional.ofNullable(JAPANESE_ISSUERS.get(digits.substring(4, 6))) : Optional.empty();
    }

    /** The issuer prefix used to route to a back end: {@code 898110} and so on. */
    public String issuerPrefix() {
        return digits.substring(0, 6);
    }

    public String masked() {
        return Mask.iccid(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
