package com.simkiosk.card.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardType;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.RecordedExchange;
import org.junit.jupiter.api.Test;

class SimIdentityReaderTest {

    private static SimIdentity read(String recording) throws CardIoException {
        RecordedExchange card = RecordedExchange.load(recording);
        SimIdentity identity = new SimIdentityReader(card).read();
        card.assertAllExchanged();
        return identity;
    }

    private static CardError failure(String recording) {
        RecordedExchange card = RecordedExchange.load(recording);
        CardIoException[] caught = new CardIoException[1];
        assertThatThrownBy(() -> new SimIdentityReader(card).read())
                .isInstanceOfSatisfying(CardIoException.class, e -> caught[0] = e);
        card.assertAllExchanged();
        return caught[0].error();
    }

    private static PinResult verify(String recording, String pin) {
        RecordedExchange card = RecordedExchange.load(recording);
        PinResult result = new SimIdentityReader(card).verifyPin(pin);
        card.assertAllExchanged();
        return result;
    }

    @Test
    void readsAUiccWithItsIccidAndPinTries() throws Exception {
        SimIdentity sim = read("sim-uicc-read");
        assertThat(sim.type()).isEqualTo(CardType.UICC);
        assertThat(sim.iccid().digits()).isEqualTo("8988211000000430010");
        assertThat(sim.pin()).isEqualTo(new PinStatus(true, 3));
    }

    @Test
    void aUiccThatOnlySelectsWithItsFcpIsAskedAgainButTheFcpIsNotFetched() throws Exception {
        assertThat(read("uicc-select-fcp-only")).isEqualTo(read("sim-uicc-read"));
    }

    @Test
    void readsIccidFrom2gSimThatAnswers9F() throws Exception {
        SimIdentity sim = read("sim-2g-read");
        assertThat(sim.type()).isEqualTo(CardType.SIM_2G);
        assertThat(sim.iccid().digits()).isEqualTo("8988211000000430010");
        assertThat(sim.pin()).isEqualTo(new PinStatus(true, 2));
    }

    @Test
    void fallsBackTo2gWhenTheCardRefusesTheInstructionForClass00() throws Exception {
        SimIdentity sim = read("sim-2g-read-6d");
        assertThat(sim.type()).isEqualTo(CardType.SIM_2G);
        assertThat(sim.pin().enabled()).isFalse();
    }

    @Test
    void aBankCardIsNotASim() {
        assertThat(failure("bank-card")).isEqualTo(CardError.NOT_A_SIM);
    }

    @Test
    void aCardThatKnowsNeitherDialectIsNotASim() {
        assertThat(failure("card-refusing-both-classes")).isEqualTo(CardError.NOT_A_SIM);
    }

    @Test
    void aFileThatDoesNotHoldAnIccidIsNotASim() {
        assertThat(failure("ef-2fe2-not-an-iccid")).isEqualTo(CardError.NOT_A_SIM);
    }

    @Test
    void refusesToTryThePinWhenOneTryIsLeft() {
        assertThat(verify("pin-one-try-left", "1234")).isEqualTo(new PinResult.Refused(1));
    }

    @Test
    void refusesToTryThePinOfABlockedSim() {
        assertThat(verify("pin-blocked", "1234")).isEqualTo(new PinResult.Refused(0));
    }

    @Test
    void saysSoWhenThePinIsNotEnabled() {
        assertThat(verify("pin-disabled", "1234")).isEqualTo(new PinResult.NotEnabled());
    }

    @Test
    void reportsTheTriesLeftAfterAWrongPin() {
        assertThat(verify("pin-wrong", "1234")).isEqualTo(new PinResult.Wrong(2));
    }

    @Test
    void verifiesTheRightPin() {
        assertThat(verify("pin-right", "0000")).isEqualTo(new PinResult.Verified());
    }

    @Test
    void verifiesThePinOfA2gSim() {
        assertThat(verify("pin-2g-right", "1234")).isEqualTo(new PinResult.Verified());
    }

    @Test
    void readsTheTriesLeftAgainAfterAWrong2gPin() {
        assertThat(verify("pin-2g-wrong", "9999")).isEqualTo(new PinResult.Wrong(2));
    }

    @Test
    void refusesToTryA2gPinWithOneTryLeft() {
        assertThat(verify("pin-2g-one-try-left", "1234")).isEqualTo(new PinResult.Refused(1));
    }

    @Test
    void rejectsAPinThatIsNotFourToEightDigits() {
        assertThatThrownBy(() -> new SimIdentityReader(command -> new byte[] {(byte) 0x90, 0}).verifyPin("12a4"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransportFailureDuringPinVerificationIsClassified() {
        PinResult result = new SimIdentityReader(command -> {
            throw new CardIoException(CardError.CARD_REMOVED, "gone");
        }).verifyPin("1234");
        assertThat(result).isInstanceOfSatisfying(PinResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(CardError.CARD_REMOVED));
    }
}
