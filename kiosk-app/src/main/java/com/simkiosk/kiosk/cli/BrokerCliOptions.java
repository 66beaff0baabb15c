package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The broker options {@code fleet} and {@code fleet-sim} share; secrets only from files, never the command line. */
final class BrokerCliOptions {
    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = "The MQTT broker: ssl://HOST:PORT, or tcp://127.0.0.1:PORT on this machine.")
    URI broker;

    @Option(names = "--username", paramLabel = "USER", description = "The broker user.")
    Optional<String> username = Optional.empty();

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the broker password.")
    Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--ca-file", paramLabel = "FILE", description = "The broker's CA certificate(s), PEM.")
    Optional<Path> caFile = Optional.empty();

    @Option(names = "--client-key-store", paramLabel = "FILE", description = "A client certificate and key, PKCS#12.")
    Optional<Path> clientKeyStore = Optional.empty();

    @Option(names = "--client-key-store-password-file", paramLabel = "FILE", description = "The key store's password.")
    Optional<Path> clientKeyStorePasswordFile = Optional.empty();

    /** The same settings a kiosk's {@code telemetry.mqtt} section gives; IllegalArgumentException for a bad --broker. */
    TelemetryConfig.Mqtt settings(Duration healthEvery, int queuedEvents) {
        String scheme = String.valueOf(broker.getScheme());
        if (!(scheme.equals("ssl") || scheme.equals("tcp")) || broker.getHost() == null || broker.getPort() < 0) {
            throw new IllegalArgumentException("--broker must be ssl://HOST:PORT or tcp://127.0.0.1:PORT (was " + broker + ")");
        }
        if (scheme.equals("tcp") && !com.simkiosk.carrier.tmf.CarrierEndpoint.isLoopbackHost(broker.getHost())) {
            throw new IllegalArgumentException("plain tcp:// is only allowed to this machine; use ssl://");
        }
        return new TelemetryConfig.Mqtt(broker, username, passwordFile.map(TelemetryConfig.Secret.File::new), caFile,
                clientKeyStore, clientKeyStorePasswordFile.map(TelemetryConfig.Secret.File::new), healthEvery,
                Duration.ofSeconds(30), queuedEvents);
    }
}
