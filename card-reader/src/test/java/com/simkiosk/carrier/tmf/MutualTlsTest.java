package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.testing.TestTime;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carrier with its own CA that demands the kiosk's certificate: the client trusts the carrier through the
 * configured trust store and proves itself with the configured key store. Keys are made with the JDK's keytool.
 */
class MutualTlsTest {
    static final String PASS = "changeit";
    @TempDir
    static Path dir;
    static HttpsServer server;
    static ExecutorService executor;
    static URI uri;
    static final ContractExamples doc = ContractExamples.load();
    /** The client port of every request the carrier served: one port, one TLS connection. */
    static final java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void carrierWithItsOwnCertificates() throws Exception {
        keytool("-genkeypair", "-alias", "carrier", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=carrier",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", "carrier.p12");
        keytool("-genkeypair", "-alias", "kiosk", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=kiosk",
                "-validity", "2", "-keystore", "kiosk.p12");
        keytool("-exportcert", "-alias", "carrier", "-keystore", "carrier.p12", "-file", "carrier.cer");
        keytool("-exportcert", "-alias", "kiosk", "-keystore", "kiosk.p12", "-file", "kiosk.cer");
        keytool("-importcert", "-noprompt", "-alias", "carrier", "-file", "carrier.cer", "-keystore", "kiosk-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "kiosk", "-file", "kiosk.cer", "-keystore", "carrier-trust.p12");

        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(dir.resolve("carrier.p12")), PASS.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(dir.resolve("carrier-trust.p12")));
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                clientPorts.add(exchange.getRemoteAddress().getPort());
                exchange.getRequestBody().readAllBytes();
                String body = exchange.getRequestURI().getPath().equals("/oauth2/token")
                        ? doc.json("token-response") : doc.json("product-by-iccid-response");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "tls-carrier"));
        server.setExecutor(executor);
        server.start();
        uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    CarrierEndpoint endpoint(Optional<CarrierEndpoint.KeyStoreFile> trust, Optional<CarrierEndpoint.KeyStoreFile> keys) {
        return CarrierEndpoint.of("tls", uri, "demo-kiosk", "demo-secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(3)), TestTime.bound(Duration.ofSeconds(3))).withTls(trust, keys);
    }

    @Test
    void aKioskWithTheCarriersTrustStoreAndItsOwnCertificateIsServed() throws Exception {
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk-trust.p12"), PASS)),
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk.p12"), PASS))))) {
            assertThat(client.findLineByIccid(Iccid.parse("8981102603110000016")).id()).isEqualTo("prd-tourist-3gb-0001");
        }
    }

    /** A TLS handshake per call would cost the customer a round trip or more on every call to a real carrier. */
    @Test
    void callsOneAfterAnotherShareOneTlsConnection() throws Exception {
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk-trust.p12"), PASS)),
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk.p12"), PASS))))) {
            client.findLineByIccid(Iccid.parse("8981102603110000016")); // the token and the first call
            clientPorts.clear();
            for (int i = 0; i < 4; i++) {
                assertThat(client.findLineByIccid(Iccid.parse("8981102603110000016")).id()).isEqualTo("prd-tourist-3gb-0001");
            }
            assertThat(clientPorts).as("client ports of the last four calls").hasSize(1);
        }
    }

    @Test
    void aKioskWithoutItsCertificateCannotReachTheCarrier() {
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk-trust.p12"), PASS)), Optional.empty()))) {
            assertThatThrownBy(() -> client.findLineByIccid(Iccid.parse("8981102603110000016")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        }
    }

    @Test
    void aKioskThatDoesNotTrustTheCarriersCertificateRefusesIt() {
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(Optional.empty(),
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk.p12"), PASS))))) {
            assertThatThrownBy(() -> client.findLineByIccid(Iccid.parse("8981102603110000016")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        }
    }

    /** Cancel reaches a caller blocked in a TLS read: the transport's sweep closes the socket under it. */
    @Test
    void cancellingWhileTheCarrierIsSilentMidBodyOverTlsEndsTheCallAndHangsUp() throws Exception {
        java.util.concurrent.CountDownLatch probe = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/silent", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 4096);
                exchange.getResponseBody().write('[');
                exchange.getResponseBody().flush();
                asked.countDown();
                probe.await(60, TimeUnit.SECONDS); // silent until the test asks whether the kiosk is still there
                for (int i = 0; i < 4000; i++) {
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                }
            } catch (java.io.IOException gone) {
                hungUp.countDown();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        CarrierEndpoint endpoint = endpoint(Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk-trust.p12"), PASS)),
                Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(dir.resolve("kiosk.p12"), PASS)))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(60));
        try (TmfHttp http = new TmfHttp(endpoint, java.time.Clock.systemUTC(), new Json(), d -> { })) {
            BlockingTransportTest.cancelAndExpectHangUp(http, TmfHttp.Call.get("/silent", "silent answer"),
                    () -> asked.getCount() == 0, probe, hungUp);
        } finally {
            probe.countDown();
            server.removeContext("/silent");
        }
    }

    static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASS.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        keytool(dir, args);
    }

    /** Runs the JDK's keytool in {@code in} on PKCS#12 stores with the password {@link #PASS}. */
    static void keytool(Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASS, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TestTime.scaled(30), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
