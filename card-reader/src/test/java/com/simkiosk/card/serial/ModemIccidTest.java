package com.simkiosk.card.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModemIccidTest {
    private static final String DIGITS = "8988211000000430010"; // the DESIGN.md vector, 19 digits

    private static String digitsOf(List<String> lines) {
        return ModemIccid.fromLines(lines).map(Iccid::digits).orElse("none");
    }

    @Test
    void readsEveryDialectsPrintedForm() {
        assertThat(digitsOf(List.of("+CCID: " + DIGITS))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of("+QCCID: " + DIGITS + "F"))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of("ICCID: \"" + DIGITS + "\""))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of("+ICCID: " + DIGITS))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of(DIGITS))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of("+CCID: \"89811000001234567895\""))).isEqualTo("89811000001234567895");
    }

    @Test
    void readsNibbleSwappedIccidsAsTheEfBytes() {
        assertThat(digitsOf(List.of("^ICCID: 98881201000040031 0F0".replace(" ", "")))).isEqualTo(DIGITS);
        assertThat(digitsOf(List.of("+CCID: \"98881201000040031 0F0\"".replace(" ", "")))).isEqualTo(DIGITS);
    }

    @Test
    void ignoresLinesWithoutAnIccid() {
        assertThat(ModemIccid.fromLines(List.of("+CSQ: 23,99", "SIM800 R14.18"))).isEmpty();
        assertThat(ModemIccid.fromLines(List.of("+CCID: 12345678901234567890"))).isEmpty();
    }

    @Test
    void readsTheEfBytesFromCrsm() {
        assertThat(ModemIccid.fromCrsm(List.of("+CRSM: 144,0,\"98881201000040031 0F0\"".replace(" ", ""))))
                .map(Iccid::digits).contains(DIGITS);
        assertThat(ModemIccid.fromCrsm(List.of("+CRSM: 148,4,\"\""))).isEmpty();
        assertThat(ModemIccid.fromCrsm(List.of("+CRSM: 106,130"))).isEmpty();
    }
}
