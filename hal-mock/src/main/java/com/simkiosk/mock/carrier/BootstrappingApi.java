package com.simkiosk.mock.carrier;

import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.AuthVector;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.privacy.Mask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrapping server function (BSF) of GBA, the Ub interface of 3GPP TS 24.109 §4 / TS 33.220 §4.5.2, with
 * HTTP Digest AKA (RFC 3310, {@code AKAv1-MD5}). It holds each line's K/OPc and SQN (an {@link AkaVectors} per
 * IMPI), challenges with nonce = base64(RAND ‖ AUTN ‖ 16 bytes of server data), accepts the response computed with
 * RES as the password ({@code qop=auth-int}), resynchronises SQN on {@code auts} and then challenges again, and on
 * success issues a B-TID (base64(RAND)@BSF host, TS 33.220 §4.5.2) with a key lifetime.
 *
 * <p>An unknown IMPI gets a challenge of the same shape (random RAND and AUTN) that no card can answer, and the same
 * 403 afterwards: a stranger cannot learn which IMPIs exist. State is bounded: at most {@link #MAX_PENDING}
 * challenges (each used once, {@link #CHALLENGE_LIFETIME}) and {@link #MAX_SESSIONS} B-TIDs, both expiring by the
 * simulator's clock, the oldest dropped first. Logs show the masked IMPI, never RAND, AUTN, RES, AUTS or keys.
 *
 * <p>Not an HTTP-server-independent BSF: the B-TID is kept here and checked by {@link #checkBtid} for the
 * {@code X-GBA-BTID} extension of the TMF and KYC APIs (docs/carrier-api.md "GBA").
 */
final class BootstrappingApi {
    static final String BTID_HEADER = "X-GBA-BTID";
    static final int MAX_PENDING = 1024;
    static final int MAX_SESSIONS = 4096;
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(2);
    static final String MEDIA_TYPE = "application/vnd.3gpp.bsf+xml";
    private static final byte[] AMF = Hex.decode("8000");
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]*))");
    private static final Logger log = LoggerFactory.getLogger(BootstrappingApi.class);

    private final CarrierData data;
    private final Clock clock;
    private final Duration keyLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Subscriber> subscribers = new HashMap<>();
    /**
     * Answers for IMPIs this carrier does not have: real Milenage vectors of a random key nobody holds, so a stranger's
     * challenge costs and looks the same as a subscriber's and can never be answered (its XRES is not kept).
     */
    private final AkaVectors decoy;
    /** nonce → challenge; insertion order = age. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    /** B-TID → session; insertion order = age. */
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();

    private record Subscriber(CarrierData.Line line, AkaVectors vectors) {}

    /** One challenge sent: {@code xres} empty for an unknown IMPI (no answer can match). */
    private record Pending(String impi, Optional<Subscriber> subscriber, byte[] rand, byte[] xres, String opaque,
                           Instant expires) {}

    private record Session(String productId, Instant expires) {}

    BootstrappingApi(CarrierData data, Clock clock, Duration keyLifetime) {
        this.data = data;
        this.clock = clock;
        this.keyLifetime = keyLifetime;
        byte[] decoyK = new byte[16];
        byte[] decoyOpc = new byte[16];
        random.nextBytes(decoyK);
        random.nextBytes(decoyOpc);
        this.decoy = new AkaVectors(decoyK, decoyOpc, Sqn.of(0, 0), AMF, random);
        for (CarrierData.Line line : data.lines) {
            line.usim().ifPresent(u -> subscribers.put(DemoLine.impi(u.imsi(), u.mncLength()), new Subscriber(line,
                    new AkaVectors(Hex.decode(u.k()), Hex.decode(u.opc()), Sqn.of(0, 0), AMF, random))));
        }
    }

    /** {@code GET /bsf/bootstrap}: the Ub exchange. */
    SimResponse bootstrap(SimRequest request) {
        Map<String, String> auth = digest(request.header("Authorization").orElse(""))
                .orElseThrow(() -> ApiError.badRequest("Authorization: Digest with the IMPI as username is required"));
        String username = auth.getOrDefault("username", "");
        if (username.isEmpty() || !username.contains("@")) {
            throw ApiError.badRequest("Authorization: Digest with the IMPI as username is required");
        }
        String uri = Endpoint.BSF.path();
        synchronized (this) {
            expire();
            String nonce = auth.getOrDefault("nonce", "");
            if (nonce.isEmpty()) {
                return challenge(username, false);
            }
            Pending p = pending.remove(nonce); // a nonce answers once
            if (p == null || !p.impi().equals(username)) {
                log.info("bsf {}: unknown or expired nonce, new challenge", mask(username));
                return challenge(username, true);
            }
            if (!uri.equals(auth.get("uri")) || !"AKAv1-MD5".equalsIgnoreCase(auth.getOrDefault("algorithm", "AKAv1-MD5"))
                    || !p.opaque().equals(auth.getOrDefault("opaque", ""))) {
                log.info("bsf {}: answer for another uri, algorithm or opaque", mask(username));
                return refused();
            }
            String realm = auth.getOrDefault("realm", "");
            if (!realm.equals(username.substring(username.indexOf('@') + 1))) {
                log.info("bsf {}: answer for another realm", mask(username));
                return refused();
            }
            if (auth.containsKey("auts")) {
                // RFC 3310 §3.4: the synchronisation failure is answered with an empty password
                if (!matches(auth, realm, new byte[0], request.body())) {
                    return refused();
                }
                AkaVectors vectors = p.subscriber().map(Subscriber::vectors).orElse(decoy);
                boolean resynced = decode(auth.get("auts")).flatMap(a -> vectors.resynchronise(p.rand(), a)).isPresent()
                        && p.subscriber().isPresent();
                log.info("bsf {}: synchronisation failure, {}", mask(username), resynced ? "SQN resynchronised" : "AUTS not valid");
                return challenge(username, false);
            }
            boolean answered = matches(auth, realm, p.xres(), request.body()); // computed for strangers too
            if (p.subscriber().isEmpty() || !answered) {
                log.info("bsf {}: answer refused", mask(username));
                return refused();
            }
            return bootstrapped(request, auth, p, realm);
        }
    }

    private SimResponse bootstrapped(SimRequest request, Map<String, String> auth, Pending p, String realm) {
        Instant expires = clock.instant().plus(keyLifetime).truncatedTo(ChronoUnit.SECONDS);
        String host = request.base().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        String btid = Base64.getEncoder().encodeToString(p.rand()) + "@" + host;
        sessions.put(btid, new Session(p.subscriber().orElseThrow().line().productId(), expires));
        while (sessions.size() > MAX_SESSIONS) {
            sessions.remove(sessions.keySet().iterator().next());
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">\n"
                + "  <btid>" + btid + "</btid>\n"
                + "  <lifetime>" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(expires.atOffset(ZoneOffset.UTC)) + "</lifetime>\n"
                + "</BootstrappingInfo>\n";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        String qop = auth.getOrDefault("qop", "");
        String a2 = ":" + auth.get("uri") + (qop.equalsIgnoreCase("auth-int") ? ":" + md5(body) : "");
        String rspauth = kd(md5(a1(auth.get("username"), realm, p.xres())), auth, md5(a2.getBytes(StandardCharsets.ISO_8859_1)));
        String info = "rspauth=\"" + rspauth + "\"" + (qop.isEmpty() ? ""
                : ", qop=" + qop + ", nc=" + auth.getOrDefault("nc", "") + ", cnonce=\"" + auth.getOrDefault("cnonce", "") + "\"");
        log.info("bsf {}: bootstrapped for {}, key lifetime until {}", mask(auth.get("username")),
                p.subscriber().get().line().productId(), expires);
        return new SimResponse(200, Map.of("Content-Type", MEDIA_TYPE, "Authentication-Info", info), body);
    }

    /**
     * The {@code X-GBA-BTID} extension: absent, nothing changes; present, it must be a B-TID this BSF issued, still
     * within its lifetime, for the line the request is about (when the request names one). One refusal for all.
     */
    void checkBtid(SimRequest request, ErrorStyle style) {
        Optional<String> btid = request.header(BTID_HEADER).map(String::trim);
        if (btid.isEmpty()) {
            return;
        }
        Optional<String> product;
        synchronized (this) {
            expire();
            product = Optional.ofNullable(sessions.get(btid.get())).map(Session::productId);
        }
        Optional<String> asked = askedProduct(request);
        if (product.isEmpty() || asked.isPresent() && !asked.equals(product)) {
            log.info("{}: {} not valid for this line", request.endpoint(), BTID_HEADER);
            throw style == ErrorStyle.CAMARA
                    ? new ApiError(403, "INVALID_TOKEN_CONTEXT", "The B-TID is unknown, expired or for another line")
                    : new ApiError(403, "VERIFICATION_REQUIRED", "The B-TID is unknown, expired or for another line");
        }
    }

    /** The product a request is about, when it names one (by id, by ICCID or number, or in a KYC body). */
    private Optional<String> askedProduct(SimRequest request) {
        return switch (request.endpoint()) {
            case PRODUCT_BY_ID -> Optional.of(request.id());
            case BUCKET, USAGE, PRODUCT_OFFERING -> request.param("product.id");
            case PRODUCT -> request.param("realizingResource.id").map(i -> lineWhere(l -> l.iccid().equals(i)))
                    .or(() -> request.param("productCharacteristic.value").map(n -> lineWhere(l -> l.msisdn().filter(n::equals).isPresent())));
            case KYC_MATCH -> jsonText(request, "productId")
                    .or(() -> jsonText(request, "phoneNumber").map(n -> lineWhere(l -> l.msisdn().filter(n::equals).isPresent())));
            default -> Optional.empty();
        };
    }

    /** The product of the line that matches, or a name no line has (a B-TID then never fits). */
    private String lineWhere(Predicate<CarrierData.Line> test) {
        return data.lines.stream().filter(test).findFirst().map(CarrierData.Line::productId).orElse("(no line)");
    }

    private static Optional<String> jsonText(SimRequest request, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(new String(request.body(), StandardCharsets.UTF_8));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A fresh challenge: a real vector for a known IMPI, random bytes of the same size for an unknown one. */
    private SimResponse challenge(String impi, boolean stale) {
        Optional<Subscriber> subscriber = Optional.ofNullable(subscribers.get(impi));
        AuthVector v = subscriber.map(Subscriber::vectors).orElse(decoy).next();
        byte[] rand = v.rand();
        byte[] autn = v.autn();
        byte[] xres = subscriber.isPresent() ? v.xres() : new byte[0];
        v.close();
        byte[] serverData = new byte[16];
        random.nextBytes(serverData);
        byte[] nonceBytes = new byte[48];
        System.arraycopy(rand, 0, nonceBytes, 0, 16);
        System.arraycopy(autn, 0, nonceBytes, 16, 16);
        System.arraycopy(serverData, 0, nonceBytes, 32, 16);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        byte[] opaqueBytes = new byte[12];
        random.nextBytes(opaqueBytes);
        String opaque = HexFormat.of().formatHex(opaqueBytes);
        pending.put(nonce, new Pending(impi, subscriber, rand, xres, opaque, clock.instant().plus(CHALLENGE_LIFETIME)));
        while (pending.size() > MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        log.info("bsf {}: challenge sent", mask(impi));
        String realm = impi.substring(impi.indexOf('@') + 1);
        return new SimResponse(401, Map.of("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", qop=\"auth-int\", algorithm=AKAv1-MD5, opaque=\"" + opaque + "\"" + (stale ? ", stale=true" : "")),
                new byte[0]);
    }

    /** The answer to a wrong response, an unknown IMPI's answer and a reused nonce alike. */
    private static SimResponse refused() {
        return new SimResponse(403, Map.of(), new byte[0]);
    }

    private void expire() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expires()));
        sessions.values().removeIf(s -> !now.isBefore(s.expires()));
    }

    /** RFC 2617 §3.2.2 with the password given as bytes (RFC 3310 §3.3: RES). */
    private static boolean matches(Map<String, String> auth, String realm, byte[] password, byte[] body) {
        String qop = auth.getOrDefault("qop", "");
        if (!qop.equalsIgnoreCase("auth-int") || !auth.containsKey("nc") || !auth.containsKey("cnonce")) {
            return false; // this BSF offers auth-int only
        }
        String ha2 = md5(("GET:" + auth.get("uri") + ":" + md5(body)).getBytes(StandardCharsets.ISO_8859_1));
        String expected = kd(md5(a1(auth.get("username"), realm, password)), auth, ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getOrDefault("response", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] a1(String username, String realm, byte[] password) {
        byte[] prefix = (username + ":" + realm + ":").getBytes(StandardCharsets.ISO_8859_1);
        byte[] a1 = new byte[prefix.length + password.length];
        System.arraycopy(prefix, 0, a1, 0, prefix.length);
        System.arraycopy(password, 0, a1, prefix.length, password.length);
        return a1;
    }

    private static String kd(String ha1, Map<String, String> auth, String ha2) {
        return md5((ha1 + ":" + auth.get("nonce") + ":" + auth.getOrDefault("nc", "") + ":"
                + auth.getOrDefault("cnonce", "") + ":" + auth.getOrDefault("qop", "") + ":" + ha2)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The parameters of {@code Authorization: Digest …}, names lower-cased; empty for another scheme. */
    static Optional<Map<String, String>> digest(String header) {
        String h = header.trim();
        if (!h.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(h.substring(7));
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return Optional.of(params);
    }

    /** The IMSI part hidden: {@code 440******@ims.mnc010.mcc440.3gppnetwork.org}. */
    static String mask(String impi) {
        int at = impi.indexOf('@');
        String user = at < 0 ? impi : impi.substring(0, at);
        String domain = at < 0 ? "" : "@" + impi.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "?");
        return (user.length() > 3 && user.substring(0, 3).matches("\\d{3}") ? user.substring(0, 3) : "")
                + Mask.secret(user) + domain;
    }
}
