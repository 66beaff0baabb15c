package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A kiosk that comes back (power cut, crash, service restart) with a customer's SIM still in the reader starts
 * that customer's session, as if the SIM had just gone in: the person in front of the screen sees the kiosk
 * read their card, not an attract screen that ignores it.
 */
class RestartWithSimInsideTest {

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    private final InMemorySimReader reader = new InMemorySimReader(List.of(READER), Duration.ofSeconds(2));
    private final CarrierBackend carrier = mock(CarrierBackend.class);
    /** The flow's thread: the reader's events and the I/O answers arrive here and the test runs them. */
    private final BlockingQueue<Runnable> flowThread = new LinkedBlockingQueue<>();
    private final List<State> seen = new ArrayList<>();
    private SessionFlow flow;

    @AfterEach
    void close() {
        if (flow != null) {
            flow.close();
        }
        reader.close();
    }

    private SessionFlow startKiosk() {
        flow = new SessionFlow(reader, carrier, new InMemoryPrinter(), FlowExecutors.sharing(Runnable::run), flowThread::add, time, time,
                FlowConfig.defaults(), new PlainFlowTexts());
        flow.addListener(view -> seen.add(view.state()));
        flow.start();
        return flow;
    }

    /** Waits (bounded) for the reader's event to reach the flow's thread, then runs everything it leads to. */
    private void runFlowThreadUntilQuiet() throws InterruptedException {
        Runnable first = flowThread.poll(TestTime.scaled(5), TimeUnit.SECONDS);
        assertThat(first).as("the reader's event reached the flow within 5 s").isNotNull();
        first.run();
        for (int guard = 0; guard < 100; guard++) {
            Runnable next = flowThread.poll();
            if (next == null) {
                return;
            }
            next.run();
        }
        throw new IllegalStateException("the flow kept posting work");
    }

    @Test
    void aSimLeftInTheReaderAcrossARestartStartsItsSessionAtOnce() throws Exception {
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        reader.insert(READER, DemoCard.sim(JP_ICCID)); // in before the kiosk starts

        startKiosk();
        runFlowThreadUntilQuiet();

        assertThat(seen).startsWith(new State.Attract(), new State.Reading(), new State.LookingUp());
        assertThat(flow.state()).isEqualTo(new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3,
                java.util.Optional.empty()));
    }

    @Test
    void removingThatSimEndsTheSessionLikeAnyOther() throws Exception {
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        reader.insert(READER, DemoCard.sim(JP_ICCID));
        startKiosk();
        runFlowThreadUntilQuiet();

        reader.remove(READER);
        runFlowThreadUntilQuiet();

        assertThat(flow.state()).isEqualTo(new State.Attract());
    }

    @Test
    void aSimInsertedAfterTheStartIsAnnouncedOnceNotTwice() throws Exception {
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        startKiosk();
        reader.insert(READER, DemoCard.sim(JP_ICCID));
        runFlowThreadUntilQuiet();
        assertThat(flow.state()).isInstanceOf(State.EnterDetail.class);

        // The reader's events come in order: once the removal has ended the session, a second "inserted" for the
        // same card would already have shown as a second Reading screen.
        reader.remove(READER);
        runFlowThreadUntilQuiet();

        assertThat(flow.state()).isEqualTo(new State.Attract());
        assertThat(seen.stream().filter(State.Reading.class::isInstance)).hasSize(1);
    }
}
