package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.CHALLENGE;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER_TYPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.kiosk.flow.Event.Back;
import com.simkiosk.kiosk.flow.Event.CodeSubmitted;
import com.simkiosk.kiosk.flow.Event.KeypadBackspace;
import com.simkiosk.kiosk.flow.Event.KeypadSubmit;
import com.simkiosk.kiosk.flow.Event.ResendCode;
import com.simkiosk.kiosk.flow.Event.StartNumberEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

class NumberPathTest {

    private static final String MASKED = "090-****-5678";
    private final FlowFixture kiosk = new FlowFixture();

    @Test
    void keypadFormatsAsTypedAndSaysWhenTheNumberIsComplete() {
        kiosk.fire(new StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("", "", false));

        kiosk.typeDigits("090123");
        State.EnterNumber partial = (State.EnterNumber) kiosk.state();
        assertThat(partial.typed()).isEqualTo("090123");
        assertThat(partial.formatted()).isEqualTo("090-123");
        assertThat(partial.valid()).isFalse();

        kiosk.typeDigits("45678");
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber(NUMBER_TYPED, "090-1234-5678", true));

        kiosk.fire(new KeypadBackspace());
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("0901234567", "090-1234-567", false));
    }

    @Test
    void incompleteNumberIsNotSubmitted() {
        kiosk.fire(new StartNumberEntry());
        kiosk.typeDigits("0901234");
        kiosk.fire(new KeypadSubmit());

        assertThat(kiosk.state()).isInstanceOf(State.EnterNumber.class);
        assertThat(kiosk.io.waiting()).isZero();
    }

    @Test
    void submittedNumberGetsAnSmsCodeWithThePlaceholderAndAMaskedNumberOnScreen() throws Exception {
        kiosk.givenNumberLine();
        kiosk.fire(new StartNumberEntry());
        kiosk.typeDigits(NUMBER_TYPED);
        kiosk.fire(new KeypadSubmit());
        assertThat(kiosk.state()).isEqualTo(new State.LookingUp());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterCode(MASKED, 3, CHALLENGE.resendAllowedAt(), 2, Optional.empty()));
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(kiosk.carrier).sendCode(eq(NUMBER), message.capture());
        assertThat(message.getValue()).contains("{{code}}");
    }

    @Test
    void rightCodeValidatesFirstAndOnlyThenLooksTheLineUp() throws Exception {
        kiosk.reachCodeScreen();
        verify(kiosk.carrier, never()).findLineByNumber(any());

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
        var order = inOrder(kiosk.carrier);
        order.verify(kiosk.carrier).sendCode(eq(NUMBER), anyString());
        order.verify(kiosk.carrier).validateCode(CHALLENGE, "123456");
        order.verify(kiosk.carrier).findLineByNumber(NUMBER);
    }

    @Test
    void wrongCodeTwiceThenTheRightOneShowsTheBalance() throws Exception {
        kiosk.reachCodeScreen();
        doThrow(new CarrierException(CarrierError.OTP_INVALID, "invalid"))
                .when(kiosk.carrier).validateCode(CHALLENGE, "111111");
        doNothing().when(kiosk.carrier).validateCode(CHALLENGE, "123456");

        kiosk.fire(new CodeSubmitted("111111"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(
                new State.EnterCode(MASKED, 2, CHALLENGE.resendAllowedAt(), 2, Optional.of(ErrorKind.WRONG_CODE)));
        kiosk.fire(new CodeSubmitted("111111"));
        kiosk.settle();
        assertThat(((State.EnterCode) kiosk.state()).attemptsLeft()).isEqualTo(1);
        verify(kiosk.carrier, never()).findLineByNumber(any());

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
    }

    @Test
    void threeWrongCodesEndInTooManyTries() throws Exception {
        kiosk.reachCodeScreen();
        doThrow(new CarrierException(CarrierError.OTP_INVALID, "invalid"))
                .when(kiosk.carrier).validateCode(any(), anyString());

        for (int i = 0; i < 3; i++) {
            kiosk.fire(new CodeSubmitted("111111"));
            kiosk.settle();
        }

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
        verify(kiosk.carrier, never()).findLineByNumber(any());
    }

    @Test
    void carrierSayingVerificationFailedEndsInTooManyTries() throws Exception {
        kiosk.reachCodeScreen();
        doThrow(new CarrierException(CarrierError.OTP_VERIFICATION_FAILED, "failed"))
                .when(kiosk.carrier).validateCode(any(), anyString());

        kiosk.fire(new CodeSubmitted("111111"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
    }

    @Test
    void malformedCodeIsTurnedBackWithoutAskingTheCarrier() throws Exception {
        kiosk.reachCodeScreen();

        kiosk.fire(new CodeSubmitted("12"));

        assertThat(((State.EnterCode) kiosk.state()).notice()).contains(ErrorKind.WRONG_CODE);
        assertThat(((State.EnterCode) kiosk.state()).attemptsLeft()).isEqualTo(3);
        verify(kiosk.carrier, never()).validateCode(any(), anyString());
    }

    /** The heart of "no enumeration": an unknown number walks through exactly the same screens as a known one. */
    @Test
    void unknownNumberLooksExactlyLikeAKnownOneUntilVerification() throws Exception {
        Msisdn unknown = new Msisdn("+818011112222");
        List<State> known = journeyWithWrongCodes(NUMBER, "09012345678");
        List<State> stranger = journeyWithWrongCodes(unknown, "08011112222");

        assertThat(masklessShapes(stranger)).isEqualTo(masklessShapes(known));
        assertThat(stranger.get(stranger.size() - 1)).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
    }

    private List<State> journeyWithWrongCodes(Msisdn number, String typed) throws Exception {
        FlowFixture k = new FlowFixture();
        // The carrier answers sendCode the same for both (its contract); every code for the stranger fails.
        when(k.carrier.sendCode(eq(number), anyString())).thenReturn(CHALLENGE);
        doThrow(new CarrierException(CarrierError.OTP_INVALID, "invalid")).when(k.carrier).validateCode(any(), anyString());
        k.submitNumber(typed);
        for (int i = 0; i < 3; i++) {
            k.fire(new CodeSubmitted("111111"));
            k.settle();
        }
        verify(k.carrier, never()).findLineByNumber(any());
        return k.statesSeen();
    }

    /** The states with the typed and masked number blanked, which legitimately differ. */
    private static List<String> masklessShapes(List<State> states) {
        List<String> shapes = new ArrayList<>();
        for (State s : states) {
            if (s instanceof State.EnterNumber n) {
                shapes.add("EnterNumber valid=" + n.valid() + " length=" + n.typed().length());
            } else if (s instanceof State.EnterCode c) {
                shapes.add("EnterCode " + c.attemptsLeft() + " " + c.resendAllowedAt() + " " + c.resendsLeft() + " " + c.notice());
            } else {
                shapes.add(s.toString());
            }
        }
        return shapes;
    }

    @Test
    void carrierThatSaysNotFoundOnSendStillGetsTheCodeScreenAndNoCodeEverWorks() throws Exception {
        when(kiosk.carrier.sendCode(eq(NUMBER), anyString()))
                .thenThrow(new CarrierException(CarrierError.NOT_FOUND, "unknown"));

        kiosk.submitNumber(NUMBER_TYPED);
        State.EnterCode screen = (State.EnterCode) kiosk.state();
        assertThat(screen.attemptsLeft()).isEqualTo(3);
        assertThat(screen.notice()).isEmpty();

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();

        assertThat(((State.EnterCode) kiosk.state()).notice()).contains(ErrorKind.WRONG_CODE);
        verify(kiosk.carrier, never()).validateCode(any(), anyString());
        verify(kiosk.carrier, never()).findLineByNumber(any());
    }

    @Test
    void resendIsIgnoredDuringTheCooldownAndSendsANewCodeAfterIt() throws Exception {
        kiosk.reachCodeScreen();
        OtpChallenge second = new OtpChallenge("auth-2", FlowFixture.NOW.plusSeconds(200));
        when(kiosk.carrier.sendCode(eq(NUMBER), anyString())).thenReturn(second);

        kiosk.fire(new ResendCode());
        assertThat(kiosk.io.waiting()).isZero();

        kiosk.time.advance(Duration.ofSeconds(60));
        kiosk.fire(new ResendCode());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(
                new State.EnterCode(MASKED, 3, second.resendAllowedAt(), 1, Optional.empty()));
        verify(kiosk.carrier, times(2)).sendCode(eq(NUMBER), anyString());
    }

    @Test
    void resendsAreBoundedBySession() throws Exception {
        when(kiosk.carrier.sendCode(eq(NUMBER), anyString())).thenReturn(new OtpChallenge("a", FlowFixture.NOW));
        kiosk.submitNumber(NUMBER_TYPED);

        for (int i = 0; i < 5; i++) {
            kiosk.fire(new ResendCode());
            kiosk.settle();
        }

        verify(kiosk.carrier, times(3)).sendCode(eq(NUMBER), anyString());
        assertThat(((State.EnterCode) kiosk.state()).resendsLeft()).isZero();
    }

    @Test
    void goingBackAndSubmittingAgainSpendsTheSameBudgetOfCodes() throws Exception {
        kiosk.reachCodeScreen();

        for (int i = 0; i < 3; i++) { // two more codes, then the budget is spent
            kiosk.fire(new Back(), new KeypadSubmit());
            kiosk.settle();
        }

        verify(kiosk.carrier, times(3)).sendCode(eq(NUMBER), anyString());
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
    }

    @Test
    void expiredCodeSaysSoAndAllowsANewCodeAtOnce() throws Exception {
        kiosk.reachCodeScreen();
        doThrow(new CarrierException(CarrierError.OTP_EXPIRED, "expired"))
                .when(kiosk.carrier).validateCode(any(), anyString());

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();

        State.EnterCode screen = (State.EnterCode) kiosk.state();
        assertThat(screen.notice()).contains(ErrorKind.CODE_EXPIRED);
        assertThat(screen.resendAllowedAt()).isEqualTo(FlowFixture.NOW);
        kiosk.fire(new ResendCode());
        assertThat(kiosk.io.waiting()).isEqualTo(1);
    }

    /** Verdicts on the number when sending a code: too many codes already, or a number that gets none at all. */
    @ParameterizedTest
    @CsvSource({"OTP_MAX_CODES_EXCEEDED, TOO_MANY_TRIES", "NUMBER_CANNOT_GET_CODES, NUMBER_CANNOT_GET_CODES"})
    void aRefusalToSendCodesToTheNumberSaysWhyInsteadOfBlamingTheKiosk(CarrierError refusal, ErrorKind shown) throws Exception {
        when(kiosk.carrier.sendCode(eq(NUMBER), anyString())).thenThrow(new CarrierException(refusal, "403"));

        kiosk.submitNumber(NUMBER_TYPED);

        assertThat(kiosk.state()).isEqualTo(new State.Error(shown, false));
    }

    @Test
    void backFromTheCodeScreenKeepsTheTypedNumber() throws Exception {
        kiosk.reachCodeScreen();

        kiosk.fire(new Back());

        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber(NUMBER_TYPED, "090-1234-5678", true));
    }

    @Test
    void backFromTheKeypadReturnsToAttract() {
        kiosk.fire(new StartNumberEntry());
        kiosk.typeDigits("090");

        kiosk.fire(new Back());

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        kiosk.fire(new StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("", "", false));
    }

    @Test
    void verifiedNumberOfASuspendedLineShowsLineSuspended() throws Exception {
        kiosk.reachCodeScreen();
        when(kiosk.carrier.findLineByNumber(NUMBER)).thenReturn(
                FlowFixture.line(com.simkiosk.carrier.LineStatus.SUSPENDED));

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
    }

    @Test
    void backEndDownAfterAValidCodeRetriesTheLookupNotTheCode() throws Exception {
        kiosk.reachCodeScreen();
        when(kiosk.carrier.findLineByNumber(NUMBER))
                .thenThrow(new CarrierException(CarrierError.TIMEOUT, "slow"))
                .thenReturn(FlowFixture.line(com.simkiosk.carrier.LineStatus.ACTIVE));

        kiosk.fire(new CodeSubmitted("123456"));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
        kiosk.fire(new Event.Retry());
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
        verify(kiosk.carrier, times(1)).validateCode(any(), anyString());
    }

    @Test
    void aDataOnly020NumberIsNotSentACodeItCannotReceiveButToldToUseTheSim() throws Exception {
        kiosk.submitNumber("02012340010");

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.DATA_ONLY_NUMBER, false));
        assertThat(ErrorKind.DATA_ONLY_NUMBER.offersNumberEntry()).isFalse();
        verify(kiosk.carrier, never()).sendCode(any(), anyString());
        verify(kiosk.carrier, never()).findLineByNumber(any());

        kiosk.fire(new Event.Done()); // no SIM in the reader: back to "insert your SIM"
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void aMobileNumberStillGetsItsCodeAfterA020WasRefused() throws Exception {
        kiosk.givenNumberLine();
        kiosk.submitNumber("02012340010");
        kiosk.fire(new Event.Done());

        kiosk.submitNumber(NUMBER_TYPED);

        assertThat(kiosk.state()).isInstanceOf(State.EnterCode.class);
        verify(kiosk.carrier, times(1)).sendCode(eq(NUMBER), anyString());
    }
}
