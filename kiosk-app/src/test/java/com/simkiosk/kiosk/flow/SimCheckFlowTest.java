package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.SimProof;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.testing.LogCapture;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 in the kiosk: the SIM proves itself to its carrier right after it is read. The real TMF client and the
 * carrier simulator's BSF on loopback, the in-memory reader with virtual USIMs; the flow's I/O runs inline.
 */
class SimCheckFlowTest {

    private static final State OTHER_METHODS = new State.ChooseVerification(
            List.of(VerificationMethod.ID_DOCUMENT, VerificationMethod.ORDER_NUMBER));

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    private final ManualExecutor io = new ManualExecutor();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private CarrierSimulator sim;
    private RecordingUsimReader reader;
    private SessionFlow flow;
    private final List<State> seen = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }

    /** A kiosk whose one back end is the simulator, with its BSF (or {@code bsf}) and {@code simPinIsProof}. */
    private void kiosk(Optional<URI> bsf, boolean simPinIsProof) throws Exception {
        sim = own(CarrierSimulator.start());
        URI bsfUrl = bsf.orElse(sim.bsfUri());
        TmfCarrierClient client = own(new TmfCarrierClient(
                CarrierEndpoint.of("demo", sim.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                        .withProfile(DemoKiosk.DEMO_PROFILE)
                        .withSimAuth(new SimAuthPolicy(Optional.of(bsfUrl), simPinIsProof))));
        reader = own(new RecordingUsimReader(own(new InMemorySimReader())));
        flow = own(new SessionFlow(reader, client, new InMemoryPrinter(), FlowExecutors.sharing(io),
                Runnable::run, time, time, FlowConfig.defaults(), new PlainFlowTexts()));
        flow.addListener(view -> seen.add(view.state()));
        flow.start();
    }

    private void kiosk() throws Exception {
        kiosk(Optional.empty(), false);
    }

    private <T extends AutoCloseable> T own(T c) {
        owned.add(c);
        return c;
    }

    private DemoLine tourist() {
        return sim.demoLines().touristData();
    }

    private void insert(DemoCard card) {
        reader.memory.insert(card);
        fire(new Event.SimInserted(InMemorySimReader.DEFAULT_READER));
    }

    /** The event, then every card and carrier call it led to. */
    private void fire(Event event) {
        flow.fire(event);
        io.runAll();
    }

    @Test
    void aGenuineSimIsCheckedWithItsCarrierAndShowsTheBalanceWithoutTyping() throws Exception {
        kiosk();

        insert(DemoKiosk.usimCardFor(tourist(), true));

        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        assertThat(seen).contains(new State.Reading(), new State.CheckingSim());
        assertThat(seen).noneMatch(s -> s instanceof State.EnterPin || s instanceof State.ChooseVerification
                || s instanceof State.EnterDetail);
        assertThat(reader.authenticateCalls).isEqualTo(1);
    }

    @Test
    void aForgedSimWithTheSameIccidIsNotConfirmedAndThePhoneNumberIsOffered() throws Exception {
        kiosk();

        insert(DemoKiosk.usimCardFor(tourist(), false));

        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.SIM_NOT_CONFIRMED, false));
        assertThat(ErrorKind.SIM_NOT_CONFIRMED.offersNumberEntry()).isTrue();
        assertThat(seen).noneMatch(s -> s instanceof State.ShowBalance || s instanceof State.ChooseVerification);
        fire(new Event.StartNumberEntry());
        assertThat(flow.state()).isInstanceOf(State.EnterNumber.class);
    }

    @Test
    void aForgedSimShowsTheSameScreensWhetherOrNotItsIccidExists() throws Exception {
        kiosk();
        seen.clear();
        insert(DemoKiosk.usimCardFor(tourist(), false));
        List<State> known = List.copyOf(seen);
        fire(new Event.SimRemoved(InMemorySimReader.DEFAULT_READER));
        reader.memory.remove();
        seen.clear();

        VirtualSimSpec unknown = VirtualSimSpec.uicc(DemoLines.UNKNOWN_JAPANESE_ICCID.digits())
                .withImsi(new Imsi("440109999999999")).withUsimKeys(UsimKeys.FORGED);
        insert(DemoCard.of(unknown));

        assertThat(seen).isEqualTo(known);
    }

    @Test
    void a2gSimIsNotCheckedAndGetsTheOtherMethods() throws Exception {
        kiosk();

        insert(DemoCard.of(VirtualSimSpec.sim2g(tourist().iccid().digits())));

        assertThat(seen).doesNotContain(new State.CheckingSim());
        // The tourist line allows SIM PIN, ID document and order number; the PIN alone is no proof here.
        assertThat(flow.state()).isEqualTo(OTHER_METHODS);
        assertThat(reader.authenticateCalls).isZero();
    }

    @Test
    void aCardWhoseUsimTheReaderCannotReachFallsBackQuietly() throws Exception {
        kiosk();

        insert(DemoCard.sim(tourist().iccid())); // a UICC, but no USIM this reader can reach

        assertThat(seen).contains(new State.CheckingSim());
        assertThat(flow.state()).isEqualTo(OTHER_METHODS);
    }

    @Test
    void aBsfThatDoesNotAnswerFallsBackToTheOtherMethods() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        kiosk(Optional.of(URI.create("http://127.0.0.1:" + closedPort + "/bsf/bootstrap")), false);

        insert(DemoKiosk.usimCardFor(tourist(), true));

        assertThat(seen).contains(new State.CheckingSim());
        assertThat(flow.state()).isEqualTo(OTHER_METHODS);
    }

    @Test
    void withPin1EnabledThePinUnlocksTheCardFirstAndAWrongPinIsAskedAgain() throws Exception {
        kiosk();
        insert(DemoCard.of(DemoKiosk.usimSpec(tourist(), true).withPin("2468", 3)));

        assertThat(flow.state()).isEqualTo(new State.EnterPin(3, Optional.empty()));
        assertThat(seen).doesNotContain(new State.CheckingSim());

        fire(new Event.PinSubmitted("1111"));
        assertThat(flow.state()).isEqualTo(new State.EnterPin(2, Optional.of(ErrorKind.WRONG_PIN)));
        assertThat(reader.authenticateCalls).isZero();

        fire(new Event.PinSubmitted("2468"));
        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        assertThat(reader.authenticateCalls).isEqualTo(1);
    }

    @Test
    void theLastPinTryIsNeverSpentTheCheckIsSkippedForTheOtherMethods() throws Exception {
        kiosk();
        insert(DemoCard.of(DemoKiosk.usimSpec(tourist(), true).withPin("2468", 1)));

        assertThat(seen).doesNotContain(new State.CheckingSim());
        assertThat(seen).noneMatch(s -> s instanceof State.EnterPin);
        assertThat(flow.state()).isEqualTo(OTHER_METHODS);
        assertThat(reader.memory.card(InMemorySimReader.DEFAULT_READER).orElseThrow().usim().orElseThrow().triesLeft())
                .isEqualTo(1);
    }

    @Test
    void twoPinTriesLeftAndAWrongPinLeavesTheLastOneAlone() throws Exception {
        kiosk();
        insert(DemoCard.of(DemoKiosk.usimSpec(tourist(), true).withPin("2468", 2)));

        fire(new Event.PinSubmitted("1111"));

        // One try left now: the kiosk will not ask for the PIN again; the other methods.
        assertThat(flow.state()).isEqualTo(OTHER_METHODS);
        assertThat(reader.memory.card(InMemorySimReader.DEFAULT_READER).orElseThrow().usim().orElseThrow().triesLeft())
                .isEqualTo(1);
    }

    @Test
    void theSimPinIsOfferedAsProofOnlyWhenTheBackEndSaysSo() throws Exception {
        kiosk(Optional.empty(), true);
        insert(DemoCard.of(VirtualSimSpec.sim2g(tourist().iccid().digits()).withPin(tourist().simPin(), 3)));

        assertThat(flow.state()).isEqualTo(new State.ChooseVerification(
                List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT, VerificationMethod.ORDER_NUMBER)));
    }

    @Test
    void theClientSendsALinesProofWithItsBalanceCallsAndTheCarrierRefusesAMadeUpOne() throws Exception {
        kiosk();
        TmfCarrierClient client = own(new TmfCarrierClient(
                CarrierEndpoint.of("demo", sim.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                        .withProfile(DemoKiosk.DEMO_PROFILE)));
        Line line = client.findLineByIccid(tourist().iccid());
        assertThat(client.balance(line).dataBytes()).isPositive(); // no proof: the extension changes nothing

        Line forged = line.withSimProof(new SimProof("bm90IGEgcmVhbCBSQU5E@127.0.0.1", FlowFixture.NOW.plusSeconds(3600)));
        assertThatThrownBy(() -> client.balance(forged)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
        assertThatThrownBy(() -> client.findLineByIccid(tourist().iccid(), forged.simProof().orElseThrow()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
    }

    @Test
    void neitherKeysNorTheCardsAnswersNorTheImsiReachTheLogs() throws Exception {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            kiosk();
            insert(DemoKiosk.usimCardFor(tourist(), true));
            assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
            fire(new Event.SimRemoved(InMemorySimReader.DEFAULT_READER));
            reader.memory.remove();
            insert(DemoKiosk.usimCardFor(tourist(), false));
            assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.SIM_NOT_CONFIRMED, false));

            List<String> secrets = new ArrayList<>(List.of(UsimKeys.DEMO.k(), UsimKeys.DEMO.opc(), UsimKeys.FORGED.k(),
                    tourist().imsi().orElseThrow().digits()));
            secrets.addAll(reader.answers);
            assertThat(reader.answers).hasSize(3); // RES, CK, IK of the genuine card
            String all = String.join("\n", logs.messages()).toUpperCase();
            assertThat(logs.messages()).isNotEmpty();
            for (String secret : secrets) {
                assertThat(all).doesNotContain(secret.toUpperCase());
            }
        }
    }

    /**
     * The in-memory reader, counting AUTHENTICATEs and keeping the hex of each RES, CK and IK the card gave, so the
     * log test knows what must not appear.
     */
    private static final class RecordingUsimReader implements SimReader, UsimAccess {
        final InMemorySimReader memory;
        final List<String> answers = new ArrayList<>();
        int authenticateCalls;

        RecordingUsimReader(InMemorySimReader memory) {
            this.memory = memory;
        }

        @Override
        public ImsiResult readImsi(String reader, Optional<String> pin) {
            return memory.readImsi(reader, pin);
        }

        @Override
        public AkaResult authenticate(String reader, AkaChallenge challenge, Optional<String> pin) {
            authenticateCalls++;
            AkaResult result = memory.authenticate(reader, challenge, pin);
            if (result instanceof AkaResult.Success ok) {
                answers.addAll(List.of(Hex.encode(ok.res()), Hex.encode(ok.ck()), Hex.encode(ok.ik())));
            }
            return result;
        }

        @Override
        public boolean mayReachUsim(String reader) {
            return true; // as a PC/SC reader: only the card's answers tell
        }

        @Override
        public List<ReaderInfo> readers() {
            return memory.readers();
        }

        @Override
        public void addListener(Consumer<CardEvent> listener) {
            // the test fires the insertions itself
        }

        @Override
        public void removeListener(Consumer<CardEvent> listener) {
        }

        @Override
        public ReadResult read(String reader) {
            return memory.read(reader);
        }

        @Override
        public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
            return memory.awaitAndRead(readerOrNull, timeout);
        }

        @Override
        public PinResult verifyPin(String reader, String pin) {
            return memory.verifyPin(reader, pin);
        }

        @Override
        public void close() {
        }
    }
}
