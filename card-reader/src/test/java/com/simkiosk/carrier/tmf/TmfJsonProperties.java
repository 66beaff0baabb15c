package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.MutatedJson;
import com.simkiosk.testing.TestTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever JSON a carrier answers, the client gives a kiosk value that makes sense or a {@link CarrierException}
 * with its {@link com.simkiosk.carrier.CarrierError}: never another exception, never a negative balance. The answers
 * are the examples of {@code docs/carrier-api.md}, mutated.
 */
class TmfJsonProperties {
    private static final ContractExamples DOC = ContractExamples.load();
    private static final Iccid TOURIST_SIM = Iccid.parse("8981102603110000016");
    private static final Line LINE = new Line("prd-au-prepaid-0002", LineStatus.ACTIVE, "au Prepaid Voice", "au",
            Optional.of(new Msisdn("+819012340002")), List.of(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT,
            VerificationMethod.ORDER_NUMBER));
    private static final TopUpOffer OFFER = new TopUpOffer("po-data-1gb-30d", "1 GB", 1_000_000_000L, 1_000, Duration.ofDays(30));

    private static final Json JSON = new Json();

    private static StubCarrier carrier;
    private static TmfCarrierClient client;

    /** One call of the client and the document example its answer is made from. */
    enum Call {
        LINE(TmfCarrierClient.PRODUCT, "product-by-iccid-response", "product-plain-response", "product-by-msisdn-response",
                "product-by-msisdn-unverified"),
        BALANCE(TmfCarrierClient.BUCKET, "bucket-list-response"),
        USAGE(TmfCarrierClient.USAGE, "usage-list-response"),
        OFFERS(TmfCarrierClient.OFFERING, "offering-list-response"),
        OFFER_PRICE(TmfCarrierClient.OFFERING_PRICE + "/pop-topup-1gb-30d", "product-offering-price-response"),
        SEND_CODE(TmfCarrierClient.SEND_CODE, "send-code-response"),
        KYC(TmfCarrierClient.KYC_MATCH, "kyc-match-id-document-response", "kyc-match-order-number-response"),
        TOP_UP(TmfCarrierClient.TOPUP, "topup-completed-response");

        final String path;
        final List<String> examples;

        Call(String path, String... examples) {
            this.path = path;
            this.examples = List.of(examples);
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        carrier = new StubCarrier();
        carrier.replace("/oauth2/token", Reply.json(200, DOC.json("token-response")));
        CarrierEndpoint endpoint = CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(Duration.ofSeconds(2)));
        client = new TmfCarrierClient(endpoint, new MutableClock(TmfCarrierClientContractTest.NOW), d -> { });
        // What the calls need besides the mutated answer: a price for the offering, buckets for a top-up.
        carrier.replace(Call.OFFER_PRICE.path, Reply.json(200, DOC.json("product-offering-price-response")));
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, DOC.json("bucket-list-response")));
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, DOC.json("offering-list-response")));
    }

    @AfterContainer
    static void stop() {
        client.close();
        carrier.close();
    }

    @Property(tries = 1000)
    void anyAnswerGivesASensibleValueOrAClassifiedError(@ForAll("answers") Answer answer) {
        carrier.replace(answer.call().path, Reply.json(200, answer.json()));
        try {
            check(answer.call());
        } catch (CarrierException e) {
            assertThat(e.error()).as(e.getMessage()).isNotNull();
        }
    }

    @Property(tries = 100)
    void anyErrorAnswerIsClassified(@ForAll("errorAnswers") String json, @ForAll("errorStatuses") int status) {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(status, json));
        try {
            client.findLineByIccid(TOURIST_SIM);
        } catch (CarrierException e) {
            assertThat(e.error()).as(e.getMessage()).isNotNull();
        }
    }

    @Property(tries = 500)
    void anyTokenAnswerGivesATokenOrAClassifiedError(@ForAll("tokens") String json) {
        MutableClock clock = new MutableClock(TmfCarrierClientContractTest.NOW);
        OAuthTokens tokens = new OAuthTokens(CarrierEndpoint.of("stub", carrier.uri(), "id", "secret"), clock, JSON);
        try {
            String token = tokens.current("", (path, form, auth) -> new TmfHttp.Answer(200, json.getBytes(StandardCharsets.UTF_8)),
                    new TmfHttp.Budget(Duration.ofSeconds(5)));
            assertThat(token).isNotBlank();
            assertThat(tokens.refreshAt("")).hasValueSatisfying(at -> assertThat(at).isAfter(clock.instant())
                    .isBeforeOrEqualTo(clock.instant().plus(OAuthTokens.LONGEST_LIFE)));
        } catch (CarrierException e) {
            assertThat(e.error()).as(e.getMessage()).isNotNull();
        }
    }

    private static void check(Call call) throws CarrierException {
        switch (call) {
            case LINE -> {
                Line line = client.findLineByIccid(TOURIST_SIM);
                assertThat(List.of(line.id(), line.brand())).allSatisfy(s -> assertThat(s).isNotBlank());
                assertThat(line.planName()).isNotNull();
                assertThat(line.status()).isNotNull();
            }
            case BALANCE -> {
                Balance b = client.balance(LINE);
                assertThat(List.of(b.yen(), b.dataBytes(), b.voiceSeconds(), b.sms())).allSatisfy(n -> assertThat(n).isNotNegative());
                assertThat(b.buckets()).allSatisfy(bucket -> assertThat(bucket.remaining()).isNotNegative());
            }
            case USAGE -> {
                LocalDate from = Units.dayInJapan(TmfCarrierClientContractTest.NOW).minusDays(6);
                List<DailyUsage> days = client.dailyUsage(LINE, from);
                assertThat(days).hasSize(7).allSatisfy(d -> assertThat(d.dataBytes()).isNotNegative());
            }
            case OFFERS -> checkOffers(client);
            case OFFER_PRICE -> {
                // A fresh client: the one above keeps the first price it resolved.
                carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, DOC.json("offering-list-response")));
                try (TmfCarrierClient fresh = new TmfCarrierClient(client.endpoint(),
                        new MutableClock(TmfCarrierClientContractTest.NOW), d -> { })) {
                    checkOffers(fresh);
                }
            }
            case SEND_CODE -> {
                OtpChallenge challenge = client.sendCode(LINE.msisdn().orElseThrow(), "Your code: {code}");
                assertThat(challenge.authenticationId()).isNotBlank();
                assertThat(challenge.resendAllowedAt()).isAfterOrEqualTo(TmfCarrierClientContractTest.NOW);
            }
            case KYC -> {
                client.verifyRegisteredDetail(LINE, VerificationMethod.ID_DOCUMENT, "AB1234567");
                client.verifyRegisteredDetail(LINE, VerificationMethod.ORDER_NUMBER, "JTS-1");
            }
            case TOP_UP -> {
                TopUpOrder order = client.orderTopUp(LINE, OFFER, "key-1");
                assertThat(order.amountYen()).isNotNegative();
                assertThat(List.of(order.orderId(), order.offerId(), order.paymentCode())).allSatisfy(s -> assertThat(s).isNotBlank());
            }
        }
    }

    private static void checkOffers(TmfCarrierClient offering) throws CarrierException {
        assertThat(offering.topUpOffers(LINE)).allSatisfy(o -> {
            assertThat(o.dataBytes()).isNotNegative();
            assertThat(o.priceYen()).isNotNegative();
            assertThat(o.validity().isNegative()).isFalse();
        });
    }

    record Answer(Call call, String json) {
        @Override
        public String toString() {
            return call + " " + (json.length() > 2_000 ? json.substring(0, 2_000) + "…" : json);
        }
    }

    @Provide
    Arbitrary<Answer> answers() {
        return Arbitraries.of(Call.values()).flatMap(call -> Arbitraries.of(call.examples)
                .flatMap(name -> MutatedJson.of(DOC.json(name))).map(json -> new Answer(call, json)));
    }

    @Provide
    Arbitrary<String> errorAnswers() {
        return Arbitraries.of("camara-invalid-argument", "camara-unauthenticated", "camara-too-many-requests", "camara-internal",
                "tmf-invalid-argument", "tmf-unavailable", "product-not-found-response", "topup-line-not-active")
                .flatMap(name -> MutatedJson.of(DOC.json(name)));
    }

    @Provide
    Arbitrary<Integer> errorStatuses() {
        return Arbitraries.of(400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504);
    }

    @Provide
    Arbitrary<String> tokens() {
        return MutatedJson.of(DOC.json("token-response"));
    }
}
