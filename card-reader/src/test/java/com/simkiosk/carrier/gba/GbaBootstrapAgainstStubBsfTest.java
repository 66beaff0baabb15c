package com.simkiosk.carrier.gba;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.AuthVector;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.aka.SqnWindow;
import com.simkiosk.card.aka.UsimAlgorithm;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.testing.HostileCarrier;
import com.simkiosk.testing.TestTime;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Ub client against a small BSF written here from RFC 3310 and TS 24.109 alone (not the carrier simulator's):
 * another realm, 8 bytes of server data in the nonce, {@code qop="auth,auth-int"} offered, opaque present or not,
 * an XML answer with a namespace prefix. The card is the in-memory USIM algorithm with TS 35.208 test set 1.
 */
class GbaBootstrapAgainstStubBsfTest {
    private static final byte[] K = HexFormat.of().parseHex("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = HexFormat.of().parseHex("cd63cb71954a9f4e48a5994e37a02baf");
    private static final Impi IMPI = Impi.fromImsi(new Imsi("440100311000016"), 2);
    private static final String REALM = "bsf.mnc010.mcc440.pub.3gppnetwork.org";

    private final List<StubBsf> stubs = new ArrayList<>();

    @AfterEach
    void stop() {
        stubs.forEach(s -> s.server.stop(0));
    }

    /** A BSF from the RFC's text: one vector per challenge, AUTS resynchronises, rspauth on success. */
    final class StubBsf {
        final HttpServer server;
        final AkaVectors network = new AkaVectors(K, OPC, Sqn.of(0, 0), HexFormat.of().parseHex("8000"), new Random(7));
        final Map<String, AuthVector> issued = new HashMap<>();
        /** Written on the server's thread under this stub's lock; read through {@link #requests()}. */
        private final List<Map<String, String>> received = new ArrayList<>();
        // Set by the test thread, read on the server's thread.
        volatile String qopOffered = "auth,auth-int";
        volatile String opaque = "5ccc069c403ebaf9f0171e9517f40e41";
        volatile boolean wrongRspauth;
        volatile String body = "<?xml version=\"1.0\"?><g:BootstrappingInfo xmlns:g=\"uri:3gpp-gba\"><g:btid>%s</g:btid>"
                + "<g:lifetime>2026-11-30T13:00:00+09:00</g:lifetime></g:BootstrappingInfo>";

        StubBsf() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
            stubs.add(this);
        }

        /** The Authorization parameters of every request so far, in order. */
        synchronized List<Map<String, String>> requests() {
            return List.copyOf(received);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gba/ub");
        }

        synchronized void handle(HttpExchange ex) throws IOException {
            Map<String, String> p = params(ex.getRequestHeaders().getFirst("Authorization"));
            received.add(p);
            AuthVector v = issued.get(p.getOrDefault("nonce", ""));
            if (v == null) {
                challenge(ex);
                return;
            }
            if (p.containsKey("auts")) {
                network.resynchronise(v.rand(), Base64.getDecoder().decode(p.get("auts")));
                challenge(ex);
                return;
            }
            if (!p.get("response").equals(digest(p, "GET", v.xres(), new byte[0]))) {
                ex.sendResponseHeaders(403, -1);
                ex.close();
                return;
            }
            byte[] xml = String.format(body, Base64.getEncoder().encodeToString(v.rand()) + "@" + REALM)
                    .getBytes(StandardCharsets.UTF_8);
            String rspauth = wrongRspauth ? "00000000000000000000000000000000" : digest(p, "", v.xres(), xml);
            ex.getResponseHeaders().set("Content-Type", "application/vnd.3gpp.bsf+xml");
            ex.getResponseHeaders().set("Authentication-Info", "qop=" + p.get("qop") + ", rspauth=\"" + rspauth
                    + "\", cnonce=\"" + p.get("cnonce") + "\", nc=" + p.get("nc"));
            ex.sendResponseHeaders(200, xml.length);
            ex.getResponseBody().write(xml);
            ex.close();
        }

        void challenge(HttpExchange ex) throws IOException {
            AuthVector v = network.next();
            byte[] nonce = new byte[40];
            System.arraycopy(v.rand(), 0, nonce, 0, 16);
            System.arraycopy(v.autn(), 0, nonce, 16, 16);
            String n = Base64.getEncoder().encodeToString(nonce);
            issued.put(n, v);
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"legacy\"");
            ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", nonce=\"" + n
                    + "\", algorithm=AKAv1-MD5" + (qopOffered.isEmpty() ? "" : ", qop=\"" + qopOffered + "\"")
                    + (opaque.isEmpty() ? "" : ", opaque=\"" + opaque + "\""));
            ex.sendResponseHeaders(401, -1);
            ex.close();
        }
    }

    /** RFC 2617 §3.2.2 written out once more, with the password as bytes (RFC 3310 §3.3). */
    static String digest(Map<String, String> p, String method, byte[] password, byte[] body) {
        try {
            MessageDigest a1 = MessageDigest.getInstance("MD5");
            a1.update((p.get("username") + ":" + p.get("realm") + ":").getBytes(StandardCharsets.ISO_8859_1));
            a1.update(password);
            String ha1 = HexFormat.of().formatHex(a1.digest());
            String qop = p.getOrDefault("qop", "");
            String a2 = method + ":" + p.get("uri") + (qop.equals("auth-int")
                    ? ":" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) : "");
            String ha2 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(a2.getBytes(StandardCharsets.ISO_8859_1)));
            String kd = qop.isEmpty() ? ha1 + ":" + p.get("nonce") + ":" + ha2
                    : ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2;
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(kd.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> params(String header) {
        Map<String, String> out = new HashMap<>();
        if (header == null) {
            return out;
        }
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header);
        while (m.find()) {
            out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static Function<AkaChallenge, AkaResult> card(byte[] k, Sqn lastAccepted) {
        UsimAlgorithm usim = new UsimAlgorithm(k, OPC, new SqnWindow(lastAccepted));
        return usim::authenticate;
    }

    private static BootstrapResult run(URI bsf, Function<AkaChallenge, AkaResult> card) {
        try (GbaBootstrap gba = new GbaBootstrap(bsf, Duration.ofSeconds(2), TestTime.bound(Duration.ofSeconds(5)))) {
            return gba.bootstrap(IMPI, card);
        }
    }

    @Test
    void aGenuineCardBootstrapsWithAuthIntWhenBothQopsAreOfferedAndOpaqueIsEchoed() throws IOException {
        StubBsf bsf = new StubBsf();
        BootstrapResult result = run(bsf.uri(), card(K, Sqn.of(0, 0)));
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class, ok -> {
            assertThat(ok.btid()).endsWith("@" + REALM);
            assertThat(ok.lifetime()).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
            assertThat(ok.resynchronised()).isFalse();
            assertThat(ok.toString()).doesNotContain(ok.btid().substring(0, ok.btid().indexOf('@')));
        });
        assertThat(bsf.requests()).hasSize(2);
        Map<String, String> first = bsf.requests().get(0);
        assertThat(first).containsEntry("username", IMPI.value()).containsEntry("realm", "ims.mnc010.mcc440.3gppnetwork.org")
                .containsEntry("nonce", "").containsEntry("response", "").containsEntry("uri", "/gba/ub");
        assertThat(bsf.requests().get(1)).containsEntry("qop", "auth-int").containsEntry("opaque", bsf.opaque)
                .containsEntry("realm", REALM).containsEntry("nc", "00000001");
    }

    @Test
    void withoutOpaqueAndWithQopAuthOnlyItStillBootstraps() throws IOException {
        StubBsf bsf = new StubBsf();
        bsf.opaque = "";
        bsf.qopOffered = "auth";
        assertThat(run(bsf.uri(), card(K, Sqn.of(0, 0)))).isInstanceOf(BootstrapResult.Bootstrapped.class);
        assertThat(bsf.requests().get(1)).containsEntry("qop", "auth").doesNotContainKey("opaque");
    }

    @Test
    void aCardAheadOfTheBsfSendsAutsOnceAndTheFreshChallengeSucceeds() throws IOException {
        StubBsf bsf = new StubBsf();
        BootstrapResult result = run(bsf.uri(), card(K, Sqn.of(7000, 3)));
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class,
                ok -> assertThat(ok.resynchronised()).isTrue());
        assertThat(bsf.requests()).hasSize(3);
        assertThat(bsf.requests().get(1)).containsKey("auts");
        assertThat(bsf.requests().get(1).get("response")).as("computed with an empty password")
                .isEqualTo(digest(bsf.requests().get(1), "GET", new byte[0], new byte[0]));
    }

    @Test
    void aForgedCardIsAMacFailureAndNothingMoreIsSent() throws IOException {
        StubBsf bsf = new StubBsf();
        byte[] otherK = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        assertThat(run(bsf.uri(), card(otherK, Sqn.of(0, 0)))).isEqualTo(new BootstrapResult.MacFailure());
        assertThat(bsf.requests()).hasSize(1);
    }

    @Test
    void aBsfThatCannotProveItKnewResIsNotBelieved() throws IOException {
        StubBsf bsf = new StubBsf();
        bsf.wrongRspauth = true;
        assertThat(run(bsf.uri(), card(K, Sqn.of(0, 0)))).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(CarrierError.BAD_RESPONSE));
    }

    @Test
    void anAnswerWithAnExternalEntityIsRefusedUnread() throws IOException {
        StubBsf bsf = new StubBsf();
        bsf.body = "<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>&x;%s</btid><lifetime>2026-11-30T13:00:00Z</lifetime></BootstrappingInfo>";
        assertThat(run(bsf.uri(), card(K, Sqn.of(0, 0)))).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(CarrierError.BAD_RESPONSE));
        assertThat(BootstrappingInfo.parse("<BootstrappingInfo><btid>a@b</btid><lifetime>2026-11-30T13:00:00Z</lifetime></BootstrappingInfo>"
                .getBytes(StandardCharsets.UTF_8))).hasValueSatisfying(i -> assertThat(i.btid()).isEqualTo("a@b"));
    }

    @Test
    void aServerWithoutDigestAkaIsNotSupportedAndTheCardIsNotAsked() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"x\", nonce=\"abc\", algorithm=MD5");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        plain.start();
        try {
            List<AkaChallenge> asked = new ArrayList<>();
            BootstrapResult result = run(URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/"),
                    c -> { asked.add(c); return new AkaResult.MacFailure(); });
            assertThat(result).isInstanceOf(BootstrapResult.NotSupported.class);
            assertThat(asked).isEmpty();
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void aBsfThatStallsMidBodyEndsInTimeoutWithinTheDeadlineAndTheConnectionIsDropped() throws IOException {
        try (HostileCarrier hostile = new HostileCarrier(HostileCarrier.Behaviour.STALLED_BODY);
             GbaBootstrap gba = new GbaBootstrap(hostile.uri().resolve("/bsf/bootstrap"), Duration.ofSeconds(2),
                     Duration.ofMillis(400))) {
            BootstrapResult result = gba.bootstrap(IMPI, c -> new AkaResult.MacFailure());
            assertThat(result).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(CarrierError.TIMEOUT));
            TestTime.awaitUntil(Duration.ofSeconds(5), () -> hostile.hungUp() >= 1, "the kiosk hangs up on the stalled BSF");
        }
    }

    @Test
    void theCustomersCancelEndsAWaitingExchangeAtOnce() throws Exception {
        try (HostileCarrier hostile = new HostileCarrier(HostileCarrier.Behaviour.STALLED_BODY);
             GbaBootstrap gba = new GbaBootstrap(hostile.uri().resolve("/bsf/bootstrap"), Duration.ofSeconds(2),
                     Duration.ofMinutes(5))) {
            AtomicReference<BootstrapResult> result = new AtomicReference<>();
            Thread kiosk = new Thread(() -> result.set(gba.bootstrap(IMPI, c -> new AkaResult.MacFailure())), "kiosk-session");
            kiosk.start();
            TestTime.awaitUntil(Duration.ofSeconds(5), () -> hostile.requests() >= 1, "the request reached the BSF");
            kiosk.interrupt();
            kiosk.join(TestTime.bound(Duration.ofSeconds(5)).toMillis());
            assertThat(kiosk.isAlive()).isFalse();
            assertThat(result.get()).isEqualTo(new BootstrapResult.Failed(CarrierError.UNAVAILABLE, "bootstrapping cancelled"));
        }
    }

    @Test
    void everyBootstrappingOverPlainHttpRunsOnTheSessionsThreadWithoutThreadsOfItsOwn() throws IOException {
        StubBsf bsf = new StubBsf();
        Set<String> before = threadNames();
        try (GbaBootstrap gba = new GbaBootstrap(bsf.uri(), Duration.ofSeconds(2), TestTime.bound(Duration.ofSeconds(5)))) {
            assertThat(newThreads(before)).noneMatch(n -> n.startsWith("HttpClient-"));
            for (int i = 0; i < 3; i++) {
                assertThat(gba.bootstrap(IMPI, card(K, Sqn.of(0, 0)))).isInstanceOf(BootstrapResult.Bootstrapped.class);
            }
            // Each round trip on the session's thread: no selector thread, no pool of its own.
            assertThat(newThreads(before)).noneMatch(n -> n.startsWith("HttpClient-") || n.startsWith("gba-bsf-http-"));
        }
        assertThat(newThreads(before)).noneMatch(n -> n.startsWith("HttpClient-") || n.startsWith("gba-bsf-http-"));
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static List<String> newThreads(Set<String> before) {
        return threadNames().stream().filter(n -> !before.contains(n)).toList();
    }

    @Test
    void plainHttpIsRefusedForABsfOffThisMachine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GbaBootstrap(URI.create("http://bsf.example.net/"),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
