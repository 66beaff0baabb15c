package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.FOREIGN_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.NOW;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.network.BalanceReading;
import com.simkiosk.card.network.NetworkAccess;
import com.simkiosk.card.network.NetworkError;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.NetworkRoutes.DomesticCost;
import com.simkiosk.kiosk.flow.NetworkRoutes.Route;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.testing.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The balance through the SIM's own network in the session flow (issue 14): a SIM in a modem slot whose row says
 * USSD or SMS. Consent before anything is sent (always for a foreign SIM), the PIN rule, the answer with its source
 * and time, no coverage with a way forward, and nothing of the carrier's words left after the session.
 */
class NetworkJourneyTest {

    static final String WORDS = "Dear customer, your main balance is 12.50 EUR, valid until 31/12/2026. Thank you.";
    static final String ODD_WORDS = "Ihr Guthaben: zwölf Euro fünfzig. Danke";
    static final Iccid MVNO_ICCID = new Iccid("8981200000000000017");
    static final NetworkQuery.Ussd USSD = new NetworkQuery.Ussd("*100#", UssdMenu.NONE);
    static final NetworkQuery.Sms SMS = new NetworkQuery.Sms("0120000999", "残高");
    static final NetworkQuery.Ussd USSD_ON_23415 = new NetworkQuery.Ussd("*135#", UssdMenu.NONE);

    final FakeTime time = new FakeTime(NOW);
    final ManualExecutor io = new ManualExecutor();
    final SimReader reader = mock(SimReader.class, withSettings().extraInterfaces(NetworkAccess.class));
    final NetworkAccess modem = (NetworkAccess) reader;
    final CarrierBackend carrier = mock(CarrierBackend.class);
    final List<FlowView> views = new ArrayList<>();
    final SessionFlow flow = new SessionFlow(reader, carrier, new InMemoryPrinter(), FlowExecutors.sharing(io), Runnable::run,
            time, time, FlowConfig.defaults(), new PlainFlowTexts());

    /** The serving network the module reports once registered (empty: it gave none). */
    Optional<String> network = Optional.empty();

    NetworkJourneyTest() throws Exception {
        // The module registers, says its network, and the flow chooses the question: as the real reader does.
        when(modem.askNetworkChoosing(anyString(), any(), any(), any())).thenAnswer(call -> {
            Function<Optional<String>, NetworkQuery> choose = call.getArgument(1);
            return modem.askNetwork(call.getArgument(0), choose.apply(network), call.getArgument(2), call.getArgument(3));
        });
        flow.addListener(views::add);
        flow.start();
        flow.useNetworkRoutes(new NetworkRoutes(List.of(
                new Route("8944", Optional.empty(), Optional.of(USSD), Optional.empty(), DomesticCost.ASK),
                new Route("8944", Optional.of("23415"), Optional.of(USSD_ON_23415), Optional.empty(), DomesticCost.ASK),
                new Route("8944", Optional.of("20801"), Optional.of(SMS), Optional.empty(), DomesticCost.ASK),
                new Route("898120", Optional.empty(), Optional.of(SMS), Optional.empty(), DomesticCost.NO_ASK),
                new Route("898110", Optional.empty(), Optional.empty(), Optional.empty(), DomesticCost.ASK)),
                NetworkSession.Settings.DEFAULT));
    }

    private void insert(Iccid iccid, PinStatus pin) {
        when(reader.read(READER)).thenReturn(new ReadResult.Sim(card(iccid, pin)));
        flow.fire(new Event.SimInserted(READER));
        io.runAll();
    }

    private void answers(NetworkReply.Source source, String words) throws Exception {
        when(modem.askNetwork(eq(READER), any(), any(), any()))
                .thenReturn(new NetworkReply(source, "Vodafone UK", words, NOW.plusSeconds(9)));
    }

    @Test
    void aForeignSimIsAskedFirstThenItsCarrierAnswersByUssdWithTheTimeOfTheAnswer() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        assertThat(flow.state()).isEqualTo(new State.NetworkConsent(true, NetworkReply.Source.USSD));
        verify(modem, never()).askNetwork(anyString(), any(), any(), any());

        flow.fire(new Event.NetworkGoAhead());
        assertThat(flow.state()).isEqualTo(new State.AskingNetwork(NetworkReply.Source.USSD));
        io.runAll();

        verify(modem).askNetwork(eq(READER), eq(USSD), any(), eq(time));
        State.NetworkBalance shown = (State.NetworkBalance) flow.state();
        assertThat(shown.source()).isEqualTo(NetworkReply.Source.USSD);
        assertThat(shown.answeredAt()).isEqualTo(NOW.plusSeconds(9));
        BalanceReading r = shown.reading();
        assertThat(r.raw()).isEqualTo(WORDS);
        assertThat(r.amount()).contains("12.50");
        assertThat(r.currency()).contains("EUR");
        assertThat(r.yen()).isEmpty(); // never converted
        nothingWentToTheBackEnds(); // a foreign SIM still sends nothing to the back ends
    }

    @Test
    void cancelAtConsentSendsNothing() throws Exception {
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        assertThat(flow.state()).isInstanceOf(State.NetworkConsent.class);
        flow.fire(new Event.Cancel());
        io.runAll();
        assertThat(flow.state()).isEqualTo(new State.TakeSim());
        verify(modem, never()).askNetwork(anyString(), any(), any(), any());
        assertThat(views).extracting(FlowView::state).noneMatch(State.AskingNetwork.class::isInstance);
    }

    @Test
    void cancelWhileAskingEndsTheSessionAndAnAnswerThatComesLaterIsNotShown() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        flow.fire(new Event.NetworkGoAhead());
        assertThat(flow.state()).isEqualTo(new State.AskingNetwork(NetworkReply.Source.USSD));
        flow.fire(new Event.Cancel());
        assertThat(flow.state()).isEqualTo(new State.TakeSim());
        int viewsAtCancel = views.size();

        io.runAll(); // the module's answer arrives after the customer cancelled
        assertThat(flow.state()).isEqualTo(new State.TakeSim());
        assertThat(views.subList(viewsAtCancel, views.size())).extracting(FlowView::state)
                .noneMatch(s -> s instanceof State.NetworkBalance || s instanceof State.NetworkUnanswered);
    }

    @Test
    void aDomesticLineWithNoAskGoesStraightToTheQuestionBySms() throws Exception {
        answers(NetworkReply.Source.SMS, "残高は1,234円です。データ残量2.5GB");
        insert(MVNO_ICCID, new PinStatus(false, 3));
        assertThat(views).extracting(FlowView::state).noneMatch(State.NetworkConsent.class::isInstance);
        verify(modem).askNetwork(eq(READER), eq(SMS), any(), any());
        State.NetworkBalance shown = (State.NetworkBalance) flow.state();
        assertThat(shown.source()).isEqualTo(NetworkReply.Source.SMS);
        assertThat(shown.reading().yen()).contains(1234L);
        assertThat(shown.reading().dataBytes()).isPresent();
        nothingWentToTheBackEnds();
    }

    @Test
    void aReplyNothingCanBeReadFromIsShownAsTheCarriersOwnWords() throws Exception {
        answers(NetworkReply.Source.USSD, ODD_WORDS);
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        flow.fire(new Event.NetworkGoAhead());
        io.runAll();
        BalanceReading r = ((State.NetworkBalance) flow.state()).reading();
        assertThat(r.recognised()).isFalse();
        assertThat(r.raw()).isEqualTo(ODD_WORDS);
    }

    @Test
    void noCoverageSaysSoAndTryAgainAsksOnceMore() throws Exception {
        when(modem.askNetwork(eq(READER), any(), any(), any()))
                .thenThrow(new NetworkException(NetworkError.NO_COVERAGE, "no network"))
                .thenReturn(new NetworkReply(NetworkReply.Source.USSD, "EE", WORDS, NOW));
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        flow.fire(new Event.NetworkGoAhead());
        io.runAll();
        assertThat(flow.state()).isEqualTo(new State.NetworkUnanswered(NetworkError.NO_COVERAGE, true));
        assertThat(((State.NetworkUnanswered) flow.state()).reasonKey()).isEqualTo("network.error.NO_COVERAGE");

        flow.fire(new Event.Retry());
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.NetworkBalance.class);
        verify(modem, times(2)).askNetwork(eq(READER), any(), any(), any());
        flow.fire(new Event.Done());
        assertThat(flow.state()).isEqualTo(new State.TakeSim());
    }

    @Test
    void aDeniedSimHasNoRetryOnlyDone() throws Exception {
        when(modem.askNetwork(eq(READER), any(), any(), any()))
                .thenThrow(new NetworkException(NetworkError.REGISTRATION_DENIED, "denied"));
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        flow.fire(new Event.NetworkGoAhead());
        io.runAll();
        assertThat(flow.state()).isEqualTo(new State.NetworkUnanswered(NetworkError.REGISTRATION_DENIED, false));
        flow.fire(new Event.Retry());
        verify(modem, times(1)).askNetwork(eq(READER), any(), any(), any());
    }

    @Test
    void aSimWithItsPinOnIsUnlockedFirstButNeverWithTheLastTry() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        when(reader.verifyPin(READER, "1234")).thenReturn(new PinResult.Verified());
        insert(FOREIGN_ICCID, new PinStatus(true, 3));
        flow.fire(new Event.NetworkGoAhead());
        assertThat(flow.state()).isEqualTo(new State.EnterPin(3, Optional.empty()));
        verify(modem, never()).askNetwork(anyString(), any(), any(), any());
        flow.fire(new Event.PinSubmitted("1234"));
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.NetworkBalance.class);

        flow.fire(new Event.Done());
        flow.fire(new Event.SimRemoved(READER));
        insert(FOREIGN_ICCID, new PinStatus(true, 1));
        flow.fire(new Event.NetworkGoAhead());
        assertThat(flow.state()).isEqualTo(new State.PinRefused(1, List.of()));
        verify(reader, times(1)).verifyPin(anyString(), anyString());
        verify(modem, times(1)).askNetwork(anyString(), any(), any(), any());
    }

    @Test
    void aWrongPinLeavingOneTryStopsThere() throws Exception {
        when(reader.verifyPin(READER, "1111")).thenReturn(new PinResult.Wrong(1));
        insert(FOREIGN_ICCID, new PinStatus(true, 2));
        flow.fire(new Event.NetworkGoAhead());
        flow.fire(new Event.PinSubmitted("1111"));
        io.runAll();
        assertThat(flow.state()).isEqualTo(new State.PinRefused(1, List.of()));
        verify(modem, never()).askNetwork(anyString(), any(), any(), any());
    }

    @Test
    void anApiRowAndNoRowKeepTodaysWays() throws Exception {
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(FlowFixture.line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        insert(JP_ICCID, new PinStatus(false, 3));
        verify(carrier).findLineByIccid(JP_ICCID); // the back end, as without the table
        flow.fire(new Event.Done());
        flow.fire(new Event.SimRemoved(READER));

        insert(new Iccid("8933000000000000012"), new PinStatus(false, 3));
        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.FOREIGN_SIM, false));
        verify(modem, never()).askNetwork(anyString(), any(), any(), any());
    }

    @Test
    void aReaderThatIsNoModemNeverTakesTheNetworkPath() {
        FlowFixture plain = new FlowFixture();
        plain.flow.useNetworkRoutes(new NetworkRoutes(List.of(
                new Route("8944", Optional.empty(), Optional.of(USSD), Optional.empty(), DomesticCost.ASK)),
                NetworkSession.Settings.DEFAULT));
        when(plain.reader.read(READER)).thenReturn(new ReadResult.Sim(card(FOREIGN_ICCID, new PinStatus(false, 3))));
        plain.insert();
        plain.settle();
        assertThat(plain.state()).isEqualTo(new State.Error(ErrorKind.FOREIGN_SIM, false));
    }

    @Test
    void theCarriersWordsAreGoneWhenTheSessionEndsAndNeverReachTheLogs() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        List<String> logged;
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            insert(FOREIGN_ICCID, new PinStatus(false, 3));
            flow.fire(new Event.NetworkGoAhead());
            io.runAll();
            assertThat(leftovers()).isNotEmpty(); // the scan does see the words while they are on screen
            flow.fire(new Event.Done());
            logged = logs.messages();
        }
        assertThat(flow.state()).isEqualTo(new State.TakeSim());
        assertThat(leftovers()).isEmpty();
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains("12.50") || line.contains("Dear customer")
                || line.contains("*100#") || line.contains(FOREIGN_ICCID.digits()));
        assertThat(views.get(views.size() - 1).toString()).doesNotContain("12.50");
    }

    /** Only the local router was asked which back end would serve the SIM (for the help overlay); nothing was sent. */
    private void nothingWentToTheBackEnds() {
        verify(carrier, atMost(100)).servedBy(any(Iccid.class));
        verifyNoMoreInteractions(carrier);
    }

    private List<String> leftovers() {
        return new PersonalDataScan(List.of("Dear customer", "12.50", FOREIGN_ICCID.digits()),
                Set.of(Iccid.class, CardIdentity.class, BalanceReading.class, NetworkReply.class),
                List.of(reader, carrier, io, time, views), Set.of("listeners")).scan(flow);
    }

    @Test
    void theNetworkAnswerPrintsNoWords() {
        State.NetworkBalance shown = new State.NetworkBalance(NetworkReply.Source.USSD, Instant.EPOCH,
                BalanceReading.rawOnly(WORDS));
        assertThat(shown.toString()).doesNotContain("12.50").doesNotContain("Dear");
    }

    @Test
    void theRowOfTheNetworkTheSimRegisteredOnIsAskedWhenItAsksTheWayTheCustomerAgreedTo() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        network = Optional.of("23415");
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        flow.fire(new Event.NetworkGoAhead());
        io.runAll();

        verify(modem).askNetwork(eq(READER), eq(USSD_ON_23415), any(), any());
        assertThat(flow.state()).isInstanceOf(State.NetworkBalance.class);
    }

    @Test
    void aNetworksRowThatWouldSendAnSmsInsteadOfTheAgreedUssdIsNotTaken() throws Exception {
        answers(NetworkReply.Source.USSD, WORDS);
        network = Optional.of("20801");
        insert(FOREIGN_ICCID, new PinStatus(false, 3));
        assertThat(flow.state()).isEqualTo(new State.NetworkConsent(true, NetworkReply.Source.USSD));
        flow.fire(new Event.NetworkGoAhead());
        io.runAll();

        verify(modem).askNetwork(eq(READER), eq(USSD), any(), any());
        verify(modem, never()).askNetwork(anyString(), eq(SMS), any(), any());
    }
}
