package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The flow with real threads, as the app runs it: reader events on the reader's thread, I/O on an I/O pool, timers
 * on a timer thread, and every state change on the one flow thread (the FX thread in the app).
 */
class SessionFlowThreadsTest {

    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(10));

    private final ExecutorService flowThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "flow"));
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> new Thread(r, "flow-io"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "flow-timers"));
    private final InMemorySimReader reader = new InMemorySimReader();
    private final CarrierBackend carrier = mock(CarrierBackend.class);
    private final InMemoryPrinter printer = new InMemoryPrinter();
    private final BlockingQueue<FlowView> views = new LinkedBlockingQueue<>();
    private final List<FlowView> allViews = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<String> listenerThreads = new LinkedBlockingQueue<>();
    private SessionFlow flow;

    private void start(FlowConfig config) throws Exception {
        flow = new SessionFlow(reader, carrier, printer, FlowExecutors.sharing(io), flowThread::execute, TestTime.runningFrom(FlowFixture.NOW),
                FlowScheduler.using(timers, flowThread::execute), config, new PlainFlowTexts());
        onFlowThread(() -> {
            flow.addListener(view -> {
                listenerThreads.add(Thread.currentThread().getName());
                views.add(view);
                allViews.add(view);
            });
            flow.start();
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (flow != null) {
            onFlowThread(flow::close);
        }
        reader.close();
        for (ExecutorService pool : List.of(flowThread, io, timers)) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
        }
    }

    private void onFlowThread(Runnable task) throws Exception {
        flowThread.submit(task).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    private FlowView awaitView(Predicate<FlowView> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            FlowView view = views.poll(TestTime.scaled(100), TimeUnit.MILLISECONDS);
            if (view != null && wanted.test(view)) {
                return view;
            }
        }
        throw new AssertionError("no such screen within " + BOUND);
    }

    private void givenCarrierKnowsTheSim() throws Exception {
        when(carrier.findLineByIccid(FlowFixture.JP_ICCID))
                .thenReturn(FlowFixture.line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        when(carrier.balance(any())).thenReturn(FlowFixture.balance());
        when(carrier.dailyUsage(any(), any())).thenReturn(FlowFixture.usage());
    }

    @Test
    void insertedSimReachesTheBalanceWithEveryScreenChangeOnTheFlowThread() throws Exception {
        givenCarrierKnowsTheSim();
        start(FlowConfig.defaults());

        reader.insert(DemoCard.sim(FlowFixture.JP_ICCID).withPin("1234", 3));
        awaitView(v -> v.state() instanceof State.EnterDetail);
        onFlowThread(() -> flow.fire(new Event.DetailSubmitted("1234")));
        FlowView balance = awaitView(v -> v.state() instanceof State.ShowBalance);

        assertThat(((State.ShowBalance) balance.state()).balance().yen()).contains(500L);
        assertThat(listenerThreads).isNotEmpty().allMatch("flow"::equals);
    }

    @Test
    void pullingTheSimOutReturnsToAttract() throws Exception {
        givenCarrierKnowsTheSim();
        start(FlowConfig.defaults());
        reader.insert(DemoCard.sim(FlowFixture.JP_ICCID));
        awaitView(v -> v.state() instanceof State.EnterDetail);

        reader.remove();

        awaitView(v -> v.state() instanceof State.Attract);
    }

    @Test
    void realTimersWarnThenWipe() throws Exception {
        start(new FlowConfig(Duration.ofMillis(100), Duration.ofSeconds(1), Optional.empty(), Language.JA,
                3, 3, 3, 14, 3, "store", "kiosk"));
        onFlowThread(() -> flow.fire(new Event.StartNumberEntry()));

        awaitView(v -> v.idleSecondsLeft().isPresent() && v.idleSecondsLeft().getAsInt() == 1);
        FlowView end = awaitView(v -> v.state() instanceof State.Attract);

        assertThat(end.idleWarning()).isFalse();
        assertThat(listenerThreads).allMatch("flow"::equals);
    }

    @Test
    void aSlowCardCanBeCancelledAndItsAnswerIsIgnored() throws Exception {
        start(FlowConfig.defaults());
        reader.insert(DemoCard.sim(FlowFixture.JP_ICCID).slowRead(Duration.ofMillis(1_500)));
        awaitView(v -> v.state() instanceof State.Reading);

        onFlowThread(() -> flow.fire(new Event.Cancel()));
        awaitView(v -> v.state() instanceof State.TakeSim);
        reader.remove();
        awaitView(v -> v.state() instanceof State.Attract);
        io.shutdown(); // the read's thread has ended and handed over its answer...
        assertThat(io.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("the read's thread done").isTrue();
        onFlowThread(() -> {}); // ...and the flow's thread has taken it

        // The read ended after the cancel; nothing of it ever reached a screen.
        assertThat(allViews).noneMatch(v -> v.state() instanceof State.LookingUp || v.state() instanceof State.Error);
    }
}
