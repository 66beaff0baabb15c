package com.simkiosk.kiosk.bench;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code bench journey}: the kiosk's real SIM path end to end. A virtual USIM (the demo's tourist line, genuine,
 * no PIN) is plugged into vpcd; pcscd reports it; the kiosk's PC/SC driver reads its identity; the SIM check
 * (EF.IMSI and AUTHENTICATE through pcscd, the simulator's BSF over loopback HTTP) and the carrier look-up and
 * balance (the real TMF client against the simulator) follow; the balance screen is laid out in a pulse. Nobody
 * types anything on this path. Needs a running toolkit and pcscd with vpcd; everything UI runs on the FX thread.
 *
 * <p>A journey runs from the moment the kiosk's reader reports the card to the balance screen laid out. The wait
 * for pcscd to notice the card (it polls vpcd every 400 ms; a real reader interrupts) is measured apart.
 */
public final class JourneyBench {
    /** One journey may not take longer than this (the bench gives up). */
    static final Duration JOURNEY_BOUND = Duration.ofSeconds(20);
    /** How often {@link #run} reports its progress, in measured journeys. */
    static final int PROGRESS_EVERY = 100;

    /**
     * One journey in nanoseconds: the card's calls, the carrier's part (SIM check over HTTP, look-up, balance and
     * the flow's hops between them), the balance screen's layout, their sum, and pcscd's notice of the card; the
     * journey's trace: each card and carrier call by name, and the balance step's wall time ({@link CallTimes}); and
     * when it started (card reported) and ended (balance laid out), on the {@link System#nanoTime()} clock.
     */
    public record Journey(long cardNanos, long carrierNanos, long renderNanos, long totalNanos, long noticedNanos,
                          Map<String, Long> calls, long startedAt, long endedAt) {}

    private final VpcdBridge bridge;
    private final TimedReader reader;
    private final CallTimes calls = new CallTimes();
    private final DemoKiosk demo;
    private final String readerName;
    private final VirtualSimSpec card;
    private final FlowConfig config;
    private KioskRuntime runtime;
    private volatile Clocks clocks;

    /** Timestamps of the journey in progress ({@link System#nanoTime()}), written by the threads that see them. */
    private static final class Clocks {
        final CountDownLatch taken = new CountDownLatch(1);
        final CountDownLatch back = new CountDownLatch(1);
        volatile long inserted;
        volatile long reported;
        volatile long balanceState;
        volatile long cardNanos;
        /** The last screen the flow published in this journey, and when (FX thread). */
        Class<?> lastState;
        long lastStateAt;
        volatile Map<String, Long> calls = Map.of();
        volatile long laidOut;
        /** The start of the first pulse after the balance state (FX thread). */
        long pulseStart;
        /** Collections and their time (ms) so far, when the card was reported and when the balance was laid out. */
        volatile long gcCountReported;
        volatile long gcMillisReported;
        long gcCountLaidOut;
        long gcMillisLaidOut;
        volatile boolean balanceShown;
        volatile String error;
    }

    /** The demo's simulator and client, the PC/SC driver over pcscd, and the bridge into vpcd's {@code slot}. */
    public JourneyBench(DemoKiosk demo, PcscSimReader pcsc, VpcdBridge bridge, int slot) {
        this.demo = demo;
        this.bridge = bridge;
        this.reader = new TimedReader(pcsc, calls);
        this.readerName = String.format("Virtual PCD 00 %02d", slot);
        DemoLine line = demo.lines().touristData();
        this.card = DemoKiosk.usimSpec(line, true);
        FlowConfig defaults = FlowConfig.defaults();
        // Only this slot's cards (other programs may use the other slot), and waits a loaded machine cannot run into.
        this.config = new FlowConfig(defaults.idleWarningAfter(), defaults.idleCountdown(), Optional.of(readerName),
                defaults.defaultLanguage(), defaults.codeAttempts(), defaults.codeSends(), defaults.detailAttempts(),
                defaults.usageDays(), defaults.expiryWarningDays(), "bench", "bench")
                .withWaits(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /**
     * Runs {@code warmup} journeys, then {@code journeys} measured ones, telling {@code progress} how many measured
     * journeys are done every {@value #PROGRESS_EVERY}.
     */
    public List<Journey> run(int warmup, int journeys, IntConsumer progress) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            runtime = new KioskRuntime(traced(demo.parts(reader, demo.tray(), config, Theme.NORMAL, false, List.of(bridge, reader))),
                    Clock.systemUTC(), () -> {});
            Scene scene = Headless.show(runtime);
            runtime.flow().addListener(this::onView);
            scene.addPreLayoutPulseListener(this::beforeLayout);
            scene.addPostLayoutPulseListener(this::afterLayout);
            reader.addListener(this::onCard); // after the flow's: the flow hears the card first
            ready.countDown();
        });
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IOException("the kiosk did not start within 30 s");
        }
        try {
            for (int i = 0; i < warmup; i++) {
                journey();
            }
            Journey[] measured = new Journey[journeys];
            for (int i = 0; i < journeys; i++) {
                measured[i] = journey();
                if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < journeys) {
                    progress.accept(i + 1);
                }
            }
            return List.of(measured);
        } finally {
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                runtime.close(); // closes the reader, the bridge and the demo with the parts
                closed.countDown();
            });
            closed.await(10, TimeUnit.SECONDS);
        }
    }

    /** The same parts with every carrier call timed into the journey's trace. */
    private KioskParts traced(KioskParts p) {
        return new KioskParts(p.reader(), calls.carrier(p.carrier()), p.printer(), p.flowConfig(), p.theme(), p.maintenancePin(),
                p.demoPanel(), p.owned(), p.languages(), p.attachments(), p.help());
    }

    private Journey journey() throws Exception {
        Clocks c = new Clocks();
        clocks = c;
        reader.takeNanos();
        calls.take();
        c.inserted = System.nanoTime();
        bridge.insert(new VirtualSim(card));
        await(c.taken, c, "the balance");
        bridge.remove();
        await(c.back, c, "the attract screen after the SIM was taken");
        long total = c.laidOut - c.reported;
        long render = c.laidOut - c.balanceState;
        return new Journey(c.cardNanos, total - render - c.cardNanos, render, total, c.reported - c.inserted, trace(c),
                c.reported, c.laidOut);
    }

    /** The journey's calls, the render's two halves and, if the JVM collected during the journey, for how long. */
    private static Map<String, Long> trace(Clocks c) {
        Map<String, Long> trace = new java.util.LinkedHashMap<>(c.calls);
        if (c.pulseStart != 0) {
            trace.put(RENDER_WAIT, c.pulseStart - c.balanceState);
            trace.put(RENDER_PULSE, c.laidOut - c.pulseStart);
        }
        long collections = c.gcCountLaidOut - c.gcCountReported;
        if (collections > 0) {
            trace.put(GC_IN_JOURNEY, TimeUnit.MILLISECONDS.toNanos(c.gcMillisLaidOut - c.gcMillisReported));
        }
        return trace;
    }

    /** Trace names of the render's halves and of collections inside a journey (JVM's ms resolution). */
    public static final String RENDER_WAIT = "render: balance state -> next pulse";
    public static final String RENDER_PULSE = "render: that pulse (CSS, layout)";
    public static final String GC_IN_JOURNEY = "GC in the journey (ms resolution)";

    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private void await(CountDownLatch latch, Clocks c, String what) throws Exception {
        if (!latch.await(JOURNEY_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException("a journey did not reach " + what + " within " + JOURNEY_BOUND.toSeconds() + " s (at "
                    + runtime.view().state().key() + ")");
        }
        if (c.error != null) {
            throw new IOException("a journey met an error screen: " + c.error);
        }
    }

    /** The reader's monitor thread: the kiosk has been told about the card. */
    private void onCard(CardEvent event) {
        Clocks c = clocks;
        if (c != null && c.reported == 0 && event.equals(new CardEvent.Inserted(readerName))) {
            c.reported = System.nanoTime();
            long[] gc = collections();
            c.gcCountReported = gc[0];
            c.gcMillisReported = gc[1];
        }
    }

    /** FX thread (the flow's thread in the kiosk). */
    private void onView(FlowView view) {
        Clocks c = clocks;
        if (c == null) {
            return;
        }
        State s = view.state();
        if (c.balanceState == 0 && c.reported != 0 && !s.getClass().equals(c.lastState)) {
            // The journey's screens one after the other: how long each took to be reached from the one before.
            long now = System.nanoTime();
            calls.add("screen " + s.key() + " (from previous)", now - Math.max(c.reported, c.lastStateAt));
            c.lastState = s.getClass();
            c.lastStateAt = now;
        }
        if (s instanceof State.ShowBalance && c.balanceState == 0) {
            c.balanceState = System.nanoTime();
            c.cardNanos = reader.takeNanos();
            c.calls = calls.take();
            c.balanceShown = true;
        } else if (s instanceof State.TakeSim) {
            c.taken.countDown();
        } else if (s instanceof State.Attract && c.taken.getCount() == 0) {
            c.back.countDown();
        } else if (s instanceof State.Error e) {
            c.error = e.kind().name();
            c.taken.countDown();
            c.back.countDown();
        }
    }

    /** The first pulse after the balance state starts (before its CSS pass). FX thread. */
    private void beforeLayout() {
        Clocks c = clocks;
        if (c != null && c.balanceShown && c.pulseStart == 0) {
            c.pulseStart = System.nanoTime();
        }
    }

    /** The balance screen counts as rendered once a pulse has laid it out. FX thread. */
    private void afterLayout() {
        Clocks c = clocks;
        if (c != null && c.balanceShown && runtime.shell().surface().lookup("#screen-balance") != null) {
            c.balanceShown = false;
            c.laidOut = System.nanoTime();
            long[] gc = collections();
            c.gcCountLaidOut = gc[0];
            c.gcMillisLaidOut = gc[1];
            Platform.runLater(() -> runtime.flow().fire(new Event.Done()));
        }
    }
}
