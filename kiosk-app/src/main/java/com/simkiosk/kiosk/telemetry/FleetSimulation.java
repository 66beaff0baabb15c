package com.simkiosk.kiosk.telemetry;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.flow.TopUpChoice;
import com.simkiosk.printer.PrinterStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code ./kiosk fleet-sim}: many kiosks in one process, each a real {@link Telemetry} with its own broker
 * connection, fed scripted screens instead of a customer: balance look-ups, an error now and then, bursts of
 * errors, and scripted faults (paper out, a back end down). What they publish is what a kiosk publishes.
 */
public final class FleetSimulation implements AutoCloseable {
    /** The script: how often things happen and which kiosks have which fault. */
    public record Script(Duration sessionEvery, Duration burstEvery, int burstSize, int paperOutKiosks,
                         int backendDownKiosks, long seed) {}

    private static final String BACKEND = "carrier-sim";

    private final ScheduledExecutorService exec;
    private final List<Telemetry> kiosks = new ArrayList<>();

    private FleetSimulation(ScheduledExecutorService exec) {
        this.exec = exec;
    }

    /** Kiosk {@code i} (from 0) is {@code kiosk-NN} in store {@code store-SSSS}, two kiosks per store. */
    public static Topics topicsOf(int i) {
        return new Topics("store-%04d".formatted(1 + i / 2), "kiosk-%02d".formatted(1 + i % 2));
    }

    public static FleetSimulation start(int count, TelemetryConfig.Mqtt broker, Map<String, String> env, Script script,
                                        Clock clock) {
        ScheduledExecutorService exec = Executors.newScheduledThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "fleet-sim");
                    t.setDaemon(true);
                    return t;
                });
        FleetSimulation sim = new FleetSimulation(exec);
        Random random = new Random(script.seed());
        for (int i = 0; i < count; i++) {
            Telemetry t = new Telemetry(topicsOf(i), Optional.of(broker), env, exec, clock, clock.instant(), false);
            sim.kiosks.add(t);
            t.readerState("UP");
            t.printerState(i < script.paperOutKiosks() ? PrinterStatus.PAPER_OUT : PrinterStatus.READY);
            t.backendStates().known(BACKEND);
            Consumer<FlowView> screen = t.flowListener();
            screen.accept(view(new State.Attract()));
            t.start();
            boolean backendDown = i >= script.paperOutKiosks() && i < script.paperOutKiosks() + script.backendDownKiosks();
            long every = script.sessionEvery().toMillis();
            exec.scheduleAtFixedRate(() -> session(t, screen, backendDown, ThreadLocalRandom.current().nextInt(10) == 0),
                    random.nextLong(every) + 1, every, TimeUnit.MILLISECONDS);
            if (script.burstSize() > 0) {
                long burst = script.burstEvery().toMillis();
                exec.scheduleAtFixedRate(() -> {
                    for (int b = 0; b < script.burstSize(); b++) {
                        session(t, screen, true, true);
                    }
                }, random.nextLong(burst) + 1, burst, TimeUnit.MILLISECONDS);
            }
        }
        return sim;
    }

    /** One customer: insert, read, look up, and a balance (or an error screen), then the SIM is taken. */
    private static synchronized void session(Telemetry t, Consumer<FlowView> screen, boolean backendDown, boolean fails) {
        screen.accept(view(new State.Reading()));
        screen.accept(view(new State.LookingUp()));
        if (backendDown || fails) {
            t.backendStates().failed(BACKEND, backendDown ? CarrierError.UNAVAILABLE : CarrierError.TIMEOUT);
            screen.accept(view(new State.Error(ErrorKind.BACKEND_DOWN, true)));
        } else {
            t.backendStates().answered(BACKEND);
            screen.accept(view(new State.ShowBalance(new BalanceView("Data 3GB", Optional.empty(), Optional.empty(),
                    1L << 30, 3L << 30, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    List.of(), Optional.empty(), true, Optional.empty(), Situation.FINE, TopUpChoice.UNKNOWN,
                    Instant.EPOCH))));
        }
        screen.accept(view(new State.TakeSim()));
        screen.accept(view(new State.Attract()));
    }

    private static FlowView view(State state) {
        return new FlowView(state, Language.JA, OptionalInt.empty());
    }

    public long online() {
        return kiosks.stream().filter(k -> k.linkStatus().map(s -> s.state() == FleetLink.State.ONLINE).orElse(false)).count();
    }

    public int size() {
        return kiosks.size();
    }

    @Override
    public void close() {
        kiosks.parallelStream().forEach(Telemetry::close);
        exec.shutdownNow();
    }
}
