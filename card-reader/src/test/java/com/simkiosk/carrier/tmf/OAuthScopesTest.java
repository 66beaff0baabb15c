package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scope asked for per API family, one cached token per scope, and token waits inside the call's deadline. */
class OAuthScopesTest {
    static final Iccid SIM = Iccid.parse("8981102603110000016");
    static final Msisdn NUMBER = new Msisdn("+819012340002");
    static final String PRODUCT = "[{\"id\":\"prd-1\",\"status\":\"active\",\"name\":\"p\",\"productCharacteristic\":"
            + "[{\"name\":\"brand\",\"value\":\"b\"}]}]";

    StubCarrier carrier;

    @BeforeEach
    void start() throws Exception {
        carrier = new StubCarrier();
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, PRODUCT));
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(200, "{\"authenticationId\":\"a-1\"}"));
        carrier.replace(TmfCarrierClient.VALIDATE_CODE, new Reply(204, "", Map.of()));
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"idDocumentMatch\":\"true\"}"));
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    CarrierEndpoint endpoint(Duration request) {
        return CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(2)), request);
    }

    List<String> tokenForms() {
        return carrier.requests("/oauth2/token").stream().map(StubCarrier.Request::body).toList();
    }

    @Test
    void eachApiGetsATokenForItsOwnScopeAndReusesIt() throws Exception {
        Line line = new Line("prd-1", LineStatus.ACTIVE, "p", "b", Optional.of(NUMBER), List.of(VerificationMethod.ID_DOCUMENT));
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(TestTime.bound(Duration.ofSeconds(5))))) {
            client.findLineByIccid(SIM);
            OtpChallenge challenge = client.sendCode(NUMBER, "{{code}}");
            client.validateCode(challenge, "123456");
            client.verifyRegisteredDetail(line, VerificationMethod.ID_DOCUMENT, "TK1234567");
            client.findLineByIccid(SIM);
        }

        assertThat(tokenForms()).containsExactly(
                "grant_type=client_credentials",
                "grant_type=client_credentials&scope=one-time-password-sms%3Asend-validate",
                "grant_type=client_credentials&scope=kyc-match%3Amatch");
        assertThat(carrier.requests(TmfCarrierClient.SEND_CODE).get(0).header("Authorization"))
                .isEqualTo(carrier.requests(TmfCarrierClient.VALIDATE_CODE).get(0).header("Authorization"));
    }

    @Test
    void configuredScopesReplaceTheStandardOnesAndAnEmptyOneSendsNone() throws Exception {
        CarrierEndpoint endpoint = endpoint(TestTime.bound(Duration.ofSeconds(5)))
                .withOAuth(OAuthSettings.standard().withScopes(Map.of("tmf", "tmf637 tmf654", "otp", "")));
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint)) {
            client.findLineByIccid(SIM);
            client.sendCode(NUMBER, "{{code}}");
        }

        assertThat(tokenForms()).containsExactly("grant_type=client_credentials&scope=tmf637+tmf654",
                "grant_type=client_credentials");
    }

    @Test
    void aScopeThatIsNotRfc6749TokensIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> OAuthSettings.standard().withScopes(Map.of("kyc", "kyc-match:match\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scopes.kyc");
        assertThatThrownBy(() -> OAuthSettings.standard().withScopes(Map.of("billing", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otp, kyc and tmf");
    }

    /**
     * Issue 15: a call that finds another call fetching the token waits for it only within its own deadline, and
     * does not fetch one itself when that deadline has passed.
     */
    @Test
    void waitingForAnotherCallsTokenFetchCountsAgainstTheCallsDeadline() throws Exception {
        OAuthTokens tokens = new OAuthTokens(endpoint(TestTime.bound(Duration.ofSeconds(5))), Clock.systemUTC(), new Json());
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        OAuthTokens.Fetcher slow = (path, form, auth) -> {
            fetches.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TmfHttp.Answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}".getBytes());
        };
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> tokenOrError(tokens, slow, Duration.ofSeconds(30)));
        TestTime.awaitUntil(Duration.ofSeconds(5), () -> fetches.get() == 1, "first fetch under way");
        try {
            String second = tokenOrError(tokens, slow, Duration.ofMillis(100));

            assertThat(second).isEqualTo("TIMEOUT");
            assertThat(first).isNotDone();
            assertThat(fetches).hasValue(1);
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("t");
    }

    /** The customer's Cancel ends a wait for another call's token fetch at once (a monitor wait could not). */
    @Test
    void aCancelEndsTheWaitForAnotherCallsTokenFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        carrier.respond("/oauth2/token", request -> {
            release.await(30, TimeUnit.SECONDS); // a token endpoint that hangs until the test ends
            return Reply.json(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}");
        });
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint(TestTime.bound(Duration.ofSeconds(20))), Clock.systemUTC())) {
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> errorOf(client));
            TestTime.awaitUntil(Duration.ofSeconds(5), () -> carrier.requests("/oauth2/token").size() == 1, "first token request");
            CompletableFuture<CarrierException> second = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    client.findLineByIccid(SIM);
                    second.complete(null);
                } catch (CarrierException e) {
                    second.complete(e);
                }
            }, "second-call");
            waiter.start();
            TestTime.awaitUntil(Duration.ofSeconds(5), () -> waiter.getState() == Thread.State.TIMED_WAITING, "second call waiting");

            waiter.interrupt();

            CarrierException cancelled = second.get(10, TimeUnit.SECONDS);
            assertThat(cancelled.error()).isEqualTo(CarrierError.UNAVAILABLE);
            assertThat(cancelled.getMessage()).contains("cancelled");
            assertThat(first).isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(carrier.requests("/oauth2/token")).hasSize(1);
    }

    private static String tokenOrError(OAuthTokens tokens, OAuthTokens.Fetcher fetcher, Duration deadline) {
        try {
            return tokens.current("", fetcher, new TmfHttp.Budget(deadline));
        } catch (CarrierException e) {
            return e.error().name();
        }
    }

    private static Object errorOf(TmfCarrierClient client) {
        try {
            return client.findLineByIccid(SIM);
        } catch (CarrierException e) {
            return e.error();
        }
    }
}
