package com.simkiosk.card.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import java.lang.reflect.Constructor;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import org.junit.jupiter.api.Test;

/** Classification of the exceptions the JDK provider really throws (its own PCSCException, built by reflection). */
class PcscErrorsTest {

    private static CardException fromPcsc(int code) throws Exception {
        Class<?> type = Class.forName("sun.security.smartcardio.PCSCException");
        Constructor<?> constructor = type.getDeclaredConstructor(int.class);
        constructor.setAccessible(true);
        return new CardException("transmit() failed", (Throwable) constructor.newInstance(code));
    }

    @Test
    void aCardPulledOutIsRemoved() throws Exception {
        assertThat(PcscErrors.classify(fromPcsc(0x80100069)).error()).isEqualTo(CardError.CARD_REMOVED);
        assertThat(PcscErrors.classify(fromPcsc(0x8010000C)).error()).isEqualTo(CardError.CARD_REMOVED);
        assertThat(PcscErrors.classify(new CardNotPresentException("No card present")).error()).isEqualTo(CardError.CARD_REMOVED);
        assertThat(PcscErrors.classify(new IllegalStateException("Card has been removed")).error()).isEqualTo(CardError.CARD_REMOVED);
    }

    @Test
    void anUnpoweredOrUnresponsiveCardIsMute() throws Exception {
        assertThat(PcscErrors.classify(fromPcsc(0x80100067)).error()).isEqualTo(CardError.CARD_MUTE);
        assertThat(PcscErrors.classify(fromPcsc(0x80100066)).error()).isEqualTo(CardError.CARD_MUTE);
    }

    @Test
    void anotherProgramHoldingTheCardIsASharingViolation() throws Exception {
        PcscErrors.Failure failure = PcscErrors.classify(fromPcsc(0x8010000B));
        assertThat(failure.error()).isEqualTo(CardError.SHARING_VIOLATION);
        assertThat(failure.code()).isEqualTo("SCARD_E_SHARING_VIOLATION");
    }

    @Test
    void aStoppedServiceIsUnavailableAndCallsForANewContext() throws Exception {
        PcscErrors.Failure failure = PcscErrors.classify(fromPcsc(0x8010001D));
        assertThat(failure.error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
        assertThat(failure.serviceLost()).isTrue();
        assertThat(PcscErrors.classify(fromPcsc(0x8010001E)).serviceLost()).isTrue();
    }

    @Test
    void aMissingLibraryIsUnavailable() {
        assertThat(PcscErrors.classify(new UnsupportedOperationException("PC/SC not available on this platform")).error())
                .isEqualTo(CardError.PCSC_UNAVAILABLE);
    }

    @Test
    void noReadersIsRecognisedSoItCanBeAnEmptyList() throws Exception {
        assertThat(PcscErrors.noReaders(fromPcsc(0x8010002E))).isTrue();
        assertThat(PcscErrors.noReaders(fromPcsc(0x8010001D))).isFalse();
    }

    @Test
    void somethingUnknownIsTreatedAsAMuteCardAndNamedForTheLog() throws Exception {
        PcscErrors.Failure failure = PcscErrors.classify(fromPcsc(0x80100013 + 0x100));
        assertThat(failure.error()).isEqualTo(CardError.CARD_MUTE);
    }
}
