package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth client authentication of the kiosk against the carrier simulator over loopback: {@code client_secret_basic}
 * and {@code private_key_jwt} (RFC 7523) with keys from PKCS#12 stores made here by the JDK's keytool.
 */
class ClientAuthenticationTest {
    static final String PASSWORD = "changeit-kiosk";
    static final String RSA_CLIENT = "kiosk-rsa";
    static final String EC_CLIENT = "kiosk-ec";

    @TempDir
    static Path dir;
    static Path rsaStore;
    static Path ecStore;
    static Path strangerStore;
    static CarrierSimulator simulator;

    @BeforeAll
    static void keysAndCarrier() throws Exception {
        rsaStore = keytool("rsa.p12", "RSA", "-keysize", "2048");
        ecStore = keytool("ec.p12", "EC", "-groupname", "secp256r1");
        strangerStore = keytool("stranger.p12", "RSA", "-keysize", "2048");
        simulator = CarrierSimulator.builder()
                .jwtClient(RSA_CLIENT, publicKey(rsaStore))
                .jwtClient(EC_CLIENT, publicKey(ecStore))
                .start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A self-signed key pair in a new PKCS#12 store, as an operator would make one with keytool. */
    static Path keytool(String name, String algorithm, String... size) throws Exception {
        Path store = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "kiosk",
                "-keyalg", algorithm, "-dname", "CN=kiosk-0042", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(List.of(size));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return store;
    }

    static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    static PublicKey publicKey(Path store) throws Exception {
        return load(store).getCertificate("kiosk").getPublicKey();
    }

    static CarrierEndpoint jwtEndpoint(String clientId, Path store) {
        OAuthSettings.ClientKey key = new OAuthSettings.ClientKey(
                CarrierEndpoint.KeyStoreFile.pkcs12(store, PASSWORD), "kiosk");
        return CarrierEndpoint.of("sim", simulator.baseUri(), clientId, "")
                .withOAuth(OAuthSettings.standard().withPrivateKeyJwt(key));
    }

    static Line lineOf(TmfCarrierClient client, DemoLine demo) throws CarrierException {
        return client.findLineByIccid(demo.iccid());
    }

    @Test
    void clientSecretBasicStillWorks() throws Exception {
        DemoLine demo = simulator.demoLines().touristData();
        try (TmfCarrierClient client = new TmfCarrierClient(CarrierEndpoint.of("sim", simulator.baseUri(),
                com.simkiosk.mock.carrier.DemoLines.CLIENT_ID, com.simkiosk.mock.carrier.DemoLines.CLIENT_SECRET))) {
            assertThat(lineOf(client, demo).id()).isEqualTo(demo.productId());
        }
    }

    @Test
    void anRsaKeyFromAPkcs12StoreSignsAnAssertionTheCarrierAccepts() throws Exception {
        DemoLine demo = simulator.demoLines().touristData();
        try (TmfCarrierClient client = new TmfCarrierClient(jwtEndpoint(RSA_CLIENT, rsaStore))) {
            assertThat(lineOf(client, demo).id()).isEqualTo(demo.productId());
        }
    }

    @Test
    void anEcKeySignsEs256AndIsAcceptedToo() throws Exception {
        DemoLine demo = simulator.demoLines().touristData();
        try (TmfCarrierClient client = new TmfCarrierClient(jwtEndpoint(EC_CLIENT, ecStore))) {
            assertThat(lineOf(client, demo).id()).isEqualTo(demo.productId());
        }
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsUnauthorized() {
        DemoLine demo = simulator.demoLines().touristData();
        try (TmfCarrierClient client = new TmfCarrierClient(jwtEndpoint(RSA_CLIENT, strangerStore))) {
            assertThatThrownBy(() -> lineOf(client, demo))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
        }
    }

    @Test
    void aWrongKeyStorePasswordIsAStartUpErrorNotAFailedFirstCall() {
        OAuthSettings.ClientKey key = new OAuthSettings.ClientKey(
                CarrierEndpoint.KeyStoreFile.pkcs12(rsaStore, "not-the-password"), "kiosk");
        CarrierEndpoint endpoint = CarrierEndpoint.of("sim", simulator.baseUri(), RSA_CLIENT, "")
                .withOAuth(OAuthSettings.standard().withPrivateKeyJwt(key));

        assertThatThrownBy(() -> new TmfCarrierClient(endpoint).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client key for carrier sim cannot be used")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aClientRegisteredInTheDataFileByPublicKeyPemAuthenticatesWithItsKey() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode data;
        try (var in = CarrierSimulator.class.getResourceAsStream("/carrier-sim/demo-lines.json")) {
            data = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(in);
        }
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey(ecStore).getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        data.withArray("clients").addObject().put("clientId", "kiosk-file").put("publicKeyPem", pem);
        Path file = Files.writeString(dir.resolve("carrier-data.json"), mapper.writeValueAsString(data));

        try (CarrierSimulator fromFile = CarrierSimulator.builder().dataFile(file).start()) {
            DemoLine demo = fromFile.demoLines().touristData();
            OAuthSettings.ClientKey key = new OAuthSettings.ClientKey(CarrierEndpoint.KeyStoreFile.pkcs12(ecStore, PASSWORD), "kiosk");
            CarrierEndpoint jwt = CarrierEndpoint.of("sim", fromFile.baseUri(), "kiosk-file", "")
                    .withOAuth(OAuthSettings.standard().withPrivateKeyJwt(key));
            try (TmfCarrierClient client = new TmfCarrierClient(jwt)) {
                assertThat(lineOf(client, demo).id()).isEqualTo(demo.productId());
            }
            // The key-only client has no secret: an empty one must not let anybody in.
            try (TmfCarrierClient client = new TmfCarrierClient(CarrierEndpoint.of("sim", fromFile.baseUri(), "kiosk-file", ""))) {
                assertThatThrownBy(() -> lineOf(client, demo)).isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
            }
        }
    }

    // ---- the carrier's checks, with assertions made by hand ----

    HttpResponse<String> postAssertion(String assertion) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    String assertion(String audience, Instant expires) throws Exception {
        PrivateKey key = (PrivateKey) load(rsaStore).getKey("kiosk", PASSWORD.toCharArray());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(RSA_CLIENT).subject(RSA_CLIENT).audience(audience)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(expires.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key));
        return jwt.serialize();
    }

    String tokenEndpoint() {
        return simulator.baseUri() + "/oauth2/token";
    }

    @Test
    void aFreshAssertionIsAcceptedOnceAndRefusedWhenReplayed() throws Exception {
        String once = assertion(tokenEndpoint(), Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(postAssertion(once).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = postAssertion(once);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("\"error\":\"invalid_client\"");
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        HttpResponse<String> answer = postAssertion(assertion(tokenEndpoint(), Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_client");
    }

    @Test
    void anAssertionLivingLongerThanFiveMinutesIsRefused() throws Exception {
        assertThat(postAssertion(assertion(tokenEndpoint(), Instant.now().plus(Duration.ofHours(1)))).statusCode()).isEqualTo(401);
    }

    @Test
    void anAssertionForAnotherTokenEndpointIsRefused() throws Exception {
        assertThat(postAssertion(assertion("https://other-carrier.example/oauth2/token",
                Instant.now().plus(Duration.ofMinutes(1)))).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownScopeIsInvalidScopeAndTheKioskSaysWhichSetting() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (com.simkiosk.mock.carrier.DemoLines.CLIENT_ID + ":" + com.simkiosk.mock.carrier.DemoLines.CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=kyc-match%3Amatch+tmf%3Aeverything"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_scope\"");

        DemoLine demo = simulator.demoLines().touristData();
        CarrierEndpoint endpoint = CarrierEndpoint.of("sim", simulator.baseUri(),
                        com.simkiosk.mock.carrier.DemoLines.CLIENT_ID, com.simkiosk.mock.carrier.DemoLines.CLIENT_SECRET)
                .withOAuth(OAuthSettings.standard().withScopes(java.util.Map.of("tmf", "tmf:everything")));
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint)) {
            assertThatThrownBy(() -> lineOf(client, demo)).isInstanceOfSatisfying(CarrierException.class, e -> {
                assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED);
                assertThat(e.getMessage()).contains("profile.scopes");
            });
        }
    }
}
