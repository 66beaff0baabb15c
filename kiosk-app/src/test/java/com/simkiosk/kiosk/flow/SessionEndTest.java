package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.ICCID_DIGITS;
import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.LINE_ID;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER_TYPED;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.Event.Cancel;
import com.simkiosk.kiosk.flow.Event.CodeSubmitted;
import com.simkiosk.kiosk.flow.Event.ConfirmTopUp;
import com.simkiosk.kiosk.flow.Event.DetailSubmitted;
import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.OfferChosen;
import com.simkiosk.kiosk.flow.Event.ShowTopUps;
import com.simkiosk.kiosk.flow.Event.SimInserted;
import com.simkiosk.kiosk.flow.Event.SimRemoved;
import com.simkiosk.kiosk.flow.Event.StartNumberEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionEndTest {

    private static final String CODE = "482913";
    private static final String PASSPORT_DIGITS = "K7Q2";

    private final FlowFixture kiosk = new FlowFixture();

    private List<String> personalDataLeft() {
        PersonalDataScan scan = new PersonalDataScan(
                List.of(ICCID_DIGITS, NUMBER_TYPED, "9012345678", LINE_ID, CODE, PASSPORT_DIGITS,
                        FlowFixture.order().paymentCode(), "auth-1", "Travel 5GB"),
                Set.of(Iccid.class, Msisdn.class, CardIdentity.class, com.simkiosk.carrier.Line.class, Balance.class,
                        BalanceView.class, OtpChallenge.class, TopUpOrder.class, com.simkiosk.printer.Slip.class),
                List.of(kiosk.reader, kiosk.carrier, kiosk.printer, kiosk.io, kiosk.time, kiosk.views),
                Set.of("listeners"));
        return scan.scan(kiosk.flow);
    }

    @Test
    void theScanDoesFindPersonalDataDuringASession() throws Exception {
        kiosk.reachBalanceBySim();

        assertThat(personalDataLeft()).isNotEmpty().anyMatch(found -> found.contains("Iccid"));
    }

    @Test
    void doneAfterATopUpWipesEverythingPersonalAndAsksForTheSim() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new DetailSubmitted(PASSPORT_DIGITS));
        kiosk.settle();
        buy1GbAndPrintTheSlip();

        kiosk.fire(new Done());

        assertThat(kiosk.state()).isEqualTo(new State.TakeSim(true));
        assertThat(personalDataLeft()).isEmpty();
        kiosk.remove();
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(personalDataLeft()).isEmpty();
    }

    @Test
    void numberPathSessionEndsOnAttractWithNothingLeft() throws Exception {
        kiosk.reachCodeScreen();
        kiosk.fire(new CodeSubmitted(CODE));
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);

        kiosk.fire(new Done());

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(personalDataLeft()).isEmpty();
    }

    /** From the balance: the 1 GB offer chosen, confirmed, ordered and its slip printed. */
    private void buy1GbAndPrintTheSlip() throws Exception {
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(FlowFixture.OFFER_1GB));
        when(kiosk.carrier.orderTopUp(any(), any(), anyString())).thenReturn(FlowFixture.order());
        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        kiosk.fire(new OfferChosen(FlowFixture.OFFER_1GB.id()), new ConfirmTopUp());
        kiosk.settle();
    }

    /** Issue 10: with no SIM in the reader, the end after a printed slip asks for the slip alone ("take your slip"). */
    @Test
    void numberPathAfterAPrintedSlipAsksForTheSlipAloneThenReturnsOnDoneOrByItself() throws Exception {
        kiosk.reachCodeScreen();
        kiosk.fire(new CodeSubmitted(CODE));
        kiosk.settle();
        buy1GbAndPrintTheSlip();
        assertThat(kiosk.printer.printed()).hasSize(1);

        kiosk.fire(new Done());

        assertThat(kiosk.state()).isEqualTo(new State.TakeSlip());
        assertThat(personalDataLeft()).isEmpty();
        kiosk.fire(new Done());
        assertThat(kiosk.state()).isEqualTo(new State.Attract());

        // Left alone, the slip screen gives way to the start after the quiet period, without an "are you there?".
        kiosk.reachCodeScreen();
        kiosk.fire(new CodeSubmitted(CODE));
        kiosk.settle();
        buy1GbAndPrintTheSlip();
        kiosk.fire(new Event.LanguageChosen(Language.EN), new Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSlip());
        kiosk.time.advance(FlowConfig.defaults().idleWarningAfter());
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.flow.language()).isEqualTo(FlowConfig.defaults().defaultLanguage());
        assertThat(kiosk.views).noneMatch(v -> v.state() instanceof State.TakeSlip && v.idleWarning());
    }

    @Test
    void removingTheSimMidSessionEndsItAtOnceAndWipes() throws Exception {
        kiosk.reachBalanceBySim();

        kiosk.remove();

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.views.get(kiosk.views.size() - 1).state()).isEqualTo(new State.Attract());
        assertThat(personalDataLeft()).isEmpty();
    }

    @Test
    void removingTheSimDuringTheReadDropsTheLateResult() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();

        kiosk.remove();
        kiosk.settle(); // the read answers after the card left

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        verify(kiosk.carrier, never()).findLineByIccid(any());
        assertThat(personalDataLeft()).isEmpty();
    }

    @Test
    void removalFromAnotherReaderDoesNotEndTheSession() throws Exception {
        kiosk.reachBalanceBySim();

        kiosk.fire(new SimRemoved("Reader 1"));

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
    }

    @Test
    void aCardRemovedDuringTheNumberPathDoesNotEndIt() throws Exception {
        kiosk.reachCodeScreen();

        kiosk.remove();

        assertThat(kiosk.state()).isInstanceOf(State.EnterCode.class);
    }

    @Test
    void insertingASimDuringTheNumberPathStartsASimSessionAndForgetsTheNumber() throws Exception {
        kiosk.reachCodeScreen();
        kiosk.givenSimWithDetailLine();

        kiosk.insert();
        assertThat(kiosk.state()).isEqualTo(new State.Reading());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3, Optional.empty()));
        kiosk.fire(new Cancel());
        assertThat(personalDataLeft()).isEmpty();
    }

    @Test
    void aNewSimWhileTheOldOneIsBeingLookedUpIgnoresTheOldAnswer() throws Exception {
        kiosk.givenSimLine(PinStatus.DISABLED, line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        kiosk.insert();
        kiosk.io.runNext(); // read done, line lookup queued

        kiosk.fire(new SimRemoved(READER), new SimInserted(READER));
        kiosk.io.runNext(); // the first SIM's line lookup answers late

        assertThat(kiosk.state()).isEqualTo(new State.Reading());
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.EnterDetail.class);
    }

    @Test
    void insertionsInOtherReadersAreIgnoredWhenAReaderIsConfigured() {
        FlowConfig onlyReader0 = new FlowConfig(Duration.ofSeconds(60), Duration.ofSeconds(15), Optional.of(READER),
                Language.JA, 3, 3, 3, 14, 3, "store", "kiosk");
        FlowFixture configured = new FlowFixture(onlyReader0);

        configured.fire(new SimInserted("Contactless Reader"));

        assertThat(configured.state()).isEqualTo(new State.Attract());
        assertThat(configured.io.waiting()).isZero();
    }

    @Test
    void cancelWhileReadingAbandonsTheReadAndAsksForTheSimBack() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();

        kiosk.fire(new Cancel());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
        verify(kiosk.carrier, never()).findLineByIccid(any());
    }

    @Test
    void cancelWhileCheckingTheCodeReturnsToTheCodeScreenAndIgnoresTheAnswer() throws Exception {
        kiosk.reachCodeScreen();
        kiosk.fire(new CodeSubmitted(CODE));
        State.EnterCode before = new State.EnterCode("090-****-5678", 3, FlowFixture.CHALLENGE.resendAllowedAt(), 2,
                Optional.empty());

        kiosk.fire(new Cancel());
        assertThat(kiosk.state()).isEqualTo(before);
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(before);
        verify(kiosk.carrier, never()).findLineByNumber(any());
    }

    @Test
    void cancelWhileLoadingTheBalanceEndsTheSession() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new DetailSubmitted(PASSPORT_DIGITS));
        kiosk.io.runNext(); // detail verified, balance queued

        kiosk.fire(new Cancel());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
        assertThat(personalDataLeft()).isEmpty();
    }

    @Test
    void doneOnAnErrorAsksForTheSimBackOnTheSimPathAndReturnsToAttractOnTheNumberPath() throws Exception {
        when(kiosk.reader.read(READER)).thenReturn(new com.simkiosk.card.ReadResult.Failed(
                com.simkiosk.card.CardError.NOT_A_SIM, "no ICCID"));
        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
        kiosk.remove();

        FlowFixture other = new FlowFixture();
        when(other.carrier.sendCode(any(), anyString()))
                .thenThrow(new com.simkiosk.carrier.CarrierException(
                        com.simkiosk.carrier.CarrierError.OTP_MAX_CODES_EXCEEDED, "403"));
        other.submitNumber(NUMBER_TYPED);
        other.fire(new Done());

        assertThat(other.state()).isEqualTo(new State.Attract());
    }

    @Test
    void cancelWhileSendingTheCodeReturnsToTheKeypad() throws Exception {
        kiosk.givenNumberLine();
        kiosk.fire(new StartNumberEntry());
        kiosk.typeDigits(NUMBER_TYPED);
        kiosk.fire(new Event.KeypadSubmit(), new Cancel());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber(NUMBER_TYPED, "090-1234-5678", true));
    }

    @Test
    void cancelWhileLoadingOffersReturnsToTheBalance() throws Exception {
        kiosk.reachBalanceBySim();
        State balance = kiosk.state();

        kiosk.fire(new ShowTopUps(), new Cancel());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(balance);
    }

    @Test
    void backOrDoneOnTheVerificationScreensEndsTheSession() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 1),
                line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));
        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.ChooseVerification.class);
        kiosk.fire(new Event.Back());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new Event.MethodChosen(VerificationMethod.SIM_PIN));
        assertThat(kiosk.state()).isInstanceOf(State.PinRefused.class);
        kiosk.fire(new Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
    }

    @Test
    void cancelOnTheAttractScreenDoesNothing() {
        kiosk.fire(new Cancel());

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void takeSimStaysWhileTheCustomerWalksAwayWithoutIt() throws Exception {
        kiosk.reachBalanceBySim();
        kiosk.fire(new Done());

        kiosk.time.advance(Duration.ofMinutes(10));

        // The SIM is still in the reader: "insert your SIM" would be wrong; nothing personal is left.
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
        assertThat(kiosk.flow.view().idleWarning()).isFalse();
        assertThat(kiosk.time.pendingTimers()).isZero();
        assertThat(personalDataLeft()).isEmpty();
        kiosk.remove();
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void closingTheFlowStopsListeningAndWipes() throws Exception {
        kiosk.reachBalanceBySim();

        kiosk.flow.close();

        verify(kiosk.reader).removeListener(any());
        assertThat(personalDataLeft()).isEmpty();
        assertThat(kiosk.time.pendingTimers()).isZero();
        assertThat(JP_ICCID.masked()).doesNotContain(ICCID_DIGITS);
    }
}
