package com.simkiosk.kiosk.bench;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Whole SIM sessions on the demo kiosk, driven as fast as the flow answers: insert → read → lookup → (registered
 * detail answered at once) → balance laid out on screen → done → SIM out → attract. Measures insert-to-balance
 * and samples resident memory. Needs a running toolkit; everything UI runs on the FX thread.
 */
public final class SessionBench {
    /** One session may not take longer than this (the bench gives up). */
    static final Duration SESSION_BOUND = Duration.ofSeconds(20);

    /** Resident set size (and heap after GC) after {@code sessions} sessions. */
    public record MemorySample(int sessions, double rssMb, double heapMb) {}

    public record Result(long[] insertToBalanceNanos, List<MemorySample> memory) {}

    private final DemoKiosk demo;
    private final DemoLine line;
    private KioskRuntime runtime;
    private Scene scene;
    private long insertedAt;
    private long balanceAt;
    private CountDownLatch done;
    private boolean balanceSeen;

    public SessionBench(DemoKiosk demo) {
        this.demo = demo;
        this.line = demo.lines().byKey(DemoKiosk.PIN_LINE);
    }

    public Result run(int warmup, int sessions, int sampleEvery) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        FlowConfig config = new FlowConfig(Duration.ofMinutes(10), Duration.ofSeconds(30), java.util.Optional.empty(),
                com.simkiosk.kiosk.flow.Language.JA, 3, 3, 3, 14, 3, "bench", "bench");
        Platform.runLater(() -> {
            runtime = new KioskRuntime(demo.parts(config, Theme.NORMAL, false), Clock.systemUTC(), () -> {});
            scene = Headless.show(runtime);
            runtime.flow().addListener(this::onView);
            scene.addPostLayoutPulseListener(this::afterLayout);
            ready.countDown();
        });
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IOException("the kiosk did not start within 30 s");
        }
        try {
            for (int i = 0; i < warmup; i++) {
                session();
            }
            long[] nanos = new long[sessions];
            List<MemorySample> memory = new ArrayList<>();
            memory.add(sample(0));
            for (int i = 0; i < sessions; i++) {
                nanos[i] = session();
                if ((i + 1) % sampleEvery == 0) {
                    MemorySample m = sample(i + 1);
                    memory.add(m);
                    // As they come, so that a long run can be followed (and cut short) from its standard error.
                    System.err.printf("bench: after %d sessions: RSS %.1f MB, heap after GC %.1f MB%n", m.sessions(), m.rssMb(), m.heapMb());
                }
            }
            return new Result(nanos, memory);
        } finally {
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                runtime.close();
                closed.countDown();
            });
            closed.await(10, TimeUnit.SECONDS);
        }
    }

    /** One session; returns nanoseconds from insertion to the balance screen laid out. */
    private long session() throws Exception {
        done = new CountDownLatch(1);
        Platform.runLater(() -> {
            balanceSeen = false;
            insertedAt = System.nanoTime();
            demo.reader().insert(DemoKiosk.cardFor(line, 3));
        });
        if (!done.await(SESSION_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException("a session did not finish within " + SESSION_BOUND.toSeconds() + " s (at "
                    + runtime.view().state().key() + ")");
        }
        return balanceAt - insertedAt;
    }

    /** Answers the screens as a customer who knows their details would, instantly. FX thread. */
    private void onView(FlowView view) {
        State s = view.state();
        Consumer<Event> fire = e -> Platform.runLater(() -> runtime.flow().fire(e));
        if (s instanceof State.ChooseVerification) {
            fire.accept(new Event.MethodChosen(VerificationMethod.ID_DOCUMENT));
        } else if (s instanceof State.EnterDetail) {
            fire.accept(new Event.DetailSubmitted(line.idDocument()));
        } else if (s instanceof State.ShowBalance) {
            balanceSeen = true;
        } else if (s instanceof State.TakeSim) {
            demo.reader().remove();
        } else if (s instanceof State.Attract && done != null && balanceAt > insertedAt) {
            done.countDown();
        } else if (s instanceof State.Error e) {
            throw new IllegalStateException("bench session met an error screen: " + e.kind());
        }
    }

    /** The balance screen counts as rendered once a pulse has laid it out. */
    private void afterLayout() {
        if (balanceSeen && runtime.shell().surface().lookup("#screen-balance") != null) {
            balanceSeen = false;
            balanceAt = System.nanoTime();
            Platform.runLater(() -> runtime.flow().fire(new Event.Done()));
        }
    }

    private static MemorySample sample(int sessions) throws IOException {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1e6;
        return new MemorySample(sessions, rssMb(), Math.round(heap * 10) / 10.0);
    }

    /** VmRSS of this process from /proc (Linux). */
    static double rssMb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 * 10) / 10.0;
            }
        }
        return -1;
    }
}
