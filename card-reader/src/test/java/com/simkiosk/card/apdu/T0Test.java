package com.simkiosk.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.CardError;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class T0Test {

    private static byte[] sendThroughT0(RecordedExchange card, String command) throws CardIoException {
        byte[] answer = T0.over(card).transmit(Hex.decode(command));
        card.assertAllExchanged();
        return answer;
    }

    @Test
    void fetchesTheFcpWhenAUiccAnswers61() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("uicc-select-fcp-61"), "00 A4 00 04 02 2F E2");
        assertThat(Hex.spaced(answer)).isEqualTo("62 0C 82 02 41 21 83 02 2F E2 80 02 00 0A 90 00");
    }

    @Test
    void joinsAnAnswerHandedOverInSeveral61Rounds() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("chained-61"), "00 A4 00 04 02 2F E2");
        assertThat(Hex.spaced(answer)).isEqualTo("62 04 82 02 41 21 90 00");
    }

    @Test
    void resendsWithTheLengthTheCardAskedFor() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("read-binary-6c"), "00 B0 00 00 00");
        assertThat(Hex.spaced(answer)).isEqualTo("98 88 12 01 00 00 40 03 10 F0 90 00");
    }

    @Test
    void addsAnLeToAHeaderOnlyCommandAnswered6C() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("verify-status-6c-case1"), "00 CA 00 5A");
        assertThat(Hex.spaced(answer)).isEqualTo("12 34 90 00");
    }

    @Test
    void fetchesA2gSimResponseAfter9FWithClaA0() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("gsm-select-9f"), "A0 A4 00 00 02 2F E2");
        assertThat(ResponseApdu.of(answer).is(StatusWord.OK)).isTrue();
        assertThat(ResponseApdu.of(answer).data()).hasSize(15);
    }

    @Test
    void retriesAGetResponseThatWasAnswered6C() throws Exception {
        byte[] answer = sendThroughT0(RecordedExchange.load("get-response-6c"), "00 A4 00 04 02 2F E2");
        assertThat(Hex.spaced(answer)).endsWith("00 0A 90 00");
    }

    @Test
    void passesPlainAnswersThroughUntouched() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ApduChannel card = command -> {
            calls.incrementAndGet();
            return Hex.decode("6A 82");
        };
        assertThat(Hex.spaced(T0.over(card).transmit(Hex.decode("00 A4 00 04 02 2F E2")))).isEqualTo("6A 82");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpOnACardThatAnswers61Forever() {
        AtomicInteger calls = new AtomicInteger();
        ApduChannel endless = command -> {
            calls.incrementAndGet();
            return Hex.decode("61 01");
        };
        assertThatThrownBy(() -> T0.over(endless).transmit(Hex.decode("00 A4 00 04 02 2F E2")))
                .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error()).isEqualTo(CardError.CARD_MUTE));
        assertThat(calls.get()).isEqualTo(1 + GetResponseWrapper.MAX_ROUNDS);
    }

    @Test
    void givesUpOnACardThatAnswers6CForever() {
        AtomicInteger calls = new AtomicInteger();
        ApduChannel endless = command -> {
            calls.incrementAndGet();
            return Hex.decode("6C 0A");
        };
        assertThatThrownBy(() -> T0.over(endless).transmit(Hex.decode("00 B0 00 00 0A")))
                .isInstanceOf(CardIoException.class);
        assertThat(calls.get()).isEqualTo(1 + GetResponseWrapper.MAX_ROUNDS);
    }

    @Test
    void givesUpOnA2gSimThatAnswers9FForever() {
        ApduChannel endless = command -> Hex.decode("9F 0F");
        assertThatThrownBy(() -> T0.over(endless).transmit(Hex.decode("A0 A4 00 00 02 2F E2")))
                .isInstanceOf(CardIoException.class);
    }

    @Test
    void treatsAnAnswerShorterThanTwoBytesAsAMuteCard() {
        ApduChannel broken = command -> new byte[] {(byte) 0x90};
        assertThatThrownBy(() -> T0.over(broken).transmit(Hex.decode("00 B0 00 00 0A")))
                .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error()).isEqualTo(CardError.CARD_MUTE));
    }

    @Test
    void hexReadsSpacedAndCompactFormsAlike() {
        assertThat(Hex.decode("00 a4 00 04")).isEqualTo(Hex.decode("00A40004"));
        assertThat(Hex.encode(Hex.decode("00 a4"))).isEqualTo("00A4");
    }

    @Test
    void namesStatusWordFamilies() {
        assertThat(StatusWord.isTriesLeft(0x63C2)).isTrue();
        assertThat(StatusWord.isTriesLeft(0x6300)).isFalse();
        assertThat(StatusWord.isClassNotSupported(0x6E00)).isTrue();
        assertThat(StatusWord.FILE_NOT_FOUND.matches(0x6A82)).isTrue();
        assertThat(StatusWord.format(0x9F0F)).isEqualTo("9F0F");
    }
}
