package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.testing.TestTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk's telemetry against a real mosquitto with TLS (client certificate required) and a password file: what
 * the fleet sees when a kiosk comes, vanishes, loses its broker for a while, or has the wrong password.
 */
class FleetBrokerTest {
    private static final Topics KIOSK = new Topics("store-1042", "kiosk-01");

    @TempDir
    Path dir;

    private Mosquitto broker;
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = Mosquitto.start(dir);
    }

    /** Everything is closed, and the broker stopped, even when one close fails: no mosquitto outlives its test. */
    @AfterEach
    void stopAll() throws Exception {
        java.util.Collections.reverse(closing);
        Exception first = null;
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        exec.shutdownNow();
        broker.close();
        if (first != null) {
            throw first;
        }
    }

    private Telemetry kiosk(com.simkiosk.kiosk.config.TelemetryConfig.Mqtt settings) {
        Telemetry t = new Telemetry(KIOSK, Optional.of(settings), Map.of(), exec, Clock.systemUTC(),
                Clock.systemUTC().instant(), false);
        t.readerState("UP");
        t.printerState(com.simkiosk.printer.PrinterStatus.READY);
        closing.add(t);
        t.start();
        return t;
    }

    private FleetTable fleet() throws Exception {
        FleetTable table = new FleetTable(Clock.systemUTC());
        closing.add(FleetWatch.start(broker.settings(), Map.of(), table));
        return table;
    }

    private static Optional<FleetTable.Row> row(FleetTable table, Topics kiosk) {
        return table.rows().stream().filter(r -> r.store().equals(kiosk.storeId()) && r.kiosk().equals(kiosk.kioskId())).findFirst();
    }

    @Test
    void theFleetSeesAKioskComeOnlineWithItsVersionAndHealth() throws Exception {
        Telemetry kiosk = kiosk(broker.settings(Mosquitto.PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(30), 100));
        FleetTable table = fleet();

        try {
            // the bound covers one attempt the broker takes and never answers (10 s, then a retry) on either side
            TestTime.awaitUntil(Duration.ofSeconds(45), () -> row(table, KIOSK).map(r -> r.online() && !r.lastHealth().isEmpty())
                    .orElse(false), "the kiosk online with a health report");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the kiosk's link: " + kiosk.linkStatus() + "; the fleet's table: "
                    + table.rows() + " after " + table.messages() + " messages; the broker's log:\n" + broker.log(), e);
        }
        FleetTable.Row r = row(table, KIOSK).orElseThrow();
        assertThat(r.version()).isEqualTo(Telemetry.VERSION);
        assertThat(r.reader()).isEqualTo("UP");
        assertThat(r.printer()).isEqualTo("READY");
    }

    @Test
    void aKioskThatVanishesIsOfflineThroughItsLastWillWithinTheKeepAliveBound() throws Exception {
        FleetTable table = fleet();
        var settings = broker.settings();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.simkiosk.kiosk.Main", "fleet-sim",
                "--broker", settings.broker().toString(), "--kiosks", "1", "--username", Mosquitto.USER,
                "--password-file", ((com.simkiosk.kiosk.config.TelemetryConfig.Secret.File) settings.password().orElseThrow()).path().toString(),
                "--ca-file", settings.caFile().orElseThrow().toString(),
                "--client-key-store", settings.clientKeyStore().orElseThrow().toString(),
                "--client-key-store-password-file", dir.resolve("client.p12.pass").toString()));
        Process sim = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("fleet-sim.log").toFile()).start();
        try {
            Topics simulated = FleetSimulation.topicsOf(0);
            TestTime.awaitUntil(Duration.ofSeconds(60), () -> row(table, simulated).map(FleetTable.Row::online).orElse(false),
                    "the simulated kiosk online (its log: " + dir.resolve("fleet-sim.log") + ")");

            sim.destroyForcibly(); // SIGKILL to its PID: no goodbye, the broker must speak for it

            // Keep-alive 30 s: the broker gives up on a silent client after 1.5 × that at most.
            TestTime.awaitUntil(Duration.ofSeconds(45), () -> row(table, simulated).map(r -> !r.online()).orElse(false),
                    "the vanished kiosk offline");
            assertThat(row(table, simulated).orElseThrow().since()).isNotEmpty();
        } finally {
            sim.destroyForcibly();
            sim.waitFor(TestTime.scaled(10), TimeUnit.SECONDS);
        }
    }

    @Test
    void afterABrokerRestartTheKioskReconnectsAndItsQueuedEventsArriveOnceNewestKept() throws Exception {
        Telemetry kiosk = kiosk(broker.settings(Mosquitto.PASSWORD, Duration.ofSeconds(60), Duration.ofSeconds(30), 3));
        Subscriber head = new Subscriber(broker.settings(), "head-office", true);
        closing.add(head);
        TestTime.awaitUntil(Duration.ofSeconds(45), () -> kiosk.linkStatus().orElseThrow().state() == FleetLink.State.ONLINE,
                "the kiosk online");

        broker.stop();
        TestTime.awaitUntil(Duration.ofSeconds(20), () -> kiosk.linkStatus().orElseThrow().state() == FleetLink.State.RETRYING,
                "the kiosk notices the broker is gone");
        for (int i = 0; i < 5; i++) {
            kiosk.event(EventKind.PAPER_OUT, "PAPER_OUT"); // the kiosk keeps working; 5 events, room for 3
        }
        assertThat(kiosk.linkStatus().orElseThrow().eventsQueued()).isEqualTo(3);
        assertThat(kiosk.linkStatus().orElseThrow().eventsDropped()).isEqualTo(2);
        broker.resume();

        String events = KIOSK.topic(Topics.Kind.EVENTS);
        TestTime.awaitUntil(Duration.ofSeconds(60), () -> head.on(events).size() >= 3, "the queued events after the restart");
        TestTime.awaitUntil(Duration.ofSeconds(20), () -> kiosk.linkStatus().orElseThrow().eventsQueued() == 0,
                "the kiosk's queue empty once acknowledged");
        List<Long> seqs = new ArrayList<>();
        for (Subscriber.Message m : head.on(events)) {
            seqs.add(Payloads.JSON.readTree(m.text()).path("seq").asLong());
        }
        assertThat(seqs).as("the oldest two dropped, each of the rest once").containsExactly(3L, 4L, 5L);
        assertThat(kiosk.health().counters().eventsDropped()).isEqualTo(2);
        assertThat(kiosk.metrics().scrape()).contains("kiosk_telemetry_events_dropped_total 2.0");
    }

    @Test
    void wrongCredentialsAreOneClearErrorAndNoReconnectLoopWhileTheKioskKeepsWorking() throws Exception {
        Telemetry kiosk = kiosk(broker.settings("not-the-password", Duration.ofSeconds(1), Duration.ofSeconds(30), 100));

        TestTime.awaitUntil(Duration.ofSeconds(20),
                () -> kiosk.linkStatus().orElseThrow().state() == FleetLink.State.CREDENTIALS_REFUSED, "the refusal");
        kiosk.event(EventKind.MAINTENANCE_OPENED, "MAINTENANCE_SCREEN");
        kiosk.event(EventKind.PAPER_OUT, "PAPER_OUT");

        FleetLink.Status status = kiosk.linkStatus().orElseThrow();
        assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("refused the kiosk's credentials", "user 'kiosk'", "telemetry.mqtt").doesNotContain("not-the-password"));
        assertThat(status.connectAttempts()).as("one try, the next only after " + FleetLink.REFUSED_RETRY).isEqualTo(1);
        assertThat(status.eventsQueued()).isEqualTo(2);
        JsonNode health = Payloads.JSON.valueToTree(kiosk.health());
        assertThat(health.path("telemetry").path("state").asText()).isEqualTo("CREDENTIALS_REFUSED");
        assertThat(health.path("telemetry").path("problem").asText()).contains("refused the kiosk's credentials");
    }

    @Test
    void maintenanceSaysInItsLanguageThatTheBrokerRefusedTheKiosk() throws Exception {
        var settings = broker.settings("not-the-password", Duration.ofSeconds(60), Duration.ofSeconds(30), 100);
        try (KioskTelemetry kiosk = KioskTelemetry.start(new com.simkiosk.kiosk.config.TelemetryConfig(0, Optional.of(settings)),
                KIOSK, org.mockito.Mockito.mock(com.simkiosk.card.SimReader.class),
                new com.simkiosk.mock.printer.InMemoryPrinter(), Map.of(), Clock.systemUTC())) {
            TestTime.awaitUntil(Duration.ofSeconds(20), () -> kiosk.telemetry().linkStatus().orElseThrow().state()
                    == FleetLink.State.CREDENTIALS_REFUSED, "the refusal");

            String where = "127.0.0.1:" + broker.uri().getPort();
            assertThat(kiosk.maintenanceNote(com.simkiosk.kiosk.i18n.Messages.of(com.simkiosk.kiosk.flow.Language.EN)))
                    .hasValueSatisfying(note -> assertThat(note).contains("the broker " + where + " refused", "telemetry.mqtt"));
            assertThat(kiosk.maintenanceNote(com.simkiosk.kiosk.i18n.Messages.of(com.simkiosk.kiosk.flow.Language.JA)))
                    .hasValueSatisfying(note -> assertThat(note).contains("ブローカー " + where, "拒否"));
        }
    }
}
