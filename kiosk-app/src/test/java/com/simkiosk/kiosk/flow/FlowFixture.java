package com.simkiosk.kiosk.flow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.printer.InMemoryPrinter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One kiosk's flow with a fake clock, hand-run I/O, a mocked carrier and reader, and the in-memory printer. */
class FlowFixture {

    /** 12:00 in Japan on Thursday 26 November 2026. */
    static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    /** The real TMF client for the simulator's demo back end, with the SIM check through its BSF (the caller closes it). */
    static TmfCarrierClient demoClient(CarrierSimulator sim) {
        return new TmfCarrierClient(CarrierEndpoint.of("demo", sim.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                .withProfile(DemoKiosk.DEMO_PROFILE)
                .withSimAuth(new SimAuthPolicy(Optional.of(sim.bsfUri()), false)));
    }

    static final LocalDate TODAY_JST = LocalDate.of(2026, 11, 26);
    static final String READER = "Reader 0";
    static final String ICCID_DIGITS = "8981100000000000901";
    static final Iccid JP_ICCID = new Iccid(ICCID_DIGITS);
    static final Iccid FOREIGN_ICCID = new Iccid("8944100000000000012");
    static final Msisdn NUMBER = new Msisdn("+819012345678");
    static final String NUMBER_TYPED = "09012345678";
    static final String LINE_ID = "line-7f3a9";
    static final long GB = 1_000_000_000L;
    static final TopUpOffer OFFER_1GB = new TopUpOffer("topup-1gb", "1GB", GB, 550, Duration.ofDays(30));
    static final TopUpOffer OFFER_3GB = new TopUpOffer("topup-3gb", "3GB", 3 * GB, 1200, Duration.ofDays(30));
    static final OtpChallenge CHALLENGE = new OtpChallenge("auth-1", NOW.plusSeconds(60));

    final FakeTime time = new FakeTime(NOW);
    final ManualExecutor io = new ManualExecutor();
    final SimReader reader = mock(SimReader.class);
    final CarrierBackend carrier = mock(CarrierBackend.class);
    final InMemoryPrinter printer = new InMemoryPrinter();
    final List<FlowView> views = new ArrayList<>();
    final SessionFlow flow;

    FlowFixture() {
        this(FlowConfig.defaults());
    }

    FlowFixture(FlowConfig config) {
        this(config, new PlainFlowTexts());
    }

    FlowFixture(FlowConfig config, FlowTexts texts) {
        flow = new SessionFlow(reader, carrier, printer, FlowExecutors.sharing(io), Runnable::run, time, time, config, texts);
        flow.addListener(views::add);
        flow.start();
    }

    static CardIdentity card(Iccid iccid, PinStatus pin) {
        return new CardIdentity(READER, "3B9F96801FC78031A073BE21136743200718000001A5", CardType.UICC, iccid, pin);
    }

    static Line line(LineStatus status, VerificationMethod... methods) {
        return new Line(LINE_ID, status, "Travel 5GB", "DemoMobile", Optional.of(NUMBER), List.of(methods));
    }

    /** 3 GB of 5 GB left, ¥500, 10 minutes, 10 SMS, expiring on 29 November in Japan (28 November in UTC). */
    static Balance balance() {
        Instant expires = Instant.parse("2026-11-28T23:00:00Z");
        return new Balance(500, 3 * GB, 600, 10, Optional.of(expires), List.of(
                new Bucket(UsageType.DATA, 3 * GB, Optional.of(5 * GB), Optional.of(expires), true),
                new Bucket(UsageType.MONETARY, 500, Optional.empty(), Optional.of(expires), true)));
    }

    /** 100 MB a day for the 7 days before today. */
    static List<DailyUsage> usage() {
        List<DailyUsage> days = new ArrayList<>();
        for (int i = 7; i >= 1; i--) {
            days.add(new DailyUsage(TODAY_JST.minusDays(i), 100_000_000L));
        }
        return days;
    }

    static TopUpOrder order() {
        return new TopUpOrder("order-1", OFFER_1GB.id(), 550, "9912345678901", NOW.plus(Duration.ofMinutes(30)));
    }

    /** A Japanese SIM with PIN (3 tries), on a line that allows the PIN and the passport digits. */
    void givenSimLine(PinStatus pin, Line line) throws Exception {
        when(reader.read(READER)).thenReturn(new ReadResult.Sim(card(JP_ICCID, pin)));
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line);
        givenBalance();
    }

    /** The back end's {@code simPinIsProof}: the SIM PIN alone may prove the line (default: it may not). */
    void givenSimPinIsProof() {
        when(carrier.simAuthPolicy(any())).thenReturn(Optional.of(new SimAuthPolicy(Optional.empty(), true)));
    }

    void givenBalance() throws Exception {
        when(carrier.balance(any())).thenReturn(balance());
        when(carrier.dailyUsage(any(), any())).thenReturn(usage());
    }

    void givenNumberLine() throws Exception {
        when(carrier.sendCode(eq(NUMBER), anyString())).thenReturn(CHALLENGE);
        when(carrier.findLineByNumber(NUMBER)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.SMS_CODE));
        givenBalance();
    }

    void insert() {
        flow.fire(new Event.SimInserted(READER));
    }

    void remove() {
        flow.fire(new Event.SimRemoved(READER));
    }

    void fire(Event... events) {
        for (Event event : events) {
            flow.fire(event);
        }
    }

    /** Lets all pending card and carrier calls answer. */
    void settle() {
        io.runAll();
    }

    void typeDigits(String digits) {
        for (char c : digits.toCharArray()) {
            flow.fire(new Event.KeypadDigit(c - '0'));
        }
    }

    /** Attract → keypad → number typed and submitted → code sent. */
    void reachCodeScreen() throws Exception {
        givenNumberLine();
        submitNumber(NUMBER_TYPED);
    }

    /** Attract → keypad → {@code typed} submitted, and the carrier's answer to the send-code call. */
    void submitNumber(String typed) {
        fire(new Event.StartNumberEntry());
        typeDigits(typed);
        fire(new Event.KeypadSubmit());
        settle();
    }

    /** SIM with ID_DOCUMENT only → detail accepted → balance. */
    void reachBalanceBySim() throws Exception {
        givenSimWithDetailLine();
        insertAndVerifyByDetail();
    }

    /** A Japanese SIM whose line asks for the passport digits; tests may restub the balance afterwards. */
    void givenSimWithDetailLine() throws Exception {
        givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
    }

    void insertAndVerifyByDetail() {
        insert();
        settle();
        fire(new Event.DetailSubmitted("1234"));
        settle();
    }

    State state() {
        return flow.state();
    }

    List<State> statesSeen() {
        return views.stream().map(FlowView::state).toList();
    }
}
