package com.simkiosk.testing.standard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A second, independent carrier back end for tests, written from the official documents only (TMF637, TMF654,
 * TMF635, TMF620 v4; CAMARA One Time Password SMS 1.1.1 and KYC Match 0.3.0; CAMARA_common) plus the project
 * extensions of contract v2. It plays a strict vendor that reads the standards differently from the project's own
 * simulator: only standard product characteristics (lower-case {@code msisdn}, no {@code brand}, no
 * {@code verificationMethods}), units spelled {@code GB}/{@code MB}/{@code JPY}/{@code seconds}, price references
 * instead of inline prices, top-ups that complete only after a few polls, an {@code Idempotency-Key} header that is
 * ignored, usage of every line when the standard filter is missing, and every OTP and KYC error of the documents.
 *
 * <p>OAuth 2.0 client credentials: one client with {@code client_secret_basic} ({@link Builder#client}) and any
 * number with {@code private_key_jwt} ({@link Builder#clientKey}); the requested scope is granted as far as the client
 * may have it ({@code invalid_scope} for a scope this carrier does not know); tokens expire on the given clock.
 *
 * <p>Runs in-process on 127.0.0.1, port 0, with the JDK's HTTP server; one lock guards all state, so a test can
 * read counters while a client talks to it. Close it to stop the server and its named threads.
 */
public final class StandardCarrier implements AutoCloseable {

    /** The operations a test can make fail with {@link #failNext}. */
    public enum Call { TOKEN, PRODUCT, BUCKET, USAGE, OFFERING, PRICE, TOPUP, SEND_CODE, VALIDATE_CODE, KYC_MATCH }

    public static final String OTP_SCOPE = "one-time-password-sms:send-validate";
    public static final String KYC_SCOPE = "kyc-match:match";
    public static final Set<String> KNOWN_SCOPES = Set.of(OTP_SCOPE, KYC_SCOPE);

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String PRODUCT_PATH = "/tmf-api/productInventory/v4/product";
    public static final String BUCKET_PATH = "/tmf-api/prepayBalanceManagement/v4/bucket";
    public static final String TOPUP_PATH = "/tmf-api/prepayBalanceManagement/v4/topupBalance";
    public static final String USAGE_PATH = "/tmf-api/usageManagement/v4/usage";
    public static final String OFFERING_PATH = "/tmf-api/productCatalogManagement/v4/productOffering";
    public static final String PRICE_PATH = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    public static final String SEND_CODE_PATH = "/one-time-password-sms/v1/send-code";
    public static final String VALIDATE_CODE_PATH = "/one-time-password-sms/v1/validate-code";
    public static final String KYC_MATCH_PATH = "/kyc-match/v0.3/match";

    /** An SMS this carrier "sent": read the code from here. */
    public record Sms(String to, String text, String code, String authenticationId, Instant at) {}

    /** A request as received: method, raw path and query, body text (empty for none). */
    public record Received(String method, String pathAndQuery, String body) {
        @Override
        public String toString() {
            return method + " " + pathAndQuery;
        }
    }

    /** A token request as received: who asked, for which scope, what was granted. */
    public record TokenRequest(String clientId, String requestedScope, Set<String> grantedScopes) {}

    // Top-level attributes of each resource in its v4 schema (what a filter may name); TopupBalance adds the
    // project's externalId extension.
    private static final Set<String> PRODUCT_ATTRIBUTES = Set.of("id", "href", "description", "isBundle",
            "isCustomerVisible", "name", "orderDate", "productSerialNumber", "startDate", "terminationDate",
            "agreement", "billingAccount", "place", "product", "productCharacteristic", "productOffering",
            "productOrderItem", "productPrice", "productRelationship", "productSpecification", "productTerm",
            "realizingResource", "realizingService", "relatedParty", "status", "@type");
    private static final Set<String> BUCKET_ATTRIBUTES = Set.of("id", "href", "confirmationDate", "description",
            "isShared", "name", "remainingValueName", "requestedDate", "logicalResource", "partyAccount", "product",
            "relatedParty", "remainingValue", "reservedValue", "status", "usageType", "validFor", "@type");
    private static final Set<String> TOPUP_ATTRIBUTES = Set.of("id", "href", "confirmationDate", "description",
            "isAutoTopup", "numberOfPeriods", "reason", "requestedDate", "voucher", "amount", "balanceTopup", "bucket",
            "channel", "logicalResource", "partyAccount", "paymentMethod", "product", "recurringPeriod",
            "relatedParty", "requestor", "status", "usageType", "validFor", "@type", "externalId");
    private static final Set<String> USAGE_ATTRIBUTES = Set.of("id", "href", "description", "usageDate", "usageType",
            "ratedProductUsage", "relatedParty", "status", "usageCharacteristic", "usageSpecification", "@type");
    private static final Set<String> OFFERING_ATTRIBUTES = Set.of("id", "href", "description", "isBundle",
            "isSellable", "lastUpdate", "lifecycleStatus", "name", "statusReason", "version", "agreement",
            "attachment", "bundledProductOffering", "category", "channel", "marketSegment", "place",
            "prodSpecCharValueUse", "productOfferingPrice", "productOfferingTerm", "productSpecification",
            "resourceCandidate", "serviceCandidate", "serviceLevelAgreement", "validFor", "@type");
    private static final Set<String> PRICE_ATTRIBUTES = Set.of("id", "href", "description", "isBundle",
            "lastUpdate", "lifecycleStatus", "name", "percentage", "priceType", "recurringChargePeriodLength",
            "recurringChargePeriodType", "version", "price", "validFor", "@type");
    private static final Set<String> USAGE_TYPES = Set.of("monetary", "voice", "data", "sms", "other");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{4,14}$");
    private static final Map<String, Double> BYTES_PER_UNIT = Map.of("bytes", 1d, "B", 1d, "kB", 1e3, "KB", 1e3,
            "MB", 1e6, "GB", 1e9, "TB", 1e12);

    private record Fault(int status, String code) {}

    private record Reply(int status, Map<String, String> headers, JsonNode body, boolean drop) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, Map.of(), body, false);
        }

        Reply with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Reply(status, h, body, drop);
        }
    }

    private record Token(Instant expires, Set<String> scopes) {}

    private static final class BucketState {
        final String id;
        final StandardLine line;
        final StandardLine.BucketSpec spec;
        double remaining;

        BucketState(String id, StandardLine line, StandardLine.BucketSpec spec) {
            this.id = id;
            this.line = line;
            this.spec = spec;
            this.remaining = spec.remaining();
        }
    }

    private static final class Otp {
        final String number;
        final String code;
        final Instant expires;
        int wrongAttempts;
        boolean failed;
        boolean used;

        Otp(String number, String code, Instant expires) {
            this.number = number;
            this.code = code;
            this.expires = expires;
        }
    }

    private static final class Order {
        final ObjectNode doc;
        final BucketState bucket;
        final long priceYen;
        int gets;
        boolean paid;

        Order(ObjectNode doc, BucketState bucket, long priceYen) {
            this.doc = doc;
            this.bucket = bucket;
            this.priceYen = priceYen;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private final Builder config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ClientAssertions assertions;
    private final String base;

    private final Map<String, StandardLine> lines = new LinkedHashMap<>();
    private final List<BucketState> buckets = new ArrayList<>();
    private final Map<String, StandardOffering> offerings = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Otp> otps = new HashMap<>();
    private final Map<String, List<Instant>> codesSent = new HashMap<>();
    private final Map<String, List<Instant>> kycMismatches = new HashMap<>();
    private final Map<String, String> refusedNumbers = new HashMap<>();
    private final Map<Call, Deque<Fault>> faults = new EnumMap<>(Call.class);
    private final List<Sms> outbox = new ArrayList<>();
    private final List<TokenRequest> tokenRequests = new ArrayList<>();
    private final List<JsonNode> kycRequests = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private boolean dropNextTopUp;
    private String failTopUpsReason;
    private int completeAfterGets;

    private StandardCarrier(Builder config) throws IOException {
        this.config = config;
        this.completeAfterGets = config.completeAfterGets;
        for (StandardLine line : config.lines) {
            lines.put(line.productId, line);
            int n = 0;
            for (StandardLine.BucketSpec spec : line.buckets) {
                buckets.add(new BucketState("bkt-" + line.productId + "-" + (++n), line, spec));
            }
        }
        for (StandardOffering offering : config.offerings) {
            offerings.put(offering.id(), offering);
        }
        refusedNumbers.putAll(config.refusedNumbers);
        this.assertions = new ClientAssertions(config.clientKeys);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "standard-carrier-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}: the root under which every API lives. */
    public URI baseUri() {
        return URI.create(base);
    }

    public String clientId() {
        return config.clientId;
    }

    public String clientSecret() {
        return config.clientSecret;
    }

    // ---------------------------------------------------------------- switches and observations for tests

    /** The next {@code times} calls of {@code api} answer {@code status} with error {@code code} (as on the wire). */
    public void failNext(Call api, int times, int status, String code) {
        synchronized (lock) {
            Deque<Fault> queue = faults.computeIfAbsent(api, a -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(new Fault(status, code));
            }
        }
    }

    /** The next call of {@code api} answers {@code status} with error {@code code}. */
    public void failNext(Call api, int status, String code) {
        failNext(api, 1, status, code);
    }

    /** send-code to this number answers the OTP error {@code code} (e.g. ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED). */
    public void refuseCodes(String e164, String code) {
        synchronized (lock) {
            refusedNumbers.put(e164, code);
        }
    }

    /** The next top-up POST is applied, then the connection is closed without an answer. */
    public void dropConnectionAfterNextTopUp() {
        synchronized (lock) {
            dropNextTopUp = true;
        }
    }

    /** Orders polled from now on end {@code failed} with this reason (null: complete again). */
    public void failTopUps(String reason) {
        synchronized (lock) {
            failTopUpsReason = reason;
        }
    }

    /** How many {@code GET /topupBalance/{id}} it takes for an order to be completed (the Nth answers it). */
    public void completeTopUpsAfterGets(int gets) {
        synchronized (lock) {
            completeAfterGets = gets;
        }
    }

    /** Top-up orders this carrier accepted (each one a purchase). */
    public int topUpsApplied() {
        synchronized (lock) {
            return orders.size();
        }
    }

    /** The accepted orders as they are now (copies). */
    public List<JsonNode> topUps() {
        synchronized (lock) {
            return orders.values().stream().map(o -> (JsonNode) o.doc.deepCopy()).toList();
        }
    }

    /** The register took the money: the order's amount is credited to its bucket. False for an unknown code. */
    public boolean confirmPayment(String paymentCode) {
        synchronized (lock) {
            for (Order order : orders.values()) {
                JsonNode code = order.doc.path("payAtRegister").path("paymentCode");
                if (!order.paid && code.asText().equals(paymentCode)) {
                    order.paid = true;
                    JsonNode amount = order.doc.path("amount");
                    order.bucket.remaining += convert(amount.path("amount").asDouble(), amount.path("units").asText(),
                            order.bucket.spec.units());
                    return true;
                }
            }
            return false;
        }
    }

    public List<Sms> outbox() {
        synchronized (lock) {
            return List.copyOf(outbox);
        }
    }

    /** The code in the latest SMS to {@code e164}. */
    public Optional<String> lastCodeSentTo(String e164) {
        synchronized (lock) {
            for (int i = outbox.size() - 1; i >= 0; i--) {
                if (outbox.get(i).to().equals(e164)) {
                    return Optional.of(outbox.get(i).code());
                }
            }
            return Optional.empty();
        }
    }

    public List<TokenRequest> tokenRequests() {
        synchronized (lock) {
            return List.copyOf(tokenRequests);
        }
    }

    /** KYC Match request bodies as received (they hold personal data: assert on them, never log them). */
    public List<JsonNode> kycRequests() {
        synchronized (lock) {
            return kycRequests.stream().map(n -> (JsonNode) n.deepCopy()).toList();
        }
    }

    /** {@code METHOD path?query} of every request, in order (raw, as sent). */
    public List<String> requestLog() {
        synchronized (lock) {
            return received.stream().map(Received::toString).toList();
        }
    }

    /** Every request with its body, in order (they hold personal data: assert on them, never log them). */
    public List<Received> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** Every token handed out so far stops working (as after a key rotation). */
    public void revokeAllTokens() {
        synchronized (lock) {
            tokens.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StandardCarrier[" + base + "]";
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            Reply reply;
            synchronized (lock) {
                URI uri = exchange.getRequestURI();
                received.add(new Received(exchange.getRequestMethod(),
                        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                        new String(requestBody, StandardCharsets.UTF_8)));
                try {
                    reply = route(exchange, requestBody);
                } catch (RuntimeException bug) {
                    reply = Reply.json(500, ErrorBodies.tmf(500, "INTERNAL", "Internal error", bug.toString()));
                }
            }
            if (reply.drop) {
                return; // closing an exchange whose headers were never sent closes the connection
            }
            String correlator = exchange.getRequestHeaders().getFirst("x-correlator");
            if (correlator != null) {
                exchange.getResponseHeaders().set("x-correlator", correlator);
            }
            reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (reply.body == null) {
                exchange.sendResponseHeaders(reply.status, -1);
            } else {
                byte[] bytes = json.writeValueAsBytes(reply.body);
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
                exchange.sendResponseHeaders(reply.status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private Reply route(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        if (path.equals(TOKEN_PATH)) {
            return token(exchange, method, body);
        }
        if (path.equals(SEND_CODE_PATH) || path.equals(VALIDATE_CODE_PATH) || path.equals(KYC_MATCH_PATH)) {
            return camara(exchange, path, method, body);
        }
        record Collection(String path, Call api) {}
        for (Collection c : List.of(new Collection(PRODUCT_PATH, Call.PRODUCT), new Collection(BUCKET_PATH, Call.BUCKET),
                new Collection(TOPUP_PATH, Call.TOPUP), new Collection(USAGE_PATH, Call.USAGE),
                new Collection(OFFERING_PATH, Call.OFFERING), new Collection(PRICE_PATH, Call.PRICE))) {
            if (path.equals(c.path) || (path.startsWith(c.path + "/") && path.indexOf('/', c.path.length() + 1) < 0)) {
                String id = path.equals(c.path) ? null
                        : URLDecoder.decode(path.substring(c.path.length() + 1), StandardCharsets.UTF_8);
                return tmf(exchange, c.api, method, id, query, body);
            }
        }
        return Reply.json(404, ErrorBodies.tmf(404, "NOT_FOUND", "Resource not found", "No API at " + path));
    }

    private Optional<Reply> fault(Call api, Function<Fault, JsonNode> body) {
        Deque<Fault> queue = faults.get(api);
        Fault f = queue == null ? null : queue.poll();
        return Optional.ofNullable(f).map(x -> Reply.json(x.status, body.apply(x)));
    }

    private Optional<Token> bearer(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Token token = tokens.get(auth.substring(7).trim());
        if (token == null || !config.clock.instant().isBefore(token.expires)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    // ---------------------------------------------------------------- OAuth 2.0 client credentials

    private Reply token(HttpExchange exchange, String method, byte[] body) {
        Optional<Reply> fault = fault(Call.TOKEN, f -> ErrorBodies.oauth(f.code, "injected by the test"));
        if (fault.isPresent()) {
            return fault.get();
        }
        if (!method.equals("POST")) {
            return Reply.json(405, ErrorBodies.oauth("invalid_request", "use POST")).with("Allow", "POST");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Reply.json(400, ErrorBodies.oauth("invalid_request", "form body required"));
        }
        Map<String, List<String>> form = TmfQuery.params(new String(body, StandardCharsets.UTF_8));
        String client;
        if (form.containsKey("client_assertion_type") || form.containsKey("client_assertion")) {
            ClientAssertions.Result result = List.of(ClientAssertions.TYPE).equals(form.get("client_assertion_type"))
                    ? assertions.verify(first(form, "client_assertion"), base + TOKEN_PATH, config.clock.instant())
                    : ClientAssertions.Result.refused("client_assertion_type must be jwt-bearer");
            boolean idAgrees = !form.containsKey("client_id")
                    || result.client().map(c -> c.equals(first(form, "client_id"))).orElse(false);
            if (result.client().isEmpty() || !idAgrees) {
                return Reply.json(401, ErrorBodies.oauth("invalid_client",
                        result.client().isEmpty() ? result.why() : "client_id is not the assertion's subject"));
            }
            client = result.client().get();
        } else {
            client = basicClient(exchange.getRequestHeaders().getFirst("Authorization"));
        }
        if (client == null) {
            return Reply.json(401, ErrorBodies.oauth("invalid_client", "client_secret_basic authentication failed"))
                    .with("WWW-Authenticate", "Basic realm=\"standard-carrier\"");
        }
        if (!List.of("client_credentials").equals(form.get("grant_type"))) {
            return Reply.json(400, ErrorBodies.oauth("unsupported_grant_type", "only client_credentials"));
        }
        String requested = form.containsKey("scope") ? form.get("scope").get(0) : "";
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : requested.trim().split(" +")) {
            if (scope.isEmpty()) {
                continue;
            }
            if (!KNOWN_SCOPES.contains(scope)) {
                tokenRequests.add(new TokenRequest(client, requested, Set.of()));
                return Reply.json(400, ErrorBodies.oauth("invalid_scope", "unknown scope"));
            }
            if (config.grantableScopes.contains(scope)) {
                granted.add(scope);
            }
        }
        tokenRequests.add(new TokenRequest(client, requested, Set.copyOf(granted)));
        String accessToken = UUID.randomUUID().toString();
        tokens.put(accessToken, new Token(config.clock.instant().plus(config.tokenLifetime), Set.copyOf(granted)));
        ObjectNode answer = json.createObjectNode();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", config.tokenLifetime.toSeconds());
        if (!granted.isEmpty()) {
            answer.put("scope", String.join(" ", granted));
        }
        return Reply.json(200, answer).with("Cache-Control", "no-store").with("Pragma", "no-cache");
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null ? null : values.get(0);
    }

    /** The client id if {@code Authorization: Basic} names a registered client with its secret (RFC 6749 2.3.1). */
    private String basicClient(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return id.equals(config.clientId) && secret.equals(config.clientSecret) ? id : null;
    }

    // ---------------------------------------------------------------- TM Forum

    private Reply tmf(HttpExchange exchange, Call api, String method, String id, String query, byte[] body) {
        Optional<Reply> fault = fault(api, f -> ErrorBodies.tmf(f.status, f.code, "Injected", "injected by the test"));
        if (fault.isPresent()) {
            return fault.get();
        }
        if (bearer(exchange).isEmpty()) {
            return Reply.json(401, ErrorBodies.tmf(401, "UNAUTHORIZED", "Unauthorized",
                    "missing, invalid or expired access token"))
                    .with("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (api == Call.TOPUP && id == null && method.equals("POST")) {
            return createTopUp(exchange, body);
        }
        if (!method.equals("GET")) {
            return Reply.json(405, ErrorBodies.tmf(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    method + " is not supported here")).with("Allow", api == Call.TOPUP && id == null ? "GET, POST" : "GET");
        }
        if (id != null) {
            if (api == Call.TOPUP && orders.containsKey(id)) {
                advance(orders.get(id));
            }
            for (ObjectNode doc : documents(api)) {
                if (doc.path("id").asText().equals(id)) {
                    return Reply.json(200, doc);
                }
            }
            return Reply.json(404, ErrorBodies.tmf(404, "NOT_FOUND", "Resource not found",
                    "no " + api.name().toLowerCase(Locale.ROOT) + " with this id"));
        }
        TmfQuery filter;
        try {
            filter = TmfQuery.parse(query, attributes(api));
        } catch (IllegalArgumentException e) {
            return Reply.json(400, ErrorBodies.tmf(400, "INVALID_QUERY", "Invalid query", e.getMessage()));
        }
        List<ObjectNode> matching = documents(api).stream().filter(d -> filter.matches(d, config.zone)).toList();
        List<ObjectNode> page = filter.page(matching);
        ArrayNode array = json.createArrayNode();
        page.forEach(array::add);
        return Reply.json(200, array).with("X-Total-Count", String.valueOf(matching.size()))
                .with("X-Result-Count", String.valueOf(page.size()));
    }

    private static Set<String> attributes(Call api) {
        return switch (api) {
            case PRODUCT -> PRODUCT_ATTRIBUTES;
            case BUCKET -> BUCKET_ATTRIBUTES;
            case TOPUP -> TOPUP_ATTRIBUTES;
            case USAGE -> USAGE_ATTRIBUTES;
            case OFFERING -> OFFERING_ATTRIBUTES;
            case PRICE -> PRICE_ATTRIBUTES;
            default -> Set.of();
        };
    }

    private List<ObjectNode> documents(Call api) {
        List<ObjectNode> docs = new ArrayList<>();
        switch (api) {
            case PRODUCT -> lines.values().forEach(l -> docs.add(product(l)));
            case BUCKET -> buckets.forEach(b -> docs.add(bucket(b)));
            case TOPUP -> orders.values().forEach(o -> docs.add(o.doc.deepCopy()));
            case USAGE -> lines.values().forEach(l -> {
                for (int i = 0; i < l.usage.size(); i++) {
                    docs.add(usage(l, i));
                }
            });
            case OFFERING -> offerings.values().forEach(o -> docs.add(offering(o)));
            case PRICE -> offerings.values().stream().filter(StandardOffering::isTopUp).forEach(o -> docs.add(price(o)));
            default -> { }
        }
        return docs;
    }

    private ObjectNode product(StandardLine line) {
        ObjectNode p = json.createObjectNode();
        p.put("id", line.productId);
        p.put("href", base + PRODUCT_PATH + "/" + line.productId);
        if (line.name != null) {
            p.put("name", line.name);
        }
        p.put("isBundle", false);
        p.put("isCustomerVisible", true);
        p.put("status", line.status);
        ObjectNode offering = p.putObject("productOffering");
        offering.put("id", line.offeringId);
        offering.put("href", base + OFFERING_PATH + "/" + line.offeringId);
        offering.put("name", line.offeringName);
        offering.put("@referredType", "ProductOffering");
        ArrayNode characteristics = p.putArray("productCharacteristic");
        if (line.msisdn != null) {
            characteristic(characteristics, "msisdn", line.msisdn);
        }
        characteristic(characteristics, "apn", "std.example.jp");
        ArrayNode resources = p.putArray("realizingResource");
        ObjectNode sim = resources.addObject();
        sim.put("id", line.iccid);
        sim.put("href", base + "/tmf-api/resourceInventoryManagement/v4/resource/" + line.iccid);
        sim.put("name", "SIM card");
        sim.put("@referredType", "PhysicalResource");
        if (line.msisdn != null) {
            ObjectNode number = resources.addObject();
            number.put("id", "lr-" + line.productId);
            number.put("value", line.msisdn);
            number.put("name", "MSISDN");
            number.put("@referredType", "LogicalResource");
        }
        ObjectNode account = p.putObject("billingAccount");
        account.put("id", line.account);
        account.put("@referredType", "BillingAccount");
        p.put("@type", "Product");
        return p;
    }

    private static void characteristic(ArrayNode characteristics, String name, String value) {
        ObjectNode c = characteristics.addObject();
        c.put("name", name);
        c.put("valueType", "string");
        c.put("value", value);
    }

    private ObjectNode bucket(BucketState b) {
        ObjectNode doc = json.createObjectNode();
        doc.put("id", b.id);
        doc.put("href", base + BUCKET_PATH + "/" + b.id);
        doc.put("name", b.spec.usageType() + " (" + b.spec.units() + ")");
        doc.put("isShared", false);
        doc.put("usageType", b.spec.usageType());
        doc.put("status", b.spec.status());
        ObjectNode remaining = doc.putObject("remainingValue");
        number(remaining, "amount", b.remaining);
        remaining.put("units", b.spec.units());
        doc.put("remainingValueName", format(b.remaining) + " " + b.spec.units());
        if (b.spec.validUntil() != null) {
            ObjectNode valid = doc.putObject("validFor");
            valid.put("startDateTime", iso(b.spec.validUntil().minus(Duration.ofDays(30))));
            valid.put("endDateTime", iso(b.spec.validUntil()));
        }
        ObjectNode product = doc.putArray("product").addObject();
        product.put("id", b.line.productId);
        product.put("href", base + PRODUCT_PATH + "/" + b.line.productId);
        product.put("@referredType", "Product");
        ObjectNode account = doc.putObject("partyAccount");
        account.put("id", b.line.account);
        account.put("@referredType", "PartyAccount");
        doc.put("@type", "Bucket");
        return doc;
    }

    private ObjectNode usage(StandardLine line, int index) {
        StandardLine.UsageSpec spec = line.usage.get(index);
        String id = "usg-" + line.productId + "-" + (index + 1);
        ObjectNode doc = json.createObjectNode();
        doc.put("id", id);
        doc.put("href", base + USAGE_PATH + "/" + id);
        doc.put("usageDate", iso(spec.at()));
        doc.put("usageType", "data");
        doc.put("status", "rated");
        ObjectNode rated = doc.putArray("ratedProductUsage").addObject();
        rated.put("isBilled", false);
        ObjectNode ref = rated.putObject("productRef");
        ref.put("id", line.productId);
        ref.put("href", base + PRODUCT_PATH + "/" + line.productId);
        rated.put("@type", "RatedProductUsage");
        ArrayNode characteristics = doc.putArray("usageCharacteristic");
        ObjectNode volume = characteristics.addObject();
        volume.put("name", "volume");
        volume.put("valueType", "number");
        number(volume, "value", spec.volume());
        ObjectNode units = characteristics.addObject();
        units.put("name", "units");
        units.put("valueType", "string");
        units.put("value", spec.units());
        doc.put("@type", "Usage");
        return doc;
    }

    private ObjectNode offering(StandardOffering o) {
        ObjectNode doc = json.createObjectNode();
        doc.put("id", o.id());
        doc.put("href", base + OFFERING_PATH + "/" + o.id());
        doc.put("name", o.name());
        doc.put("version", "1.0");
        doc.put("isBundle", false);
        doc.put("isSellable", o.isTopUp());
        doc.put("lifecycleStatus", "Launched");
        ObjectNode category = doc.putArray("category").addObject();
        category.put("id", "cat-" + o.category());
        category.put("href", base + "/tmf-api/productCatalogManagement/v4/category/cat-" + o.category());
        category.put("name", o.category());
        if (o.isTopUp()) {
            ObjectNode use = doc.putArray("prodSpecCharValueUse").addObject();
            use.put("name", "dataAllowance");
            use.put("valueType", "number");
            use.put("minCardinality", 1);
            use.put("maxCardinality", 1);
            ObjectNode value = use.putArray("productSpecCharacteristicValue").addObject();
            value.put("isDefault", true);
            value.put("valueType", "number");
            number(value, "value", o.dataAmount());
            value.put("unitOfMeasure", o.dataUnit());
            ObjectNode term = doc.putArray("productOfferingTerm").addObject();
            term.put("name", "validity");
            term.put("description", "valid from the day it is paid");
            ObjectNode duration = term.putObject("duration");
            duration.put("amount", o.validityDays());
            duration.put("units", "days");
            ObjectNode price = doc.putArray("productOfferingPrice").addObject();
            price.put("id", o.priceId());
            price.put("href", base + PRICE_PATH + "/" + o.priceId());
            price.put("name", o.name() + " price");
        }
        doc.put("@type", "ProductOffering");
        return doc;
    }

    private ObjectNode price(StandardOffering o) {
        ObjectNode doc = json.createObjectNode();
        doc.put("id", o.priceId());
        doc.put("href", base + PRICE_PATH + "/" + o.priceId());
        doc.put("name", o.name() + " price");
        doc.put("isBundle", false);
        doc.put("lifecycleStatus", "Launched");
        doc.put("priceType", "oneTime");
        ObjectNode money = doc.putObject("price");
        money.put("unit", "JPY");
        money.put("value", o.priceYen());
        doc.put("@type", "ProductOfferingPrice");
        return doc;
    }

    // ---------------------------------------------------------------- TMF654 top-up

    private Reply createTopUp(HttpExchange exchange, byte[] body) {
        // A real TMF654 server has no Idempotency-Key: the header, if any, is ignored on purpose.
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return badTopUp("INVALID_BODY", "Invalid body", "the body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return badTopUp("INVALID_BODY", "Invalid body", "TopupBalance_Create must be a JSON object");
        }
        String problem = topUpProblem(request);
        if (problem != null) {
            return badTopUp("INVALID_VALUE", "Invalid TopupBalance_Create", problem);
        }
        BucketState bucket = buckets.stream().filter(b -> b.id.equals(request.get("bucket").get("id").asText()))
                .findFirst().orElse(null);
        if (bucket == null) {
            return badTopUp("INVALID_VALUE", "Unknown bucket", "bucket.id names no bucket of this carrier");
        }
        if (!bucket.line.account.equals(request.get("partyAccount").get("id").asText())) {
            return badTopUp("INVALID_VALUE", "Wrong partyAccount", "partyAccount.id does not own bucket.id");
        }
        if (!bucket.spec.usageType().equals(request.get("usageType").asText())) {
            return badTopUp("INVALID_VALUE", "Wrong usageType", "usageType differs from the bucket's usageType");
        }
        JsonNode amount = request.get("amount");
        StandardOffering offering;
        if (request.has("productOffering")) {
            offering = offerings.get(request.path("productOffering").path("id").asText());
            if (offering == null || !offering.isTopUp()) {
                return badTopUp("INVALID_VALUE", "Unknown productOffering", "productOffering.id is not a top-up");
            }
        } else {
            double bytes = convert(amount.get("amount").asDouble(), amount.get("units").asText(), "bytes");
            offering = offerings.values().stream().filter(StandardOffering::isTopUp)
                    .filter(o -> convert(o.dataAmount(), o.dataUnit(), "bytes") == bytes).findFirst().orElse(null);
            if (offering == null) {
                return badTopUp("INVALID_VALUE", "No top-up for this amount", "no offering sells this amount");
            }
        }
        String id = String.format(Locale.ROOT, "TB%06d", orders.size() + 1);
        ObjectNode doc = ((ObjectNode) request).deepCopy();
        doc.put("id", id);
        doc.put("href", base + TOPUP_PATH + "/" + id);
        doc.put("status", "created");
        doc.put("requestedDate", iso(config.clock.instant()));
        doc.put("@type", "TopupBalance");
        ObjectNode bucketRef = (ObjectNode) doc.get("bucket");
        bucketRef.put("href", base + BUCKET_PATH + "/" + bucket.id);
        orders.put(id, new Order(doc, bucket, offering.priceYen()));
        if (dropNextTopUp) {
            dropNextTopUp = false;
            return new Reply(0, Map.of(), null, true);
        }
        return Reply.json(201, doc.deepCopy()).with("Location", base + TOPUP_PATH + "/" + id);
    }

    /** The first way the body breaks TopupBalance_Create, naming the field; null when it is valid. */
    private static String topUpProblem(JsonNode request) {
        for (String required : List.of("amount", "usageType", "bucket", "partyAccount")) {
            if (!request.hasNonNull(required)) {
                return "missing mandatory attribute: " + required;
            }
        }
        JsonNode amount = request.get("amount");
        if (!amount.isObject() || !amount.path("amount").isNumber() || !amount.path("units").isTextual()) {
            return "amount must be a Quantity {amount: number, units: string}";
        }
        if (amount.get("amount").asDouble() <= 0) {
            return "amount.amount must be positive";
        }
        if (!request.get("usageType").isTextual() || !USAGE_TYPES.contains(request.get("usageType").asText())) {
            return "usageType must be one of " + USAGE_TYPES;
        }
        for (String ref : List.of("bucket", "partyAccount", "channel", "paymentMethod", "productOffering")) {
            JsonNode node = request.get(ref);
            if (node != null && (!node.isObject() || !node.path("id").isTextual())) {
                return ref + " must be a reference with an id";
            }
        }
        JsonNode product = request.get("product");
        if (product != null) {
            if (!product.isArray()) {
                return "product must be an array of ProductRef";
            }
            for (JsonNode p : product) {
                if (!p.path("id").isTextual()) {
                    return "product[] must each have an id";
                }
            }
        }
        JsonNode requestor = request.get("requestor");
        if (requestor != null && (!requestor.path("id").isTextual() || !requestor.path("@referredType").isTextual())) {
            return "requestor must have id and @referredType";
        }
        return null;
    }

    private Reply badTopUp(String code, String reason, String message) {
        return Reply.json(400, ErrorBodies.tmf(400, code, reason, message));
    }

    private void advance(Order order) {
        order.gets++;
        if (!order.doc.path("status").asText().equals("created") || order.gets < completeAfterGets) {
            return;
        }
        Instant now = config.clock.instant();
        if (failTopUpsReason != null) {
            order.doc.put("status", "failed");
            order.doc.put("reason", failTopUpsReason);
            return;
        }
        order.doc.put("status", "completed");
        order.doc.put("confirmationDate", iso(now));
        ObjectNode pay = order.doc.putObject("payAtRegister");
        pay.put("paymentCode", String.format(Locale.ROOT, "%04d-%04d-%04d", random.nextInt(10_000),
                random.nextInt(10_000), random.nextInt(10_000)));
        ObjectNode money = pay.putObject("amount");
        money.put("unit", "JPY");
        money.put("value", order.priceYen);
        ObjectNode valid = pay.putObject("validFor");
        valid.put("startDateTime", iso(now));
        valid.put("endDateTime", iso(now.plus(config.payWithin)));
    }

    // ---------------------------------------------------------------- CAMARA

    private Reply camara(HttpExchange exchange, String path, String method, byte[] body) {
        Call api = path.equals(SEND_CODE_PATH) ? Call.SEND_CODE
                : path.equals(VALIDATE_CODE_PATH) ? Call.VALIDATE_CODE : Call.KYC_MATCH;
        Optional<Reply> fault = fault(api, f -> ErrorBodies.camara(f.status, f.code));
        if (fault.isPresent()) {
            return fault.get();
        }
        if (!method.equals("POST")) {
            return camaraError(405, "METHOD_NOT_ALLOWED").with("Allow", "POST");
        }
        Optional<Token> token = bearer(exchange);
        if (token.isEmpty()) {
            return camaraError(401, "UNAUTHENTICATED");
        }
        if (!token.get().scopes.contains(api == Call.KYC_MATCH ? KYC_SCOPE : OTP_SCOPE)) {
            return camaraError(403, "PERMISSION_DENIED");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            return camaraError(400, "INVALID_ARGUMENT");
        } catch (IOException e) {
            return camaraError(400, "INVALID_ARGUMENT");
        }
        if (request == null || !request.isObject()) {
            return camaraError(400, "INVALID_ARGUMENT");
        }
        return switch (api) {
            case SEND_CODE -> sendCode(request);
            case VALIDATE_CODE -> validateCode(request);
            default -> kycMatch(request);
        };
    }

    private static Reply camaraError(int status, String code) {
        return Reply.json(status, ErrorBodies.camara(status, code));
    }

    private static int camaraStatus(String code) {
        return switch (code) {
            case "NOT_FOUND", "IDENTIFIER_NOT_FOUND" -> 404;
            case "QUOTA_EXCEEDED", "TOO_MANY_REQUESTS" -> 429;
            case "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED" -> 401;
            case "SERVICE_NOT_APPLICABLE", "MISSING_IDENTIFIER" -> 422;
            case "INVALID_ARGUMENT", "OUT_OF_RANGE" -> 400;
            default -> code.startsWith("ONE_TIME_PASSWORD_SMS.VERIFICATION") || code.endsWith("INVALID_OTP")
                    || code.endsWith("INVALID_PARAM_COMBINATION") ? 400 : 403;
        };
    }

    private Reply sendCode(JsonNode request) {
        JsonNode phone = request.get("phoneNumber");
        JsonNode message = request.get("message");
        if (phone == null || !phone.isTextual() || !E164.matcher(phone.asText()).matches() || message == null
                || !message.isTextual() || !message.asText().contains("{{code}}") || message.asText().length() > 160) {
            return camaraError(400, "INVALID_ARGUMENT");
        }
        String number = phone.asText();
        String refusal = refusedNumbers.get(number);
        if (refusal != null) {
            return camaraError(camaraStatus(refusal), refusal);
        }
        if (lines.values().stream().noneMatch(l -> number.equals(l.msisdn))) {
            // Not one of ours: this operator cannot deliver an SMS to it.
            return camaraError(403, "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED");
        }
        Instant now = config.clock.instant();
        List<Instant> sent = codesSent.computeIfAbsent(number, n -> new ArrayList<>());
        sent.removeIf(at -> !at.isAfter(now.minus(Duration.ofHours(1))));
        if (sent.size() >= config.otpMaxCodesPerHour) {
            return camaraError(403, "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED");
        }
        sent.add(now);
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        String authenticationId = UUID.randomUUID().toString();
        otps.put(authenticationId, new Otp(number, code, now.plus(config.otpLifetime)));
        outbox.add(new Sms(number, message.asText().replace("{{code}}", code), code, authenticationId, now));
        ObjectNode answer = json.createObjectNode();
        answer.put("authenticationId", authenticationId);
        answer.put("resendAfterSeconds", config.resendAfter.toSeconds());
        return Reply.json(200, answer);
    }

    private Reply validateCode(JsonNode request) {
        JsonNode id = request.get("authenticationId");
        JsonNode code = request.get("code");
        if (id == null || !id.isTextual() || id.asText().length() > 36 || code == null || !code.isTextual()
                || code.asText().length() > 10) {
            return camaraError(400, "INVALID_ARGUMENT");
        }
        if (!code.asText().matches("\\d{6}")) {
            return camaraError(400, "OUT_OF_RANGE"); // this operator only ever sends 6 digits
        }
        Otp otp = otps.get(id.asText());
        if (otp == null) {
            return camaraError(404, "NOT_FOUND");
        }
        if (otp.failed) {
            return camaraError(400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED");
        }
        if (otp.used || !config.clock.instant().isBefore(otp.expires)) {
            return camaraError(400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED");
        }
        if (otp.code.equals(code.asText())) {
            otp.used = true;
            return new Reply(204, Map.of(), null, false);
        }
        otp.wrongAttempts++;
        if (otp.wrongAttempts >= config.otpMaxAttempts) {
            otp.failed = true;
            return camaraError(400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED");
        }
        return camaraError(400, "ONE_TIME_PASSWORD_SMS.INVALID_OTP");
    }

    private Reply kycMatch(JsonNode request) {
        kycRequests.add(request.deepCopy());
        JsonNode phone = request.get("phoneNumber");
        JsonNode productId = request.get("productId");
        if ((phone != null && (!phone.isTextual() || !E164.matcher(phone.asText()).matches()))
                || (productId != null && !productId.isTextual())) {
            return camaraError(400, "INVALID_ARGUMENT");
        }
        if (phone == null && productId == null) {
            return camaraError(422, "MISSING_IDENTIFIER"); // two-legged: nothing names the subscription
        }
        List<String> compared = new ArrayList<>();
        request.fieldNames().forEachRemaining(f -> {
            if (!f.equals("phoneNumber") && !f.equals("productId")) {
                compared.add(f);
            }
        });
        if (compared.isEmpty()) {
            return camaraError(400, "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION");
        }
        StandardLine byPhone = phone == null ? null
                : lines.values().stream().filter(l -> phone.asText().equals(l.msisdn)).findFirst().orElse(null);
        StandardLine byProduct = productId == null ? null : lines.get(productId.asText());
        if ((phone != null && byPhone == null) || (productId != null && byProduct == null)) {
            return camaraError(404, "IDENTIFIER_NOT_FOUND");
        }
        if (byPhone != null && byProduct != null && byPhone != byProduct) {
            return camaraError(400, "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION");
        }
        StandardLine line = byPhone != null ? byPhone : byProduct;
        if (!line.kycApplicable) {
            return camaraError(422, "SERVICE_NOT_APPLICABLE");
        }
        Instant now = config.clock.instant();
        List<Instant> mismatches = kycMismatches.computeIfAbsent(line.productId, k -> new ArrayList<>());
        mismatches.removeIf(at -> !at.isAfter(now.minus(Duration.ofMinutes(10))));
        if (mismatches.size() >= config.kycMismatchLimit) {
            return camaraError(429, "TOO_MANY_REQUESTS");
        }
        String document = request.path("idDocument").isTextual() ? request.get("idDocument").asText() : null;
        if (config.kycRequiresIdDocument) {
            if (line.idDocument == null) {
                return camaraError(422, "SERVICE_NOT_APPLICABLE");
            }
            if (document == null) {
                return camaraError(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED");
            }
            if (!normalised(document).equals(normalised(line.idDocument))) {
                mismatches.add(now);
                return camaraError(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH");
            }
        }
        ObjectNode answer = json.createObjectNode();
        boolean mismatch = false;
        for (String field : compared) {
            String result;
            if (field.equals("idDocument")) {
                result = match(document == null ? null : normalised(document),
                        line.idDocument == null ? null : normalised(line.idDocument));
            } else if (field.equals("orderNumber")) {
                result = match(request.path("orderNumber").asText(null), line.orderNumber);
            } else {
                result = "not_available"; // this operator keeps no name, address or birthdate for prepaid lines
            }
            mismatch |= result.equals("false");
            answer.put(field + "Match", result);
        }
        if (mismatch) {
            mismatches.add(now);
        }
        return Reply.json(200, answer);
    }

    private static String match(String given, String onFile) {
        if (onFile == null) {
            return "not_available";
        }
        return onFile.equals(given) ? "true" : "false";
    }

    /** How the operator compares a document number: spaces and hyphens dropped, case ignored. */
    private static String normalised(String document) {
        return document.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- helpers

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void number(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Converts between data units (bytes … TB); other units (JPY, seconds) only to themselves. */
    private static double convert(double amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        Double f = BYTES_PER_UNIT.get(from);
        Double t = BYTES_PER_UNIT.get(to);
        if (f == null || t == null) {
            throw new IllegalArgumentException("cannot convert " + from + " to " + to);
        }
        return amount * f / t;
    }

    /** How the carrier is set up; {@link #build()} starts it. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Asia/Tokyo");
        private String clientId = "kiosk-std";
        private String clientSecret = "std-s3cret:with/odd chars";
        private Set<String> grantableScopes = KNOWN_SCOPES;
        private final Map<String, PublicKey> clientKeys = new HashMap<>();
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private final List<StandardLine> lines = new ArrayList<>();
        private final List<StandardOffering> offerings = new ArrayList<>();
        private final Map<String, String> refusedNumbers = new HashMap<>();
        private int completeAfterGets = 2;
        private Duration payWithin = Duration.ofMinutes(30);
        private Duration otpLifetime = Duration.ofMinutes(5);
        private Duration resendAfter = Duration.ofSeconds(60);
        private int otpMaxAttempts = 3;
        private int otpMaxCodesPerHour = 5;
        private boolean kycRequiresIdDocument = true;
        private int kycMismatchLimit = 5;

        private Builder() {}

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Where the carrier's days begin (a bare date in a filter means that day's start here). */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z);
            return this;
        }

        /** The one registered client (client_secret_basic). The default secret has a colon, a slash and a space. */
        public Builder client(String id, String secret) {
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        /**
         * A client that authenticates with {@code private_key_jwt} (RFC 7523): its assertions must be signed by the
         * private half of {@code key} (RSA: RS256, EC P-256: ES256).
         */
        public Builder clientKey(String id, PublicKey key) {
            clientKeys.put(id, key);
            return this;
        }

        /** Scopes the clients may be granted (default: both CAMARA scopes); others asked for are left out of the grant. */
        public Builder grantableScopes(String... scopes) {
            this.grantableScopes = Set.of(scopes);
            return this;
        }

        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = d;
            return this;
        }

        public Builder line(StandardLine line) {
            lines.add(line);
            return this;
        }

        public Builder offering(StandardOffering offering) {
            offerings.add(offering);
            return this;
        }

        public Builder refuseCodes(String e164, String code) {
            refusedNumbers.put(e164, code);
            return this;
        }

        /** The Nth {@code GET /topupBalance/{id}} answers {@code completed} (default 2). */
        public Builder completeTopUpsAfterGets(int gets) {
            this.completeAfterGets = gets;
            return this;
        }

        public Builder payWithin(Duration d) {
            this.payWithin = d;
            return this;
        }

        public Builder otpLifetime(Duration d) {
            this.otpLifetime = d;
            return this;
        }

        public Builder otpResendAfter(Duration d) {
            this.resendAfter = d;
            return this;
        }

        /** Wrong codes per authenticationId; the last one answers VERIFICATION_FAILED (default 3). */
        public Builder otpMaxAttempts(int n) {
            this.otpMaxAttempts = n;
            return this;
        }

        /** Codes per number per hour before MAX_OTP_CODES_EXCEEDED (default 5). */
        public Builder otpMaxCodesPerHour(int n) {
            this.otpMaxCodesPerHour = n;
            return this;
        }

        /**
         * Whether this operator gates KYC Match on the idDocument (the document's "additional level of validation"):
         * then no idDocument is 403 ID_DOCUMENT_REQUIRED and a wrong one 403 ID_DOCUMENT_MISMATCH (default). Off: a
         * wrong document is a 200 with {@code idDocumentMatch: "false"}.
         */
        public Builder kycRequiresIdDocument(boolean gate) {
            this.kycRequiresIdDocument = gate;
            return this;
        }

        /** Mismatches per line in 10 minutes before 429 TOO_MANY_REQUESTS (default 5). */
        public Builder kycMismatchLimit(int n) {
            this.kycMismatchLimit = n;
            return this;
        }

        public StandardCarrier build() throws IOException {
            return new StandardCarrier(this);
        }
    }
}
