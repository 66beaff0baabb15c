package com.simkiosk.testing.standard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code private_key_jwt} client authentication as RFC 7523 and the CAMARA security profile describe it: a JWT
 * signed RS256 (RSA key) or ES256 (EC P-256 key) with {@code iss} = {@code sub} = the client id, {@code aud} the token
 * endpoint URL, a {@code jti} never seen before, and an {@code exp} in the next five minutes. Verified with the JDK
 * alone, so this check shares no code with the JOSE library the kiosk signs with.
 */
final class ClientAssertions {
    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, PublicKey> keys;
    private final Map<String, Instant> seenJti = new HashMap<>();

    ClientAssertions(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    boolean knows(String clientId) {
        return keys.containsKey(clientId);
    }

    /** The authenticated client id, or why not. */
    Result verify(String assertion, String audience, Instant now) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3) {
            return Result.refused("client_assertion is not a compact JWS");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Result.refused("client_assertion is not readable");
        }
        String client = claims.path("iss").asText("");
        PublicKey key = keys.get(client);
        if (key == null || !client.equals(claims.path("sub").asText())) {
            return Result.refused("iss and sub must both be a registered client id");
        }
        String alg = header.path("alg").asText();
        String algorithm = alg.equals("RS256") && key instanceof RSAPublicKey ? "SHA256withRSA"
                : alg.equals("ES256") && key instanceof ECPublicKey ? "SHA256withECDSAinP1363Format" : null;
        if (algorithm == null) {
            return Result.refused("alg " + alg + " does not fit the registered key");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Result.refused("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Result.refused("bad signature");
        }
        JsonNode aud = claims.path("aud");
        boolean forUs = aud.isArray() ? contains(aud, audience) : aud.asText().equals(audience);
        if (!forUs) {
            return Result.refused("aud must be the token endpoint");
        }
        if (!claims.path("exp").canConvertToLong()) {
            return Result.refused("exp missing");
        }
        Instant exp = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!exp.isAfter(now.minus(SKEW)) || exp.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            return Result.refused("exp must be within the next five minutes");
        }
        String jti = claims.path("jti").asText("");
        seenJti.values().removeIf(until -> until.isBefore(now.minus(SKEW)));
        if (jti.isEmpty() || seenJti.containsKey(jti)) {
            return Result.refused("jti missing or replayed");
        }
        seenJti.put(jti, exp);
        return new Result(Optional.of(client), "");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    record Result(Optional<String> client, String why) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
