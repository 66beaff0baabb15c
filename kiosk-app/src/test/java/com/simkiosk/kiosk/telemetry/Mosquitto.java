package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto, started by a test on a free 127.0.0.1 port with its own configuration: TLS with a CA made
 * for the test (server and kiosk certificates, openssl), a client certificate required, a password file
 * ({@code mosquitto_passwd}) and persistence in the test's folder. Stopped (and restarted) by its PID only.
 */
public final class Mosquitto implements AutoCloseable {
    public static final String USER = "kiosk";
    public static final String PASSWORD = "broker-pass-for-tests";

    private final Path dir;
    private final int port;
    private Optional<Process> process = Optional.empty();

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static Mosquitto start(Path dir) throws Exception {
        Path binary = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("mosquitto is not installed: ./install --test installs it (apt-get install mosquitto)");
        }
        certificates(dir);
        run(dir, "mosquitto_passwd", "-b", "-c", dir.resolve("passwd").toString(), USER, PASSWORD);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user " + System.getProperty("user.name"),
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                "cafile " + dir.resolve("ca.pem"),
                "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"),
                "require_certificate true",
                "persistence true",
                "persistence_location " + dir + "/",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error", "log_type warning", "log_type notice", "log_type information",
                "max_keepalive 600",
                ""));
        Mosquitto m = new Mosquitto(dir, port);
        m.resume();
        return m;
    }

    /** Starts (again) on the same port, with the same configuration and persisted sessions. */
    public void resume() throws Exception {
        Process p = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        process = Optional.of(p);
        TestTime.awaitUntil(Duration.ofSeconds(10), () -> !p.isAlive() || accepts(), "mosquitto listens on " + port);
        if (!p.isAlive()) {
            throw new AssertionError("mosquitto stopped at start: " + Files.readString(dir.resolve("mosquitto.out")));
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM to the broker's PID (it saves its persistence file), then waits for it to end. */
    public void stop() throws InterruptedException {
        if (process.isEmpty()) {
            return;
        }
        Process p = process.get();
        p.destroy();
        if (!p.waitFor(TestTime.scaled(10), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(TestTime.scaled(10), TimeUnit.SECONDS);
        }
        process = Optional.empty();
    }

    public URI uri() {
        return URI.create("ssl://127.0.0.1:" + port);
    }

    /** A kiosk's (or the fleet command's) broker settings: the test CA, the kiosk certificate, user and password. */
    public TelemetryConfig.Mqtt settings(String password, Duration healthEvery, Duration keepAlive, int queuedEvents) throws IOException {
        Path passwordFile = dir.resolve("password-" + Integer.toHexString(password.hashCode()));
        writePrivate(passwordFile, password + "\n");
        return new TelemetryConfig.Mqtt(uri(), Optional.of(USER), Optional.of(new TelemetryConfig.Secret.File(passwordFile)),
                Optional.of(dir.resolve("ca.pem")), Optional.of(dir.resolve("client.p12")),
                Optional.of(new TelemetryConfig.Secret.File(dir.resolve("client.p12.pass"))), healthEvery, keepAlive,
                queuedEvents);
    }

    public TelemetryConfig.Mqtt settings() throws IOException {
        return settings(PASSWORD, Duration.ofSeconds(60), Duration.ofSeconds(30), 1_000);
    }

    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A secret file as an operator must leave it: only the kiosk's user may read it. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    /** A CA, the broker's certificate for 127.0.0.1, and a kiosk client certificate in PKCS#12. */
    private static void certificates(Path dir) throws Exception {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        writePrivate(dir.resolve("client.p12.pass"), "p12-pass\n");
        List<String> ec = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes");
        run(dir, concat(List.of("openssl", "req", "-x509"), ec, List.of("-keyout", "ca.key", "-out", "ca.pem",
                "-days", "3650", "-subj", "/CN=simkiosk-test-ca")));
        for (String name : List.of("server", "client")) {
            run(dir, concat(List.of("openssl", "req"), ec, List.of("-keyout", name + ".key", "-out", name + ".csr",
                    "-subj", "/CN=" + (name.equals("server") ? "127.0.0.1" : "kiosk"))));
            List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem",
                    "-CAkey", "ca.key", "-CAcreateserial", "-out", name + ".pem", "-days", "3650"));
            if (name.equals("server")) {
                sign.addAll(List.of("-extfile", "server.ext"));
            }
            run(dir, sign);
        }
        run(dir, "openssl", "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                "-passout", "file:client.p12.pass");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    private static void run(Path dir, String... command) throws Exception {
        run(dir, List.of(command));
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Path log = dir.resolve("setup.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(TestTime.scaled(30), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}
