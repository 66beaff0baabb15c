package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.FOREIGN_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER_TYPED;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.card;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When the card is the problem, the customer can go straight to "enter my phone number" from the error screen. */
class ErrorToNumberTest {

    private final FlowFixture kiosk = new FlowFixture();

    private static final State.EnterNumber EMPTY_KEYPAD = new State.EnterNumber("", "", false);

    private void cardFails(ErrorKind kind) {
        ReadResult read = switch (kind) {
            case NOT_A_SIM -> new ReadResult.Failed(CardError.NOT_A_SIM, "no EF.ICCID");
            case FOREIGN_SIM -> new ReadResult.Sim(card(FOREIGN_ICCID, PinStatus.DISABLED));
            case READER_PROBLEM -> new ReadResult.Failed(CardError.SHARING_VIOLATION, "another program holds the card");
            case CARD_TIMEOUT -> new ReadResult.Failed(CardError.TIMEOUT, "no answer");
            default -> throw new IllegalArgumentException(kind.name());
        };
        when(kiosk.reader.read(READER)).thenReturn(read);
        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOfSatisfying(State.Error.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"NOT_A_SIM", "READER_PROBLEM", "CARD_TIMEOUT"})
    void aCardProblemScreenLeadsStraightToTheKeypad(ErrorKind kind) {
        cardFails(kind);

        kiosk.fire(new Event.StartNumberEntry());

        assertThat(kiosk.state()).isEqualTo(EMPTY_KEYPAD);
    }

    @Test
    void fromNotASimTheNumberPathRunsToTheBalanceAndEndsAskingForTheCardBack() throws Exception {
        cardFails(ErrorKind.NOT_A_SIM);
        kiosk.givenNumberLine();

        kiosk.fire(new Event.StartNumberEntry());
        kiosk.typeDigits(NUMBER_TYPED);
        kiosk.fire(new Event.KeypadSubmit());
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOfSatisfying(State.EnterCode.class,
                code -> assertThat(code.resendsLeft()).isEqualTo(FlowConfig.defaults().codeSends() - 1));
        kiosk.fire(new Event.CodeSubmitted("482913"));
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);

        kiosk.fire(new Event.Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim()); // the bank card is still in the reader
    }

    @Test
    void takingTheCardOutAfterSwitchingDoesNotEndTheNumberSession() {
        cardFails(ErrorKind.NOT_A_SIM);
        kiosk.fire(new Event.StartNumberEntry());
        kiosk.typeDigits("090");

        kiosk.remove();

        assertThat(kiosk.state()).isInstanceOfSatisfying(State.EnterNumber.class,
                keypad -> assertThat(keypad.typed()).isEqualTo("090"));
    }

    @Test
    void aForeignSimIsNotSentToAKeypadForJapaneseNumbersButAskedBack() {
        cardFails(ErrorKind.FOREIGN_SIM);
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.FOREIGN_SIM, false));

        kiosk.fire(new Event.StartNumberEntry()); // a stale tap from another screen: no keypad
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.FOREIGN_SIM, false));

        kiosk.fire(new Event.Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim());
        kiosk.remove();
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void endingAfterAForeignSimForgetsTheCardThatWasRead() {
        cardFails(ErrorKind.FOREIGN_SIM);

        kiosk.fire(new Event.Done());

        PersonalDataScan scan = new PersonalDataScan(List.of(FOREIGN_ICCID.digits()),
                Set.of(Iccid.class, CardIdentity.class),
                List.of(kiosk.reader, kiosk.carrier, kiosk.printer, kiosk.io, kiosk.time, kiosk.views),
                Set.of("listeners"));
        assertThat(scan.scan(kiosk.flow)).isEmpty();
    }

    @Test
    void errorsAboutTheLineOrTheCarrierDoNotOfferIt() throws Exception {
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Sim(card(JP_ICCID, PinStatus.DISABLED)));
        when(kiosk.carrier.findLineByIccid(JP_ICCID)).thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "down"));
        kiosk.insert();
        kiosk.settle();
        State backendDown = kiosk.state();
        assertThat(backendDown).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));

        kiosk.fire(new Event.StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(backendDown);

        org.mockito.Mockito.doReturn(line(LineStatus.SUSPENDED, VerificationMethod.ID_DOCUMENT))
                .when(kiosk.carrier).findLineByIccid(JP_ICCID);
        kiosk.fire(new Event.Retry());
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
        kiosk.fire(new Event.StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
    }

    @Test
    void onlyCardProblemsOfferTheNumber() {
        assertThat(java.util.Arrays.stream(ErrorKind.values()).filter(ErrorKind::offersNumberEntry))
                .containsExactlyInAnyOrder(ErrorKind.NOT_A_SIM, ErrorKind.READER_PROBLEM, ErrorKind.CARD_TIMEOUT,
                        ErrorKind.SIM_NOT_CONFIRMED);
    }
}
