package com.simkiosk.kiosk.config;

import com.simkiosk.carrier.tmf.CarrierEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code "telemetry"} section (see {@code docs/telemetry.md}): the local {@code /healthz} and {@code /metrics}
 * port on 127.0.0.1, and optionally the chain's MQTT broker. Secrets are never in the file itself: a password comes
 * from a file or a systemd credential ({@code $CREDENTIALS_DIRECTORY/NAME}), read when the kiosk connects.
 */
public record TelemetryConfig(int httpPort, Optional<Mqtt> mqtt) {

    public static final int DEFAULT_HTTP_PORT = 9464;

    /** The broker and how to prove the kiosk to it. */
    public record Mqtt(URI broker, Optional<String> username, Optional<Secret> password, Optional<Path> caFile,
                       Optional<Path> clientKeyStore, Optional<Secret> clientKeyStorePassword,
                       Duration healthEvery, Duration keepAlive, int queuedEvents) {
        public boolean tls() {
            return broker.getScheme().equals("ssl");
        }
    }

    /** Where a secret is read from, never the secret: a file, or a systemd credential by name. */
    public sealed interface Secret {
        record File(Path path) implements Secret {}

        record Credential(String name) implements Secret {}

        /** The file to read, given the environment (systemd sets {@code CREDENTIALS_DIRECTORY}). */
        default Path resolve(Map<String, String> env) {
            if (this instanceof File f) {
                return f.path();
            }
            String dir = env.getOrDefault("CREDENTIALS_DIRECTORY", "");
            if (dir.isBlank()) {
                throw new IllegalStateException("the systemd credential '" + ((Credential) this).name()
                        + "' is asked for, but CREDENTIALS_DIRECTORY is not set (LoadCredential= in the unit)");
            }
            return Path.of(dir, ((Credential) this).name());
        }

        /**
         * The secret, read with the same checks as the carrier's secrets (a private file, UTF-8, the secret alone on
         * one line); the exception says what the operator must do.
         */
        default String read(Map<String, String> env) throws IOException {
            Path file = resolve(env);
            Secrets.FileRead read = Secrets.readFile(file, file + " is not there");
            if (read.problem() != null) {
                throw new IOException(read.problem());
            }
            return read.text();
        }
    }

    static Optional<TelemetryConfig> read(Optional<JsonFields> section, Optional<Path> baseDir) {
        if (section.isEmpty()) {
            return Optional.empty();
        }
        JsonFields t = section.get();
        t.allowOnly(Set.of("httpPort", "mqtt"));
        int port = t.integer("httpPort", DEFAULT_HTTP_PORT, 0, 65_535);
        return Optional.of(new TelemetryConfig(port, t.optionalObject("mqtt").map(m -> readMqtt(m, baseDir))));
    }

    private static Mqtt readMqtt(JsonFields m, Optional<Path> baseDir) {
        m.allowOnly(Set.of("broker", "username", "passwordFile", "passwordCredential", "caFile", "clientKeyStore",
                "clientKeyStorePasswordFile", "clientKeyStorePasswordCredential", "healthSeconds", "keepAliveSeconds",
                "queuedEvents"));
        URI broker = readBroker(m);
        Optional<String> username = m.optionalText("username");
        Optional<Secret> password = secret(m, "passwordFile", "passwordCredential", baseDir);
        if (password.isPresent() && username.isEmpty()) {
            m.problem("username", "missing: a password is given, for which user?");
        }
        Optional<Path> caFile = KioskConfig.readableFile(m, "caFile", baseDir);
        Optional<Path> keyStore = KioskConfig.readableFile(m, "clientKeyStore", baseDir);
        Optional<Secret> keyStorePassword = secret(m, "clientKeyStorePasswordFile", "clientKeyStorePasswordCredential", baseDir);
        if (!broker.getScheme().equals("ssl") && (caFile.isPresent() || keyStore.isPresent())) {
            m.problem("broker", "caFile and clientKeyStore are for TLS: use an ssl:// address");
        }
        return new Mqtt(broker, username, password, caFile, keyStore, keyStorePassword,
                Duration.ofSeconds(m.integer("healthSeconds", 60, 1, 3_600)),
                Duration.ofSeconds(m.integer("keepAliveSeconds", 30, 2, 600)),
                m.integer("queuedEvents", 1_000, 1, 100_000));
    }

    private static Optional<Secret> secret(JsonFields m, String fileField, String credentialField, Optional<Path> baseDir) {
        Optional<String> credential = m.optionalText(credentialField);
        if (credential.isPresent() && m.has(fileField)) {
            m.problem(credentialField, "give " + fileField + " or " + credentialField + ", not both");
        }
        if (credential.isPresent()) {
            if (!credential.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                m.problem(credentialField, "must be a credential name (letters, digits, '.', '_', '-')");
            }
            return Optional.of(new Secret.Credential(credential.get()));
        }
        return KioskConfig.readableFile(m, fileField, baseDir).map(Secret.File::new);
    }

    /** ssl:// anywhere; plain tcp:// only to this machine (a broker beside the kiosk, or a test). */
    private static URI readBroker(JsonFields m) {
        URI fallback = URI.create("ssl://invalid.example:8883");
        String text = m.text("broker");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = new URI(text);
            String scheme = String.valueOf(uri.getScheme());
            if (uri.getHost() == null || uri.getPort() < 0 || !(scheme.equals("ssl") || scheme.equals("tcp"))) {
                m.problem("broker", "must be ssl://HOST:PORT (was '" + text + "')");
                return fallback;
            }
            if (scheme.equals("tcp") && !CarrierEndpoint.isLoopbackHost(uri.getHost())) {
                m.problem("broker", "plain tcp:// is only allowed to this machine; use ssl://");
            }
            return uri;
        } catch (URISyntaxException e) {
            m.problem("broker", "not an address (" + e.getReason() + ")");
            return fallback;
        }
    }
}
