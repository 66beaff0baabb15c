package com.simkiosk.kiosk.config;

import static com.simkiosk.kiosk.config.KioskConfigTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryConfigTest {

    private static KioskConfig parse(String telemetry) throws ConfigException {
        return KioskConfig.parse(minimal(", \"telemetry\": " + telemetry), "test.json", Optional.empty());
    }

    private static java.util.List<String> problems(String telemetry) {
        try {
            parse(telemetry);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the telemetry section to be refused");
    }

    @Test
    void withoutTheSectionTheKioskHasNoTelemetry() throws Exception {
        assertThat(KioskConfig.parse(minimal(""), "test.json", Optional.empty()).telemetry()).isEmpty();
    }

    @Test
    void anEmptySectionServesHealthAndMetricsOnTheDefaultPortWithoutABroker() throws Exception {
        TelemetryConfig t = parse("{}").telemetry().orElseThrow();

        assertThat(t.httpPort()).isEqualTo(TelemetryConfig.DEFAULT_HTTP_PORT);
        assertThat(t.mqtt()).isEmpty();
    }

    @Test
    void aBrokerWithASystemdCredentialAndDefaults() throws Exception {
        TelemetryConfig.Mqtt m = parse("""
                {"httpPort": 9500, "mqtt": {"broker": "ssl://mqtt.chain.example:8883", "username": "store-0042-kiosk-01",
                 "passwordCredential": "mqtt-password"}}""").telemetry().orElseThrow().mqtt().orElseThrow();

        assertThat(m.broker()).isEqualTo(URI.create("ssl://mqtt.chain.example:8883"));
        assertThat(m.tls()).isTrue();
        assertThat(m.password()).contains(new TelemetryConfig.Secret.Credential("mqtt-password"));
        assertThat(m.password().orElseThrow().resolve(Map.of("CREDENTIALS_DIRECTORY", "/run/credentials/simkiosk.service")))
                .isEqualTo(Path.of("/run/credentials/simkiosk.service/mqtt-password"));
        assertThat(m.healthEvery()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(m.queuedEvents()).isEqualTo(1_000);
    }

    @Test
    void aCredentialWithoutSystemdSaysWhatIsMissing() throws Exception {
        TelemetryConfig.Secret s = new TelemetryConfig.Secret.Credential("mqtt-password");

        assertThatThrownBy(() -> s.resolve(Map.of())).hasMessageContaining("CREDENTIALS_DIRECTORY")
                .hasMessageContaining("LoadCredential=");
    }

    @Test
    void plainTcpOnlyToThisMachineAndSecretsNeverInline() {
        assertThat(problems("{\"mqtt\": {\"broker\": \"tcp://mqtt.chain.example:1883\"}}"))
                .anyMatch(p -> p.contains("telemetry.mqtt.broker") && p.contains("only allowed to this machine"));
        assertThat(problems("{\"mqtt\": {\"broker\": \"ssl://h:8883\", \"username\": \"u\", \"password\": \"x\"}}"))
                .anyMatch(p -> p.contains("telemetry.mqtt.password") && p.contains("unknown field"));
        assertThat(problems("{\"mqtt\": {\"broker\": \"ssl://h:8883\", \"username\": \"u\", \"passwordFile\": \"/nonexistent/p\"}}"))
                .anyMatch(p -> p.contains("cannot read /nonexistent/p"));
        assertThat(problems("{\"mqtt\": {\"broker\": \"ssl://h\"}}")).anyMatch(p -> p.contains("ssl://HOST:PORT"));
        assertThat(problems("{\"httpPort\": 70000}")).anyMatch(p -> p.contains("telemetry.httpPort"));
    }

    @Test
    void theBrokerPasswordIsReadFromAPrivateFileAsTheCarriersSecretsAre(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mqtt-password");
        Files.writeString(file, "s3cret pass\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(new TelemetryConfig.Secret.File(file).read(Map.of())).isEqualTo("s3cret pass");
        assertThat(new TelemetryConfig.Secret.Credential("mqtt-password").read(Map.of("CREDENTIALS_DIRECTORY", dir.toString())))
                .isEqualTo("s3cret pass");
    }

    @Test
    void aBrokerPasswordFileOthersMayReadOrThatHoldsMoreThanTheSecretIsRefusedWithWhatToDo(@TempDir Path dir)
            throws Exception {
        Path open = dir.resolve("open");
        Files.writeString(open, "s3cret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path twoLines = dir.resolve("two-lines");
        Files.writeString(twoLines, "s3cret\nuser=kiosk\n");
        Files.setPosixFilePermissions(twoLines, PosixFilePermissions.fromString("rw-------"));
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new TelemetryConfig.Secret.File(open).read(Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("group or others may read it").hasMessageContaining("chmod 600 " + open)
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new TelemetryConfig.Secret.File(twoLines).read(Map.of()))
                .hasMessageContaining("the secret alone, on one line").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new TelemetryConfig.Secret.File(empty).read(Map.of())).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new TelemetryConfig.Secret.File(dir.resolve("missing")).read(Map.of()))
                .hasMessageContaining("is not there");
    }
}
