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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): one bearer token shared by every call of a client, fetched when
 * first needed, replaced before it expires (at 90 % of its life or {@link #REFRESH_EARLY} before the end,
 * whichever comes first), and replaced at once when the carrier rejects it.
 */
final class OAuthTokens {
    /** Refresh this long before {@code expires_in} runs out, so a request never leaves with a dying token. */
    static final Duration REFRESH_EARLY = Duration.ofSeconds(60);
    /** A longer promised life is believed only this far: a token is fetched again at least daily. */
    static final Duration LONGEST_LIFE = Duration.ofDays(1);
    /** RFC 6749 §5.1 makes {@code expires_in} optional; without it, assume an hour. */
    static final Duration DEFAULT_LIFE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);

    /** Fetches a fresh token; the transport supplies it so the token call shares timeouts and error handling. */
    interface Fetcher {
        TmfHttp.Answer post(String path, String formBody, String basicAuthorization) throws CarrierException;
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") JsonNode expiresIn) {}

    private record Token(String value, Instant refreshAt) {}

    private final CarrierEndpoint endpoint;
    private final Clock clock;
    private final Json json;
    private Token token; // guarded by this

    OAuthTokens(CarrierEndpoint endpoint, Clock clock, Json json) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.json = json;
    }

    /** A token that is not about to expire. */
    synchronized String current(Fetcher fetcher) throws CarrierException {
        if (token == null || !clock.instant().isBefore(token.refreshAt())) {
            token = fetch(fetcher);
        }
        return token.value();
    }

    /**
     * A token other than {@code rejected}: fetched anew unless another thread already replaced it, so a burst of
     * 401s costs one token request, not one each.
     */
    synchronized String replace(String rejected, Fetcher fetcher) throws CarrierException {
        if (token == null || token.value().equals(rejected)) {
            token = fetch(fetcher);
        }
        return token.value();
    }

    synchronized Optional<Instant> refreshAt() {
        return Optional.ofNullable(token).map(Token::refreshAt);
    }

    private Token fetch(Fetcher fetcher) throws CarrierException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (form(endpoint.clientId()) + ":" + form(endpoint.clientSecret())).getBytes(StandardCharsets.UTF_8));
        TmfHttp.Answer answer = fetcher.post("/oauth2/token", "grant_type=client_credentials", basic);
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
        log.debug("carrier {}: new access token, valid {} s, replaced after {} s", endpoint.name(), lifetime, use.toSeconds());
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

    /** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
