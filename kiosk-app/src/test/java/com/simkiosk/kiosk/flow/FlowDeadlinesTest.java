package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.card;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 1 and 4: every wait of the flow has a deadline. A card that does not answer within
 * {@code cardReadSeconds} and a carrier step that does not answer within {@code carrierCallSeconds} (+ grace)
 * end on a translated error screen with a way forward, whatever the card or the back end still does; the late
 * answer is dropped. Time here is the fake clock's: the calls "hang" because the test never runs them.
 */
class FlowDeadlinesTest {

    private static final Duration CARD_READ = Duration.ofSeconds(3);
    private static final Duration CARRIER = Duration.ofSeconds(6);

    private final FlowFixture kiosk = new FlowFixture(FlowConfig.defaults().withWaits(CARD_READ, CARRIER));

    @Test
    void aCardThatDoesNotAnswerWithinCardReadSecondsShowsCardTimeoutWithAWayForward() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();
        assertThat(kiosk.state()).isEqualTo(new State.Reading());

        kiosk.time.advance(CARD_READ.minusMillis(1));
        assertThat(kiosk.state()).isEqualTo(new State.Reading());
        kiosk.time.advance(Duration.ofMillis(1));

        State.Error shown = (State.Error) kiosk.state();
        assertThat(shown.kind()).isEqualTo(ErrorKind.CARD_TIMEOUT);
        assertThat(shown.canRetry()).isTrue();
        assertThat(shown.kind().offersNumberEntry()).isTrue();

        kiosk.settle(); // the card answers after all: too late, dropped
        assertThat(kiosk.state()).isEqualTo(shown);

        kiosk.fire(new Event.Retry());
        assertThat(kiosk.state()).isEqualTo(new State.Reading());
        kiosk.io.runNext();
        assertThat(kiosk.state()).isInstanceOf(State.LookingUp.class);
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.EnterDetail.class);
    }

    @Test
    void aCarrierStepThatDoesNotAnswerInTimeShowsTryAgainShortly() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();
        kiosk.io.runNext(); // the card answers; the carrier lookup is now in flight and never answers
        assertThat(kiosk.state()).isEqualTo(new State.LookingUp());

        kiosk.time.advance(CARRIER);

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
    }

    @Test
    void aPinCheckOnASlowCardEndsAsCardTimeoutAndNeverResendsThePin() throws Exception {
        kiosk.givenSimPinIsProof(); // a test of the PIN path: the back end lets the PIN prove the line
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new Event.PinSubmitted("1234"));

        kiosk.time.advance(CARD_READ);

        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.CARD_TIMEOUT, true));
        kiosk.fire(new Event.Retry());
        assertThat(kiosk.state()).isEqualTo(new State.EnterPin(3, java.util.Optional.empty()));
        kiosk.settle();
        verify(kiosk.reader, times(1)).verifyPin(READER, "1234");
    }

    @Test
    void answersInTimeLeaveNoDeadlineBehind() throws Exception {
        kiosk.reachBalanceBySim();

        kiosk.time.advance(CARRIER.plus(CARD_READ));

        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
    }

    /** The customer's Cancel reaches the call itself: a carrier call stuck in I/O is interrupted, not left running. */
    @Test
    void cancelInterruptsTheCallTheScreenWaitsFor() throws Exception {
        ExecutorService carrierThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-carrier"));
        LinkedBlockingQueue<Runnable> flowThread = new LinkedBlockingQueue<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch calling = new CountDownLatch(1);
        when(kiosk.reader.read(READER)).thenReturn(new ReadResult.Sim(card(JP_ICCID, new PinStatus(true, 3))));
        when(kiosk.carrier.findLineByIccid(JP_ICCID)).thenAnswer(call -> {
            calling.countDown();
            try {
                new CountDownLatch(1).await(); // a back end that never answers
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new com.simkiosk.carrier.CarrierException(com.simkiosk.carrier.CarrierError.UNAVAILABLE, "cancelled");
        });
        SessionFlow flow = new SessionFlow(kiosk.reader, kiosk.carrier, kiosk.printer,
                new FlowExecutors(Runnable::run, carrierThread, Runnable::run), flowThread::add, kiosk.time, kiosk.time,
                FlowConfig.defaults(), new PlainFlowTexts());
        try {
            flow.start();
            flow.fire(new Event.SimInserted(READER));
            flowThread.poll(TestTime.scaled(5), TimeUnit.SECONDS).run(); // the card's answer, on the flow's thread
            assertThat(calling.await(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
            assertThat(flow.state()).isEqualTo(new State.LookingUp());

            flow.fire(new Event.Cancel());

            assertThat(interrupted.await(TestTime.scaled(5), TimeUnit.SECONDS)).as("the stuck carrier call was interrupted").isTrue();
            assertThat(flow.state()).isEqualTo(new State.TakeSim());
        } finally {
            flow.close();
            carrierThread.shutdownNow();
        }
    }

    /**
     * The answer and the deadline both queued on the flow's thread, the answer first: a real timer that already
     * posted its task cannot be cancelled, so the late deadline must find the call retired and leave the answer up.
     */
    @Test
    void aDeadlineQueuedBehindTheBalanceLeavesTheBalanceOnScreen() throws Exception {
        RacingFlow racing = new RacingFlow();
        kiosk.givenSimWithDetailLine();
        racing.flow.fire(new Event.SimInserted(READER));
        racing.settle();
        racing.flow.fire(new Event.DetailSubmitted("1234"));
        racing.io.runNext(); // the detail check answers ...
        racing.drain(); // ... and the balance call is now in flight
        assertThat(racing.flow.state()).isEqualTo(new State.LookingUp());

        racing.io.runNext(); // the balance answers: queued on the flow's thread
        kiosk.time.advance(CARRIER); // the deadline falls due: queued behind it
        racing.drain();

        assertThat(racing.flow.state()).isInstanceOf(State.ShowBalance.class);
    }

    @Test
    void aDeadlineQueuedBehindAnOrderLeavesThePaidTopUpOnScreen() throws Exception {
        RacingFlow racing = new RacingFlow();
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.topUpOffers(org.mockito.ArgumentMatchers.any()))
                .thenReturn(java.util.List.of(FlowFixture.OFFER_1GB));
        when(kiosk.carrier.orderTopUp(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq(FlowFixture.OFFER_1GB),
                org.mockito.ArgumentMatchers.anyString())).thenReturn(FlowFixture.order());
        racing.flow.fire(new Event.SimInserted(READER));
        racing.settle();
        racing.flow.fire(new Event.DetailSubmitted("1234"));
        racing.settle();
        racing.flow.fire(new Event.ShowTopUps());
        racing.settle();
        racing.flow.fire(new Event.OfferChosen(FlowFixture.OFFER_1GB.id()));
        racing.flow.fire(new Event.ConfirmTopUp());

        racing.io.runNext(); // the order answers: queued on the flow's thread
        kiosk.time.advance(CARRIER); // the deadline falls due: queued behind it
        racing.drain();
        racing.settle(); // the printer

        assertThat(racing.flow.state()).isEqualTo(new State.TopUpSlip(FlowFixture.order(), FlowFixture.OFFER_1GB,
                State.PrintStatus.PRINTED));
    }

    /** A flow whose answers and timers hop to a flow-thread queue, as FlowScheduler.using does in the kiosk. */
    private final class RacingFlow {
        final ManualExecutor io = new ManualExecutor();
        final java.util.ArrayDeque<Runnable> flowThread = new java.util.ArrayDeque<>();
        final SessionFlow flow;

        RacingFlow() {
            FlowScheduler posting = (delay, task) -> kiosk.time.schedule(delay, () -> flowThread.add(task));
            flow = new SessionFlow(kiosk.reader, kiosk.carrier, kiosk.printer, FlowExecutors.sharing(io),
                    flowThread::add, kiosk.time, posting, FlowConfig.defaults().withWaits(CARD_READ, CARRIER),
                    new PlainFlowTexts());
            flow.start();
        }

        void drain() {
            for (int guard = 0; guard < 1_000 && !flowThread.isEmpty(); guard++) {
                flowThread.poll().run();
            }
        }

        /** Every call answers and every answer reaches the flow's thread. */
        void settle() {
            for (int guard = 0; guard < 100 && (io.waiting() > 0 || !flowThread.isEmpty()); guard++) {
                io.runAll();
                drain();
            }
        }
    }
}
