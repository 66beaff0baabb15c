package com.simkiosk.carrier.tmf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny carrier on 127.0.0.1 for the client's contract tests: each path answers from a queue of scripted
 * replies (the last one repeats), and every request is recorded. Not a simulator: it knows no rules.
 */
final class StubCarrier implements AutoCloseable {

    /** A scripted reply; {@code DROP} closes the connection without answering. */
    record Reply(int status, String body, Map<String, String> headers) {
        static final Reply DROP = new Reply(-1, "", Map.of());

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        Reply with(String header, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(header, value);
            return new Reply(status, body, h);
        }
    }

    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A handler that decides per request; for replies that depend on what was asked. */
    interface Responder {
        Reply reply(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Deque<Responder>> script = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    StubCarrier() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> new Thread(r, "stub-carrier"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        token("tok-1", 3600);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts a token answer (the first call gets tok-1 unless scripted otherwise). */
    StubCarrier token(String value, long expiresIn) {
        return replace("/oauth2/token", Reply.json(200,
                "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"));
    }

    /** Replaces the script for a path with these replies, in order; the last one repeats. */
    synchronized StubCarrier replace(String path, Reply... replies) {
        Deque<Responder> queue = new ArrayDeque<>();
        for (Reply r : replies) {
            queue.add(req -> r);
        }
        script.put(path, queue);
        return this;
    }

    synchronized StubCarrier respond(String path, Responder responder) {
        Deque<Responder> queue = new ArrayDeque<>();
        queue.add(responder);
        script.put(path, queue);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            Responder responder;
            synchronized (this) {
                requests.add(request);
                Deque<Responder> queue = script.get(request.path());
                responder = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
            }
            Reply reply;
            try {
                reply = responder == null ? Reply.json(404, "{\"code\":\"NOT_FOUND\"}") : responder.reply(request);
            } catch (Exception e) {
                reply = Reply.json(500, "{\"code\":\"INTERNAL\"}");
            }
            if (reply == Reply.DROP) {
                // An exception out of the handler makes the JDK server close the connection without an answer.
                throw new IOException("dropping the connection on purpose");
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
