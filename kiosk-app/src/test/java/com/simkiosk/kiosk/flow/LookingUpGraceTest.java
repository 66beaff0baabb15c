package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.TestTime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: once the carrier has confirmed the SIM, "Checking your SIM" stays up for a short grace while the balance
 * comes; a balance in by then is shown without the "Looking up" screen between, a slower one still gets it. The flow
 * with real threads (as the app runs it), the carrier simulator and the real TMF client on loopback, a genuine
 * virtual USIM in the in-memory reader; the balance call can be held by the test.
 */
class LookingUpGraceTest {

    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(10));
    /** Longer than any loopback answer: a grace the balance always makes (the flow caps it below the step's deadline). */
    private static final Duration AMPLE = Duration.ofSeconds(30);

    private final ExecutorService flowThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "flow"));
    private final ExecutorService io = Executors.newFixedThreadPool(4, r -> new Thread(r, "flow-io"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "flow-timers"));
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<State> seen = new CopyOnWriteArrayList<>();
    /** Set by a test to hold the balance call until it is counted down. */
    private volatile CountDownLatch balanceHeld;
    private final CountDownLatch balanceAsked = new CountDownLatch(1);
    private final AtomicBoolean balanceInterrupted = new AtomicBoolean();
    private final CountDownLatch balanceReturned = new CountDownLatch(1);
    /** When true, the held balance call ignores interrupts and answers once released (a call that cannot be stopped). */
    private volatile boolean deaf;
    private CarrierSimulator sim;
    private InMemorySimReader reader;
    private SessionFlow flow;

    @BeforeEach
    void kiosk() throws Exception {
        sim = own(CarrierSimulator.start());
        TmfCarrierClient client = own(FlowFixture.demoClient(sim));
        reader = own(new InMemorySimReader());
        flow = new SessionFlow(reader, held(client), new InMemoryPrinter(), FlowExecutors.sharing(io), flowThread::execute,
                TestTime.runningFrom(FlowFixture.NOW), FlowScheduler.using(timers, flowThread::execute),
                FlowConfig.defaults(), new PlainFlowTexts());
        onFlowThread(() -> {
            flow.addListener(view -> seen.add(view.state()));
            flow.start();
        });
    }

    @AfterEach
    void close() throws Exception {
        CountDownLatch held = balanceHeld;
        if (held != null) {
            held.countDown();
        }
        onFlowThread(flow::close);
        for (ExecutorService pool : List.of(flowThread, io, timers)) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
        }
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }

    @Test
    void aBalanceInWithinTheGraceIsShownStraightAfterCheckingTheSim() throws Exception {
        flow.lookingUpGrace(AMPLE);

        insertGenuineUsim();
        awaitState(State.ShowBalance.class);

        assertThat(seen).anyMatch(s -> s instanceof State.CheckingSim);
        assertThat(seen).as("no \"Looking up\" screen between the check and the balance")
                .noneMatch(s -> s instanceof State.LookingUp);
    }

    @Test
    void aSlowBalanceStillShowsLookingUpThenTheBalance() throws Exception {
        flow.lookingUpGrace(Duration.ofMillis(20));
        balanceHeld = new CountDownLatch(1);

        insertGenuineUsim();
        awaitState(State.LookingUp.class);
        balanceHeld.countDown();
        awaitState(State.ShowBalance.class);

        List<Class<?>> order = seen.stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(order).containsSubsequence(State.CheckingSim.class, State.LookingUp.class, State.ShowBalance.class);
    }

    @Test
    void cancelDuringTheGraceEndsTheSessionAndCallsTheBalanceOff() throws Exception {
        flow.lookingUpGrace(AMPLE);
        balanceHeld = new CountDownLatch(1);

        insertGenuineUsim();
        assertThat(balanceAsked.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("balance asked").isTrue();
        assertThat(flow.state()).as("still checking: the grace runs").isInstanceOf(State.CheckingSim.class);
        onFlowThread(() -> flow.fire(new Event.Cancel()));

        assertThat(flow.state()).as("the SIM is still in: asked back").isInstanceOf(State.TakeSim.class);
        TestTime.awaitUntil(Duration.ofSeconds(10), balanceInterrupted::get, "the balance call interrupted");
        io.shutdown(); // the check's thread has ended and handed over whatever it had...
        assertThat(io.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("carrier threads done").isTrue();
        onFlowThread(() -> {}); // ...and the flow's thread has taken it (and dropped it)
        assertThat(seen).noneMatch(s -> s instanceof State.ShowBalance || s instanceof State.LookingUp);
        assertThat(flow.state()).isInstanceOf(State.TakeSim.class);
    }

    @Test
    void theSimTakenOutDuringTheGraceDropsABalanceThatAnswersAfterwards() throws Exception {
        flow.lookingUpGrace(AMPLE);
        balanceHeld = new CountDownLatch(1);
        deaf = true;

        insertGenuineUsim();
        assertThat(balanceAsked.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("balance asked").isTrue();
        reader.remove();
        awaitAttractAfterTheCheck();
        balanceHeld.countDown(); // the carrier answers after the customer has gone
        assertThat(balanceReturned.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("balance answered").isTrue();
        io.shutdown(); // the check's thread has ended and handed over whatever it had...
        assertThat(io.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("carrier threads done").isTrue();
        onFlowThread(() -> {}); // ...and the flow's thread has taken it

        assertThat(seen).noneMatch(s -> s instanceof State.ShowBalance || s instanceof State.LookingUp);
        assertThat(flow.state()).isInstanceOf(State.Attract.class);
    }

    private void insertGenuineUsim() {
        reader.insert(DemoKiosk.usimCardFor(sim.demoLines().touristData(), true));
    }

    private void awaitState(Class<? extends State> type) {
        TestTime.awaitUntil(Duration.ofSeconds(10), () -> seen.stream().anyMatch(type::isInstance),
                "a " + type.getSimpleName() + " screen (seen: " + seen + ")");
    }

    /** The attract screen the SIM's removal brings back (not the one published when the flow started). */
    private void awaitAttractAfterTheCheck() {
        TestTime.awaitUntil(Duration.ofSeconds(10), () -> {
            List<State> now = List.copyOf(seen); // the flow adds to it meanwhile: a view of it would not hold still
            int checking = indexOf(now, State.CheckingSim.class);
            return checking >= 0 && now.subList(checking, now.size()).stream().anyMatch(State.Attract.class::isInstance);
        }, "the attract screen after \"Checking your SIM\" (seen: " + seen + ")");
    }

    private static int indexOf(List<State> states, Class<? extends State> type) {
        for (int i = 0; i < states.size(); i++) {
            if (type.isInstance(states.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private void onFlowThread(Runnable task) throws Exception {
        flowThread.submit(task).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The client, with its balance call held while {@link #balanceHeld} is set and not counted down. */
    private CarrierBackend held(CarrierBackend carrier) {
        return (CarrierBackend) Proxy.newProxyInstance(CarrierBackend.class.getClassLoader(), new Class<?>[] {CarrierBackend.class},
                (proxy, method, args) -> {
                    boolean balance = method.getName().equals("balance");
                    if (balance) {
                        balanceAsked.countDown();
                        CountDownLatch held = balanceHeld;
                        if (held != null) {
                            awaitRelease(held);
                        }
                    }
                    try {
                        return method.invoke(carrier, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (balance) {
                            balanceReturned.countDown();
                        }
                    }
                });
    }

    private void awaitRelease(CountDownLatch held) throws InterruptedException {
        while (true) {
            try {
                held.await();
                return;
            } catch (InterruptedException e) {
                balanceInterrupted.set(true);
                if (!deaf) {
                    throw e;
                }
            }
        }
    }

    private <T extends AutoCloseable> T own(T c) {
        owned.add(c);
        return c;
    }
}
