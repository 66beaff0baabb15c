package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.kiosk.Main;
import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.kiosk.telemetry.FleetSimulation;
import com.simkiosk.kiosk.telemetry.Mosquitto;
import com.simkiosk.kiosk.telemetry.Payloads;
import com.simkiosk.testing.TestTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kiosk fleet --json} against a real mosquitto with simulated kiosks, and its refusals. */
class FleetCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliFailures.install(new CommandLine(new Main())).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    private static List<String> brokerArgs(Mosquitto broker, TelemetryConfig.Mqtt s, Path dir) {
        return new ArrayList<>(List.of("--broker", broker.uri().toString(), "--username", Mosquitto.USER,
                "--password-file", ((TelemetryConfig.Secret.File) s.password().orElseThrow()).path().toString(),
                "--ca-file", s.caFile().orElseThrow().toString(),
                "--client-key-store", s.clientKeyStore().orElseThrow().toString(),
                "--client-key-store-password-file", dir.resolve("client.p12.pass").toString()));
    }

    @Test
    void aJsonSnapshotListsEveryKioskWithItsStateAndFaults() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir)) {
            TelemetryConfig.Mqtt s = broker.settings(Mosquitto.PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(30), 100);
            try (FleetSimulation sim = FleetSimulation.start(3, s, Map.of(),
                    new FleetSimulation.Script(Duration.ofHours(1), Duration.ofHours(1), 0, 1, 1, 7), Clock.systemUTC())) {
                TestTime.awaitUntil(Duration.ofSeconds(30), () -> sim.online() == 3, "three simulated kiosks online");
                List<String> args = new ArrayList<>(List.of("fleet", "--json", "--wait", "3"));
                args.addAll(brokerArgs(broker, s, dir));

                int exit = run(args.toArray(String[]::new));

                assertThat(exit).as(err.toString()).isZero();
                JsonNode kiosks = Payloads.JSON.readTree(out.toString()).path("kiosks");
                assertThat(kiosks).hasSize(3);
                assertThat(kiosks.get(0).path("store").asText()).isEqualTo("store-0001");
                assertThat(kiosks.get(0).path("online").asBoolean()).isTrue();
                assertThat(kiosks.get(0).path("printer").asText()).isEqualTo("PAPER_OUT");
                assertThat(kiosks.get(2).path("kiosk").asText()).isEqualTo("kiosk-01");
            }
        }
    }

    @Test
    void aBrokerThatIsNotThereIsExitOneWithAReasonAndABadAddressExitTwo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run("fleet", "--json", "--broker", "tcp://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(Payloads.JSON.readTree(out.toString()).path("error").asText()).isEqualTo("BROKER_UNAVAILABLE");

        out.getBuffer().setLength(0);
        assertThat(run("fleet", "--json", "--broker", "tcp://mqtt.chain.example:1883")).isEqualTo(2);
        assertThat(Payloads.JSON.readTree(out.toString()).path("message").asText()).contains("only allowed to this machine");
    }
}
