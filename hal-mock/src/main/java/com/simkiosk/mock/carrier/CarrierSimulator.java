package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier back end on loopback speaking the documents of {@code docs/carrier-api.md}: OAuth client credentials,
 * TMF637/654/635/620 and CAMARA OTP-SMS and KYC Match, with demo lines, an SMS outbox and fault injection.
 * It shares no class with the kiosk's HTTP client, so a contract mistake on either side fails a test.
 */
public final class CarrierSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CarrierSimulator.class);

    static {
        // The JDK server writes an answer's headers and body separately; without TCP_NODELAY, Nagle plus the
        // client's delayed ACK add ~40 ms to every answer (measured: lookup + balance 89 ms -> 1.4 ms median).
        // Read once when the JDK loads its server configuration, so it must be set before the first HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
    private static final byte[] MALFORMED = "[{\"id\": \"prd-broken\", \"status\": \"act".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimJson json = new SimJson();
    private final Faults faults = new Faults();
    private final SmsOutbox outbox = new SmsOutbox();
    private final TokenStore tokens;
    private final DemoLines demoLines;
    private final TopUpApi topUps;
    private final BootstrappingApi bsf;
    private final Map<Endpoint, Function<SimRequest, SimResponse>> routes = new EnumMap<>(Endpoint.class);

    private CarrierSimulator(Builder b) throws IOException {
        JsonNode raw = b.dataFile.isPresent()
                ? CarrierData.readFile(json.mapper(), b.dataFile.get())
                : CarrierData.readBuiltIn(json.mapper());
        CarrierData data = CarrierData.parse(raw, b.clock.instant());
        Map<String, java.security.PublicKey> jwtClients = new LinkedHashMap<>(OAuthTokenApi.publicKeys(raw.path("clients")));
        jwtClients.putAll(b.jwtClients);
        this.demoLines = new DemoLines(data);
        this.tokens = new TokenStore(b.clock, b.tokenLifetime);
        OtpService otp = new OtpService(b.clock, data, outbox);
        CatalogApi catalog = new CatalogApi(data, json);
        this.topUps = new TopUpApi(data, catalog, b.clock, b.topUpCompletesAfter, json);
        OtpSmsApi otpApi = new OtpSmsApi(otp, json);
        ProductInventoryApi products = new ProductInventoryApi(data, otp, json);
        BalanceApi balance = new BalanceApi(data, b.clock, json);
        UsageApi usage = new UsageApi(data, json);
        routes.put(Endpoint.TOKEN, new OAuthTokenApi(data.clients, jwtClients, tokens, b.clock, json)::token);
        routes.put(Endpoint.PRODUCT, products::find);
        routes.put(Endpoint.PRODUCT_BY_ID, products::byId);
        routes.put(Endpoint.SEND_CODE, otpApi::sendCode);
        routes.put(Endpoint.VALIDATE_CODE, otpApi::validateCode);
        routes.put(Endpoint.KYC_MATCH, new KycMatchApi(data, b.clock, json)::match);
        routes.put(Endpoint.BUCKET, balance::buckets);
        routes.put(Endpoint.BUCKET_BY_ID, balance::byId);
        routes.put(Endpoint.USAGE, usage::usage);
        routes.put(Endpoint.USAGE_BY_ID, usage::byId);
        routes.put(Endpoint.PRODUCT_OFFERING, catalog::offerings);
        routes.put(Endpoint.PRODUCT_OFFERING_BY_ID, catalog::byId);
        routes.put(Endpoint.PRODUCT_OFFERING_PRICE, catalog::price);
        routes.put(Endpoint.TOPUP, topUps::order);
        routes.put(Endpoint.TOPUP_LIST, topUps::list);
        routes.put(Endpoint.TOPUP_BY_ID, topUps::byId);
        this.bsf = new BootstrappingApi(data, b.clock, b.bsfKeyLifetime);
        routes.put(Endpoint.BSF, bsf::bootstrap);

        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "carrier-sim-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        log.info("carrier simulator listening on {} with {} demo lines", baseUri(), data.lines.size());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Started with the built-in demo lines on an ephemeral loopback port. */
    public static CarrierSimulator start() throws IOException {
        return builder().start();
    }

    /** {@code http://127.0.0.1:PORT} — append the paths of docs/carrier-api.md. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    /** The GBA bootstrapping server function of this back end (its {@code bsfUrl}): {@code http://127.0.0.1:PORT/bsf/bootstrap}. */
    public URI bsfUri() {
        return baseUri().resolve(Endpoint.BSF.path());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SmsOutbox smsOutbox() {
        return outbox;
    }

    public Faults faults() {
        return faults;
    }

    /** The lines this simulator serves (built-in or from the data file). */
    public DemoLines demoLines() {
        return demoLines;
    }

    /** Every token issued so far stops working (401) before its expiry. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** How many top-up orders were placed (a retried order that became a second one counts twice). */
    public int topUpCount() {
        return topUps.count();
    }

    /**
     * The next top-up order placed ends {@code failed} or {@code cancelled} with this reason (TMF654
     * {@code TopupBalance.reason}) instead of {@code completed}, with no payment code. Calls queue up.
     */
    public void endNextTopUp(String status, String reason) {
        topUps.endNextOrder(new TopUpApi.Ending(status, reason));
    }

    /**
     * The register took the money for an order: its data becomes a new bucket. False when the payment code is
     * unknown, already paid, or past its 30 minutes.
     */
    public boolean confirmPayment(String paymentCode) {
        return topUps.confirmPayment(paymentCode);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("carrier simulator threads still busy after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("carrier simulator on port {} stopped", port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int status;
        try (exchange) {
            Optional<byte[]> read = readBody(exchange.getRequestBody());
            List<Endpoint> atPath = Arrays.stream(Endpoint.values()).filter(e -> e.match(path).isPresent()).toList();
            Optional<Endpoint> endpoint = atPath.stream().filter(e -> e.method().equals(method)).findFirst();
            ErrorStyle style = atPath.stream().findFirst().map(Endpoint::errorStyle).orElse(styleOf(path));
            if (read.isEmpty()) {
                status = send(exchange, error(style, new ApiError(413, "PAYLOAD_TOO_LARGE", "The body is over 64 KB")));
            } else if (atPath.isEmpty()) {
                status = send(exchange, error(style, ApiError.notFound()));
            } else if (endpoint.isEmpty()) {
                String allow = String.join(", ", atPath.stream().map(Endpoint::method).toList());
                status = send(exchange, error(style, new ApiError(405, "METHOD_NOT_ALLOWED", "Use " + allow,
                        Map.of("Allow", allow))));
            } else {
                status = serve(exchange, endpoint.get(), endpoint.get().match(path).orElseThrow(), read.get());
            }
        }
        log.debug("{} {} -> {} in {} ms", method, path, status == 0 ? "dropped" : status,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Applies faults, authentication, then the endpoint. Returns the status sent, 0 when dropped. An order is placed
     * before any injected latency (the server did the work, its answer is slow); everything else waits first.
     */
    private int serve(HttpExchange exchange, Endpoint endpoint, String id, byte[] body) throws IOException {
        ErrorStyle style = endpoint.errorStyle();
        Faults.Planned planned = faults.take(endpoint);
        Runnable pause = () -> planned.latency().ifPresent(l -> sleep(l.delay()));
        boolean answerLate = endpoint == Endpoint.TOPUP;
        if (!answerLate) {
            pause.run();
        }
        Optional<Fault> failure = planned.failure();
        if (failure.filter(f -> f instanceof Fault.DropConnection).isPresent()) {
            return drop(exchange, 200, new byte[0]);
        }
        if (failure.filter(f -> !(f instanceof Fault.ApplyThenDrop)).isPresent()) {
            return send(exchange, faultAnswer(style, failure.get()));
        }
        SimResponse response;
        try {
            String clientId = "";
            if (endpoint != Endpoint.TOKEN && endpoint != Endpoint.BSF) { // Ub authenticates the SIM, not the kiosk
                clientId = bearer(exchange).flatMap(tokens::clientOf).orElseThrow(() -> new ApiError(401,
                        "UNAUTHENTICATED", "Access token missing, invalid or expired",
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
            }
            SimRequest request = new SimRequest(endpoint, id, UrlEncoded.parse(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body, clientId, base(exchange));
            if (endpoint != Endpoint.TOKEN && endpoint != Endpoint.BSF) {
                bsf.checkBtid(request, style);
            }
            response = routes.get(endpoint).apply(request);
        } catch (ApiError e) {
            response = error(style, e);
        } catch (RuntimeException e) {
            log.error("{} failed: {}", endpoint, e.toString());
            response = error(style, new ApiError(500, "INTERNAL", "Internal server error"));
        }
        if (answerLate) {
            pause.run();
        }
        return failure.isPresent() ? drop(exchange, response.status(), response.body()) : send(exchange, response);
    }

    /**
     * Promises a body, then closes: the answer has begun, so no client can silently retry it. Newer JDKs buffer the
     * headers until the body is written, and a client that saw no byte retries a GET by itself: so send the start
     * of a body and flush it before closing.
     */
    private static int drop(HttpExchange exchange, int status, byte[] body) throws IOException {
        byte[] start = body.length > 8 ? Arrays.copyOf(body, body.length / 2)
                : "{\"cut".getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", SimJson.CONTENT_TYPE);
        exchange.sendResponseHeaders(status == 204 ? 200 : status, Math.max(1024, body.length));
        exchange.getResponseBody().write(start);
        exchange.getResponseBody().flush();
        return 0;
    }

    /** {@code http://host:port} as the client addressed this server (the Host header), for absolute hrefs. */
    private String base(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host != null && HOST.matcher(host).matches() ? "http://" + host : baseUri().toString();
    }

    private SimResponse faultAnswer(ErrorStyle style, Fault fault) {
        if (fault instanceof Fault.ServerError) {
            return error(style, new ApiError(500, "INTERNAL", "Internal server error"));
        }
        if (fault instanceof Fault.Unavailable u) {
            return error(style, new ApiError(503, "UNAVAILABLE",
                    "Service temporarily unavailable, retry after the given time",
                    Map.of("Retry-After", Integer.toString(u.retryAfterSeconds()))));
        }
        if (fault instanceof Fault.RateLimited r) {
            return error(style, new ApiError(429, "TOO_MANY_REQUESTS", "Too many requests, retry after the given time",
                    Map.of("Retry-After", Integer.toString(r.retryAfterSeconds()))));
        }
        if (fault instanceof Fault.ErrorAnswer a) {
            Map<String, String> headers = a.status() == 429 || a.status() == 503 ? Map.of("Retry-After", "1")
                    : a.status() == 401 ? Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"") : Map.of();
            return error(style, new ApiError(a.status(), a.code(), a.message(), headers));
        }
        if (fault instanceof Fault.ExpiredToken) {
            return style == ErrorStyle.OAUTH
                    ? error(style, new ApiError(401, "invalid_client", "Client authentication failed",
                            OAuthTokenApi.BASIC_CHALLENGE))
                    : error(style, new ApiError(401, "UNAUTHENTICATED", "Access token missing, invalid or expired",
                            Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        }
        return new SimResponse(200, Map.of("Content-Type", SimJson.CONTENT_TYPE), MALFORMED);
    }

    private SimResponse error(ErrorStyle style, ApiError e) {
        JsonNode body = style.body(json.mapper(), e.status, e.code, e.getMessage());
        return json.answer(e.status, body, e.headers);
    }

    private static ErrorStyle styleOf(String path) {
        if (path.startsWith("/one-time-password-sms/") || path.startsWith("/kyc-match/")) {
            return ErrorStyle.CAMARA;
        }
        return path.startsWith("/oauth2/") ? ErrorStyle.OAUTH : ErrorStyle.TMF;
    }

    private static int send(HttpExchange exchange, SimResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        exchange.getRequestHeaders().getOrDefault("x-correlator", List.of()).stream().findFirst()
                .ifPresent(c -> headers.set("x-correlator", c));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return response.status();
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(auth.substring(7).trim()) : Optional.empty();
    }

    /** The request body, or empty when it is over {@link #MAX_BODY} (nothing bigger is ever read). */
    private static Optional<byte[]> readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? Optional.empty() : Optional.of(body);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the simulator is closing
        }
    }

    /** Settings; every one has a sensible default. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private Optional<Path> dataFile = Optional.empty();
        private Duration tokenLifetime = Duration.ofHours(1);
        private int threads = 16;
        private Duration topUpCompletesAfter = Duration.ZERO;
        private Duration bsfKeyLifetime = Duration.ofHours(1);
        private final Map<String, java.security.PublicKey> jwtClients = new LinkedHashMap<>();

        private Builder() {}

        /** A client that authenticates with {@code private_key_jwt} (RFC 7523), its assertions signed by this key's pair. */
        public Builder jwtClient(String clientId, java.security.PublicKey key) {
            jwtClients.put(clientId, key);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock for token and code expiry, limits and the demo data's relative times. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A data file of the same shape as {@code carrier-sim/demo-lines.json}. */
        public Builder dataFile(Path file) {
            this.dataFile = Optional.of(file);
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("a token lives at least a second");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * How long after it was placed a top-up order becomes {@code completed}, at the next
         * {@code GET /topupBalance/{id}} (simulator clock). Default zero: completed at the first GET.
         */
        public Builder topUpCompletesAfter(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a top-up cannot complete before it is placed");
            }
            this.topUpCompletesAfter = delay;
            return this;
        }

        /** How long a B-TID of the BSF is valid ({@code lifetime} of BootstrappingInfo), by the simulator's clock. */
        public Builder bsfKeyLifetime(Duration lifetime) {
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("a B-TID lives at least a second");
            }
            this.bsfKeyLifetime = lifetime;
            return this;
        }

        /** Request threads (concurrent requests served at once). */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public CarrierSimulator start() throws IOException {
            return new CarrierSimulator(this);
        }
    }
}
