package com.simkiosk.kiosk.telemetry;

import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.printer.PrinterStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one kiosk knows about itself and tells the fleet: its meters, what the flow showed ({@link FlowWatcher}),
 * its back ends ({@link BackendStates}), its devices' last known states, and, when a broker is configured, the
 * {@link FleetLink} that publishes it all. The real kiosk ({@link KioskTelemetry}) and every simulated kiosk of
 * {@code ./kiosk fleet-sim} are this same class, fed by real devices or by a script.
 */
public final class Telemetry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Telemetry.class);
    public static final String VERSION = Optional.ofNullable(Telemetry.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    private final KioskMetrics metrics;
    private final Clock clock;
    private final EventQueue queue;
    private final Optional<FleetLink> link;
    private final FlowWatcher flow;
    private final BackendStates backends;
    private volatile String reader = "UNKNOWN";
    private volatile PrinterStatus printer = PrinterStatus.NOT_CONNECTED;
    private volatile boolean printerKnown;
    private volatile boolean displayUp;

    public Telemetry(Topics topics, Optional<TelemetryConfig.Mqtt> mqtt, Map<String, String> env,
                     ScheduledExecutorService exec, Clock clock, Instant startedAt, boolean processMeters) {
        this.metrics = new KioskMetrics(processMeters);
        this.clock = clock;
        this.queue = new EventQueue(mqtt.map(TelemetryConfig.Mqtt::queuedEvents).orElse(1), metrics::eventDropped);
        this.link = mqtt.map(m -> new FleetLink(m, topics, VERSION, startedAt, env, queue, exec, clock, this::health));
        this.flow = new FlowWatcher(metrics, this::event, clock);
        this.backends = new BackendStates(this::event);
    }

    public void start() {
        link.ifPresent(FleetLink::start);
    }

    /** Subscribe this to the session flow ({@code SessionFlow.addListener}). */
    public Consumer<FlowView> flowListener() {
        return view -> {
            displayUp = true;
            flow.accept(view);
        };
    }

    /** The back end's client, timed and watched under its configured name. */
    public CarrierBackend meter(String backendName, CarrierBackend client) {
        return new MeteredCarrier(backendName, client, metrics, backends);
    }

    public void maintenanceOpened() {
        event(EventKind.MAINTENANCE_OPENED, "MAINTENANCE_SCREEN");
    }

    /** The reader's state as sampled: UP, NO_READER, SERVICE_LOST or the card error of its fault. */
    public void readerState(String state) {
        reader = state;
    }

    /** The printer's state as sampled; a change to or from paper out, or any other problem, is an event. */
    public void printerState(PrinterStatus status) {
        PrinterStatus before = printer;
        boolean first = !printerKnown;
        printer = status;
        printerKnown = true;
        metrics.printerState(status);
        if (status == before && !first) {
            return;
        }
        if (status == PrinterStatus.PAPER_OUT) {
            event(EventKind.PAPER_OUT, status.name());
        } else if (status != PrinterStatus.READY) {
            event(EventKind.PRINTER_PROBLEM, status.name());
        } else if (!first) {
            event(EventKind.PRINTER_READY, status.name());
        }
    }

    void event(EventKind kind, String detail) {
        log.info("telemetry event: {} {}", kind, detail);
        link.ifPresent(l -> l.event(kind, detail));
    }

    public Payloads.Health health() {
        Map<String, String> backendStates = backends.snapshot();
        String readerNow = flow.readerServiceLost() ? "SERVICE_LOST" : reader;
        boolean healthy = readerNow.equals("UP") && printer == PrinterStatus.READY && backends.healthy() && displayUp;
        Payloads.Counters counters = new Payloads.Counters(metrics.count(KioskMetrics.SESSIONS_STARTED),
                flow.sessionsToday(), flow.errorsLastHour(),
                metrics.countsBy(KioskMetrics.SESSIONS_FINISHED, "outcome"), metrics.countsBy(KioskMetrics.ERRORS, "kind"),
                metrics.count(KioskMetrics.SLIPS_PRINTED), metrics.count(KioskMetrics.IDLE_WIPES), queue.size(),
                queue.dropped());
        Payloads.Link linkState = link.map(FleetLink::status)
                .map(s -> new Payloads.Link(s.state().name(), s.problem().orElse(null)))
                .orElse(new Payloads.Link("NOT_CONFIGURED", null));
        return new Payloads.Health(clock.instant().toString(), healthy, readerNow, printer.name(), backendStates,
                displayUp ? "UP" : "STARTING", flow.lastSession().orElse(null), counters, linkState);
    }

    BackendStates backendStates() {
        return backends;
    }

    public KioskMetrics metrics() {
        return metrics;
    }

    public Optional<FleetLink.Status> linkStatus() {
        return link.map(FleetLink::status);
    }

    @Override
    public void close() {
        link.ifPresent(FleetLink::close);
        metrics.close();
    }
}
