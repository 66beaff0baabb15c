package com.simkiosk.mock.carrier;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens issued by the OAuth endpoint, with their expiry on the injected clock. */
final class TokenStore {

    private record Issued(String clientId, Instant expiresAt) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

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

    void revokeAll() {
        tokens.clear();
    }
}
