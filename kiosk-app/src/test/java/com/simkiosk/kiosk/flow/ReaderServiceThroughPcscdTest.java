package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.app.IoExecutors;
import com.simkiosk.mock.pcsc.PcscdExtension;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, items 7 and 4, where the faults live: the real PC/SC driver, our own pcscd and a virtual SIM on vpcd.
 * Stopping pcscd turns the attract screen into "the SIM reader is not available" (the phone number still works);
 * starting it again brings "insert your SIM" back by itself, and a SIM inserted then is read. A card that answers
 * each APDU after seconds ends as CARD_TIMEOUT at cardReadSeconds, and the next card is read all the same.
 */
@ExtendWith(PcscdExtension.class)
class ReaderServiceThroughPcscdTest {
    private static final Duration CARD_READ = Duration.ofSeconds(2);
    /** pcscd restarts and the monitor's recovery (about a second here) on a busy machine. */
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(20));
    private static final Iccid ICCID = Iccid.parse("8981100000000000905");

    private final ExecutorService flowThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "flow"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "timers"));
    private final SeenViews views = new SeenViews();
    private final CarrierBackend carrier = mock(CarrierBackend.class);
    private final VpcdBridge slot0 = new VpcdBridge(0);
    private IoExecutors io;
    private PcscSimReader reader;
    private SessionFlow flow;

    @BeforeEach
    void kiosk() throws Exception {
        when(carrier.findLineByIccid(any())).thenReturn(FlowFixture.line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        io = new IoExecutors();
        reader = new PcscSimReader();
        flow = new SessionFlow(reader, carrier, new InMemoryPrinter(), io.flow(), flowThread::execute, TestTime.runningFrom(FlowFixture.NOW),
                FlowScheduler.using(timers, flowThread::execute), FlowConfig.defaults().withWaits(CARD_READ,
                        Duration.ofSeconds(6)), new PlainFlowTexts());
        flowThread.submit(() -> {
            flow.addListener(views);
            flow.start();
        }).get(TestTime.scaled(5), TimeUnit.SECONDS);
    }

    @AfterEach
    void close(PcscdProcess pcscd) throws Exception {
        slot0.close();
        flowThread.submit(flow::close).get(TestTime.scaled(5), TimeUnit.SECONDS);
        reader.close();
        io.close();
        flowThread.shutdownNow();
        timers.shutdownNow();
        if (!pcscd.running()) {
            pcscd.start();
        }
    }

    @Test
    void whilePcscdIsDownTheKioskOffersThePhoneNumberAndComesBackByItself(PcscdProcess pcscd) throws Exception {
        pcscd.stop();
        views.await(v -> v.state() instanceof State.ReaderUnavailable, BOUND);
        flowThread.submit(() -> flow.fire(new Event.StartNumberEntry())).get(TestTime.scaled(5), TimeUnit.SECONDS);
        views.await(v -> v.state() instanceof State.EnterNumber, BOUND);
        views.clear(); // ReaderUnavailable was seen already: only what Cancel brings counts
        flowThread.submit(() -> flow.fire(new Event.Cancel())).get(TestTime.scaled(5), TimeUnit.SECONDS);
        views.await(v -> v.state() instanceof State.ReaderUnavailable, BOUND);

        views.clear();
        pcscd.start();
        views.await(v -> v.state() instanceof State.Attract, BOUND);

        slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID.digits())));
        views.await(v -> v.state() instanceof State.EnterDetail, BOUND);
    }

    @Test
    void aCardTooSlowForCardReadSecondsEndsAsCardTimeoutAndTheNextCardIsRead() throws Exception {
        slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withAnswerDelay(Duration.ofSeconds(10))));
        views.await(v -> v.state() instanceof State.Reading, BOUND);
        long started = System.nanoTime();

        FlowView shown = views.await(v -> v.state() instanceof State.Error, BOUND);

        assertThat(shown.state()).isEqualTo(new State.Error(ErrorKind.CARD_TIMEOUT, true));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CARD_READ.plus(TestTime.bound(Duration.ofSeconds(6))));
        views.clear(); // the first Attract was seen long ago: only what the removal brings counts
        slot0.remove();
        views.await(v -> v.state() instanceof State.Attract, BOUND);
        views.clear();
        slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID.digits())));
        views.await(v -> v.state() instanceof State.EnterDetail, BOUND);
    }

}
