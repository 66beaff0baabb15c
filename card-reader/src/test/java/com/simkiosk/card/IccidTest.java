package com.simkiosk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IccidTest {

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    @Test
    void decodesTheDesignTestVector() {
        Iccid iccid = Iccid.fromEfBytes(hex("98 88 12 01 00 00 40 03 10 F0"));
        assertThat(iccid.digits()).isEqualTo("8988211000000430010");
    }

    @Test
    void encodesBackToTheSameBytes() {
        byte[] ef = hex("98 88 12 01 00 00 40 03 10 F0");
        assertThat(Iccid.fromEfBytes(ef).toEfBytes()).isEqualTo(ef);
        Iccid twenty = Iccid.parse("89811000001234567895");
        assertThat(Iccid.fromEfBytes(twenty.toEfBytes())).isEqualTo(twenty);
    }

    @Test
    void checksTheLuhnDigit() {
        assertThat(Iccid.parse("8988211000000430010").luhnValid()).isTrue();
        assertThat(Iccid.parse("8988211000000430011").luhnValid()).isFalse();
    }

    @Test
    void recognisesJapaneseIssuersAndForeignSims() {
        Iccid docomo = Iccid.parse("8981100000000000001");
        assertThat(docomo.isJapanese()).isTrue();
        assertThat(docomo.country()).isEqualTo("JP");
        assertThat(docomo.japaneseIssuer()).contains("NTT DOCOMO");
        assertThat(Iccid.parse("8981300000000000001").japaneseIssuer()).contains("KDDI");

        Iccid korean = Iccid.parse("8982300000000000001");
        assertThat(korean.isJapanese()).isFalse();
        assertThat(korean.country()).isEqualTo("KR");
        assertThat(Iccid.parse("8985212345678901234").country()).isEqualTo("HK");
        assertThat(Iccid.parse("8901260000000000001").country()).isEqualTo("US");
    }

    @Test
    void neverPrintsItsDigits() {
        Iccid iccid = Iccid.parse("8981100000000000901");
        assertThat(iccid.toString()).isEqualTo("8981 10** **** **** 901");
        assertThat(iccid.toString()).doesNotContain(iccid.digits());
    }

    @Test
    void rejectsWhatIsNotAnIccid() {
        assertThatThrownBy(() -> Iccid.parse("1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iccid.parse("1281100000000000901")).isInstanceOf(IllegalArgumentException.class);
    }
}
