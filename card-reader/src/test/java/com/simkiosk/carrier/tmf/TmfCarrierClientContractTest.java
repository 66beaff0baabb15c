package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the JSON examples of docs/carrier-api.md, served by a stub carrier on loopback. */
class TmfCarrierClientContractTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z"); // the document's notional "now"
    static final Iccid TOURIST_SIM = Iccid.parse("8981102603110000016");
    static final Msisdn AU_NUMBER = new Msisdn("+819012340002");

    final ContractExamples doc = ContractExamples.load();
    final ObjectMapper mapper = new ObjectMapper();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    StubCarrier carrier;
    TmfCarrierClient client;

    @BeforeEach
    void start() throws Exception {
        carrier = new StubCarrier();
        carrier.replace("/oauth2/token", Reply.json(200, doc.json("token-response")));
        client = client(CarrierEndpoint.DEFAULT_MAX_RETRY_AFTER);
    }

    TmfCarrierClient client(Duration maxRetryAfter) {
        CarrierEndpoint endpoint = CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(Duration.ofMillis(800)))
                .withMaxRetryAfter(maxRetryAfter);
        return new TmfCarrierClient(endpoint, Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    }

    @AfterEach
    void stop() {
        client.close();
        carrier.close();
    }

    Line auLine() {
        return new Line("prd-au-prepaid-0002", LineStatus.ACTIVE, "au Prepaid Voice", "au", Optional.of(AU_NUMBER),
                List.of(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT));
    }

    Line touristLine() {
        return new Line("prd-tourist-3gb-0001", LineStatus.ACTIVE, "Japan Travel SIM 3GB / 15 days", "Japan Travel SIM",
                Optional.empty(), List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT,
                VerificationMethod.ORDER_NUMBER));
    }

    JsonNode tree(String json) throws Exception {
        return mapper.readTree(json);
    }

    // ---- finding the line ----

    @Test
    void findsTheTouristDataSimByItsIccid() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-iccid-response")));

        Line line = client.findLineByIccid(TOURIST_SIM);

        assertThat(line.id()).isEqualTo("prd-tourist-3gb-0001");
        assertThat(line.status()).isEqualTo(LineStatus.ACTIVE);
        assertThat(line.planName()).isEqualTo("Japan Travel SIM 3GB / 15 days");
        assertThat(line.brand()).isEqualTo("Japan Travel SIM");
        assertThat(line.msisdn()).isEmpty();
        assertThat(line.verificationMethods()).containsExactly(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT,
                VerificationMethod.ORDER_NUMBER);
        StubCarrier.Request lookup = carrier.requests(TmfCarrierClient.PRODUCT).get(0);
        assertThat(lookup.query()).isEqualTo("realizingResource.id=8981102603110000016");
        assertThat(lookup.header("Authorization")).isEqualTo("Bearer sim-at-6f1c2a9e4b7d4f0e8a3c1d2e5f6a7b8c");
        assertThat(lookup.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void asksForTheTokenWithBasicClientAuthenticationAndTheClientCredentialsGrant() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-iccid-response")));

        client.findLineByIccid(TOURIST_SIM);

        StubCarrier.Request token = carrier.requests("/oauth2/token").get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Authorization")).isEqualTo("Basic ZGVtby1raW9zazpkZW1vLXNlY3JldA==");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void anEmptyProductListMeansTheCarrierDoesNotKnowTheSim() {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-not-found-response")));

        assertThatThrownBy(() -> client.findLineByIccid(Iccid.parse("8981109999999999990")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_FOUND));
    }

    @Test
    void aForeignSimIsNotSupportedWithoutAskingTheCarrier() {
        assertThatThrownBy(() -> client.findLineByIccid(Iccid.parse("8982100000000000109")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        assertThat(carrier.requests()).isEmpty();
    }

    @Test
    void findsAVerifiedNumberWithTheMsisdnFilterAndReadsItsNumber() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-msisdn-response")));

        Line line = client.findLineByNumber(AU_NUMBER);

        assertThat(line).isEqualTo(auLine());
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT).get(0).query())
                .isEqualTo("productCharacteristic.name=msisdn&productCharacteristic.value=%2B819012340002");
    }

    @Test
    void anUnverifiedNumberLookupIsRefusedAsUnauthorized() {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(403, doc.json("product-by-msisdn-unverified")));

        assertThatThrownBy(() -> client.findLineByNumber(AU_NUMBER))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
    }

    // ---- SMS code ----

    @Test
    void sendsTheCodeRequestOfTheDocumentAndLearnsWhenItMayResend() throws Exception {
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(200, doc.json("send-code-response")));

        OtpChallenge challenge = client.sendCode(AU_NUMBER, "{{code}} is your SIM kiosk verification code");

        assertThat(challenge.authenticationId()).isEqualTo("ea0840f3-3663-4149-bd10-c7c6b8912105");
        assertThat(challenge.resendAllowedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(tree(carrier.requests(TmfCarrierClient.SEND_CODE).get(0).body())).isEqualTo(tree(doc.json("send-code-request")));
    }

    @Test
    void sendsTheCodeCheckOfTheDocumentAndAcceptsNoContent() throws Exception {
        carrier.replace(TmfCarrierClient.VALIDATE_CODE, new Reply(204, "", java.util.Map.of()));

        client.validateCode(new OtpChallenge("ea0840f3-3663-4149-bd10-c7c6b8912105", NOW), "482913");

        assertThat(tree(carrier.requests(TmfCarrierClient.VALIDATE_CODE).get(0).body()))
                .isEqualTo(tree(doc.json("validate-code-request")));
    }

    @Test
    void classifiesEveryCodeCheckFailureOfTheDocument() {
        assertValidateFails("validate-code-invalid-otp", 400, CarrierError.OTP_INVALID);
        assertValidateFails("validate-code-verification-failed", 400, CarrierError.OTP_VERIFICATION_FAILED);
        assertValidateFails("validate-code-verification-expired", 400, CarrierError.OTP_EXPIRED);
        assertValidateFails("camara-invalid-argument", 400, CarrierError.BAD_RESPONSE);
    }

    void assertValidateFails(String example, int status, CarrierError expected) {
        carrier.replace(TmfCarrierClient.VALIDATE_CODE, Reply.json(status, doc.json(example)));
        assertThatThrownBy(() -> client.validateCode(new OtpChallenge("a", NOW), "000000"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).as(example).isEqualTo(expected));
    }

    @Test
    void tooManyCodesForANumberIsItsOwnError() {
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(403, doc.json("send-code-max-otp-codes-exceeded")));

        assertThatThrownBy(() -> client.sendCode(AU_NUMBER, "{{code}}"))
                .isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.error()).isEqualTo(CarrierError.OTP_MAX_CODES_EXCEEDED));
    }

    @Test
    void aResendDuringTheCooldownIsRateLimitedAtOnceWithoutSendingAgain() {
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(429, doc.json("send-code-cooldown")).with("Retry-After", "2"));

        assertThatThrownBy(() -> client.sendCode(AU_NUMBER, "{{code}}"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.RATE_LIMITED));
        assertThat(carrier.requests(TmfCarrierClient.SEND_CODE)).hasSize(1);
        assertThat(waits).isEmpty();
    }

    // registered detail (KYC Match): KycMatchTest, against the official CAMARA document

    // ---- balance, usage, offers, top-up ----

    @Test
    void sumsTheActiveBucketsInYenBytesAndSecondsAndLeavesOutTheExpiredOne() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, doc.json("bucket-list-response")));

        Balance balance = client.balance(auLine());

        assertThat(balance.yen()).isEqualTo(2480);
        assertThat(balance.voiceSeconds()).isEqualTo(1860);
        assertThat(balance.dataBytes()).isEqualTo(412_000_000L);
        assertThat(balance.sms()).isZero();
        assertThat(balance.expires()).contains(Instant.parse("2027-01-25T14:59:59Z"));
        assertThat(balance.buckets()).hasSize(4);
        assertThat(balance.buckets().stream().filter(b -> !b.active())).singleElement()
                .satisfies(b -> assertThat(b.remaining()).isEqualTo(120_000_000L));
        assertThat(balance.buckets().get(2).initial()).contains(1_000_000_000L);
        assertThat(carrier.requests(TmfCarrierClient.BUCKET).get(0).query()).isEqualTo("product.id=prd-au-prepaid-0002");
    }

    @Test
    void chartsDataUsePerJapaneseDayWithZerosForQuietDays() throws Exception {
        carrier.replace(TmfCarrierClient.USAGE, Reply.json(200, doc.json("usage-list-response")));

        List<DailyUsage> days = client.dailyUsage(auLine(), LocalDate.of(2026, 11, 24));

        assertThat(days).containsExactly(
                new DailyUsage(LocalDate.of(2026, 11, 24), 0),
                new DailyUsage(LocalDate.of(2026, 11, 25), 86_000_000L),
                new DailyUsage(LocalDate.of(2026, 11, 26), 31_000_000L));
        assertThat(carrier.requests(TmfCarrierClient.USAGE).get(0).query())
                .isEqualTo("ratedProductUsage.productRef.id=prd-au-prepaid-0002&usageDate.gte=2026-11-24");
    }

    @Test
    void readsTopUpOffersWithSiGigabytesAndTaxIncludedYenFromThePriceReference() throws Exception {
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, doc.json("offering-list-response")));
        carrier.replace(TmfCarrierClient.OFFERING_PRICE + "/pop-topup-1gb-30d",
                Reply.json(200, doc.json("product-offering-price-response")));

        List<TopUpOffer> offers = client.topUpOffers(auLine());

        assertThat(offers).containsExactly(
                new TopUpOffer("po-topup-1gb-30d", "Data top-up 1GB (30 days)", 1_000_000_000L, 1200, Duration.ofDays(30)));
        assertThat(carrier.requests(TmfCarrierClient.OFFERING).get(0).query())
                .isEqualTo("category.name=topup");
    }

    @Test
    void aResolvedPriceServesOneCustomerThenIsAskedAgainSoAPriceChangeIsShown() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, doc.json("offering-list-response")));
        String pricePath = TmfCarrierClient.OFFERING_PRICE + "/pop-topup-1gb-30d";
        carrier.replace(pricePath, Reply.json(200, doc.json("product-offering-price-response")));
        try (TmfCarrierClient kiosk = new TmfCarrierClient(
                CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret"), clock, waits::add)) {
            kiosk.topUpOffers(auLine());
            clock.advance(Duration.ofMinutes(5));
            assertThat(kiosk.topUpOffers(auLine())).extracting(TopUpOffer::priceYen).containsExactly(1200L);
            assertThat(carrier.requests(pricePath)).hasSize(1);

            // The carrier changes the price; a later customer sees the new one.
            carrier.replace(pricePath, Reply.json(200, doc.json("product-offering-price-response").replace("1200", "1100")));
            clock.advance(Duration.ofMinutes(6));
            assertThat(kiosk.topUpOffers(auLine())).extracting(TopUpOffer::priceYen).containsExactly(1100L);
            assertThat(carrier.requests(pricePath)).hasSize(2);
        }
    }

    static final String ORDER_CORRELATOR = "kiosk-3f2b8c1e-9d4a-4e6b-a1c7-5e0d2f8b9a64";
    static final String ORDER_PATH = TmfCarrierClient.TOPUP + "/tpb-7c1d2e3f4a5b";

    @Test
    void ordersATopUpTheStandardWayAndPollsItUntilCompleted() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, doc.json("bucket-list-response")));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, doc.json("topup-response")).with("Location", ORDER_PATH));
        carrier.replace(ORDER_PATH, Reply.json(200, doc.json("topup-completed-response")));
        TopUpOffer offer = new TopUpOffer("po-topup-1gb-30d", "Data top-up 1GB (30 days)", 1_000_000_000L, 1200, Duration.ofDays(30));

        TopUpOrder order = client.orderTopUp(auLine(), offer, ORDER_CORRELATOR);

        assertThat(order).isEqualTo(new TopUpOrder("tpb-7c1d2e3f4a5b", "po-topup-1gb-30d", 1200, "5021-8840-3317",
                Instant.parse("2026-11-26T10:30:00Z")));
        StubCarrier.Request sent = carrier.requests(TmfCarrierClient.TOPUP).get(0);
        assertThat(sent.header("Idempotency-Key")).isNull();
        assertThat(tree(sent.body())).isEqualTo(tree(doc.json("topup-request")));
        assertThat(carrier.requests(ORDER_PATH)).hasSize(1);
    }

    @Test
    void aTopUpWhoseAnswerWasLostIsLookedUpByItsExternalIdAndNotOrderedAgain() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, doc.json("bucket-list-response")));
        carrier.respond(TmfCarrierClient.TOPUP, request -> request.method().equals("POST") ? Reply.DROP
                : Reply.json(200, doc.json("topup-lookup-response")));
        carrier.replace(ORDER_PATH, Reply.json(200, doc.json("topup-completed-response")));
        TopUpOffer offer = new TopUpOffer("po-topup-1gb-30d", "1GB", 1_000_000_000L, 1200, Duration.ofDays(30));

        TopUpOrder order = client.orderTopUp(auLine(), offer, ORDER_CORRELATOR);

        assertThat(order.paymentCode()).isEqualTo("5021-8840-3317");
        assertThat(carrier.requests(TmfCarrierClient.TOPUP)).extracting(r -> r.method() + " " + r.query())
                .containsExactly("POST null", "GET externalId=" + ORDER_CORRELATOR);
    }

    @Test
    void topUpRefusalsOfTheDocumentAreClassified() {
        TopUpOffer offer = new TopUpOffer("po-topup-1gb-30d", "1GB", 1_000_000_000L, 1200, Duration.ofDays(30));
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, doc.json("bucket-list-response")));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(409, doc.json("topup-line-not-active")));
        assertThatThrownBy(() -> client.orderTopUp(auLine(), offer, "k3"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(400, doc.json("topup-missing-field")));
        assertThatThrownBy(() -> client.orderTopUp(auLine(), offer, "k3"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE));
        assertThat(carrier.requests(TmfCarrierClient.TOPUP)).hasSize(2); // neither looked up nor sent again
    }

    // ---- tokens, Retry-After, errors ----

    @Test
    void aRefusedTokenIsReplacedOnceAndTheCallRepeated() throws Exception {
        carrier.replace("/oauth2/token",
                Reply.json(200, doc.json("token-response")),
                Reply.json(200, "{\"access_token\":\"fresh\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        carrier.replace(TmfCarrierClient.PRODUCT,
                Reply.json(401, doc.json("tmf-unauthenticated")).with("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                Reply.json(200, doc.json("product-by-iccid-response")));

        assertThat(client.findLineByIccid(TOURIST_SIM).id()).isEqualTo("prd-tourist-3gb-0001");
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT)).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer sim-at-6f1c2a9e4b7d4f0e8a3c1d2e5f6a7b8c", "Bearer fresh");
    }

    @Test
    void aSecond401IsUnauthorizedWithoutAThirdTry() {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(401, doc.json("tmf-unauthenticated")));

        assertThatThrownBy(() -> client.findLineByIccid(TOURIST_SIM))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT)).hasSize(2);
    }

    @Test
    void wrongKioskCredentialsAreUnauthorized() {
        carrier.replace("/oauth2/token", Reply.json(401, doc.json("token-error-invalid-client")));

        assertThatThrownBy(() -> client.findLineByIccid(TOURIST_SIM))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT)).isEmpty();
    }

    @Test
    void theTokenIsReusedUntilNinetyPercentOfItsLifeThenReplaced() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-iccid-response")));
        try (TmfCarrierClient timed = new TmfCarrierClient(
                CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret"), clock, waits::add)) {
            timed.findLineByIccid(TOURIST_SIM);
            clock.advance(Duration.ofSeconds(3239));
            timed.findLineByIccid(TOURIST_SIM);
            assertThat(carrier.requests("/oauth2/token")).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            timed.findLineByIccid(TOURIST_SIM);
            assertThat(carrier.requests("/oauth2/token")).hasSize(2);
        }
    }

    @Test
    void manyCallsAtOnceShareOneToken() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-iccid-response")));
        java.util.concurrent.ExecutorService screens = java.util.concurrent.Executors.newFixedThreadPool(20,
                r -> new Thread(r, "test-screen"));
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Line>> lookups = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                lookups.add(screens.submit(() -> {
                    go.await(TestTime.scaled(5), java.util.concurrent.TimeUnit.SECONDS);
                    return client.findLineByIccid(TOURIST_SIM);
                }));
            }
            go.countDown();
            for (var lookup : lookups) {
                assertThat(lookup.get(TestTime.scaled(10), java.util.concurrent.TimeUnit.SECONDS).id()).isEqualTo("prd-tourist-3gb-0001");
            }
        } finally {
            screens.shutdownNow();
        }
        assertThat(carrier.requests("/oauth2/token")).hasSize(1);
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT)).hasSize(20);
    }

    @Test
    void busyAnswersAreWaitedOutWithinTheBound() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET,
                Reply.json(429, doc.json("tmf-too-many-requests")).with("Retry-After", "1"),
                Reply.json(503, doc.json("tmf-unavailable")).with("Retry-After", "2"),
                Reply.json(200, doc.json("bucket-list-response")));

        assertThat(client.balance(auLine()).yen()).isEqualTo(2480);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterBeyondTheBoundIsReportedAtOnce() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(503, doc.json("tmf-unavailable")).with("Retry-After", "30"));
        assertThatThrownBy(() -> client.balance(auLine()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(429, doc.json("tmf-too-many-requests")).with("Retry-After", "30"));
        assertThatThrownBy(() -> client.balance(auLine()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.RATE_LIMITED));
        assertThat(waits).isEmpty();
    }

    @Test
    void waitsAddUpAgainstTheBound() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(503, doc.json("tmf-unavailable")).with("Retry-After", "2"));

        assertThatThrownBy(() -> client.balance(auLine()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2)); // 4 s of the 5 s bound
    }

    @Test
    void serverErrorsOfBothFamiliesAreUnavailable() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(500, doc.json("tmf-internal")));
        assertThatThrownBy(() -> client.balance(auLine()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(500, doc.json("camara-internal")));
        assertThatThrownBy(() -> client.sendCode(AU_NUMBER, "{{code}}"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(400, doc.json("tmf-invalid-argument")));
        assertThatThrownBy(() -> client.findLineByIccid(TOURIST_SIM))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE));
    }

    @Test
    void aMissingRequiredFieldIsABadResponseThatNamesTheField() throws Exception {
        JsonNode products = tree(doc.json("product-by-iccid-response"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) products.get(0)).remove("status");
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, products.toString()));

        assertThatThrownBy(() -> client.findLineByIccid(TOURIST_SIM))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("required field status");
                });
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        JsonNode buckets = tree(doc.json("bucket-list-response"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) buckets.get(0)).put("x-carrier-extra", "anything");
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, buckets.toString()));

        assertThat(client.balance(auLine()).yen()).isEqualTo(2480);
    }

    @Test
    void malformedJsonIsABadResponse() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, "[{\"id\": \"bkt\", "));

        assertThatThrownBy(() -> client.balance(auLine()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE));
    }

    @Test
    void aCarrierThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        carrier.respond(TmfCarrierClient.BUCKET, req -> {
            release.await(TestTime.scaled(5), java.util.concurrent.TimeUnit.SECONDS);
            return Reply.json(200, "[]");
        });
        try {
            assertThatThrownBy(() -> client.balance(auLine()))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCustomerCancellingAWaitInterruptsTheCallWithoutWaitingForTheTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        carrier.respond(TmfCarrierClient.BUCKET, req -> {
            asked.countDown();
            release.await(TestTime.scaled(5), java.util.concurrent.TimeUnit.SECONDS);
            return Reply.json(200, "[]");
        });
        java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread screen = new Thread(() -> {
            try {
                outcome.complete(client.balance(auLine()));
            } catch (CarrierException e) {
                outcome.complete(e.error() + " interrupted=" + Thread.currentThread().isInterrupted());
            }
        }, "test-balance-screen");
        try {
            screen.start();
            assertThat(asked.await(TestTime.scaled(5), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            screen.interrupt();
            // Well before the 800 ms request timeout, which would say TIMEOUT instead.
            assertThat(outcome.get(TestTime.scaled(500), java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo("UNAVAILABLE interrupted=true");
        } finally {
            release.countDown();
            screen.join(TestTime.bound(Duration.ofSeconds(5)).toMillis());
        }
    }

    @Test
    void aCarrierThatIsNotThereIsUnavailable() throws Exception {
        java.net.URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        try (TmfCarrierClient nowhere = new TmfCarrierClient(CarrierEndpoint.of("gone", closed, "a", "b"))) {
            assertThatThrownBy(() -> nowhere.findLineByIccid(TOURIST_SIM))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        }
    }

    @Test
    void everyExampleInTheDocumentIsValidJson() throws Exception {
        assertThat(doc.all()).hasSizeGreaterThanOrEqualTo(30);
        for (var e : doc.all().entrySet()) {
            assertThat(tree(e.getValue())).as(e.getKey()).isNotNull();
        }
        assertThat(new String(Base64.getDecoder().decode("ZGVtby1raW9zazpkZW1vLXNlY3JldA=="), StandardCharsets.UTF_8))
                .isEqualTo("demo-kiosk:demo-secret");
    }
}
