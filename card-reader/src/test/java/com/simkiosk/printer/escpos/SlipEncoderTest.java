package com.simkiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.printer.Slip;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlipEncoderTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static Slip slip(Instant at, Optional<String> code, String title) {
        return new Slip(title, "S1", "K1", at, List.of(new Slip.Row("Data", "3 GB")), code, "bye");
    }

    @Test
    void printsTheTimeInJapanEvenAcrossTheDateLine() {
        byte[] bytes = new SlipEncoder(JapaneseTextMode.KANJI, 576).encode(slip(Instant.parse("2026-12-31T15:30:00Z"), Optional.empty(), "T"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("2027-01-01 00:30 JST");
    }

    @Test
    void encodesCode128WithCodeSetBAndEscapedBraces() {
        assertThat(hex(SlipEncoder.code128("A{1"))).endsWith("1D6B4906" + hex("{BA{{1".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void encodesALongQrPayloadLengthInTwoBytes() {
        String data = "x".repeat(300);
        byte[] qr = SlipEncoder.qr(data);
        // store function: GS ( k pL pH 49 80 48, with pL pH = 300 + 3 = 0x012F
        assertThat(hex(qr)).contains("1D286B2F01315030" + hex(data.getBytes(StandardCharsets.US_ASCII)));
        assertThat(hex(qr)).endsWith("1D286B0300315130");
    }

    @Test
    void kanjiModeWrapsJapaneseInFsAmpersandAndFsDot() {
        byte[] bytes = new SlipEncoder(JapaneseTextMode.KANJI, 576).encode(slip(Instant.EPOCH, Optional.empty(), "残高"));
        String sjis = hex("残高".getBytes(Charset.forName("Shift_JIS")));
        assertThat(hex(bytes)).startsWith("1B401C4301").contains("1C26" + sjis + "1C2E0A");
    }

    @Test
    void rasterModeSendsNoShiftJisAndOneImagePerJapaneseLine() {
        byte[] bytes = new SlipEncoder(JapaneseTextMode.RASTER, 384).encode(slip(Instant.EPOCH, Optional.empty(), "残高"));
        String all = hex(bytes);
        assertThat(all).doesNotContain("1C26").doesNotContain(hex("残高".getBytes(Charset.forName("Shift_JIS"))));
        assertThat(all).contains("1D763000" + "3000"); // GS v 0, m=0, 48 bytes = 384 dots wide
    }

    @Test
    void countsFullWidthCharactersAsTwoColumns() {
        assertThat(SlipEncoder.width("Data")).isEqualTo(4);
        assertThat(SlipEncoder.width("データ")).isEqualTo(6);
        assertThat(SlipEncoder.width("ﾃﾞｰﾀ")).isEqualTo(4); // half-width katakana
    }

    @Test
    void printsThePaymentCodeInWritingGroupedAsOnTheScreen() {
        byte[] bytes = new SlipEncoder(JapaneseTextMode.KANJI, 576).encode(slip(Instant.EPOCH, Optional.of("KS2026112600042"), "T"));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("KS20 2611 2600 042\n");
    }
}
