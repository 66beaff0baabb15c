package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.testing.TestTime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole exchange, body included, ends at the call's deadline or on the customer's Cancel, over plain
 * {@code http://} and over {@code https://}, on a kept-alive connection too: a carrier (the JDK's HTTP server on
 * 127.0.0.1) that sends its headers and then goes silent mid-body. Before, over https such a body was cut off only
 * by the socket's read timeout (up to twice the budget), and over plain http a Cancel that came after a short
 * polling window waited for the deadline.
 */
class TransportDeadlineTest {
    private static final String TOKEN = "{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    /** The call's budget in the deadline test: longer than the margin, so a cut-off at twice the budget shows. */
    private static final Duration BUDGET = Duration.ofSeconds(6);
    /** How long before the deadline the carrier sends its headers. */
    private static final Duration HEADERS_BEFORE_DEADLINE = Duration.ofMillis(500);
    /** Generous for a busy two-core machine (the sweep runs every 50 ms). */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    static SSLContext carrierTls;

    /** One request as the carrier saw it: its path and the client's port (one port, one connection). */
    record Seen(String path, int clientPort) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch probe = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private HttpServer server;

    @BeforeAll
    static void carrierCertificate() throws Exception {
        MutualTlsTest.keytool(dir, "-genkeypair", "-alias", "carrier", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=carrier", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", "carrier.p12");
        MutualTlsTest.keytool(dir, "-exportcert", "-alias", "carrier", "-keystore", "carrier.p12", "-file", "carrier.cer");
        MutualTlsTest.keytool(dir, "-importcert", "-noprompt", "-alias", "carrier", "-file", "carrier.cer",
                "-keystore", "kiosk-trust.p12");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(MutualTlsTest.load(dir.resolve("carrier.p12")), MutualTlsTest.PASS.toCharArray());
        carrierTls = SSLContext.getInstance("TLS");
        carrierTls.init(keys.getKeyManagers(), null, null);
    }

    @AfterEach
    void stop() {
        probe.countDown();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    /**
     * A carrier over {@code scheme}: a token, {@code []} for {@code /ok}, and for {@code /late} and {@code /silent}
     * headers with {@code Content-Length: 4096} and one byte, after {@code headersAfter} (counted from the request),
     * then silence until the test opens {@link #probe}; it then writes the rest and so finds out whether the kiosk
     * hung up ({@link #hungUp}).
     */
    private URI carrier(String scheme, Duration headersAfter) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (scheme.equals("https")) {
            HttpsServer tls = HttpsServer.create(loopback, 0);
            tls.setHttpsConfigurator(new HttpsConfigurator(carrierTls));
            server = tls;
        } else {
            server = HttpServer.create(loopback, 0);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                seen.add(new Seen(path, exchange.getRemoteAddress().getPort()));
                if (path.equals(TmfHttp.TOKEN_PATH)) {
                    json(exchange, TOKEN);
                } else if (path.equals("/ok")) {
                    json(exchange, "[]");
                } else {
                    silentMidBody(exchange, path.equals("/late") ? headersAfter : Duration.ZERO);
                }
            }
        });
        server.start();
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    private void silentMidBody(HttpExchange exchange, Duration headersAfter) throws IOException {
        try {
            probe.await(headersAfter.toMillis(), TimeUnit.MILLISECONDS); // the carrier is slow to answer
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return;
        }
        BlockingTransportTest.silentMidBody(exchange, asked::countDown, probe, hungUp);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static TmfHttp client(URI uri, Duration requestTimeout) {
        CarrierEndpoint endpoint = CarrierEndpoint.of("deadline", uri, "demo-kiosk", "demo-secret")
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        if (uri.getScheme().equals("https")) {
            endpoint = endpoint.withTls(Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk-trust.p12"),
                    MutualTlsTest.PASS)), Optional.empty());
        }
        return new TmfHttp(endpoint, Clock.systemUTC(), new Json(), d -> { });
    }

    private int port(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).mapToInt(Seen::clientPort).reduce((a, b) -> b).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void headersJustBeforeTheDeadlineThenSilenceEndAsATimeoutAtTheDeadlineAndTheNextCallDialsAfresh(String scheme)
            throws Exception {
        URI uri = carrier(scheme, BUDGET.minus(HEADERS_BEFORE_DEADLINE));
        try (TmfHttp http = client(uri, BUDGET)) {
            http.send(TmfHttp.Call.get("/ok", "first call")); // token and a call: the connection is kept alive
            long started = System.nanoTime();
            assertThatThrownBy(() -> http.send(TmfHttp.Call.get("/late", "late answer")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the call ends at its deadline")
                    .isLessThan(BUDGET.plus(TestTime.bound(MARGIN)));
            assertThat(port("/late")).as("the late answer came on the kept-alive connection").isEqualTo(port("/ok"));
            probe.countDown();
            assertThat(hungUp.await(TestTime.bound(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS))
                    .as("the carrier sees the kiosk hang up").isTrue();

            assertThat(http.send(TmfHttp.Call.get("/ok", "next call")).status()).isEqualTo(200);
            assertThat(port("/ok")).as("the next call is on a fresh connection").isNotEqualTo(port("/late"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void cancellingWhileTheCallerWaitsOnASilentBodyEndsTheCallAtOnceAndTheNextCallDialsAfresh(String scheme)
            throws Exception {
        URI uri = carrier(scheme, Duration.ZERO);
        try (TmfHttp http = client(uri, Duration.ofSeconds(60))) {
            http.send(TmfHttp.Call.get("/ok", "first call"));
            BlockingTransportTest.cancelAndExpectHangUp(http, TmfHttp.Call.get("/silent", "silent answer"),
                    () -> asked.getCount() == 0 && waitsInASocketRead("customer-call"), probe, hungUp);

            assertThat(http.send(TmfHttp.Call.get("/ok", "next call")).status()).isEqualTo(200);
            assertThat(port("/ok")).as("the next call is on a fresh connection").isNotEqualTo(port("/silent"));
        }
    }

    /** Whether the thread named {@code name} is blocked in a socket read of an answer's body (not polling, not parked). */
    private static boolean waitsInASocketRead(String name) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(t -> t.getKey().getName().equals(name) && t.getKey().getState() == Thread.State.RUNNABLE)
                .map(t -> t.getValue())
                .anyMatch(stack -> stack.length > 0 && stack[0].isNativeMethod() && stack[0].getClassName().startsWith("sun.nio.ch.")
                        && Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(CappedBody.class.getName())));
    }
}
