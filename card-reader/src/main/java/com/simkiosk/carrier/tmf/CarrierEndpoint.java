package com.simkiosk.carrier.tmf;

import com.simkiosk.carrier.SimAuthPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one carrier back end: where, with which kiosk credentials, how patiently.
 *
 * @param name            what operators read in logs ("docomo", "aggregator")
 * @param baseUri         root under which {@code /oauth2/token}, {@code /tmf-api/…} and {@code /one-time-password-sms/…} live
 * @param clientId        OAuth 2.0 client id of this kiosk
 * @param clientSecret    OAuth 2.0 client secret (never logged)
 * @param trustStore      certificates to trust instead of the JDK's, for a carrier with a private CA
 * @param clientKeyStore  this kiosk's certificate and key, for mutual TLS
 * @param connectTimeout  how long a TCP/TLS connect may take
 * @param requestTimeout  how long one request may wait for its answer
 * @param maxRetryAfter   the longest total wait the kiosk accepts when the carrier says {@code Retry-After}
 * @param profile         what this carrier chose where the standards leave a choice ({@link BackendProfile#standard()})
 * @param oauth           client authentication at the token endpoint and the scope per API ({@link OAuthSettings#standard()})
 * @param simAuth         the carrier's BSF ({@code bsfUrl}) and whether the SIM PIN alone proves a line ({@link SimAuthPolicy#DEFAULT})
 */
public record CarrierEndpoint(
        String name,
        URI baseUri,
        String clientId,
        String clientSecret,
        Optional<KeyStoreFile> trustStore,
        Optional<KeyStoreFile> clientKeyStore,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration maxRetryAfter,
        BackendProfile profile,
        OAuthSettings oauth,
        SimAuthPolicy simAuth) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(5);

    public CarrierEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(clientKeyStore, "clientKeyStore");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(simAuth, "simAuth");
        simAuth.bsfUrl().ifPresent(CarrierEndpoint::requireSafeBsf);
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative");
        }
        String scheme = baseUri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("baseUri must be http or https");
        }
        if ("http".equalsIgnoreCase(scheme) && !isLoopbackHost(baseUri.getHost())) {
            // The client credentials and the customers' data would cross the network in clear text.
            throw new IllegalArgumentException(PLAIN_HTTP_ONLY_HERE);
        }
        // Strip a trailing slash so paths can always be appended with one.
        String text = baseUri.toString();
        if (text.endsWith("/")) {
            baseUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Why a plain {@code http://} address to another machine is refused, for operators. */
    public static final String PLAIN_HTTP_ONLY_HERE =
            "plain http is only allowed to this machine (127.0.0.0/8, ::1, localhost); use https://";

    /**
     * Whether {@code host} is this machine: {@code localhost} or a literal loopback address. Other names are not
     * resolved: whether credentials may go out in clear text must not depend on DNS.
     */
    /** A decimal IPv4 octet without leading zeros, which Java would otherwise not take as a literal. */
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = literal.matches("(?:" + OCTET + "\\.){3}" + OCTET);
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            return false; // a name such as cafe.de or beef: never resolved
        }
        try {
            // Only literals get here; InetAddress parses those without asking DNS.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** An endpoint with default timeouts and no extra TLS material. */
    public static CarrierEndpoint of(String name, URI baseUri, String clientId, String clientSecret) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, Optional.empty(), Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_RETRY_AFTER, BackendProfile.standard(),
                OAuthSettings.standard(), SimAuthPolicy.DEFAULT);
    }

    public CarrierEndpoint withName(String newName) {
        return new CarrierEndpoint(newName, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connectTimeout,
                requestTimeout, maxRetryAfter, profile, oauth, simAuth);
    }

    public CarrierEndpoint withTimeouts(Duration connect, Duration request) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connect, request,
                maxRetryAfter, profile, oauth, simAuth);
    }

    public CarrierEndpoint withMaxRetryAfter(Duration bound) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connectTimeout,
                requestTimeout, bound, profile, oauth, simAuth);
    }

    public CarrierEndpoint withTls(Optional<KeyStoreFile> trust, Optional<KeyStoreFile> clientKeys) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trust, clientKeys, connectTimeout,
                requestTimeout, maxRetryAfter, profile, oauth, simAuth);
    }

    public CarrierEndpoint withProfile(BackendProfile newProfile) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connectTimeout,
                requestTimeout, maxRetryAfter, newProfile, oauth, simAuth);
    }

    public CarrierEndpoint withOAuth(OAuthSettings settings) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connectTimeout,
                requestTimeout, maxRetryAfter, profile, settings, simAuth);
    }

    public CarrierEndpoint withSimAuth(SimAuthPolicy policy) {
        return new CarrierEndpoint(name, baseUri, clientId, clientSecret, trustStore, clientKeyStore, connectTimeout,
                requestTimeout, maxRetryAfter, profile, oauth, policy);
    }

    /** The BSF gets the SIM's answer: https, or plain http only to this machine (as the base URL). */
    private static void requireSafeBsf(URI bsf) {
        String scheme = bsf.getScheme() == null ? "" : bsf.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopbackHost(bsf.getHost()))) {
            throw new IllegalArgumentException("bsfUrl: " + PLAIN_HTTP_ONLY_HERE);
        }
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    @Override
    public String toString() {
        // The secret must never reach a log line through a record's generated toString.
        return "CarrierEndpoint[" + name + " " + baseUri + " client " + clientId + "]";
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    /** A PKCS#12 (or JKS) key store on disk and its password. */
    public record KeyStoreFile(Path path, char[] password, String type) {
        public KeyStoreFile {
            Objects.requireNonNull(path, "path");
            password = password == null ? new char[0] : password.clone();
            type = type == null ? "PKCS12" : type;
        }

        public static KeyStoreFile pkcs12(Path path, String password) {
            return new KeyStoreFile(path, password.toCharArray(), "PKCS12");
        }

        @Override
        public String toString() {
            return "KeyStoreFile[" + path + " " + type + "]";
        }
    }
}
