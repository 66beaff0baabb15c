package com.simkiosk.card.serial;

import com.simkiosk.card.Iccid;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ICCID in what a module answers to its ICCID command, whatever the dialect: {@code +CCID: 89…},
 * {@code +QCCID: 89…F}, {@code ICCID: "89…"}, a bare line of digits, or the raw EF bytes with nibbles swapped
 * ({@code ^ICCID: 98…}, as some Huawei and SIMCom firmware print it).
 */
final class ModemIccid {
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-F])([0-9A-F]{18,20})(?![0-9A-F])");
    private static final Pattern CRSM = Pattern.compile("\\+CRSM:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*\"?([0-9A-Fa-f]*)\"?)?");

    private ModemIccid() {}

    static Optional<Iccid> fromLines(List<String> lines) {
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            int colon = upper.indexOf(':');
            String value = (colon >= 0 ? upper.substring(colon + 1) : upper).replace("\"", " ");
            Matcher m = TOKEN.matcher(value);
            while (m.find()) {
                Optional<Iccid> iccid = decode(m.group(1));
                if (iccid.isPresent()) {
                    return iccid;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code 89…} as printed (trailing F padding dropped), or {@code 98…} read as swapped BCD. */
    static Optional<Iccid> decode(String token) {
        try {
            if (token.startsWith("89")) {
                return Optional.of(new Iccid(token.replaceAll("F+$", "")));
            }
            if (token.startsWith("98")) {
                String even = token.length() % 2 == 0 ? token : token + "F";
                return Optional.of(Iccid.fromEfBytes(HexFormat.of().parseHex(even)));
            }
        } catch (IllegalArgumentException notAnIccid) {
            // a serial number of some other kind: keep looking
        }
        return Optional.empty();
    }

    /** The EF.ICCID bytes from {@code +CRSM: 144,0,"98…"} (READ BINARY through the module). */
    static Optional<Iccid> fromCrsm(List<String> lines) {
        for (String line : lines) {
            Matcher m = CRSM.matcher(line);
            if (m.find() && (m.group(1).equals("144") || m.group(1).equals("145")) && m.group(3) != null
                    && m.group(3).length() >= 2 && m.group(3).length() % 2 == 0) {
                try {
                    return Optional.of(Iccid.fromEfBytes(HexFormat.of().parseHex(m.group(3))));
                } catch (IllegalArgumentException notBcd) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
