package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One carrier's HTTP conversation: bearer token on every call, one retry with a fresh token on 401,
 * {@code Retry-After} honoured within {@link CarrierEndpoint#maxRetryAfter()}, one redial after a dropped
 * connection for calls that are safe to repeat, and every failure classified. Nothing here logs a URL's query
 * or a body: those carry ICCIDs and phone numbers.
 *
 * <p>Bounds: all the round trips of one call together (token, 401 retry, redial, each with its whole body) get
 * {@link CarrierEndpoint#requestTimeout()}, and the Retry-After pauses between them at most
 * {@link CarrierEndpoint#maxRetryAfter()}. Each round trip is one blocking exchange on the calling thread
 * ({@link HttpClients}: connect and read timeouts from what is left, one shared sweep for the whole exchange), its
 * body read through {@link CappedBody} ({@link #MAX_BODY_BYTES}). Interrupting the calling thread (the customer's
 * Cancel) abandons the exchange and closes its connection.
 */
final class TmfHttp implements AutoCloseable {
    /** Hard bound on round trips for one call, whatever the carrier answers. */
    static final int MAX_ATTEMPTS = 5;
    /** The largest answer a carrier may send; TMF and CAMARA answers for one line are a few kilobytes. */
    static final long MAX_BODY_BYTES = CappedBody.MAX_BODY_BYTES;
    /** RFC 6749 token endpoint, under the back end's base address. */
    static final String TOKEN_PATH = "/oauth2/token";

    private static final Logger log = LoggerFactory.getLogger(TmfHttp.class);

    /** Waits for {@code Retry-After}; tests substitute one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * One request. {@code repeatable}: the call may be sent again after a dropped connection or a 429 (reads and the
     * token; never a top-up order, which TMF654 gives no idempotency header: see TmfCarrierClient.orderTopUp); sending an SMS or checking a code or a registered detail is
     * not repeated, since there a 429 is a limit on the customer, not on the kiosk. Any call is repeated after a
     * 503 with {@code Retry-After}: the carrier did not process it. {@code what} names the call for logs, with
     * personal data already masked.
     */
    record Call(String method, String pathAndQuery, Optional<byte[]> body, Map<String, String> headers,
            boolean repeatable, String what) {
        static Call get(String pathAndQuery, String what) {
            return new Call("GET", pathAndQuery, Optional.empty(), Map.of(), true, what);
        }

        static Call post(String path, byte[] json, boolean repeatable, String what) {
            return new Call("POST", path, Optional.of(json), Map.of("Content-Type", "application/json"), repeatable, what);
        }

        /** The token request: a form, with HTTP Basic client authentication or (private_key_jwt) none. */
        static Call token(String path, String form, Optional<String> authorization) {
            Call call = new Call("POST", path, Optional.of(form.getBytes(StandardCharsets.UTF_8)),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), true, "token");
            return authorization.map(a -> call.withHeader("Authorization", a)).orElse(call);
        }

        Call withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Call(method, pathAndQuery, body, Map.copyOf(all), repeatable, what);
        }

        /**
         * As sent: {@code Accept}, this call's headers, its {@code x-correlator} and bearer token, in that order;
         * one map per call (not a copy per added header).
         */
        Call traced(String correlator, String token) {
            Map<String, String> all = new LinkedHashMap<>(headers.size() + 4);
            all.put("Accept", "application/json");
            all.putAll(headers);
            all.put("x-correlator", correlator);
            all.put("Authorization", "Bearer " + token);
            return new Call(method, pathAndQuery, body, Collections.unmodifiableMap(all), repeatable, what);
        }

        /** The query may hold an ICCID or a number and the headers a credential: only the masked name prints. */
        @Override
        public String toString() {
            return "Call[" + method + " " + what + "]";
        }
    }

    record Answer(int status, byte[] body) {}

    /** TMF630 Error and CAMARA ErrorInfo share {@code code} and {@code message}; TMF adds {@code reason}. */
    record ErrorBody(@JsonProperty("code") String code, @JsonProperty("status") Object status,
            @JsonProperty("reason") String reason, @JsonProperty("message") String message) {}

    private final CarrierEndpoint endpoint;
    /** Connect timeout and, with a trust or key store, the TLS socket factory of this endpoint. */
    private final HttpClients.Settings settings;
    private volatile boolean closed;
    private final OAuthTokens tokens;
    private final Json json;
    private final Sleeper sleeper;
    private final Clock clock;

    TmfHttp(CarrierEndpoint endpoint, Clock clock, Json json, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.json = json;
        this.sleeper = sleeper;
        this.tokens = new OAuthTokens(endpoint, clock, json);
        Optional<SSLSocketFactory> tls = endpoint.trustStore().isPresent() || endpoint.clientKeyStore().isPresent()
                ? Optional.of(sslContext(endpoint).getSocketFactory()) // here, so that an unusable store is refused at configuration
                : Optional.empty(); // the JDK's default (https only: set up by Settings.of when this client is built)
        this.settings = HttpClients.Settings.of(endpoint.baseUri(), endpoint.connectTimeout(), tls);
    }

    /**
     * What is left of one call's time on the wire (waiting for another call's token fetch included); Retry-After
     * pauses are not counted (they have their own bound).
     */
    static final class Budget {
        private long leftNanos;

        Budget(Duration total) {
            this.leftNanos = total.toNanos();
        }

        long leftNanos() {
            return leftNanos;
        }

        void spend(long nanos) {
            leftNanos -= nanos;
        }
    }

    /** Sends a call with the bearer token; returns a 2xx answer or throws a classified error. */
    Answer send(Call call) throws CarrierException {
        // One correlator for every attempt of this call, so the carrier's logs and ours line up.
        String correlator = correlator();
        Budget budget = new Budget(endpoint.requestTimeout());
        OAuthTokens.Fetcher fetcher = (path, form, auth) -> postToken(path, form, auth, budget);
        String scope = endpoint.oauth().scope(ApiFamily.of(call.pathAndQuery())).orElse("");
        String token = tokens.current(scope, fetcher, budget);
        HttpClients.Response response = sendPatiently(call.traced(correlator, token), budget);
        if (response.status() == 401) { // once: a second 401 is the kiosk's credentials, not an old token
            log.info("carrier {}: token refused for {}, fetching a new one", endpoint.name(), call.what());
            token = tokens.replace(scope, token, fetcher, budget);
            response = sendPatiently(call.traced(correlator, token), budget);
        }
        int status = response.status();
        if (log.isDebugEnabled()) { // four arguments: an array and a boxed status per call otherwise
            log.debug("carrier {}: {} → {} ({})", endpoint.name(), call.what(), status, correlator);
        }
        if (status >= 200 && status < 300) {
            return new Answer(status, response.body());
        }
        throw classify(status, response, call);
    }

    /**
     * A random (version 4) UUID for {@code x-correlator}, as docs/carrier-api.md shows it, from
     * {@link ThreadLocalRandom}: it only has to tell calls apart in logs, and {@code UUID.randomUUID()} asks
     * {@code SecureRandom} on every call (seen in the lookup + balance profile, docs/benchmarks.md).
     */
    static String correlator() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC0L << 56) | 0x80L << 56; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The token request: form body, the client's authentication, same timeouts and Retry-After rules. */
    private Answer postToken(String path, String form, Optional<String> basicAuthorization, Budget budget) throws CarrierException {
        Call call = Call.token(path, form, basicAuthorization);
        HttpClients.Response response = sendPatiently(call, budget);
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.body());
        }
        if (status == 400 && oauthError(response.body()).filter("invalid_scope"::equals).isPresent()) {
            throw new CarrierException(CarrierError.UNAUTHORIZED, "carrier " + endpoint.name()
                    + " refused the scope the kiosk asked for (configuration: profile.scopes)");
        }
        if (status == 400 || status == 401 || status == 403) {
            // RFC 6749 §5.2 invalid_client / unauthorized_client: this kiosk's credentials are wrong.
            throw new CarrierException(CarrierError.UNAUTHORIZED, "carrier " + endpoint.name() + " refused the kiosk's credentials");
        }
        throw classify(status, response, call);
    }

    /**
     * Sends one call until it has an answer worth reporting: once more after a dropped connection (if repeatable),
     * and again after each Retry-After that fits the bound, at most {@link #MAX_ATTEMPTS} times. Any status.
     */
    private HttpClients.Response sendPatiently(Call call, Budget budget) throws CarrierException {
        boolean redialled = false;
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            HttpClients.Response response = exchange(call, budget, redialled);
            if (response == null) {
                redialled = true;
                continue;
            }
            Optional<Duration> wait = retryWait(response, call, waited, attempt);
            if (wait.isEmpty()) {
                return response;
            }
            waited = waited.plus(wait.get());
            pause(wait.get(), call);
        }
    }

    /**
     * One round trip, headers and whole body, within what is left of the call's budget; {@code null} when the
     * connection dropped and the call may go once more. Blocking, on the calling thread: the request is written from
     * here and the answer read here ({@link HttpClients}), no thread to wake but this one.
     */
    private HttpClients.Response exchange(Call call, Budget budget, boolean redialled) throws CarrierException {
        long left = budget.leftNanos();
        if (left <= 0) {
            throw overTime();
        }
        if (closed) {
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier client closed");
        }
        long started = System.nanoTime();
        try {
            return HttpClients.exchange(settings, request(call), started + left);
        } catch (InterruptedException e) {
            // the exchange's connection is closed
            Thread.currentThread().interrupt();
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier call cancelled");
        } catch (IOException e) {
            return failed(e, call, redialled);
        } catch (IllegalArgumentException | SecurityException e) {
            log.warn("carrier {}: {} failed ({})", endpoint.name(), call.what(), e.getClass().getSimpleName());
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier " + endpoint.name() + " cannot be reached");
        } finally {
            budget.spend(System.nanoTime() - started);
        }
    }

    /** Classifies a failed exchange, or returns {@code null} when it may be sent once more. */
    private HttpClients.Response failed(IOException failure, Call call, boolean redialled) throws CarrierException {
        if (failure instanceof CappedBody.TooLarge) {
            log.warn("carrier {}: answer to {} larger than {} bytes, not read", endpoint.name(), call.what(), MAX_BODY_BYTES);
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier " + endpoint.name() + " sent an answer larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (failure instanceof HttpClients.ConnectTimeout) {
            throw new CarrierException(CarrierError.TIMEOUT,
                    "carrier " + endpoint.name() + " did not accept a connection within " + endpoint.connectTimeout().toMillis() + " ms");
        }
        if (failure instanceof CappedBody.Late) {
            log.info("carrier {}: {} not answered in full within {} ms", endpoint.name(), call.what(),
                    endpoint.requestTimeout().toMillis());
            throw overTime();
        }
        if (call.repeatable() && !redialled) {
            log.info("carrier {}: connection lost during {}, sending it once more", endpoint.name(), call.what());
            return null;
        }
        log.warn("carrier {}: connection lost during {} ({})", endpoint.name(), call.what(), failure.getClass().getSimpleName());
        throw new CarrierException(CarrierError.UNAVAILABLE, "carrier " + endpoint.name() + " cannot be reached");
    }

    private CarrierException overTime() {
        return new CarrierException(CarrierError.TIMEOUT,
                "carrier " + endpoint.name() + " did not answer within " + endpoint.requestTimeout().toMillis() + " ms");
    }

    private HttpClients.Request request(Call call) {
        Map<String, String> headers = call.headers();
        if (!headers.containsKey("Accept")) { // the token request (a traced call has it first already)
            headers = new LinkedHashMap<>(headers.size() + 1);
            headers.put("Accept", "application/json");
            headers.putAll(call.headers());
        }
        return new HttpClients.Request(endpoint.resolve(call.pathAndQuery()), call.method(), headers, call.body());
    }

    /**
     * How long to wait before trying again: a 503 or a 429 on a repeatable call, each with a Retry-After that fits in
     * what is left of the bound.
     */
    private Optional<Duration> retryWait(HttpClients.Response response, Call call, Duration waited, int attempt) {
        int status = response.status();
        boolean busy = status == 503 || status == 429 && call.repeatable();
        if (!busy || attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Optional<Duration> asked = response.header("Retry-After").flatMap(v -> parseRetryAfter(v, clock.instant()));
        return asked.filter(d -> waited.plus(d).compareTo(endpoint.maxRetryAfter()) <= 0);
    }

    /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date (counted from {@code now}). */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private void pause(Duration d, Call call) throws CarrierException {
        log.info("carrier {}: busy during {}, retrying after {} ms", endpoint.name(), call.what(), d.toMillis());
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier call cancelled");
        }
    }

    private CarrierException classify(int status, HttpClients.Response response, Call call) {
        Optional<String> code = errorCode(response.body());
        ApiFamily family = ApiFamily.of(call.pathAndQuery());
        CarrierError error = ErrorCodes.classify(family, status, code);
        String detail = code.map(c -> " (" + c + ")").orElse("");
        log.info("carrier {}: {} failed with HTTP {}{} → {}", endpoint.name(), call.what(), status, detail, error);
        code.flatMap(c -> ErrorCodes.configurationProblem(family, c))
                .ifPresent(problem -> log.warn("carrier {}: {}", endpoint.name(), problem));
        return new CarrierException(error, ErrorCodes.message(error, endpoint.name(), status));
    }

    /** RFC 6749 §5.2 {@code error} of a token endpoint's refusal. */
    private Optional<String> oauthError(byte[] body) {
        try {
            JsonNode error = json.mapper().readTree(body).path("error");
            return error.isTextual() ? Optional.of(error.asText()) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private Optional<String> errorCode(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            ErrorBody error = json.mapper().readValue(body, ErrorBody.class);
            return error == null ? Optional.empty() : Optional.ofNullable(error.code()).filter(c -> c.length() <= 80);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static SSLContext sslContext(CarrierEndpoint endpoint) {
        try {
            TrustManagerFactory tmf = null;
            if (endpoint.trustStore().isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(endpoint.trustStore().get()));
            }
            KeyManagerFactory kmf = null;
            if (endpoint.clientKeyStore().isPresent()) {
                CarrierEndpoint.KeyStoreFile keys = endpoint.clientKeyStore().get();
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keys), keys.password());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS key or trust store for carrier " + endpoint.name() + " cannot be used: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyStore load(CarrierEndpoint.KeyStoreFile file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(file.type());
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, file.password());
        }
        return store;
    }

    /** When the token used for TMF calls (no scope unless configured) will be replaced. */
    Optional<Instant> tokenRefreshAt() {
        return tokens.refreshAt(endpoint.oauth().scope(ApiFamily.TMF).orElse(""));
    }

    /** Later calls fail UNAVAILABLE; idle keep-alive connections are closed by the JDK after its idle time. */
    @Override
    public void close() {
        closed = true;
    }
}
