package com.simkiosk.carrier.tmf;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the kiosk gets its OAuth 2.0 tokens from one back end: how it authenticates itself at the token endpoint and
 * which {@code scope} it asks for per API family (one cached token per scope). Defaults, {@link #standard()}: HTTP
 * Basic and the scopes CAMARA names ({@code one-time-password-sms:send-validate}, {@code kyc-match:match}; none for
 * TMF).
 *
 * @param clientAuth how the kiosk authenticates at {@code /oauth2/token}
 * @param clientKey  the key that signs a {@code private_key_jwt} assertion (required for it, unused otherwise)
 * @param scopes     {@code otp}, {@code kyc}, {@code tmf} → the space-separated scope to ask for; {@code ""}: none sent
 */
public record OAuthSettings(ClientAuth clientAuth, Optional<ClientKey> clientKey, Map<String, String> scopes) {

    /** RFC 6749 §2.3 / OpenID Connect client authentication methods the kiosk supports. */
    public enum ClientAuth {
        /** HTTP Basic with the client id and secret (RFC 6749 §2.3.1). */
        CLIENT_SECRET_BASIC("client_secret_basic"),
        /** A JWT signed with the kiosk's private key (RFC 7523 §2.2), as the CAMARA security profile asks. */
        PRIVATE_KEY_JWT("private_key_jwt");

        private final String configName;

        ClientAuth(String configName) {
            this.configName = configName;
        }

        /** The name in configuration and in OpenID Connect metadata. */
        public String configName() {
            return configName;
        }

        public static Optional<ClientAuth> byConfigName(String name) {
            for (ClientAuth a : values()) {
                if (a.configName.equals(name)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** The signing key: a private key entry of a PKCS#12 store (RSA → RS256, EC P-256 → ES256). */
    public record ClientKey(CarrierEndpoint.KeyStoreFile store, String alias) {
        public ClientKey {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(alias, "alias");
        }
    }

    /** The API families whose scope can be configured. */
    public static final Set<String> FAMILIES = Set.of("otp", "kyc", "tmf");

    public static final Map<String, String> STANDARD_SCOPES = Map.of(
            "otp", "one-time-password-sms:send-validate", "kyc", "kyc-match:match", "tmf", "");

    /** RFC 6749 §3.3: scope tokens of visible ASCII without {@code "} and {@code \}, separated by single spaces. */
    private static final String SCOPE = "([\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*)?";

    public OAuthSettings {
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(scopes, "scopes");
        if (clientAuth == ClientAuth.PRIVATE_KEY_JWT && clientKey.isEmpty()) {
            throw new IllegalArgumentException("private_key_jwt needs a clientKey (PKCS#12 path, password, alias)");
        }
        if (!scopes.keySet().equals(FAMILIES)) {
            throw new IllegalArgumentException("scopes must name exactly otp, kyc and tmf");
        }
        for (Map.Entry<String, String> s : scopes.entrySet()) {
            if (s.getValue() == null || !s.getValue().matches(SCOPE)) {
                throw new IllegalArgumentException("scopes." + s.getKey() + " is not a space-separated list of scope tokens");
            }
        }
        scopes = Map.copyOf(scopes);
    }

    public static OAuthSettings standard() {
        return new OAuthSettings(ClientAuth.CLIENT_SECRET_BASIC, Optional.empty(), STANDARD_SCOPES);
    }

    /** {@code private_key_jwt} with this key, the scopes unchanged. */
    public OAuthSettings withPrivateKeyJwt(ClientKey key) {
        return new OAuthSettings(ClientAuth.PRIVATE_KEY_JWT, Optional.of(key), scopes);
    }

    /** The scopes of {@code changed} (some of otp, kyc, tmf) over these. */
    public OAuthSettings withScopes(Map<String, String> changed) {
        Map<String, String> all = new HashMap<>(scopes);
        all.putAll(changed);
        return new OAuthSettings(clientAuth, clientKey, all);
    }

    /** The scope to ask for before calling an API of {@code family}; empty: ask for none. */
    Optional<String> scope(ApiFamily family) {
        return Optional.of(scopes.get(family.key())).filter(s -> !s.isEmpty());
    }
}
