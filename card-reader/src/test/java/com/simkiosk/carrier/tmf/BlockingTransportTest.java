package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.testing.TestTime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the blocking transport (HttpURLConnection on the calling thread) could get wrong that java.net.http did not:
 * the JDK resending a POST by itself on a connection the carrier had closed, Cancel not reaching a caller blocked
 * on a silent body, and connections not kept alive between calls. A real JDK HTTP server on 127.0.0.1 that records
 * every request with the client port it came from.
 */
class BlockingTransportTest {
    private static final String TOKEN = "{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    private static final String ORDER = "{\"id\":\"order-1\",\"status\":\"created\"}";

    /** One request as the server saw it: method, path, and the client's port (one port = one connection). */
    record Seen(String method, String path, int clientPort) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    private URI start(int port, Handler answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRemoteAddress().getPort()));
                answers.answer(exchange);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    interface Handler {
        void answer(HttpExchange exchange) throws IOException;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A token, 201 for a POST, an empty product list for anything else. */
    private static void plain(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals(TmfHttp.TOKEN_PATH)) {
            json(exchange, 200, TOKEN);
        } else if (exchange.getRequestMethod().equals("POST")) {
            json(exchange, 201, ORDER);
        } else {
            json(exchange, 200, "[]");
        }
    }

    private static TmfHttp client(URI uri, Duration requestTimeout) {
        CarrierEndpoint endpoint = CarrierEndpoint.of("transport", uri, "demo-kiosk", "demo-secret")
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        return new TmfHttp(endpoint, Clock.systemUTC(), new Json(), d -> { });
    }

    private long count(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).count();
    }

    @Test
    void aTopUpOrderReachesTheCarrierOnceWhenTheCarrierHasClosedTheIdleKeepAliveConnection() throws Exception {
        URI uri = start(0, BlockingTransportTest::plain);
        int port = uri.getPort();
        try (TmfHttp http = client(uri, TestTime.bound(Duration.ofSeconds(5)))) {
            http.send(TmfHttp.Call.get(TmfCarrierClient.PRODUCT + "?x=1", "lookup")); // token + lookup, kept alive
            // The carrier closes its idle connections (here: restarts on the same port); the kiosk's pooled one is stale.
            server.stop(0);
            start(port, BlockingTransportTest::plain);

            TmfHttp.Answer answer = http.send(TmfHttp.Call.post(TmfCarrierClient.TOPUP,
                    "{}".getBytes(StandardCharsets.UTF_8), false, "top-up order"));

            assertThat(answer.status()).isEqualTo(201);
            assertThat(count("POST", TmfCarrierClient.TOPUP)).isEqualTo(1);
        }
    }

    @Test
    void aTopUpOrderWhoseConnectionDropsIsNotSentAgainByTheTransport() throws Exception {
        AtomicInteger orders = new AtomicInteger();
        URI uri = start(0, exchange -> {
            if (exchange.getRequestMethod().equals("POST") && !exchange.getRequestURI().getPath().equals(TmfHttp.TOKEN_PATH)) {
                orders.incrementAndGet();
                throw new IOException("the carrier drops the connection without an answer");
            }
            plain(exchange);
        });
        try (TmfHttp http = client(uri, TestTime.bound(Duration.ofSeconds(5)))) {
            http.send(TmfHttp.Call.get(TmfCarrierClient.PRODUCT + "?x=1", "lookup"));
            CarrierException failure = null;
            try {
                http.send(TmfHttp.Call.post(TmfCarrierClient.TOPUP, "{}".getBytes(StandardCharsets.UTF_8), false, "top-up order"));
            } catch (CarrierException e) {
                failure = e;
            }
            assertThat(failure).isNotNull();
            assertThat(failure.error()).isEqualTo(CarrierError.UNAVAILABLE);
            assertThat(orders.get()).as("the order was sent once; looking it up is the client's decision (§9.3)").isEqualTo(1);
        }
    }

    @Test
    void cancellingWhileTheCarrierIsSilentMidBodyEndsTheCallKeepsTheInterruptAndHangsUp() throws Exception {
        CountDownLatch probe = new CountDownLatch(1);
        CountDownLatch hungUp = new CountDownLatch(1);
        URI uri = start(0, exchange -> {
            if (exchange.getRequestURI().getPath().equals(TmfHttp.TOKEN_PATH)) {
                json(exchange, 200, TOKEN);
                return;
            }
            silentMidBody(exchange, () -> { }, probe, hungUp);
        });
        try (TmfHttp http = client(uri, Duration.ofSeconds(60))) {
            cancelAndExpectHangUp(http, TmfHttp.Call.get(TmfCarrierClient.PRODUCT + "?x=1", "lookup"),
                    () -> count("GET", TmfCarrierClient.PRODUCT) == 1, probe, hungUp);
        }
    }

    /**
     * Answers headers with {@code Content-Length: 4096} and one byte ({@code sent} runs then), then is silent until
     * {@code probe} opens; then writes the rest, and counts down {@code hungUp} if the kiosk is gone.
     */
    static void silentMidBody(HttpExchange exchange, Runnable sent, CountDownLatch probe, CountDownLatch hungUp)
            throws IOException {
        try {
            exchange.sendResponseHeaders(200, 4096);
            OutputStream body = exchange.getResponseBody();
            body.write('[');
            body.flush();
            sent.run();
            probe.await(60, TimeUnit.SECONDS); // silent, until the test asks whether the kiosk is still there
            for (int i = 0; i < 4000; i++) {
                body.write(' ');
                body.flush();
            }
        } catch (IOException gone) {
            hungUp.countDown();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code call} on a thread of its own, interrupts it (the kiosk's Cancel) once {@code reached} holds, and
     * checks that the call ends cancelled with the interrupt kept; then opens {@code probe}, on which the server
     * writes again, and checks that the server found the kiosk gone ({@code hungUp}).
     */
    static void cancelAndExpectHangUp(TmfHttp http, TmfHttp.Call call, java.util.function.BooleanSupplier reached,
            CountDownLatch probe, CountDownLatch hungUp) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                http.send(call);
                outcome.complete("answered");
            } catch (CarrierException e) {
                outcome.complete(e.error() + " " + e.getMessage() + " interrupted=" + Thread.currentThread().isInterrupted());
            }
        }, "customer-call");
        caller.start();
        TestTime.awaitUntil(Duration.ofSeconds(10), reached, "the call reaches the carrier");
        caller.interrupt(); // the kiosk's Cancel

        assertThat(outcome.get(TestTime.bound(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("UNAVAILABLE carrier call cancelled interrupted=true");
        probe.countDown();
        assertThat(hungUp.await(TestTime.bound(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS))
                .as("the carrier sees the kiosk hang up").isTrue();
    }

    @Test
    void callsOneAfterAnotherShareOneKeepAliveConnection() throws Exception {
        URI uri = start(0, BlockingTransportTest::plain);
        try (TmfHttp http = client(uri, TestTime.bound(Duration.ofSeconds(5)))) {
            for (int i = 0; i < 5; i++) {
                http.send(TmfHttp.Call.get(TmfCarrierClient.PRODUCT + "?x=" + i, "lookup"));
            }
        }
        assertThat(count("GET", TmfCarrierClient.PRODUCT)).isEqualTo(5);
        Set<Integer> connections = ConcurrentHashMap.newKeySet();
        seen.forEach(s -> connections.add(s.clientPort()));
        assertThat(connections).as("token and five lookups on one connection").hasSize(1);
    }
}
