package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) with either client authentication the contract names:
 * {@code client_secret_basic} for the clients of the data file, {@code private_key_jwt} (RFC 7523 §2.2) for clients
 * registered with a public key (data file {@code clients[].publicKeyPem}, or {@link CarrierSimulator.Builder#jwtClient}). Requested scopes are granted when known
 * (every client may have every scope here); an unknown one is {@code invalid_scope}.
 */
final class OAuthTokenApi {

    static final Map<String, String> BASIC_CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"carrier\"");
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The scopes of the CAMARA APIs served here, and the one this simulator always granted. */
    static final Set<String> SCOPES = Set.of("one-time-password-sms:send-validate", "kyc-match:match", "kiosk");
    /** The longest assertion life accepted (contract v2: exp at most 5 minutes ahead), plus clock skew. */
    static final Duration LONGEST_ASSERTION = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OAuthTokenApi.class);

    private final Map<String, String> clients;
    private final Map<String, PublicKey> jwtClients;
    private final TokenStore tokens;
    private final Clock clock;
    private final SimJson json;

    OAuthTokenApi(Map<String, String> clients, Map<String, PublicKey> jwtClients, TokenStore tokens, Clock clock,
            SimJson json) {
        this.clients = clients;
        this.jwtClients = Map.copyOf(jwtClients);
        this.tokens = tokens;
        this.clock = clock;
        this.json = json;
    }

    SimResponse token(SimRequest request) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        String clientId = form.containsKey("client_assertion")
                ? assertedClient(form, request)
                : basicClient(request.header("Authorization")).orElseThrow(() -> invalidClient("Client authentication failed"));
        String grant = form.getOrDefault("grant_type", "");
        if (grant.isEmpty()) {
            throw new ApiError(400, "invalid_request", "grant_type is required");
        }
        if (!grant.equals("client_credentials")) {
            throw new ApiError(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : form.getOrDefault("scope", "").trim().split(" +")) {
            if (scope.isEmpty()) {
                continue;
            }
            if (!SCOPES.contains(scope)) {
                throw new ApiError(400, "invalid_scope", "Unknown scope");
            }
            scopes.add(scope);
        }
        String token = tokens.issue(clientId);
        log.info("token issued to client {} for {}{}", clientId, tokens.lifetime(), scopes.isEmpty() ? "" : ", scope " + scopes);
        return json.answer(200, json.object()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", tokens.lifetime().toSeconds())
                        .put("scope", scopes.isEmpty() ? "kiosk" : String.join(" ", scopes)),
                Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    /**
     * RFC 7523 §3: signature with the client's registered key, {@code iss} = {@code sub} = the client id (and the
     * form's {@code client_id}, if sent), {@code aud} = this token endpoint, {@code exp} in the future and at most 5
     * minutes ahead, a {@code jti} never seen before.
     */
    private String assertedClient(Map<String, String> form, SimRequest request) {
        if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
            throw new ApiError(400, "invalid_request", "client_assertion_type must be " + JWT_BEARER);
        }
        if (request.header("Authorization").isPresent()) {
            throw new ApiError(400, "invalid_request", "use one client authentication method, not two");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(form.get("client_assertion"));
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalidClient("client_assertion is not a signed JWT");
        }
        String clientId = claims.getIssuer();
        PublicKey key = clientId == null ? null : jwtClients.get(clientId);
        if (key == null || !clientId.equals(claims.getSubject())
                || form.containsKey("client_id") && !clientId.equals(form.get("client_id"))) {
            throw invalidClient("unknown client, or iss, sub and client_id differ");
        }
        if (!verified(jwt, key)) {
            throw invalidClient("client_assertion signature does not verify with the client's key");
        }
        String audience = "http://" + request.header("Host").orElse("") + "/oauth2/token";
        if (!claims.getAudience().contains(audience)) {
            throw invalidClient("client_assertion aud is not this token endpoint");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(SKEW).isAfter(now)) {
            throw invalidClient("client_assertion has expired");
        }
        if (exp.toInstant().isAfter(now.plus(LONGEST_ASSERTION).plus(SKEW))) {
            throw invalidClient("client_assertion lives longer than 5 minutes");
        }
        if (claims.getJWTID() == null || !tokens.firstUse(clientId, claims.getJWTID(), exp.toInstant().plus(SKEW))) {
            throw invalidClient("client_assertion has no jti or was used before");
        }
        return clientId;
    }

    private static boolean verified(SignedJWT jwt, PublicKey key) {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        try {
            JWSVerifier verifier;
            if (key instanceof RSAPublicKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECPublicKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false; // e.g. "none" or HS256 with the public key as secret: never
            }
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static ApiError invalidClient(String why) {
        log.info("token refused: {}", why);
        return new ApiError(401, "invalid_client", "Client authentication failed", BASIC_CHALLENGE);
    }

    private Optional<String> basicClient(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.get().substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return !secret.isEmpty() && secret.equals(clients.get(id)) ? Optional.of(id) : Optional.empty();
    }

    /**
     * The {@code clients[]} of the data file that are registered by {@code publicKeyPem} (an X.509
     * SubjectPublicKeyInfo, {@code -----BEGIN PUBLIC KEY-----}, RSA or EC), by client id.
     */
    static Map<String, PublicKey> publicKeys(JsonNode clients) {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode c : clients) {
            JsonNode pem = c.get("publicKeyPem");
            if (pem == null) {
                continue;
            }
            String id = c.path("clientId").asText();
            keys.put(id, publicKey(id, pem.asText()));
        }
        return keys;
    }

    private static PublicKey publicKey(String clientId, String pem) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demo data: publicKeyPem of client " + clientId + " is not PEM");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("demo data: publicKeyPem of client " + clientId + " is not an RSA or EC public key");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        UrlEncoded.parse(body).forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }
}
