package com.simkiosk.card.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCodingTest {

    @Test
    void packsSeptetsAsTs23038Shows() {
        // TS 23.038 / the classic example: "hellohello" packs to E8329BFD4697D9EC37
        assertThat(TextCoding.gsm7PackedHex("hellohello")).isEqualTo("E8329BFD4697D9EC37");
        assertThat(TextCoding.fromGsm7PackedHex("E8329BFD4697D9EC37")).contains("hellohello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your balance is 12.50 EUR. Valid until 31/12/2026", "Saldo: 1000 Ft {bonus} [x] €5",
            "*100#", "Balance 1234567"})
    void gsm7RoundTrips(String text) {
        assertThat(TextCoding.fromGsm7PackedHex(TextCoding.gsm7PackedHex(text))).contains(text);
        assertThat(TextCoding.fitsGsm7(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"残高は1,234円です。有効期限2026年12月31日", "您的余额为50.00元", "잔액 5,000원", "emoji 😀 too"})
    void ucs2RoundTripsJapaneseChineseKorean(String text) {
        assertThat(TextCoding.fromUcs2Hex(TextCoding.ucs2Hex(text))).contains(text);
        assertThat(TextCoding.fitsGsm7(text)).isFalse();
    }

    @Test
    void ussdDecodedWhicheverWayTheModuleHandedItOver() {
        String ja = "残高は500円です";
        assertThat(TextCoding.decodeUssd(TextCoding.ucs2Hex(ja), 72, false)).isEqualTo(ja);
        assertThat(TextCoding.decodeUssd(TextCoding.ucs2Hex(ja), 0x48, true)).isEqualTo(ja);
        String en = "Balance: 12.50 USD";
        assertThat(TextCoding.decodeUssd(TextCoding.ucs2Hex(en), 15, true)).isEqualTo(en); // converted to UCS2 by CSCS
        assertThat(TextCoding.decodeUssd(TextCoding.gsm7PackedHex(en), 15, true)).isEqualTo(en); // left packed
        assertThat(TextCoding.decodeUssd(en, 15, false)).isEqualTo(en); // plain text (CSCS "GSM"/"IRA")
    }

    @Test
    void dataCodingSchemes() {
        assertThat(TextCoding.isUcs2(72)).isTrue();
        assertThat(TextCoding.isUcs2(8)).isTrue();
        assertThat(TextCoding.isUcs2(0x11)).isTrue();
        assertThat(TextCoding.isUcs2(15)).isFalse();
        assertThat(TextCoding.isUcs2(0)).isFalse();
    }
}
