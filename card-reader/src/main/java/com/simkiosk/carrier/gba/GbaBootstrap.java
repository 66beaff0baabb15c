package com.simkiosk.carrier.gba;

import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.tmf.CappedBody;
import com.simkiosk.carrier.tmf.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's side of GBA bootstrapping over Ub (3GPP TS 24.109 §4, TS 33.220 §4.5.2) with HTTP Digest AKA (RFC 3310):
 *
 * <ol>
 *   <li>{@code GET bsfUrl} with {@code Authorization: Digest username="<IMPI>", realm="<home domain>", nonce="",
 *       uri="<path>", response=""};</li>
 *   <li>the BSF answers {@code 401} with a Digest challenge, {@code algorithm=AKAv1-MD5}, {@code nonce} =
 *       base64(RAND ‖ AUTN ‖ server data);</li>
 *   <li>the card runs AUTHENTICATE with RAND and AUTN (the {@code card} function): RES becomes the Digest password
 *       and the request is sent again with the response ({@code qop=auth-int} when offered, else {@code auth}); AUTS
 *       (synchronisation failure) goes back in an {@code auts} directive with an empty password, once, and the BSF's
 *       fresh challenge is answered; a MAC failure ends the exchange without another request;</li>
 *   <li>{@code 200 OK} carries {@link BootstrappingInfo} (B-TID, key lifetime); {@code Authentication-Info}'s
 *       {@code rspauth}, when present, is checked (the BSF proves it knew RES too).</li>
 * </ol>
 *
 * Works with any BSF that follows the specification: realm, qop options, opaque and the server data in the nonce
 * are taken from its challenge. All round trips together get {@code deadline} (each with its whole body, read
 * through {@link CappedBody}); the card's time is not counted. Thread-safe; logs carry the masked IMPI only, never
 * RAND, AUTN, RES, AUTS or keys. Interrupting the calling thread (Cancel) ends the exchange at once.
 */
public final class GbaBootstrap implements AutoCloseable {
    /** TS 24.109 §4.4.2: the product token that tells the BSF the UE does GBA_ME. */
    public static final String USER_AGENT = "simkiosk 3gpp-gba";
    private static final Logger log = LoggerFactory.getLogger(GbaBootstrap.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NO_BODY = new byte[0];

    private final URI bsfUrl;
    private final Duration deadline;
    private final RandomGenerator random;
    /** Connect timeout; over https the JDK's default TLS context, set up when this client is built. */
    private final HttpClients.Settings settings;
    private volatile boolean closed;

    /** With a {@link SecureRandom} for cnonces. */
    public GbaBootstrap(URI bsfUrl, Duration connectTimeout, Duration deadline) {
        this(bsfUrl, connectTimeout, deadline, new SecureRandom());
    }

    public GbaBootstrap(URI bsfUrl, Duration connectTimeout, Duration deadline, RandomGenerator random) {
        String scheme = bsfUrl.getScheme() == null ? "" : bsfUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(bsfUrl.getHost()))) {
            throw new IllegalArgumentException("a BSF is reached over https (plain http only on this machine)");
        }
        this.bsfUrl = bsfUrl;
        this.deadline = deadline;
        this.random = random;
        this.settings = HttpClients.Settings.of(bsfUrl, connectTimeout, Optional.empty());
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    /** Runs the bootstrapping for {@code impi}; {@code card} answers the BSF's challenge (AUTHENTICATE). */
    public BootstrapResult bootstrap(Impi impi, Function<AkaChallenge, AkaResult> card) {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        String uri = digestUri();
        try {
            Reply first = send(Authorization.initial(impi, uri), deadlineAt);
            boolean resynchronised = false;
            Reply reply = first;
            while (true) {
                if (reply.status() != 401) {
                    return unexpected(reply, "the first request");
                }
                Optional<DigestChallenge> challenge = DigestChallenge.parseAll(reply.wwwAuthenticate()).stream()
                        .filter(DigestChallenge::isDigestAkaV1Md5).findFirst();
                if (challenge.isEmpty()) {
                    log.info("gba {}: the BSF offers no AKAv1-MD5 challenge", impi.masked());
                    return new BootstrapResult.NotSupported("the BSF offers no Digest AKAv1-MD5 challenge");
                }
                Optional<AkaChallenge> aka = akaChallenge(challenge.get());
                if (aka.isEmpty()) {
                    return failed(impi, CarrierError.BAD_RESPONSE, "the BSF's nonce holds no RAND and AUTN");
                }
                AkaResult answer = card.apply(aka.get());
                log.info("gba {}: card answered {}", impi.masked(), answer.getClass().getSimpleName());
                if (answer instanceof AkaResult.Success ok) {
                    try (ok) {
                        return answer(impi, uri, challenge.get(), ok, resynchronised, deadlineAt);
                    }
                }
                if (answer instanceof AkaResult.SyncFailure sync) {
                    if (resynchronised) {
                        return failed(impi, CarrierError.BAD_RESPONSE, "the card refused the SQN again after resynchronisation");
                    }
                    resynchronised = true;
                    Authorization resync = Authorization.answer(impi, uri, challenge.get(), cnonce(), new byte[0],
                            Optional.of(sync.auts()));
                    reply = send(resync, deadlineAt);
                    continue;
                }
                if (answer instanceof AkaResult.MacFailure) {
                    return new BootstrapResult.MacFailure();
                }
                if (answer instanceof AkaResult.NotSupported no) {
                    return new BootstrapResult.NotSupported(no.reason());
                }
                return new BootstrapResult.CardNotAsked(answer);
            }
        } catch (Failure f) {
            return failed(impi, f.error, f.getMessage());
        }
    }

    private BootstrapResult answer(Impi impi, String uri, DigestChallenge challenge, AkaResult.Success ok,
                                   boolean resynchronised, long deadlineAt) throws Failure {
        byte[] res = ok.res();
        Authorization auth = Authorization.answer(impi, uri, challenge, cnonce(), res, Optional.empty());
        try {
            Reply reply = send(auth, deadlineAt);
            if (reply.status() == 401 || reply.status() == 403) {
                return failed(impi, CarrierError.UNAUTHORIZED, "the BSF refused the SIM's answer (HTTP " + reply.status() + ")");
            }
            if (reply.status() != 200) {
                return unexpected(reply, "the SIM's answer");
            }
            if (!rspauthHolds(reply, auth, res)) {
                return failed(impi, CarrierError.BAD_RESPONSE, "the BSF's Authentication-Info does not prove it knew the answer");
            }
            Optional<BootstrappingInfo> info = BootstrappingInfo.parse(reply.body());
            if (info.isEmpty()) {
                return failed(impi, CarrierError.BAD_RESPONSE, "the BSF's 200 OK carries no BootstrappingInfo");
            }
            log.info("gba {}: bootstrapped, {}", impi.masked(), info.get());
            return new BootstrapResult.Bootstrapped(info.get().btid(), info.get().lifetime(), resynchronised);
        } finally {
            Arrays.fill(res, (byte) 0);
        }
    }

    /** RFC 2617 §3.2.3 / RFC 3310 §3.5: when the BSF sends rspauth, it must match (mutual authentication). */
    private static boolean rspauthHolds(Reply reply, Authorization auth, byte[] res) {
        Optional<String> info = reply.authenticationInfo();
        if (info.isEmpty()) {
            return true; // TS 24.109 has the BSF send it; a BSF that does not is still believed (the card checked AUTN)
        }
        Optional<DigestChallenge> params = DigestChallenge.parse("Digest " + info.get()).stream().findFirst();
        Optional<String> rspauth = params.flatMap(p -> p.param("rspauth"));
        if (rspauth.isEmpty()) {
            return true;
        }
        String expected = DigestAka.rspauth(auth.input(), res, reply.body());
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                rspauth.get().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** nonce = base64(RAND ‖ AUTN ‖ server-specific data) (RFC 3310 §3.2). */
    static Optional<AkaChallenge> akaChallenge(DigestChallenge challenge) {
        try {
            byte[] nonce = Base64.getDecoder().decode(challenge.param("nonce").orElse("").trim());
            if (nonce.length < 32) {
                return Optional.empty();
            }
            return Optional.of(new AkaChallenge(Arrays.copyOfRange(nonce, 0, 16), Arrays.copyOfRange(nonce, 16, 32)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private String cnonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    private String digestUri() {
        String path = bsfUrl.getRawPath() == null || bsfUrl.getRawPath().isEmpty() ? "/" : bsfUrl.getRawPath();
        return bsfUrl.getRawQuery() == null ? path : path + "?" + bsfUrl.getRawQuery();
    }

    private BootstrapResult unexpected(Reply reply, String after) {
        int s = reply.status();
        if (s == 404 || s == 405 || s == 501) {
            return new BootstrapResult.NotSupported("no BSF at the configured URL (HTTP " + s + ")");
        }
        CarrierError error = s == 429 ? CarrierError.RATE_LIMITED : s == 408 || s == 504 ? CarrierError.TIMEOUT
                : s >= 500 ? CarrierError.UNAVAILABLE : s == 401 || s == 403 ? CarrierError.UNAUTHORIZED
                : CarrierError.BAD_RESPONSE;
        return new BootstrapResult.Failed(error, "the BSF answered HTTP " + s + " to " + after);
    }

    private static BootstrapResult failed(Impi impi, CarrierError error, String detail) {
        log.info("gba {}: {} ({})", impi.masked(), error, detail);
        return new BootstrapResult.Failed(error, detail);
    }

    /**
     * One round trip within what is left of the exchange's time, headers and whole body (through the 1 MiB cap):
     * blocking, on the calling thread, as {@code TmfHttp} does ({@link HttpClients}: connect and read timeouts from
     * what is left, one shared sweep for the whole exchange). An interrupt ends the exchange and closes its connection.
     */
    private Reply send(Authorization auth, long deadlineAt) throws Failure {
        long left = deadlineAt - System.nanoTime();
        if (left <= 0) {
            throw overTime();
        }
        if (closed) {
            throw new Failure(CarrierError.UNAVAILABLE, "the BSF client is closed");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", auth.header());
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", BootstrappingInfo.MEDIA_TYPE);
        try {
            HttpClients.Response response = HttpClients.exchange(settings,
                    new HttpClients.Request(bsfUrl, "GET", headers, Optional.empty()), deadlineAt);
            return new Reply(response.status(), response.headers("WWW-Authenticate"),
                    response.header("Authentication-Info"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(CarrierError.UNAVAILABLE, "bootstrapping cancelled");
        } catch (IOException e) {
            throw classify(e);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new Failure(CarrierError.UNAVAILABLE, "the BSF cannot be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Failure classify(IOException failure) {
        if (failure instanceof CappedBody.TooLarge) {
            return new Failure(CarrierError.BAD_RESPONSE, "the BSF sent an answer larger than " + CappedBody.MAX_BODY_BYTES + " bytes");
        }
        if (failure instanceof HttpClients.ConnectTimeout) {
            return new Failure(CarrierError.TIMEOUT, "the BSF did not accept a connection in time");
        }
        if (failure instanceof CappedBody.Late) {
            return overTime();
        }
        return new Failure(CarrierError.UNAVAILABLE, "the BSF cannot be reached");
    }

    private Failure overTime() {
        return new Failure(CarrierError.TIMEOUT, "the BSF did not answer within " + deadline.toMillis() + " ms");
    }

    /** Later bootstrappings fail UNAVAILABLE. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "GbaBootstrap[" + bsfUrl + "]";
    }

    private record Reply(int status, List<String> wwwAuthenticate, Optional<String> authenticationInfo, byte[] body) {}

    private static final class Failure extends Exception {
        final CarrierError error;

        Failure(CarrierError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }

    /** One {@code Authorization: Digest …} header and what went into its response. */
    record Authorization(String header, DigestAka.Input input) {

        /** TS 24.109 §4.4.3: the first request, with empty nonce and response. */
        static Authorization initial(Impi impi, String uri) {
            String h = "Digest username=" + quote(impi.value()) + ", realm=" + quote(impi.domain())
                    + ", nonce=\"\", uri=" + quote(uri) + ", response=\"\"";
            return new Authorization(h, new DigestAka.Input(impi.value(), impi.domain(), "", "GET", uri,
                    Optional.empty(), "", ""));
        }

        /**
         * The answer to a challenge: password RES (or empty with AUTS, RFC 3310 §3.4). qop auth-int when offered
         * (integrity of the empty body), else auth, else none (RFC 2069).
         */
        static Authorization answer(Impi impi, String uri, DigestChallenge challenge, String cnonce, byte[] password,
                                    Optional<byte[]> auts) {
            List<String> offered = challenge.qopOptions();
            Optional<String> qop = offered.contains("auth-int") ? Optional.of("auth-int")
                    : offered.contains("auth") ? Optional.of("auth") : Optional.empty();
            String realm = challenge.param("realm").orElse(impi.domain());
            String nonce = challenge.param("nonce").orElse("");
            String nc = "00000001";
            DigestAka.Input input = new DigestAka.Input(impi.value(), realm, nonce, "GET", uri, qop, nc, cnonce);
            String response = DigestAka.response(input, password, NO_BODY);
            StringBuilder h = new StringBuilder("Digest username=").append(quote(impi.value()))
                    .append(", realm=").append(quote(realm))
                    .append(", nonce=").append(quote(nonce))
                    .append(", uri=").append(quote(uri))
                    .append(", algorithm=").append(challenge.param("algorithm").orElse("AKAv1-MD5"))
                    .append(", response=").append(quote(response));
            qop.ifPresent(q -> h.append(", qop=").append(q).append(", nc=").append(nc)
                    .append(", cnonce=").append(quote(cnonce)));
            challenge.param("opaque").ifPresent(o -> h.append(", opaque=").append(quote(o)));
            auts.ifPresent(a -> h.append(", auts=").append(quote(Base64.getEncoder().encodeToString(a))));
            return new Authorization(h.toString(), input);
        }

        private static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public String toString() {
            return "Authorization[Digest ******]";
        }
    }
}
