package com.simkiosk.kiosk.telemetry;

import com.simkiosk.printer.PrinterStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kiosk's meters in one Micrometer registry, scraped as Prometheus text. Every tag value is an enum constant's
 * name or a configured back end's name: a value a customer typed or carried can never become a label.
 */
public final class KioskMetrics implements AutoCloseable {
    static final String SESSIONS_STARTED = "kiosk.sessions.started";
    static final String SESSIONS_FINISHED = "kiosk.sessions.finished";
    static final String VERIFICATIONS = "kiosk.verifications";
    static final String ERRORS = "kiosk.errors";
    static final String IDLE_WIPES = "kiosk.idle.wipes";
    static final String SLIPS_PRINTED = "kiosk.slips.printed";
    static final String CARD_READS = "kiosk.card.reads";
    static final String BACKEND_CALLS = "kiosk.backend.calls";
    static final String EVENTS_DROPPED = "kiosk.telemetry.events.dropped";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<PrinterStatus> printer = new AtomicReference<>(PrinterStatus.NOT_CONNECTED);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** {@code processMeters}: JVM and process memory, CPU and uptime too (not for the kiosks of a simulation). */
    public KioskMetrics(boolean processMeters) {
        if (processMeters) {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            gc.bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            Gauge.builder("process.resident.memory", KioskMetrics::residentBytes).baseUnit("bytes")
                    .description("Resident set size of the kiosk process (Linux /proc/self/statm)").register(registry);
        }
        for (PrinterStatus status : PrinterStatus.values()) {
            Gauge.builder("kiosk.printer.state", () -> printer.get() == status ? 1 : 0).tag("state", status.name())
                    .description("1 for the printer's current state").register(registry);
        }
        registry.counter(SESSIONS_STARTED);
        registry.counter(IDLE_WIPES);
        registry.counter(SLIPS_PRINTED);
        registry.counter(EVENTS_DROPPED);
    }

    public void sessionStarted() {
        registry.counter(SESSIONS_STARTED).increment();
    }

    public void sessionFinished(Outcome outcome) {
        counter(SESSIONS_FINISHED, "outcome", outcome).increment();
    }

    public void verificationChosen(Enum<?> method) {
        counter(VERIFICATIONS, "method", method).increment();
    }

    public void error(Enum<?> kind) {
        counter(ERRORS, "kind", kind).increment();
    }

    public void idleWipe() {
        registry.counter(IDLE_WIPES).increment();
    }

    public void slipPrinted() {
        registry.counter(SLIPS_PRINTED).increment();
    }

    public void eventDropped() {
        registry.counter(EVENTS_DROPPED).increment();
    }

    public void printerState(PrinterStatus status) {
        printer.set(status);
    }

    /** A card read as the customer waited for it; {@code result} is SIM or the card error's name. */
    public void cardRead(Duration took, String result) {
        Timer.builder(CARD_READS).tag("result", result).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    /** One call to a back end; {@code backend} is its configured name, {@code result} OK or the carrier error. */
    public void backendCall(String backend, String operation, String result, Duration took) {
        Timer.builder(BACKEND_CALLS).tags("backend", backend, "operation", operation, "result", result)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry).record(took);
    }

    long count(String name) {
        return (long) registry.counter(name).count();
    }

    /** Each tag value of a counter with its count, e.g. errors by kind. */
    Map<String, Long> countsBy(String name, String tag) {
        Map<String, Long> out = new TreeMap<>();
        registry.find(name).counters().forEach(c -> out.merge(c.getId().getTag(tag), (long) c.count(), Long::sum));
        return out;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String tag, Enum<?> value) {
        return registry.counter(name, tag, value.name());
    }

    private static double residentBytes() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(statm[1]) * 4096.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
