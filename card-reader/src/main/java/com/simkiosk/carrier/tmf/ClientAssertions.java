package com.simkiosk.carrier.tmf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * RFC 7523 §2.2 client assertions ({@code private_key_jwt}): a short-lived JWT, signed with the kiosk's key from a
 * PKCS#12 store, with {@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint, a random
 * {@code jti}, {@code iat} and {@code exp}. RSA keys sign RS256, EC P-256 keys ES256.
 */
final class ClientAssertions {
    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Short, so a copied assertion is soon useless; well within the 5 minutes the contract allows. */
    static final Duration LIFE = Duration.ofMinutes(2);

    private final String clientId;
    private final String audience;
    private final Clock clock;
    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;

    private ClientAssertions(String clientId, String audience, Clock clock, JWSSigner signer, JWSAlgorithm algorithm) {
        this.clientId = clientId;
        this.audience = audience;
        this.clock = clock;
        this.signer = signer;
        this.algorithm = algorithm;
    }

    /** Loads the key at once, so a wrong path, password or alias is a start-up error, not a failed first call. */
    static ClientAssertions load(CarrierEndpoint endpoint, OAuthSettings.ClientKey key, Clock clock) {
        String audience = endpoint.resolve(TmfHttp.TOKEN_PATH).toString();
        try {
            KeyStore store = KeyStore.getInstance(key.store().type());
            try (InputStream in = Files.newInputStream(key.store().path())) {
                store.load(in, key.store().password());
            }
            if (!(store.getKey(key.alias(), key.store().password()) instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("client key for carrier " + endpoint.name() + ": no private key '"
                        + key.alias() + "' in " + key.store().path());
            }
            if (privateKey instanceof RSAPrivateKey rsa) {
                return new ClientAssertions(endpoint.clientId(), audience, clock, new RSASSASigner(rsa), JWSAlgorithm.RS256);
            }
            if (privateKey instanceof ECPrivateKey ec) {
                return new ClientAssertions(endpoint.clientId(), audience, clock, new ECDSASigner(ec), JWSAlgorithm.ES256);
            }
            throw new IllegalArgumentException("client key for carrier " + endpoint.name() + " is neither RSA nor EC");
        } catch (GeneralSecurityException | IOException | JOSEException e) {
            throw new IllegalArgumentException("client key for carrier " + endpoint.name() + " cannot be used: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** A fresh assertion for one token request. */
    String next() throws CarrierException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFE)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new CarrierException(CarrierError.UNAUTHORIZED, "the kiosk's client assertion cannot be signed");
        }
        return jwt.serialize();
    }
}
