package com.simkiosk.card.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.network.SmsPdu.Alphabet;
import com.simkiosk.card.network.SmsPdu.Concat;
import com.simkiosk.card.network.SmsPdu.Deliver;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PDU codec against the examples of TS 23.040 / 23.038 and the hand-worked cases the standard implies. */
class SmsPduTest {
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-30T12:00:00+09:00");
    private static final String JA = "【残高のお知らせ】チャージ残高は1,234円、データ残量は2.5GBです。有効期限は2026年12月31日です。";

    @Test
    void readsTheClassicDeliverExample() {
        // SMSC +27381000015, from 27838890001 (national), 1999-03-29 15:16:59 +2 h, "hellohello" in 7-bit
        Deliver d = SmsPdu.parseDeliver("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37");
        assertThat(d.originator()).isEqualTo("27838890001");
        assertThat(d.alphabet()).isEqualTo(Alphabet.GSM7);
        assertThat(d.concat()).isEmpty();
        assertThat(d.text()).isEqualTo("hellohello");
        assertThat(d.toString()).doesNotContain("hello").doesNotContain("2783");
    }

    @Test
    void readsTheClassicSubmitExampleAndWritesTheSameBytes() {
        // to +46708251358, validity AA (4 days), "hellohello"
        SmsPdu.Submitted s = SmsPdu.parseSubmit("0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
        assertThat(s.destination()).isEqualTo("+46708251358");
        assertThat(s.text()).isEqualTo("hellohello");
        SmsPdu.Submit ours = SmsPdu.submit("+46708251358", "hellohello");
        assertThat(ours.hex()).isEqualTo("0011000B916407281553F80000A70AE8329BFD4697D9EC37"); // validity one day (A7)
        assertThat(ours.tpduLength()).isEqualTo(23).isEqualTo(SmsPdu.tpduLength(ours.hex()));
    }

    @Test
    void japaneseKeywordGoesInUcs2ToAShortCode() {
        SmsPdu.Submit s = SmsPdu.submit("5555", "残高");
        // SMS-SUBMIT, MR 0, 4 digits unknown type "5555", PID 0, DCS 08, VP one day, 4 octets 6B8B 9AD8
        assertThat(s.hex()).isEqualTo("001100048155550008A7046B8B9AD8");
        assertThat(s.tpduLength()).isEqualTo(14);
        assertThat(SmsPdu.parseSubmit(s.hex())).isEqualTo(new SmsPdu.Submitted("5555", Alphabet.UCS2, "残高"));
    }

    @Test
    void sevenBitTextAfterAHeaderStartsOnTheNextSeptet() {
        // UDH 05 00 03 00 02 01 is 48 bits; the text starts at septet 7 (bit 49): one fill bit, 'A' (41) becomes 82
        String pdu = SmsPdu.deliver("+819012345678", "5555", SENT, "A", Alphabet.GSM7, 1, 0, false).get(0);
        List<String> two = SmsPdu.deliver("+819012345678", "5555", SENT, "AB", Alphabet.GSM7, 2, 0, false);
        assertThat(pdu).endsWith("0141"); // a single part has no header and no fill
        assertThat(two.get(0)).endsWith("0805000300020182");
        assertThat(SmsPdu.parseDeliver(two.get(0)).text()).isEqualTo("A");
        assertThat(SmsPdu.parseDeliver(two.get(1)).concat()).contains(new Concat(0, 2, 2));
        assertThat(SmsPdu.parseDeliver(two.get(1)).text()).isEqualTo("B");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sevenBitMultipartWithEightAndSixteenBitReferencesJoins(boolean wide) {
        String text = "Your balance is 12.50 EUR, data left 1.5 GB {bonus} [x] valid till 31/12/2026. ".repeat(4);
        List<String> pdus = SmsPdu.deliver("+447700900123", "Vodafone", SENT, text, Alphabet.GSM7, 3, 0x1234, wide);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < pdus.size(); i++) {
            Deliver d = SmsPdu.parseDeliver(pdus.get(i));
            assertThat(d.originator()).isEqualTo("Vodafone"); // alphanumeric sender
            assertThat(d.concat()).contains(new Concat(wide ? 0x1234 : 0x34, 3, i + 1));
            joined.append(d.text());
        }
        assertThat(joined.toString()).isEqualTo(text);
        String tpdu = pdus.get(0).substring(pdus.get(0).length() - 2 * SmsPdu.tpduLength(pdus.get(0)));
        assertThat(tpdu).startsWith("44").contains(wide ? "06080412340301" : "050003340301"); // UDHI; the header
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AB", "Balance", "Balance 12.50 EUR", "Your balance is 12.50 EUR {bonus} valid 31/12/2026.",
            "exactly eight", "1234567", "12345678"})
    void textModeSevenBitWithAHeaderIsReadFromTheUserDataOctets(String piece) {
        for (boolean wide : new boolean[] {false, true}) {
            List<String> pdus = SmsPdu.deliver("+1", "+2", SENT, piece + piece, Alphabet.GSM7, 2, 300, wide);
            String first = SmsPdu.parseDeliver(pdus.get(0)).text();
            byte[] ud = HexFormat.of().parseHex(SmsPdu.userDataHex(pdus.get(0)));
            assertThat(SmsPdu.concat(ud)).isPresent();
            assertThat(SmsPdu.sevenBitAfterHeader(ud)).as("%s, wide %s", piece, wide).isEqualTo(first);
        }
    }

    @Test
    void ucs2JapaneseInPartsJoins() {
        List<String> pdus = SmsPdu.deliver("+819012345678", "+81120000000", SENT, JA, Alphabet.UCS2, 2, 7, false);
        StringBuilder joined = new StringBuilder();
        for (String pdu : pdus) {
            Deliver d = SmsPdu.parseDeliver(pdu);
            assertThat(d.alphabet()).isEqualTo(Alphabet.UCS2);
            assertThat(d.originator()).isEqualTo("+81120000000");
            joined.append(d.text());
        }
        assertThat(joined.toString()).isEqualTo(JA);
    }

    @Test
    void extensionTableTakesTwoSeptets() {
        assertThat(TextCoding.gsm7PackedHex("€")).isEqualTo("9B32"); // ESC (1B) then 65
        String text = "Saldo €3,20 {promo} [5GB] ~|^\\";
        Deliver d = SmsPdu.parseDeliver(SmsPdu.deliver("+34600000000", "+34600000001", SENT, text, Alphabet.GSM7, 1, 0, false).get(0));
        assertThat(d.text()).isEqualTo(text);
    }

    @Test
    void eightBitIsUtf8WhenValidElseLatin1() {
        assertThat(SmsPdu.parseDeliver(SmsPdu.deliver("+1", "+2", SENT, "Balance 100 €", Alphabet.DATA8, 1, 0, false).get(0)).text())
                .isEqualTo("Balance 100 €");
        // 04 = 8-bit, 2 octets: "A3 35" is not UTF-8, read as Latin-1 "£5"
        String latin = "0004" + "0481" + "2143" + "00" + "04" + "62110321000036" + "02" + "A335";
        assertThat(SmsPdu.parseDeliver(latin).text()).isEqualTo("£5");
    }

    @ParameterizedTest
    @CsvSource({"0, GSM7", "240, GSM7", "244, DATA8", "4, DATA8", "8, UCS2", "24, UCS2", "72, UCS2", "224, UCS2",
            "192, GSM7", "128, GSM7", "12, GSM7"})
    void dataCodingSchemeNamesTheAlphabet(int dcs, Alphabet expected) {
        assertThat(SmsPdu.alphabet(dcs)).isEqualTo(expected);
    }

    @Test
    void invalidConcatenationElementIsIgnored() {
        assertThat(SmsPdu.concat(new byte[] {5, 0, 3, 9, 2, 0})).isEmpty(); // part 0
        assertThat(SmsPdu.concat(new byte[] {5, 0, 3, 9, 2, 3})).isEmpty(); // part 3 of 2
        assertThat(SmsPdu.concat(new byte[] {8, 0x0A, 1, 0, 0, 3, 9, 2, 2})).contains(new Concat(9, 2, 2)); // after another IE
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD46", // user data cut short
            "0011000B916407281553F80000AA0AE8329BFD4697D9EC37", // an SMS-SUBMIT, not a DELIVER
            "07917283010010F5040BC87238880900F100089930925161958003AABBCC", // UCS2 of an odd length
            "07917283010010F5040BC87238880900F10024993092516195800AE8329BFD4697D9EC37", // compressed
            "07917283010010F5440BC87238880900F10000993092516195800AE8329BFD4697D9EC37", // UDHI, header longer than data
            "0F91", "XYZ0"})
    void malformedPdusSayWhy(String hex) {
        assertThatThrownBy(() -> SmsPdu.parseDeliver(hex)).isInstanceOf(SmsPdu.MalformedPduException.class).hasMessageNotContaining("Index");
    }

    @Test
    void keywordLongerThanOneMessageIsRefused() {
        assertThatThrownBy(() -> SmsPdu.submit("5555", "残".repeat(71))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmsPdu.submit("5555", "x".repeat(160)).tpduLength()).isEqualTo(10 + 140);
    }

    @Test
    void textModeHeaderReadsTheSameConcatenation() {
        SmsParts parts = new SmsParts();
        String h1 = "0500030A0201" + TextCoding.ucs2Hex("残高は");
        String h2 = "0500030A0202" + TextCoding.ucs2Hex("500円です");
        assertThat(parts.add(new SmsParts.Message(0x44, 8, h2))).isEmpty();
        assertThat(parts.add(new SmsParts.Message(0x44, 8, h1))).contains("残高は500円です");
        assertThat(parts.add(SmsPdu.parseDeliver(SmsPdu.deliver("+1", "+2", SENT, "hi", Alphabet.GSM7, 1, 0, false).get(0))))
                .isEqualTo(Optional.of("hi"));
        assertThat(HexFormat.of().parseHex("0500030A0201")).hasSize(6);
    }
}
