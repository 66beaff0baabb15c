package com.simkiosk.mock.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardType;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.apdu.T0;
import com.simkiosk.card.fs.SimFiles;
import com.simkiosk.card.sim.SimIdentity;
import com.simkiosk.card.sim.SimIdentityReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSimTest {
    private static final String ICCID = "8981100000000000905";

    /** The identity a read finds, and the command APDUs that reached the card for it. */
    private record TappedRead(SimIdentity sim, List<String> sent) {}

    private static TappedRead readTapped(VirtualSimSpec spec) throws CardIoException {
        VirtualSim card = new VirtualSim(spec);
        List<String> sent = new ArrayList<>();
        card.tapCommands(command -> sent.add(Hex.encode(command)));
        return new TappedRead(new SimIdentityReader(card).read(), sent);
    }

    @Test
    void aVirtualUiccIsReadInThreeApdusWithoutItsFcp() throws Exception {
        TappedRead read = readTapped(VirtualSimSpec.uicc(ICCID).withPin("1234", 3));
        assertThat(read.sim()).isEqualTo(new SimIdentity(CardType.UICC, read.sim().iccid(), new PinStatus(true, 3)));
        assertThat(read.sim().iccid().digits()).isEqualTo(ICCID);
        // SELECT EF.ICCID without FCP (no 61xx, no GET RESPONSE), READ BINARY, VERIFY status: was four APDUs
        assertThat(read.sent()).containsExactly("00A4000C022FE2", "00B000000A", "00200001");
    }

    @Test
    void aVirtual2gSimIsReadInFiveApdusWithoutFetchingTheIccidFilesResponse() throws Exception {
        TappedRead read = readTapped(VirtualSimSpec.sim2g(ICCID).withPin("1234", 2));
        assertThat(read.sim()).isEqualTo(new SimIdentity(CardType.SIM_2G, read.sim().iccid(), new PinStatus(true, 2)));
        assertThat(read.sim().iccid().digits()).isEqualTo(ICCID);
        // 6E00 to CLA 00, A0 SELECT EF.ICCID (9Fxx not fetched), A0 READ BINARY, A0 SELECT MF + GET RESPONSE
        // (its CHV1 state is read): was six APDUs
        assertThat(read.sent()).containsExactly("00A4000C022FE2", "A0A40000022FE2", "A0B000000A", "A0A40000023F00", "A0C0000016");
    }

    @Test
    void aVirtual2gSimAnswers9FAndIsReadWithClaA0() throws Exception {
        StatusWordTap wire = new StatusWordTap(new VirtualSim(VirtualSimSpec.sim2g(ICCID).withPin("1234", 2)));
        SimIdentity sim = new SimIdentityReader(wire).read();
        assertThat(sim.type()).isEqualTo(CardType.SIM_2G);
        assertThat(sim.iccid().digits()).isEqualTo(ICCID);
        assertThat(sim.pin()).isEqualTo(new PinStatus(true, 2));
        assertThat(wire.answers).contains("6E00", "9F0F");
    }

    @Test
    void aVirtualBankCardIsNotASim() {
        assertThatThrownBy(() -> new SimIdentityReader(new VirtualSim(VirtualSimSpec.bankCard())).read())
                .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error()).isEqualTo(CardError.NOT_A_SIM));
    }

    @Test
    void theWrongLeFaultIsAnswered6CAndTheReadStillSucceeds() throws Exception {
        StatusWordTap wire = new StatusWordTap(new VirtualSim(VirtualSimSpec.uicc(ICCID).withFault(SimFault.WRONG_LE_ONCE)));
        assertThat(new SimIdentityReader(wire).read().iccid().digits()).isEqualTo(ICCID);
        assertThat(wire.answers).contains("6C0A");
    }

    @Test
    void aCardPulledOutMidReadReportsRemovedAndStaysRemoved() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withFault(SimFault.REMOVED_MID_READ));
        assertThatThrownBy(() -> new SimIdentityReader(card).read())
                .isInstanceOfSatisfying(CardIoException.class, e -> assertThat(e.error()).isEqualTo(CardError.CARD_REMOVED));
        assertThatThrownBy(() -> card.transmit(Hex.decode("00 A4 00 0C 02 3F 00"))).isInstanceOf(CardIoException.class);
    }

    @Test
    void aCardWithoutAtrHasNone() {
        assertThat(new VirtualSim(VirtualSimSpec.uicc(ICCID).withFault(SimFault.NO_ATR)).atr()).isEmpty();
        assertThat(new VirtualSim(VirtualSimSpec.uicc(ICCID)).atr()).isPresent();
    }

    @Test
    void theRightPinUnlocksTheImsiAndAWrongOneCostsATry() throws Exception {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
        ApduChannel t0 = T0.over(card);
        t0.transmit(Hex.decode("00 A4 04 04 07 A0 00 00 00 87 10 02"));
        assertThat(Hex.encode(t0.transmit(Hex.decode("00 B0 87 00 09")))).isEqualTo("6982");
        assertThat(new SimIdentityReader(card).verifyPin("1111")).isEqualTo(new PinResult.Wrong(2));
        assertThat(new SimIdentityReader(card).verifyPin("2468")).isEqualTo(new PinResult.Verified());
        byte[] imsi = t0.transmit(Hex.decode("00 B0 87 00 09"));
        assertThat(SimFiles.EF_IMSI.decode(java.util.Arrays.copyOf(imsi, 9)).digits()).isEqualTo("440101234567890");
    }

    @Test
    void theKioskNeverBlocksTheSimEvenWhenAskedRepeatedly() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
        SimIdentityReader reader = new SimIdentityReader(card);
        List<PinResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(reader.verifyPin("0000"));
        }
        assertThat(results).containsExactly(new PinResult.Wrong(2), new PinResult.Wrong(1),
                new PinResult.Refused(1), new PinResult.Refused(1), new PinResult.Refused(1));
        assertThat(card.triesLeft()).isEqualTo(1);
    }

    @Test
    void aWrong2gPinReportsTheTriesLeft() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.sim2g(ICCID).withPin("2468", 3));
        assertThat(new SimIdentityReader(card).verifyPin("0000")).isEqualTo(new PinResult.Wrong(2));
        assertThat(new SimIdentityReader(card).verifyPin("2468")).isEqualTo(new PinResult.Verified());
    }

    @Test
    void aSimWithoutPinSaysThereIsNothingToVerify() {
        assertThat(new SimIdentityReader(new VirtualSim(VirtualSimSpec.uicc(ICCID))).verifyPin("1234"))
                .isEqualTo(new PinResult.NotEnabled());
        assertThat(new SimIdentityReader(new VirtualSim(VirtualSimSpec.sim2g(ICCID))).verifyPin("1234"))
                .isEqualTo(new PinResult.NotEnabled());
    }

    @Test
    void aSlowCardStillReadsItJustTakesLonger() throws Exception {
        StatusWordTap wire = new StatusWordTap(new VirtualSim(VirtualSimSpec.uicc(ICCID).withAnswerDelay(java.time.Duration.ofMillis(25))));
        long start = System.nanoTime();
        assertThat(new SimIdentityReader(wire).read().iccid().digits()).isEqualTo(ICCID);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isGreaterThanOrEqualTo(25L * wire.answers.size());
    }

    @Test
    void theSpecNeverPrintsTheFullIccid() {
        assertThat(VirtualSimSpec.uicc(ICCID).toString()).doesNotContain(ICCID);
    }
}
