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
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against carriers that answer exactly as the TM Forum documents say (contract v2), and against one that
 * chose other names, configured through its {@link BackendProfile}. Answers are written here in the standard shapes.
 */
class StandardShapesTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Iccid SIM = Iccid.parse("8981302605300000027");
    static final Msisdn NUMBER = new Msisdn("+819012340002");
    static final String PRICE = TmfCarrierClient.OFFERING_PRICE;
    static final TopUpOffer OFFER = new TopUpOffer("po-topup-1gb-30d", "1GB", 1_000_000_000L, 1200, Duration.ofDays(30));

    final ObjectMapper mapper = new ObjectMapper();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final MutableClock clock = new MutableClock(NOW);
    StubCarrier carrier;
    TmfCarrierClient client;

    @BeforeEach
    void start() throws Exception {
        carrier = new StubCarrier();
        client = client(BackendProfile.standard());
    }

    TmfCarrierClient client(BackendProfile profile) {
        return client(profile, Duration.ofSeconds(30));
    }

    /** {@code callDeadline}: the request timeout, which also bounds a top-up's polling (on the test's clock). */
    TmfCarrierClient client(BackendProfile profile, Duration callDeadline) {
        CarrierEndpoint endpoint = CarrierEndpoint.of("Stub Mobile", carrier.uri(), "kiosk", "secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(callDeadline))
                .withProfile(profile);
        // Pauses pass on the test's clock, instantly.
        return new TmfCarrierClient(endpoint, clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
    }

    @AfterEach
    void stop() {
        client.close();
        carrier.close();
    }

    static String product(String characteristics) {
        return """
                [{"id":"prd-au-prepaid-0002","href":"http://127.0.0.1/tmf-api/productInventory/v4/product/prd-au-prepaid-0002",
                  "name":"au prepaid","status":"active","isCustomerVisible":true,
                  "productOffering":{"id":"po-au-prepaid","name":"au Prepaid"},
                  "productCharacteristic":[%s],
                  "realizingResource":[{"id":"8981302605300000027","name":"SIM","@referredType":"SIMCard"}],
                  "@type":"Product"}]""".formatted(characteristics);
    }

    Line line() {
        return new Line("prd-au-prepaid-0002", LineStatus.ACTIVE, "au prepaid", "au", Optional.of(NUMBER),
                List.of(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT));
    }

    // ---- TMF637 product ----

    @Test
    void aStandardProductWithoutBrandOrMethodsGetsTheOfferingNameAndTheMethodsTheKioskCanOffer() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200,
                product("{\"name\":\"msisdn\",\"valueType\":\"string\",\"value\":\"+819012340002\"}")));

        Line line = client.findLineByIccid(SIM);

        assertThat(line.planName()).isEqualTo("au prepaid");
        assertThat(line.brand()).isEqualTo("au Prepaid");
        assertThat(line.msisdn()).contains(NUMBER);
        assertThat(line.verificationMethods()).containsExactly(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT,
                VerificationMethod.SMS_CODE);
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT).get(0).query()).isEqualTo("realizingResource.id=8981302605300000027");
    }

    @Test
    void aProductWithOnlyIdAndStatusIsALineNamedAfterTheBackEnd() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, "[{\"id\":\"prd-1\",\"status\":\"suspended\"}]"));

        Line line = client.findLineByIccid(SIM);

        assertThat(line).isEqualTo(new Line("prd-1", LineStatus.SUSPENDED, "", "Stub Mobile", Optional.empty(),
                List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT)));
    }

    @Test
    void aDataOnly020NumberIsNotOfferedAnSmsCode() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, product("{\"name\":\"msisdn\",\"value\":\"+812012345678\"}")));

        assertThat(client.findLineByIccid(SIM).verificationMethods())
                .containsExactly(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT);
    }

    @Test
    void characteristicNamesMatchWhateverTheirCase() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, product("""
                {"name":"MSISDN","value":"+819012340002"},{"name":"Brand","value":"au"},
                {"name":"VERIFICATIONMETHODS","valueType":"array","value":["SMS_CODE","ID_DOCUMENT","ORDER_NUMBER"]}""")));

        Line line = client.findLineByIccid(SIM);

        assertThat(line.brand()).isEqualTo("au");
        assertThat(line.msisdn()).contains(NUMBER);
        assertThat(line.verificationMethods()).containsExactly(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT,
                VerificationMethod.ORDER_NUMBER);
    }

    @Test
    void findsANumberWithTheStandardCharacteristicFilterUrlEncoded() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, product("""
                {"name":"msisdn","value":"+819012340002"},{"name":"brand","value":"au"},
                {"name":"verificationMethods","value":["SMS_CODE","ID_DOCUMENT"]}""")));

        assertThat(client.findLineByNumber(NUMBER)).isEqualTo(line());
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT).get(0).query())
                .isEqualTo("productCharacteristic.name=msisdn&productCharacteristic.value=%2B819012340002");
    }

    @Test
    void anUnknownStatusIsABadResponseUnlessTheProfileMapsIt() throws Exception {
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, "[{\"id\":\"prd-1\",\"status\":\"live\"}]"));
        assertThatThrownBy(() -> client.findLineByIccid(SIM))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE));

        try (TmfCarrierClient mapped = client(BackendProfile.standard().withProductStatus(Map.of("LIVE", LineStatus.ACTIVE)))) {
            assertThat(mapped.findLineByIccid(SIM).status()).isEqualTo(LineStatus.ACTIVE);
        }
    }

    @Test
    void aCarrierWithItsOwnNamesIsIntegratedByItsProfile() throws Exception {
        BackendProfile own = BackendProfile.standard()
                .withMsisdnCharacteristic("serviceNumber")
                .withCharacteristics("label", "kycMethods", "dataVolume", "amountUsed", "amountUnit")
                .withQueries("resource.iccid={iccid}", "serviceNumber={msisdn}", "productRef={productId}",
                        "subscription={productId}&since={fromDate}", "category.id=data-addon&for={productId}")
                .withUnits(Map.of("Megaoctets", "MB", "jours", "days"));
        carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, product("""
                {"name":"SERVICENUMBER","value":"+819012340002"},{"name":"label","value":"Stub"},
                {"name":"kycMethods","value":"SMS_CODE,ID_DOCUMENT"}""")));
        carrier.replace(TmfCarrierClient.USAGE, Reply.json(200, """
                [{"id":"u1","usageDate":"2026-11-26T08:00:00+09:00","usageType":"data","status":"rated",
                  "usageCharacteristic":[{"name":"amountUsed","value":31},{"name":"amountUnit","value":"megaoctets"}]}]"""));
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, """
                [{"id":"po-1","name":"1 Go","prodSpecCharValueUse":[{"name":"dataVolume",
                    "productSpecCharacteristicValue":[{"value":500,"unitOfMeasure":"Megaoctets"}]}],
                  "productOfferingTerm":[{"name":"validity","duration":{"amount":7,"units":"jours"}}],
                  "productOfferingPrice":[{"id":"pop-1","name":"price","priceType":"oneTime","price":{"unit":"JPY","value":500}}]}]"""));

        try (TmfCarrierClient configured = client(own)) {
            Line line = configured.findLineByIccid(SIM);
            assertThat(line.msisdn()).contains(NUMBER);
            assertThat(line.brand()).isEqualTo("Stub");
            assertThat(line.verificationMethods()).containsExactly(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT);
            configured.findLineByNumber(NUMBER);
            assertThat(configured.dailyUsage(line, LocalDate.of(2026, 11, 26)))
                    .containsExactly(new DailyUsage(LocalDate.of(2026, 11, 26), 31_000_000L));
            assertThat(configured.topUpOffers(line))
                    .containsExactly(new TopUpOffer("po-1", "1 Go", 500_000_000L, 500, Duration.ofDays(7)));
        }
        assertThat(carrier.requests(TmfCarrierClient.PRODUCT)).extracting(StubCarrier.Request::query)
                .containsExactly("resource.iccid=8981302605300000027", "serviceNumber=%2B819012340002");
        assertThat(carrier.requests(TmfCarrierClient.USAGE).get(0).query())
                .isEqualTo("subscription=prd-au-prepaid-0002&since=2026-11-26");
        assertThat(carrier.requests(TmfCarrierClient.OFFERING).get(0).query())
                .isEqualTo("category.id=data-addon&for=prd-au-prepaid-0002");
    }

    @Test
    void aProfileRefusesQueriesWithUnknownPlaceholdersOrWithoutTheLookupValue() {
        assertThatThrownBy(() -> BackendProfile.standard().withUsageQuery("product.id={product}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usageQuery: unknown placeholder {product}");
        assertThatThrownBy(() -> BackendProfile.standard().withQueries("status=active", "a={msisdn}", "b={productId}",
                "c={productId}", "d=1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iccidQuery");
        assertThatThrownBy(() -> BackendProfile.standard().withMsisdnCharacteristic("a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msisdnCharacteristic");
    }

    // ---- TMF654 buckets, TMF635 usage ----

    @Test
    void bucketProductIsAnArrayOrAnObjectAndAnotherLinesBucketIsLeftOut() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, """
                [{"id":"bkt-1","usageType":"data","status":"active","remainingValue":{"amount":2.5,"units":"GB"},
                  "product":[{"id":"prd-au-prepaid-0002"}],"partyAccount":{"id":"acc-1"}},
                 {"id":"bkt-2","usageType":"monetary","status":"active","remainingValue":{"amount":300,"units":"JPY"},
                  "product":{"id":"prd-au-prepaid-0002"}},
                 {"id":"bkt-3","usageType":"data","status":"active","remainingValue":{"amount":9,"units":"GB"},
                  "product":[{"id":"prd-someone-else"}]}]"""));

        Balance balance = client.balance(line());

        assertThat(balance.dataBytes()).isEqualTo(2_500_000_000L);
        assertThat(balance.yen()).isEqualTo(300);
        assertThat(balance.buckets()).hasSize(2);
        assertThat(carrier.requests(TmfCarrierClient.BUCKET).get(0).query()).isEqualTo("product.id=prd-au-prepaid-0002");
    }

    @Test
    void usageIsAskedWithTheStandardFilterAndAnotherLinesUsageIsDropped() throws Exception {
        carrier.replace(TmfCarrierClient.USAGE, Reply.json(200, """
                [{"id":"u1","usageDate":"2026-11-25T00:00:00+09:00","usageType":"data","status":"rated",
                  "ratedProductUsage":[{"productRef":{"id":"prd-au-prepaid-0002"}}],
                  "usageCharacteristic":[{"name":"volume","valueType":"number","value":412.5},{"name":"units","value":"MB"}]},
                 {"id":"u2","usageDate":"2026-11-25T01:00:00+09:00","usageType":"data","status":"rated",
                  "ratedProductUsage":[{"productRef":{"id":"prd-other"}}],
                  "usageCharacteristic":[{"name":"Volume","value":999},{"name":"Units","value":"MB"}]},
                 {"id":"u3","usageDate":"2026-11-26T09:00:00+09:00","usageType":"data",
                  "usageCharacteristic":[{"name":"VOLUME","value":1},{"name":"UNITS","value":"GB"}]}]"""));

        List<DailyUsage> days = client.dailyUsage(line(), LocalDate.of(2026, 11, 25));

        assertThat(days).containsExactly(new DailyUsage(LocalDate.of(2026, 11, 25), 412_500_000L),
                new DailyUsage(LocalDate.of(2026, 11, 26), 1_000_000_000L));
        assertThat(carrier.requests(TmfCarrierClient.USAGE).get(0).query())
                .isEqualTo("ratedProductUsage.productRef.id=prd-au-prepaid-0002&usageDate.gte=2026-11-25");
    }

    // ---- TMF620 offerings and prices ----

    static final String OFFERINGS = """
            [{"id":"po-topup-1gb-30d","href":"http://127.0.0.1/x","name":"Data top-up 1GB (30 days)","lifecycleStatus":"Launched",
              "isSellable":true,"category":[{"id":"topup","name":"topup"}],
              "prodSpecCharValueUse":[{"name":"dataAllowance","productSpecCharacteristicValue":[{"value":1,"unitOfMeasure":"GB","isDefault":true}]}],
              "productOfferingTerm":[{"name":"validity","duration":{"amount":30,"units":"days"}}],
              "productOfferingPrice":[{"id":"pop-monthly","name":"monthly"},{"id":"pop-topup-1gb-30d","name":"1GB price"}]},
             {"id":"po-topup-3gb-30d","name":"Data top-up 3GB (30 days)",
              "prodSpecCharValueUse":[{"name":"DataAllowance","productSpecCharacteristicValue":[{"value":3,"unitOfMeasure":"GB"}]}],
              "productOfferingTerm":[{"name":"validity","duration":{"amount":30,"units":"days"}}],
              "productOfferingPrice":[{"name":"inline","priceType":"oneTime","price":{"unit":"JPY","value":3000}}]}]""";

    @Test
    void priceReferencesAreResolvedOnceAndInlinePricesStillAccepted() throws Exception {
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, OFFERINGS));
        carrier.replace(PRICE + "/pop-monthly", Reply.json(200,
                "{\"id\":\"pop-monthly\",\"priceType\":\"recurring\",\"price\":{\"unit\":\"JPY\",\"value\":900}}"));
        carrier.replace(PRICE + "/pop-topup-1gb-30d", Reply.json(200, """
                {"id":"pop-topup-1gb-30d","name":"1GB price","priceType":"oneTime","price":{"unit":"JPY","value":1200},
                 "lifecycleStatus":"Launched"}"""));

        List<TopUpOffer> first = client.topUpOffers(line());
        List<TopUpOffer> second = client.topUpOffers(line());

        assertThat(first).containsExactly(new TopUpOffer("po-topup-1gb-30d", "Data top-up 1GB (30 days)", 1_000_000_000L, 1200, Duration.ofDays(30)),
                new TopUpOffer("po-topup-3gb-30d", "Data top-up 3GB (30 days)", 3_000_000_000L, 3000, Duration.ofDays(30)));
        assertThat(second).isEqualTo(first);
        assertThat(carrier.requests(PRICE + "/pop-topup-1gb-30d")).hasSize(1);
        assertThat(carrier.requests(PRICE + "/pop-monthly")).hasSize(1);
        assertThat(carrier.requests(TmfCarrierClient.OFFERING).get(0).query()).isEqualTo("category.name=topup");
    }

    @Test
    void aPriceReferenceThatCannotBeResolvedIsClassified() {
        carrier.replace(TmfCarrierClient.OFFERING, Reply.json(200, OFFERINGS));

        assertThatThrownBy(() -> client.topUpOffers(line()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_FOUND));
    }

    // ---- TMF654 top-up ----

    static final String BUCKETS = """
            [{"id":"bkt-money","usageType":"monetary","status":"active","remainingValue":{"amount":300,"units":"JPY"},
              "product":[{"id":"prd-au-prepaid-0002"}],"partyAccount":{"id":"acc-9"}},
             {"id":"bkt-data-old","usageType":"data","status":"expired","remainingValue":{"amount":0,"units":"GB"},
              "product":[{"id":"prd-au-prepaid-0002"}],"partyAccount":{"id":"acc-8"}},
             {"id":"bkt-data","usageType":"data","status":"active","remainingValue":{"amount":2.5,"units":"GB"},
              "product":[{"id":"prd-au-prepaid-0002"}],"partyAccount":{"id":"acc-7"}}]""";

    static String topUp(String status, boolean withPayment, String externalId) {
        String payment = withPayment ? """
                ,"payAtRegister":{"paymentCode":"5021-8840-3317","amount":{"unit":"JPY","value":1200},
                  "validFor":{"startDateTime":"2026-11-26T10:00:00Z","endDateTime":"2026-11-26T10:30:00Z"}}""" : "";
        return """
                {"id":"tpb-1","href":"http://127.0.0.1/tmf-api/prepayBalanceManagement/v4/topupBalance/tpb-1","status":"%s",
                 "amount":{"amount":1000000000,"units":"bytes"},"usageType":"data","bucket":{"id":"bkt-data"},
                 "partyAccount":{"id":"acc-7"},"productOffering":{"id":"po-topup-1gb-30d"},"externalId":"%s"%s}"""
                .formatted(status, externalId, payment);
    }

    String poll() {
        return TmfCarrierClient.TOPUP + "/tpb-1";
    }

    @Test
    void aTopUpIsAStandardCreateThenPolledUntilCompleted() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, topUp("created", false, "kiosk-1"))
                .with("Location", "/tmf-api/prepayBalanceManagement/v4/topupBalance/tpb-1"));
        carrier.replace(poll(), Reply.json(200, topUp("created", false, "kiosk-1")),
                Reply.json(200, topUp("completed", true, "kiosk-1")));

        TopUpOrder order = client.orderTopUp(line(), OFFER, "kiosk-1");

        assertThat(order).isEqualTo(new TopUpOrder("tpb-1", "po-topup-1gb-30d", 1200, "5021-8840-3317",
                Instant.parse("2026-11-26T10:30:00Z")));
        StubCarrier.Request sent = carrier.requests(TmfCarrierClient.TOPUP).get(0);
        assertThat(sent.header("Idempotency-Key")).isNull();
        assertThat(mapper.readTree(sent.body())).isEqualTo(mapper.readTree("""
                {"amount":{"amount":1000000000,"units":"bytes"},"usageType":"data","bucket":{"id":"bkt-data"},
                 "partyAccount":{"id":"acc-7"},"product":[{"id":"prd-au-prepaid-0002"}],
                 "channel":{"id":"kiosk","name":"Store kiosk"},"paymentMethod":{"id":"pay-at-register","name":"Pay at register"},
                 "productOffering":{"id":"po-topup-1gb-30d"},"externalId":"kiosk-1"}"""));
        assertThat(carrier.requests(poll())).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void aLineWithoutBucketsTopsUpItsProductAndTheCorrelatorFieldComesFromTheProfile() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, "[]"));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, topUp("completed", true, "x")));
        try (TmfCarrierClient own = client(BackendProfile.standard().withTopUp("kioskOrderId", "cash-at-store",
                BackendProfile.TopUpPoll.STANDARD))) {
            own.orderTopUp(line(), OFFER, "kiosk-2");
        }
        JsonNode sent = mapper.readTree(carrier.requests(TmfCarrierClient.TOPUP).get(0).body());
        assertThat(sent.at("/bucket/id").asText()).isEqualTo("prd-au-prepaid-0002");
        assertThat(sent.at("/partyAccount/id").asText()).isEqualTo("prd-au-prepaid-0002");
        assertThat(sent.at("/paymentMethod/id").asText()).isEqualTo("cash-at-store");
        assertThat(sent.get("kioskOrderId").asText()).isEqualTo("kiosk-2");
        assertThat(sent.has("externalId")).isFalse();
        assertThat(carrier.requests(poll())).isEmpty();
    }

    @Test
    void aFailedOrCancelledTopUpIsClassified() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, topUp("created", false, "k")));
        carrier.replace(poll(), Reply.json(200, topUp("failed", false, "k")));
        assertThatThrownBy(() -> client.orderTopUp(line(), OFFER, "k-failed"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));

        carrier.replace(poll(), Reply.json(200, topUp("cancelled", false, "k")));
        assertThatThrownBy(() -> client.orderTopUp(line(), OFFER, "k-cancelled"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));

        carrier.replace(poll(), Reply.json(200, topUp("failed", false, "k").replace("\"status\"", "\"reason\":\"LINE_NOT_ACTIVE\",\"status\"")));
        assertThatThrownBy(() -> client.orderTopUp(line(), OFFER, "k-line-not-active"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
    }

    @Test
    void aTopUpThatNeverCompletesEndsInATimeoutWithinThePollBound() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, topUp("created", false, "k")));
        carrier.replace(poll(), Reply.json(200, topUp("created", false, "k")));
        try (TmfCarrierClient patient = client(BackendProfile.standard()
                .withTopUpPoll(new BackendProfile.TopUpPoll(Duration.ofSeconds(1), Duration.ofSeconds(3))))) {
            assertThatThrownBy(() -> patient.orderTopUp(line(), OFFER, "k"))
                    .isInstanceOfSatisfying(CarrierException.class, e -> {
                        assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT);
                        assertThat(e.getMessage()).contains("may still complete");
                    });
        }
        assertThat(carrier.requests(poll())).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(carrier.requests(TmfCarrierClient.TOPUP)).hasSize(1);
    }

    @Test
    void noPollStartsAfterTheCallsDeadline() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(201, topUp("created", false, "k")));
        carrier.replace(poll(), Reply.json(200, topUp("created", false, "k")));
        try (TmfCarrierClient patient = client(BackendProfile.standard()
                .withTopUpPoll(new BackendProfile.TopUpPoll(Duration.ofSeconds(1), Duration.ofMinutes(5))), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> patient.orderTopUp(line(), OFFER, "k"))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT));
        }
        assertThat(waits).hasSizeLessThanOrEqualTo((int) TestTime.bound(Duration.ofSeconds(2)).toSeconds());
        assertThat(carrier.requests(poll())).hasSameSizeAs(waits);
    }

    /** What the carrier does with the n-th POST. */
    enum Post { LOST_BEFORE_APPLIED, APPLIED_THEN_DROPPED, ANSWERED }

    /** A carrier that keeps its orders: POST applies (then maybe drops the connection), GET ?externalId= finds them. */
    final class OrderBook {
        final List<String> applied = new CopyOnWriteArrayList<>();
        final AtomicInteger posts = new AtomicInteger();
        final List<Post> plan = new ArrayList<>();

        OrderBook(Post... steps) {
            plan.addAll(List.of(steps));
            carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
            carrier.respond(TmfCarrierClient.TOPUP, request -> {
                if (request.method().equals("GET")) {
                    StringBuilder list = new StringBuilder("[");
                    for (String id : applied) {
                        if (request.query().equals("externalId=" + id)) {
                            list.append(list.length() > 1 ? "," : "").append(topUp("completed", true, id));
                        }
                    }
                    return Reply.json(200, list.append("]").toString());
                }
                int n = posts.getAndIncrement();
                String externalId = mapper.readTree(request.body()).get("externalId").asText();
                Post step = n < plan.size() ? plan.get(n) : Post.ANSWERED;
                if (step == Post.LOST_BEFORE_APPLIED) {
                    return Reply.DROP;
                }
                applied.add(externalId);
                return step == Post.APPLIED_THEN_DROPPED ? Reply.DROP : Reply.json(201, topUp("completed", true, externalId));
            });
        }
    }

    @Test
    void aLostAnswerToAnAppliedOrderIsFoundByItsCorrelatorAndNotSentAgain() throws Exception {
        OrderBook book = new OrderBook(Post.APPLIED_THEN_DROPPED);

        TopUpOrder order = client.orderTopUp(line(), OFFER, "kiosk-7");

        assertThat(order.paymentCode()).isEqualTo("5021-8840-3317");
        assertThat(book.posts).hasValue(1);
        assertThat(book.applied).containsExactly("kiosk-7");
        assertThat(carrier.requests(TmfCarrierClient.TOPUP).stream().filter(r -> r.method().equals("GET")))
                .singleElement().satisfies(r -> assertThat(r.query()).isEqualTo("externalId=kiosk-7"));
    }

    @Test
    void anOrderLostBeforeTheCarrierHadItIsSentOnceMore() throws Exception {
        OrderBook book = new OrderBook(Post.LOST_BEFORE_APPLIED, Post.ANSWERED);

        assertThat(client.orderTopUp(line(), OFFER, "kiosk-8").orderId()).isEqualTo("tpb-1");
        assertThat(book.posts).hasValue(2);
        assertThat(book.applied).containsExactly("kiosk-8");
    }

    @Test
    void anOrderLostTwiceIsNotSentAThirdTime() {
        OrderBook book = new OrderBook(Post.LOST_BEFORE_APPLIED, Post.LOST_BEFORE_APPLIED);

        assertThatThrownBy(() -> client.orderTopUp(line(), OFFER, "kiosk-9"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE));
        assertThat(book.posts).hasValue(2);
        assertThat(book.applied).isEmpty();
    }

    @Test
    void withoutACorrelatorFieldALostAnswerIsReportedAndNeverSentAgain() throws Exception {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.DROP);
        try (TmfCarrierClient uncorrelated = client(BackendProfile.standard().withTopUp("", "pay-at-register",
                BackendProfile.TopUpPoll.STANDARD))) {
            assertThatThrownBy(() -> uncorrelated.orderTopUp(line(), OFFER, "kiosk-13"))
                    .isInstanceOfSatisfying(CarrierException.class, e -> {
                        assertThat(e.error()).isEqualTo(CarrierError.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("outcome is unknown");
                    });
        }
        assertThat(carrier.requests(TmfCarrierClient.TOPUP)).singleElement().satisfies(post -> {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(mapper.readTree(post.body()).has("externalId")).isFalse();
        });
    }

    @Test
    void aServerErrorAfterApplyingIsLookedUpToo() throws Exception {
        OrderBook book = new OrderBook();
        carrier.respond(TmfCarrierClient.TOPUP, request -> {
            if (request.method().equals("GET")) {
                return Reply.json(200, "[" + topUp("completed", true, "kiosk-10") + "]");
            }
            book.posts.incrementAndGet();
            return Reply.json(500, "{\"code\":\"INTERNAL\",\"reason\":\"oops\"}");
        });

        assertThat(client.orderTopUp(line(), OFFER, "kiosk-10").orderId()).isEqualTo("tpb-1");
        assertThat(book.posts).hasValue(1);
    }

    @Test
    void aLookUpThatListsOnlyOtherOrdersMeansOursIsAbsent() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.respond(TmfCarrierClient.TOPUP, request -> {
            if (request.method().equals("GET")) { // a server that ignores the filter
                return Reply.json(200, "[" + topUp("completed", true, "someone-else") + "]");
            }
            return posts.getAndIncrement() == 0 ? Reply.DROP : Reply.json(201, topUp("completed", true, "kiosk-11"));
        });

        assertThat(client.orderTopUp(line(), OFFER, "kiosk-11").orderId()).isEqualTo("tpb-1");
        assertThat(posts).hasValue(2);
    }

    @Test
    void aRefusedOrderIsNeitherLookedUpNorSentAgain() {
        carrier.replace(TmfCarrierClient.BUCKET, Reply.json(200, BUCKETS));
        carrier.replace(TmfCarrierClient.TOPUP, Reply.json(422, "{\"code\":\"LINE_NOT_ACTIVE\",\"reason\":\"line suspended\"}"));

        assertThatThrownBy(() -> client.orderTopUp(line(), OFFER, "kiosk-12"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        assertThat(carrier.requests(TmfCarrierClient.TOPUP)).hasSize(1);
    }
}
