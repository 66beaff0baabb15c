package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): one bearer token per scope, shared by every call that needs that
 * scope, fetched when first needed, replaced before it expires (at 90 % of its life or {@link #REFRESH_EARLY}
 * before the end, whichever comes first), and replaced at once when the carrier rejects it. The kiosk
 * authenticates with HTTP Basic or with a signed JWT ({@code private_key_jwt}, RFC 7523), per back end.
 *
 * <p>One fetch per scope at a time: a call that finds a fetch under way waits for it, and that wait counts against
 * its own deadline ({@link TmfHttp.Budget}), as does the fetch; a Cancel (interrupt) ends the wait at once.
 */
final class OAuthTokens {
    /** Refresh this long before {@code expires_in} runs out, so a request never leaves with a dying token. */
    static final Duration REFRESH_EARLY = Duration.ofSeconds(60);
    /** A longer promised life is believed only this far: a token is fetched again at least daily. */
    static final Duration LONGEST_LIFE = Duration.ofDays(1);
    /** RFC 6749 §5.1 makes {@code expires_in} optional; without it, assume an hour. */
    static final Duration DEFAULT_LIFE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);

    /**
     * Fetches a fresh token; the transport supplies it so the token call shares timeouts and error handling.
     * {@code authorization}: the HTTP Basic header, absent when the client authenticates in the form.
     */
    interface Fetcher {
        TmfHttp.Answer post(String path, String formBody, Optional<String> authorization) throws CarrierException;
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") JsonNode expiresIn) {}

    private record Token(String value, Instant refreshAt) {}

    /** The token of one scope and the lock its fetch is made under. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Token token; // written under lock
    }

    private final CarrierEndpoint endpoint;
    private final Clock clock;
    private final Json json;
    private final Optional<ClientAssertions> assertions;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    OAuthTokens(CarrierEndpoint endpoint, Clock clock, Json json) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.json = json;
        OAuthSettings oauth = endpoint.oauth();
        this.assertions = oauth.clientAuth() == OAuthSettings.ClientAuth.PRIVATE_KEY_JWT
                ? Optional.of(ClientAssertions.load(endpoint, oauth.clientKey().orElseThrow(), clock))
                : Optional.empty();
    }

    /** A token for {@code scope} ("" = none asked for) that is not about to expire. */
    String current(String scope, Fetcher fetcher, TmfHttp.Budget budget) throws CarrierException {
        Slot slot = slots.computeIfAbsent(scope, s -> new Slot());
        Token token = slot.token;
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.value(); // the common case: no lock
        }
        lock(slot, budget);
        try {
            if (slot.token == null || !clock.instant().isBefore(slot.token.refreshAt())) {
                slot.token = fetch(scope, fetcher);
            }
            return slot.token.value();
        } finally {
            slot.lock.unlock();
        }
    }

    /**
     * A token other than {@code rejected}: fetched anew unless another thread already replaced it, so a burst of
     * 401s costs one token request, not one each.
     */
    String replace(String scope, String rejected, Fetcher fetcher, TmfHttp.Budget budget) throws CarrierException {
        Slot slot = slots.computeIfAbsent(scope, s -> new Slot());
        lock(slot, budget);
        try {
            if (slot.token == null || slot.token.value().equals(rejected)) {
                slot.token = fetch(scope, fetcher);
            }
            return slot.token.value();
        } finally {
            slot.lock.unlock();
        }
    }

    /** When the token of {@code scope} will be replaced; empty before the first. */
    Optional<Instant> refreshAt(String scope) {
        return Optional.ofNullable(slots.get(scope)).map(s -> s.token).map(Token::refreshAt);
    }

    /** Waits for another call's fetch of the same scope within what is left of this call's deadline. */
    private void lock(Slot slot, TmfHttp.Budget budget) throws CarrierException {
        long started = System.nanoTime();
        boolean locked;
        try {
            locked = slot.lock.tryLock(Math.max(0, budget.leftNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier call cancelled");
        } finally {
            budget.spend(System.nanoTime() - started);
        }
        if (!locked) {
            throw new CarrierException(CarrierError.TIMEOUT, "carrier " + endpoint.name() + " did not answer within "
                    + endpoint.requestTimeout().toMillis() + " ms (waiting for its token)");
        }
    }

    private Token fetch(String scope, Fetcher fetcher) throws CarrierException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!scope.isEmpty()) {
            form.append("&scope=").append(form(scope));
        }
        Optional<String> basic = Optional.empty();
        if (assertions.isPresent()) {
            form.append("&client_id=").append(form(endpoint.clientId()))
                    .append("&client_assertion_type=").append(form(ClientAssertions.TYPE))
                    .append("&client_assertion=").append(assertions.get().next());
        } else {
            basic = Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (form(endpoint.clientId()) + ":" + form(endpoint.clientSecret())).getBytes(StandardCharsets.UTF_8)));
        }
        TmfHttp.Answer answer = fetcher.post(TmfHttp.TOKEN_PATH, form.toString(), basic);
        TokenResponse response = json.read(answer.body(), TokenResponse.class, "token");
        String value = Json.require(response.accessToken(), "token", "access_token");
        if (response.tokenType() != null && !response.tokenType().equalsIgnoreCase("bearer")) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "token endpoint gave a non-bearer token");
        }
        Instant now = clock.instant();
        Duration life = lifetime(response.expiresIn());
        long lifetime = life.toSeconds();
        Duration early = life.dividedBy(10).compareTo(REFRESH_EARLY) > 0 ? life.dividedBy(10) : REFRESH_EARLY;
        Duration use = life.compareTo(early) > 0 ? life.minus(early) : life.dividedBy(2);
        log.debug("carrier {}: new access token{}, valid {} s, replaced after {} s", endpoint.name(),
                scope.isEmpty() ? "" : " for scope " + scope, lifetime, use.toSeconds());
        return new Token(value, now.plus(use));
    }

    /** {@code expires_in} as a usable life: refused when not a positive number, capped when absurdly long. */
    private Duration lifetime(JsonNode expiresIn) throws CarrierException {
        if (expiresIn == null || expiresIn.isNull()) {
            return DEFAULT_LIFE;
        }
        if (!expiresIn.isNumber()) {
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier answered a token whose expires_in is not a number of seconds");
        }
        double seconds = expiresIn.asDouble();
        if (!(seconds >= 1)) {
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier answered a token whose expires_in is not a positive number of seconds (" + expiresIn + ")");
        }
        if (seconds > LONGEST_LIFE.toSeconds()) {
            log.warn("carrier {}: token expires_in {} s is implausible; it is replaced after at most {} s",
                    endpoint.name(), expiresIn, LONGEST_LIFE.toSeconds());
            return LONGEST_LIFE;
        }
        return Duration.ofSeconds((long) seconds);
    }

    /** RFC 6749 §2.3.1 and appendix B: form-encoded (also the client id and secret before Basic encoding). */
    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
