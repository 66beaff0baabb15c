package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.route.CarrierRoute;
import com.simkiosk.carrier.route.CarrierRouter;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.config.MaintenancePin;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowScheduler;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.PlainFlowTexts;
import com.simkiosk.kiosk.flow.SeenViews;
import com.simkiosk.kiosk.flow.SessionFlow;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.HostileCarrier;
import com.simkiosk.testing.TestTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's test: "a stalled body, an endless body and a slow card at once, and a second SIM and the maintenance
 * PIN still answer within their bounds". One kiosk (its own card, carrier and maintenance pools, real timers, a
 * flow thread) with three readers; behind the router, real TCP on 127.0.0.1: a carrier that stalls mid-body, one
 * whose body never ends (both raw sockets), and the carrier simulator for the good SIM.
 */
class HostileCarrierAndSlowCardTest {
    private static final Duration CARD_READ = Duration.ofSeconds(2);
    private static final Duration CARRIER_CALL = Duration.ofSeconds(2);
    /** For a busy two-core machine (scaled by TestTime); the bug this guards against waited 36 s to forever. */
    private static final Duration MARGIN = TestTime.bound(Duration.ofSeconds(6));
    /** 12:00 in Japan on 26 November 2026: the kiosk's clock runs from here, whatever the real date. */
    private static final Instant ORIGIN = Instant.parse("2026-11-26T03:00:00Z");

    private static final String READER_A = "Reader A";
    private static final String READER_B = "Reader B";
    private static final String READER_C = "Reader C";
    /** SoftBank's prefix goes to the stalling carrier, Rakuten's to the endless one, KDDI's to the simulator. */
    private static final Iccid STALLED_SIM = Iccid.parse("8981202607120000030");
    private static final Iccid ENDLESS_SIM = Iccid.parse("8981092604180000045");
    private static final Iccid SLOW_SIM = Iccid.parse("8981102603110000016");
    private static final Iccid GOOD_SIM = Iccid.parse("8981302605300000027");

    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
    private final SeenViews views = new SeenViews();
    private final ExecutorService flowThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "flow"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "timers"));

    @AfterEach
    void closeAll() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close(); // the flow, then its pools (interrupting what still runs), then the servers
        }
        flowThread.shutdownNow();
        timers.shutdownNow();
    }

    private <T extends AutoCloseable> T own(T thing) {
        owned.add(thing);
        return thing;
    }

    private TmfCarrierClient client(String name, java.net.URI uri) {
        return own(new TmfCarrierClient(CarrierEndpoint.of(name, uri, DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                .withTimeouts(Duration.ofSeconds(1), CARRIER_CALL)));
    }

    @Test
    void aStalledBodyAnEndlessBodyAndASlowCardAtOnceAndTheNextSimAndTheMaintenancePinStillAnswerInTime() throws Exception {
        HostileCarrier stalled = own(new HostileCarrier(HostileCarrier.Behaviour.STALLED_BODY));
        HostileCarrier endless = own(new HostileCarrier(HostileCarrier.Behaviour.ENDLESS_BODY));
        CarrierSimulator healthy = own(CarrierSimulator.start());
        CarrierRouter router = own(new CarrierRouter(List.of(
                new CarrierRoute("stalled", client("stalled", stalled.uri()), Set.of("898120")),
                new CarrierRoute("endless", client("endless", endless.uri()), Set.of("898109")),
                new CarrierRoute("healthy", client("healthy", healthy.baseUri()), Set.of("898130", "898110"))),
                Optional.empty(), CARRIER_CALL));
        InMemorySimReader reader = own(new InMemorySimReader(List.of(READER_A, READER_B, READER_C), Duration.ofMinutes(5)));
        IoExecutors io = own(new IoExecutors());
        MaintenancePin pin = MaintenancePin.hash("24681357".toCharArray(), MaintenancePin.MIN_ITERATIONS, new SecureRandom());
        FlowConfig config = FlowConfig.defaults().withWaits(CARD_READ, CARRIER_CALL.plus(FlowConfig.CARRIER_GRACE));
        SessionFlow flow = own(new SessionFlow(reader, router, new InMemoryPrinter(), io.flow(), flowThread::execute,
                TestTime.runningFrom(ORIGIN), FlowScheduler.using(timers, flowThread::execute), config, new PlainFlowTexts()));
        flowThread.submit(() -> {
            flow.addListener(views);
            flow.start();
        }).get(TestTime.scaled(5), TimeUnit.SECONDS);

        // A: headers, 100 bytes of the body, then nothing. The customer waits.
        reader.insert(READER_A, DemoCard.sim(STALLED_SIM));
        TestTime.awaitUntil(MARGIN, () -> stalled.requests() >= 1, "the stalled carrier is asked");
        // B, in the next reader while A's lookup still hangs: a body without end.
        reader.insert(READER_B, DemoCard.sim(ENDLESS_SIM));
        TestTime.awaitUntil(MARGIN, () -> endless.requests() >= 1, "the endless carrier is asked");
        // C: a card that would take a minute to answer, while A's and B's answers are still on the wire.
        long slowIn = System.nanoTime();
        reader.insert(READER_C, DemoCard.sim(SLOW_SIM).slowRead(Duration.ofMinutes(1)));

        // The maintenance PIN, typed meanwhile, answers on its own pool.
        long pinAsked = System.nanoTime();
        Future<Boolean> unlocked = io.maintenance().submit(() -> pin.matches("24681357".toCharArray()));
        assertThat(unlocked.get(MARGIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - pinAsked)).isLessThan(MARGIN);

        // The slow card ends as a classified timeout at cardReadSeconds, with the phone number as a way forward.
        // (B's answer may already have been cut at the cap and shown before C went in: only C's outcome counts.)
        FlowView timedOut = views.await(v -> v.state() instanceof State.Error e && e.kind() == ErrorKind.CARD_TIMEOUT,
                CARD_READ.plus(MARGIN));
        assertThat(((State.Error) timedOut.state()).canRetry()).isTrue();
        assertThat(((State.Error) timedOut.state()).kind().offersNumberEntry()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - slowIn)).isLessThan(CARD_READ.plus(MARGIN));
        // The kiosk let go of both hostile answers instead of reading on.
        TestTime.awaitUntil(MARGIN, () -> stalled.hungUp() >= 1 && endless.hungUp() >= 1, "both hostile answers abandoned");

        // The next customer's good SIM: read and looked up within the card and carrier bounds.
        views.clear(); // the first Attract was seen long ago: only what the removals bring counts
        reader.remove(READER_A);
        reader.remove(READER_B);
        reader.remove(READER_C);
        views.await(v -> v.state() instanceof State.Attract, MARGIN);
        views.clear();
        long goodIn = System.nanoTime();
        reader.insert(READER_A, DemoCard.sim(GOOD_SIM));
        views.await(v -> v.state() instanceof State.EnterDetail, CARD_READ.plus(config.carrierWait()).plus(MARGIN));
        assertThat(Duration.ofNanos(System.nanoTime() - goodIn)).isLessThan(CARD_READ.plus(config.carrierWait()).plus(MARGIN));
    }
}
