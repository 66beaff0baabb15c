package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.FOREIGN_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.card;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.simkiosk.card.CardError;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.Event.DetailSubmitted;
import com.simkiosk.kiosk.flow.Event.MethodChosen;
import com.simkiosk.kiosk.flow.Event.PinSubmitted;
import com.simkiosk.kiosk.flow.Event.Retry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimPathTest {

    private final FlowFixture kiosk = new FlowFixture();

    @Test
    void startsOnTheAttractScreenInJapanese() {
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.flow.language()).isEqualTo(Language.JA);
        assertThat(kiosk.views).hasSize(1);
    }

    @Test
    void insertedSimIsReadThenLookedUpThenOffersTheMethodsThatSuitASimInTheReader() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE,
                VerificationMethod.SMS_CODE, VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        assertThat(kiosk.state()).isEqualTo(new State.Reading());
        kiosk.io.runNext();
        assertThat(kiosk.state()).isEqualTo(new State.LookingUp());
        kiosk.io.runNext();

        // No SMS: a SIM in the reader cannot receive it.
        assertThat(kiosk.state()).isEqualTo(new State.ChooseVerification(
                List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT)));
    }

    @Test
    void foreignSimIsTurnedAwayWithoutAskingTheCarrier() {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Sim(card(FOREIGN_ICCID, PinStatus.DISABLED)));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.FOREIGN_SIM, false));
        // Nothing is sent: the only question the flow may put is the router's local "which back end would serve
        // this SIM" (for the support contact beside an error), which makes no request.
        verify(kiosk.carrier, atMost(100)).servedBy(any(Iccid.class));
        verifyNoMoreInteractions(kiosk.carrier);
    }

    @Test
    void cardWithoutIccidShowsNotASim() {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Failed(CardError.NOT_A_SIM, "no 2FE2"));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.NOT_A_SIM, false));
    }

    @Test
    void muteOrUpsideDownCardShowsNotASim() {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Failed(CardError.CARD_MUTE, "no ATR"));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.NOT_A_SIM, false));
    }

    @Test
    void cardPulledDuringTheReadShowsCardRemoved() {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Failed(CardError.CARD_REMOVED, "removed"));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.CARD_REMOVED, false));
    }

    @Test
    void readerProblemCanBeRetriedAndTheRetryReadsTheCardAgain() throws Exception {
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        when(kiosk.reader.read(READER))
                .thenReturn(new ReadResult.Failed(CardError.PCSC_UNAVAILABLE, "no service"))
                .thenReturn(new ReadResult.Sim(card(JP_ICCID, new PinStatus(true, 3))));

        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.READER_PROBLEM, true));

        kiosk.fire(new Retry());
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOf(State.EnterDetail.class);
        verify(kiosk.reader, times(2)).read(READER);
    }

    @Test
    void unknownSimShowsNotFound() throws Exception {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Sim(card(JP_ICCID, PinStatus.DISABLED)));
        when(kiosk.carrier.findLineByIccid(JP_ICCID)).thenThrow(new CarrierException(CarrierError.NOT_FOUND, "404"));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.NOT_FOUND, false));
    }

    @Test
    void suspendedLineShowsLineSuspended() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.SUSPENDED, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
    }

    @Test
    void terminatedLineShowsLineTerminated() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.TERMINATED, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_TERMINATED, false));
    }

    @Test
    void expiredBalanceShowsLineExpiredAfterVerification() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        var old = FlowFixture.balance();
        when(kiosk.carrier.balance(any())).thenReturn(new com.simkiosk.carrier.Balance(old.yen(), old.dataBytes(),
                old.voiceSeconds(), old.sms(), Optional.of(Instant.parse("2026-11-20T00:00:00Z")), old.buckets()));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new DetailSubmitted("1234"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_EXPIRED, false));
    }

    @Test
    void backEndDownIsRetryableAndTheRetrySucceeds() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        when(kiosk.carrier.findLineByIccid(JP_ICCID))
                .thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "503"))
                .thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));

        kiosk.fire(new Retry());
        assertThat(kiosk.state()).isEqualTo(new State.LookingUp());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3, Optional.empty()));
        verify(kiosk.reader, times(1)).read(READER);
    }

    @Test
    void aCrashingBackEndIsShownAsBackEndDownNotAsAnException() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        when(kiosk.carrier.findLineByIccid(JP_ICCID)).thenThrow(new IllegalStateException("bug"));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
    }

    @Test
    void withOneSuitableMethodTheFlowGoesStraightToIt() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ORDER_NUMBER));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()));
    }

    @Test
    void lineThatOnlyAllowsSmsCannotBeVerifiedWithTheSimInTheReader() throws Exception {
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SMS_CODE));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.CANNOT_VERIFY, false));
    }

    @Test
    void simWithoutPinIsNotOfferedThePinMethod() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED,
                line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3, Optional.empty()));
    }

    @Test
    void rightPinShowsTheBalance() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        when(kiosk.reader.verifyPin(READER, "1234")).thenReturn(new PinResult.Verified());

        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.EnterPin(3, Optional.empty()));
        kiosk.fire(new PinSubmitted("1234"));
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
    }

    @Test
    void wrongPinShowsTriesLeftAndTheKioskRefusesWhenOneTryIsLeft() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3),
                line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));
        when(kiosk.reader.verifyPin(READER, "0000"))
                .thenReturn(new PinResult.Wrong(2))
                .thenReturn(new PinResult.Wrong(1));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new MethodChosen(VerificationMethod.SIM_PIN));
        kiosk.fire(new PinSubmitted("0000"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.EnterPin(2, Optional.of(ErrorKind.WRONG_PIN)));

        kiosk.fire(new PinSubmitted("0000"));
        kiosk.settle();

        State.PinRefused refused = (State.PinRefused) kiosk.state();
        assertThat(refused.triesLeft()).isEqualTo(1);
        assertThat(refused.reasonKey()).isEqualTo("pin.refused.lastTry");
        assertThat(refused.otherMethods()).containsExactly(VerificationMethod.ID_DOCUMENT);
        verify(kiosk.reader, times(2)).verifyPin(eq(READER), anyString());
    }

    @Test
    void simWithOneTryLeftIsRefusedWithoutTouchingTheCard() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 1), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));

        kiosk.insert();
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.PinRefused(1, List.of()));
        kiosk.fire(new PinSubmitted("1234"));
        kiosk.settle();
        verify(kiosk.reader, never()).verifyPin(anyString(), anyString());
    }

    @Test
    void blockedSimIsRefusedWithTheBlockedReason() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 0), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));

        kiosk.insert();
        kiosk.settle();

        assertThat(((State.PinRefused) kiosk.state()).reasonKey()).isEqualTo("pin.refused.blocked");
    }

    @Test
    void readerRefusalIsShownAsPinRefused() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        when(kiosk.reader.verifyPin(READER, "1234")).thenReturn(new PinResult.Refused(1));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new PinSubmitted("1234"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.PinRefused(1, List.of()));
    }

    @Test
    void afterPinRefusalTheCustomerCanUseAnotherMethod() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 1),
                line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN, VerificationMethod.ORDER_NUMBER));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new MethodChosen(VerificationMethod.SIM_PIN));
        assertThat(kiosk.state()).isEqualTo(new State.PinRefused(1, List.of(VerificationMethod.ORDER_NUMBER)));

        kiosk.fire(new MethodChosen(VerificationMethod.ORDER_NUMBER));

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()));
    }

    @Test
    void pinCheckFailureRetriesBackToThePinScreenNeverResendingThePin() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        when(kiosk.reader.verifyPin(READER, "1234"))
                .thenReturn(new PinResult.Failed(CardError.TIMEOUT, "slow card"));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new PinSubmitted("1234"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.CARD_TIMEOUT, true));

        kiosk.fire(new Retry());

        assertThat(kiosk.state()).isEqualTo(new State.EnterPin(3, Optional.empty()));
        verify(kiosk.reader, times(1)).verifyPin(anyString(), anyString());
    }

    @Test
    void wrongDetailShowsAttemptsLeftAndTooManyEndsIt() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        org.mockito.Mockito.doThrow(new CarrierException(CarrierError.DETAIL_MISMATCH, "no match"))
                .when(kiosk.carrier).verifyRegisteredDetail(any(), eq(VerificationMethod.ID_DOCUMENT), eq("9999"));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new DetailSubmitted("9999"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 2, Optional.of(ErrorKind.WRONG_DETAIL)));
        kiosk.fire(new DetailSubmitted("9999"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 1, Optional.of(ErrorKind.WRONG_DETAIL)));
        kiosk.fire(new DetailSubmitted("9999"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
    }

    @Test
    void aCheckTheCarrierCannotDoForTheLineLeadsToTheOtherMethod() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED,
                line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT, VerificationMethod.ORDER_NUMBER));
        org.mockito.Mockito.doThrow(new CarrierException(CarrierError.NOT_SUPPORTED, "422 SERVICE_NOT_APPLICABLE"))
                .when(kiosk.carrier).verifyRegisteredDetail(any(), eq(VerificationMethod.ID_DOCUMENT), eq("TK1234567"));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new MethodChosen(VerificationMethod.ID_DOCUMENT), new DetailSubmitted("TK1234567"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()));
    }

    @Test
    void aCheckTheCarrierCannotDoWithNoOtherMethodLeftSaysTheLineCannotBeCheckedHere() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        org.mockito.Mockito.doThrow(new CarrierException(CarrierError.NOT_SUPPORTED, "422 MISSING_IDENTIFIER"))
                .when(kiosk.carrier).verifyRegisteredDetail(any(), eq(VerificationMethod.ID_DOCUMENT), any());

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new DetailSubmitted("TK1234567"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.CANNOT_VERIFY, false));
    }

    @Test
    void rightDetailShowsTheBalance() throws Exception {
        kiosk.reachBalanceBySim();

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
        verify(kiosk.carrier).verifyRegisteredDetail(any(), eq(VerificationMethod.ID_DOCUMENT), eq("1234"));
    }

    @Test
    void backFromTheDetailScreenReturnsToTheChoiceOfMethods() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3),
                line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new MethodChosen(VerificationMethod.ID_DOCUMENT), new Event.Back());

        assertThat(kiosk.state()).isInstanceOf(State.ChooseVerification.class);
    }

    @Test
    void readerEventsFromTheMonitorThreadArePostedToTheFlowThread() throws Exception {
        var posted = new java.util.ArrayList<Runnable>();
        var flow = new SessionFlow(kiosk.reader, kiosk.carrier, kiosk.printer, FlowExecutors.sharing(kiosk.io), posted::add, kiosk.time,
                kiosk.time, FlowConfig.defaults(), new PlainFlowTexts());
        var captor = org.mockito.ArgumentCaptor.forClass(java.util.function.Consumer.class);
        flow.start();
        verify(kiosk.reader, org.mockito.Mockito.atLeastOnce()).addListener(captor.capture());
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<com.simkiosk.card.CardEvent> monitor = captor.getValue();

        monitor.accept(new com.simkiosk.card.CardEvent.Inserted(READER));
        assertThat(flow.state()).isEqualTo(new State.Attract()); // not yet: only posted
        posted.forEach(Runnable::run);

        assertThat(flow.state()).isEqualTo(new State.Reading());
    }
}
