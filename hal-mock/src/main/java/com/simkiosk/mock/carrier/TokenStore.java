package com.simkiosk.mock.carrier;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens issued by the OAuth endpoint, with their expiry on the injected clock, and the client assertions
 * ({@code jti}) already used, each remembered until it expires, so none is accepted twice.
 */
final class TokenStore {

    private record Issued(String clientId, Instant expiresAt) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedAssertions = new ConcurrentHashMap<>();

    TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(String clientId) {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> !t.expiresAt().isAfter(now)); // forget dead tokens: the map stays small
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = "sim-at-" + HexFormat.of().formatHex(bytes);
        tokens.put(token, new Issued(clientId, now.plus(lifetime)));
        return token;
    }

    /** The client the token belongs to, while it is valid. */
    Optional<String> clientOf(String token) {
        Issued issued = tokens.get(token);
        return issued != null && issued.expiresAt().isAfter(clock.instant())
                ? Optional.of(issued.clientId()) : Optional.empty();
    }

    /** Whether the assertion {@code client}/{@code jti} (valid until {@code expiresAt}) is seen for the first time. */
    boolean firstUse(String client, String jti, Instant expiresAt) {
        Instant now = clock.instant();
        usedAssertions.values().removeIf(until -> until.isBefore(now)); // an expired assertion is refused anyway
        return usedAssertions.putIfAbsent(client + " " + jti, expiresAt) == null;
    }

    void revokeAll() {
        tokens.clear();
    }
}
