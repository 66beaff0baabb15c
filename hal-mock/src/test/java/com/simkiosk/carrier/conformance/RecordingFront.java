package com.simkiosk.carrier.conformance;

import com.simkiosk.testing.TestTime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback front that forwards every request to a back end and records the exchange, so a test sees exactly what a
 * client sent. Like a reverse proxy, it rewrites the back end's own address in answers (absolute {@code href}s,
 * {@code Location}) to its own, so the client's follow-up requests come through it too.
 */
final class RecordingFront implements AutoCloseable {

    /** One request as the client sent it and the answer it got (bodies as UTF-8 text). */
    record Exchange(String method, String pathAndQuery, String requestBody, int status, String responseBody) {}

    /** Set by java.net.http itself; a forwarded request may not carry them. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Duration TIMEOUT = TestTime.bound(Duration.ofSeconds(5));

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "recording-front");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingFront(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void forward(HttpExchange in) throws IOException {
        try (in) {
            byte[] body = in.getRequestBody().readAllBytes();
            String pathAndQuery = in.getRequestURI().getRawPath()
                    + (in.getRequestURI().getRawQuery() == null ? "" : "?" + in.getRequestURI().getRawQuery());
            HttpRequest.Builder out = HttpRequest.newBuilder(target.resolve(pathAndQuery)).timeout(TIMEOUT)
                    .method(in.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            in.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> out.header(name, v));
                }
            });
            HttpResponse<String> answer;
            try {
                answer = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding", e);
            }
            String answerBody = ownAddress(answer.body());
            exchanges.add(new Exchange(in.getRequestMethod(), pathAndQuery,
                    new String(body, StandardCharsets.UTF_8), answer.statusCode(), answerBody));
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> in.getResponseHeaders().add(name, ownAddress(v)));
                }
            });
            byte[] bytes = answerBody.getBytes(StandardCharsets.UTF_8);
            in.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream o = in.getResponseBody()) {
                    o.write(bytes);
                }
            }
        }
    }

    private String ownAddress(String text) {
        return text.replace(target.toString(), baseUri().toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
