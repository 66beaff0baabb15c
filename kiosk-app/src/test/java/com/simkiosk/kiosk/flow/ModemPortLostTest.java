package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 7, on the serial reader: when the modem's port goes away during a session, the session ends and the
 * kiosk says the reader is unavailable, as with pcscd gone. Before the reader events had one hub, the modem followed
 * {@code ServiceLost} with {@code ReadersChanged([])}, which the flow took for the service coming back: the
 * attract screen asked for a SIM the kiosk could not read.
 */
class ModemPortLostTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    private final CarrierBackend carrier = mock(CarrierBackend.class);
    private final BlockingQueue<Runnable> flowThread = new LinkedBlockingQueue<>();

    @Test
    void aModemPortLostDuringASessionEndsItOnTheReaderUnavailableScreen() throws Exception {
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        try (PtyPair pty = PtyPair.open(TestTime.bound(BOUND));
                SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200),
                        ModemDialect.QUECTEL, new VirtualSim(VirtualSimSpec.uicc(JP_ICCID.digits())), SimulatedModem.Options.PLAIN);
                AtModemSimReader reader = AtModemSimReader.open(pty.a().toString(), 115200,
                        new AtModemSimReader.Settings(TestTime.bound(Duration.ofSeconds(1)), Duration.ofMillis(50)));
                SessionFlow flow = new SessionFlow(reader, carrier, new InMemoryPrinter(), FlowExecutors.sharing(Runnable::run),
                        flowThread::add, time, time, FlowConfig.defaults(), new PlainFlowTexts())) {
            flow.start();
            endsOnTheReaderUnavailableScreen(pty, reader, flow);
        }
    }

    private void endsOnTheReaderUnavailableScreen(PtyPair pty, AtModemSimReader reader, SessionFlow flow) throws Exception {
        // Heard after the flow's own listener, on the same event thread: when this one has an event, the flow has it.
        BlockingQueue<CardEvent> heard = new LinkedBlockingQueue<>();
        reader.addListener(heard::add);

        awaitEvent(heard, CardEvent.Inserted.class);
        runFlowThread();
        assertThat(flow.state()).isInstanceOf(State.EnterDetail.class);

        pty.vanish();
        awaitEvent(heard, CardEvent.Removed.class);
        runFlowThread();

        assertThat(flow.state()).isEqualTo(new State.ReaderUnavailable());
    }

    private static void awaitEvent(BlockingQueue<CardEvent> heard, Class<? extends CardEvent> kind) throws InterruptedException {
        while (true) {
            CardEvent event = heard.poll(TestTime.bound(BOUND).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("a %s within %s", kind.getSimpleName(), BOUND).isNotNull();
            if (kind.isInstance(event)) {
                return;
            }
        }
    }

    /** Runs what the reader's events posted to the flow's thread, and what that leads to (bounded). */
    private void runFlowThread() {
        List<Runnable> batch = new ArrayList<>();
        for (int round = 0; round < 100 && flowThread.drainTo(batch) > 0; round++) {
            batch.forEach(Runnable::run);
            batch.clear();
        }
        assertThat(flowThread).as("the flow stopped posting work").isEmpty();
    }
}
