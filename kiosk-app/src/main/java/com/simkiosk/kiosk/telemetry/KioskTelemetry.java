package com.simkiosk.kiosk.telemetry;

import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.printer.SlipPrinter;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry for the real kiosk: {@link Telemetry} plus the local {@code /healthz} and {@code /metrics}, a sampler
 * that asks the reader and printer how they are (on the telemetry thread, never the flow's), and the thread that
 * runs it all. Attach it to the running kiosk with {@link #attach}; close it with the kiosk.
 */
public final class KioskTelemetry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskTelemetry.class);
    /** Device states are sampled this often (a serial printer's status request takes a few milliseconds). */
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

    private final ScheduledExecutorService exec;
    private final Telemetry telemetry;
    private final LocalEndpoint endpoint;
    private final Optional<URI> broker;

    private KioskTelemetry(ScheduledExecutorService exec, Telemetry telemetry, LocalEndpoint endpoint, Optional<URI> broker) {
        this.exec = exec;
        this.telemetry = telemetry;
        this.endpoint = endpoint;
        this.broker = broker;
    }

    /** Starts the endpoint, the sampler and (if configured) the broker link. The kiosk does not wait for the broker. */
    public static KioskTelemetry start(TelemetryConfig config, Topics topics, SimReader reader, SlipPrinter printer,
                                       Map<String, String> env, Clock clock) throws IOException {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-telemetry");
            t.setDaemon(true);
            return t;
        });
        Telemetry telemetry = new Telemetry(topics, config.mqtt(), env, exec, clock, clock.instant(), true);
        LocalEndpoint endpoint;
        try {
            endpoint = LocalEndpoint.start(config.httpPort(), telemetry::health, telemetry.metrics()::scrape);
        } catch (IOException e) {
            exec.shutdownNow();
            telemetry.close();
            throw new IOException("telemetry: 127.0.0.1:" + config.httpPort() + " cannot be used for /healthz and /metrics ("
                    + e.getMessage() + "): set telemetry.httpPort to a free port", e);
        }
        exec.scheduleWithFixedDelay(() -> sample(telemetry, reader, printer), 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        telemetry.start();
        log.info("telemetry: /healthz and /metrics on 127.0.0.1:{}{}", endpoint.port(),
                config.mqtt().map(m -> ", fleet broker " + m.broker()).orElse(", no fleet broker"));
        return new KioskTelemetry(exec, telemetry, endpoint, config.mqtt().map(TelemetryConfig.Mqtt::broker));
    }

    private static void sample(Telemetry telemetry, SimReader reader, SlipPrinter printer) {
        try {
            Optional<ReadResult.Failed> fault = reader.fault();
            telemetry.readerState(fault.isPresent() ? fault.get().error().name()
                    : reader.readers().isEmpty() ? "NO_READER" : "UP");
            telemetry.printerState(printer.status());
        } catch (RuntimeException e) {
            log.warn("telemetry: device sampling failed: {}", e.toString());
        }
    }

    /** Watches the running kiosk: its flow's screens and the maintenance screen opening. FX thread. */
    public void attach(KioskRuntime runtime) {
        runtime.flow().addListener(telemetry.flowListener());
        runtime.onMaintenanceOpened(telemetry::maintenanceOpened);
        runtime.addMaintenanceNote(this::maintenanceNote);
    }

    /** What maintenance should say about the broker link, in the screen's language; nothing while all is well. */
    Optional<String> maintenanceNote(Messages m) {
        Optional<FleetLink.Status> status = telemetry.linkStatus();
        if (status.isEmpty() || broker.isEmpty()) {
            return Optional.empty();
        }
        String where = broker.get().getHost() + ":" + broker.get().getPort();
        return switch (status.get().state()) {
            case CREDENTIALS_REFUSED -> Optional.of(m.get("maint.telemetry.refused", where));
            case RETRYING -> Optional.of(m.get("maint.telemetry.away", where));
            case MISCONFIGURED -> Optional.of(m.get("maint.telemetry.misconfigured"));
            default -> Optional.empty();
        };
    }

    public CarrierBackend meter(String backendName, CarrierBackend client) {
        return telemetry.meter(backendName, client);
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        endpoint.close();
        telemetry.close();
        exec.shutdownNow();
    }
}
