package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.SimReader;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.InMemorySimReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: once the carrier confirms the SIM, the balance step's calls start on the SIM check's own thread, before
 * the flow's thread has taken the check's answer. The carrier simulator and the real TMF client on loopback, the
 * in-memory reader with a genuine virtual USIM; the flow's thread and its I/O each run only when the test says.
 */
class EarlyBalanceTest {

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    /** Card and carrier I/O. */
    private final ManualExecutor io = new ManualExecutor();
    /** The flow's thread: answers wait here until the test runs them. */
    private final ManualExecutor flowThread = new ManualExecutor();
    private final List<AutoCloseable> owned = new ArrayList<>();
    /** The carrier calls by name, in order, from whichever thread made them. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    /** How many balance calls fail (with a carrier timeout) before they answer. */
    private final AtomicInteger balanceFailures = new AtomicInteger();
    private CarrierSimulator sim;
    private InMemorySimReader reader;
    private SessionFlow flow;
    private final List<State> seen = new ArrayList<>();

    @BeforeEach
    void kiosk() throws Exception {
        sim = own(CarrierSimulator.start());
        TmfCarrierClient client = own(FlowFixture.demoClient(sim));
        reader = own(new InMemorySimReader());
        flow = own(new SessionFlow(quiet(reader), recorded(client), new InMemoryPrinter(), FlowExecutors.sharing(io),
                flowThread::execute, time, time, FlowConfig.defaults(), new PlainFlowTexts()));
        flow.addListener(view -> seen.add(view.state()));
        flow.start();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }

    @Test
    void theBalanceIsAskedBeforeTheFlowTakesTheCheckAndShownWithoutAWaitScreen() {
        insertGenuineUsim();
        runUntil(State.CheckingSim.class);
        io.runNext(); // the SIM check: card, BSF, look-up; the balance step is handed to another carrier thread

        assertThat(flowThread.waiting()).as("the check's answer waits for the flow's thread").isEqualTo(1);
        io.runAll(); // the balance step runs while the flow's thread is still busy elsewhere
        assertThat(asked).contains("balance", "dailyUsage", "topUpOffers");
        seen.clear();

        flowThread.runAll();

        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        assertThat(seen).noneMatch(s -> s instanceof State.LookingUp);
        assertThat(io.waiting()).as("no carrier call left behind").isZero();
    }

    @Test
    void aBalanceStillOnItsWayIsWaitedForUnderTheLookingUpScreen() {
        insertGenuineUsim();
        runUntil(State.CheckingSim.class);
        io.runNext(); // the SIM check; the balance step is queued, not yet run
        flowThread.runAll();

        assertThat(flow.state()).isEqualTo(new State.LookingUp());
        assertThat(asked).doesNotContain("balance");

        io.runAll();
        flowThread.runAll();

        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        assertThat(asked.stream().filter("balance"::equals)).as("asked once, not again by the step").hasSize(1);
    }

    @Test
    void theSimTakenOutBeforeTheBalanceIsAskedCallsItOff() {
        insertGenuineUsim();
        runUntil(State.CheckingSim.class);
        io.runNext();
        flowThread.runAll(); // the flow waits for the balance step already handed to a carrier thread

        flow.fire(new Event.SimRemoved(InMemorySimReader.DEFAULT_READER));
        io.runAll();
        flowThread.runAll();

        assertThat(asked).as("the session ended before the balance step ran").doesNotContain("balance");
        assertThat(flow.state()).isEqualTo(new State.Attract());
        assertThat(seen).noneMatch(s -> s instanceof State.ShowBalance);
    }

    @Test
    void theSimTakenOutBeforeTheFlowTakesTheCheckCallsTheBalanceOffToo() {
        insertGenuineUsim();
        runUntil(State.CheckingSim.class);
        io.runNext(); // the check answered and handed the balance step to another carrier thread

        flow.fire(new Event.SimRemoved(InMemorySimReader.DEFAULT_READER)); // before the flow's thread took the answer
        io.runAll();
        flowThread.runAll();

        assertThat(asked).as("the dropped check's balance step was called off").doesNotContain("balance");
        assertThat(flow.state()).isEqualTo(new State.Attract());
        assertThat(seen).noneMatch(s -> s instanceof State.ShowBalance || s instanceof State.LookingUp);
    }

    @Test
    void retryAfterAFailedEarlyBalanceAsksTheCarrierAgain() {
        balanceFailures.set(1);
        insertGenuineUsim();
        runUntil(State.CheckingSim.class);
        io.runAll(); // the check and its balance step (which fails) before the flow's thread takes either
        flowThread.runAll();

        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
        assertThat(asked.stream().filter("balance"::equals)).hasSize(1);

        flow.fire(new Event.Retry());
        io.runAll();
        flowThread.runAll();

        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        assertThat(asked.stream().filter("balance"::equals)).as("the retry asked again").hasSize(2);
    }

    private void insertGenuineUsim() {
        reader.insert(DemoKiosk.usimCardFor(sim.demoLines().touristData(), true));
        flow.fire(new Event.SimInserted(InMemorySimReader.DEFAULT_READER));
    }

    /** Runs card and carrier I/O and the flow's thread until the flow shows a screen of {@code type}. */
    private void runUntil(Class<? extends State> type) {
        for (int guard = 0; guard < 20 && !type.isInstance(flow.state()); guard++) {
            if (flowThread.waiting() > 0) {
                flowThread.runNext();
            } else {
                io.runNext();
            }
        }
        assertThat(flow.state()).isInstanceOf(type);
    }

    /** The in-memory reader without its events (delivered on a thread of its own): the test fires the insertion. */
    private static SimReader quiet(InMemorySimReader memory) {
        return (SimReader) Proxy.newProxyInstance(SimReader.class.getClassLoader(), new Class<?>[] {SimReader.class, UsimAccess.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addListener") || method.getName().equals("removeListener")) {
                        return null;
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private CarrierBackend recorded(CarrierBackend carrier) {
        return (CarrierBackend) Proxy.newProxyInstance(CarrierBackend.class.getClassLoader(), new Class<?>[] {CarrierBackend.class},
                (proxy, method, args) -> {
                    asked.add(method.getName());
                    if (method.getName().equals("balance") && balanceFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new CarrierException(CarrierError.TIMEOUT, "the test's carrier did not answer");
                    }
                    try {
                        return method.invoke(carrier, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private <T extends AutoCloseable> T own(T c) {
        owned.add(c);
        return c;
    }
}
