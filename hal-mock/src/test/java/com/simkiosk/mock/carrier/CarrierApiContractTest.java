package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example of docs/carrier-api.md, served or accepted by the simulator over real loopback HTTP. */
class CarrierApiContractTest extends SimulatorFixture {

    @Test
    void theDocumentHasEveryExampleTheKioskRelies() {
        assertThat(EXAMPLES.names()).containsExactlyInAnyOrder(
                "camara-invalid-argument", "camara-unauthenticated", "camara-too-many-requests", "camara-internal",
                "camara-unavailable", "tmf-invalid-argument", "tmf-unauthenticated", "tmf-too-many-requests",
                "tmf-internal", "tmf-unavailable", "token-response", "token-error-invalid-client",
                "token-error-unsupported-grant-type", "product-by-iccid-response", "product-not-found-response",
                "product-by-msisdn-response", "product-by-msisdn-unverified", "send-code-request",
                "send-code-response", "send-code-max-otp-codes-exceeded", "send-code-cooldown",
                "validate-code-request", "validate-code-invalid-otp", "validate-code-verification-failed",
                "validate-code-verification-expired", "kyc-match-id-document-request",
                "kyc-match-id-document-response", "kyc-match-order-number-request",
                "kyc-match-order-number-response", "kyc-match-identifier-not-found", "bucket-list-response",
                "usage-list-response", "offering-list-response", "topup-request", "topup-response",
                "topup-idempotency-key-reused", "topup-line-not-active");
    }

    @Test
    void issuesABearerTokenToTheDemoKioskWithBasicAuthentication() throws Exception {
        HttpResponse<String> r = http.tokenRequest(SimHttp.basic("demo-kiosk", "demo-secret"),
                "grant_type=client_credentials");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode token = assertShaped("token-response", r);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void refusesAWrongSecretCredentialsInTheFormAndOtherGrants() throws Exception {
        HttpResponse<String> wrong = http.tokenRequest(SimHttp.basic("demo-kiosk", "guess"),
                "grant_type=client_credentials");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertDocumented("token-error-invalid-client", wrong);

        HttpResponse<String> inForm = http.tokenRequest("",
                "grant_type=client_credentials&client_id=demo-kiosk&client_secret=demo-secret");
        assertThat(inForm.statusCode()).isEqualTo(401);
        assertDocumented("token-error-invalid-client", inForm);

        HttpResponse<String> password = http.tokenRequest(SimHttp.basic("demo-kiosk", "demo-secret"),
                "grant_type=password&username=a&password=b");
        assertThat(password.statusCode()).isEqualTo(400);
        assertDocumented("token-error-unsupported-grant-type", password);
    }

    @Test
    void findsTheTouristDataSimByIccidAsDocumented() throws Exception {
        HttpResponse<String> r = http.productByIccid(demo.touristData().iccid().digits());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Total-Count")).contains("1");
        assertDocumented("product-by-iccid-response", r);
    }

    @Test
    void everyDemoLineIsFoundBySimWithItsNumberAndMethodsAsCharacteristics() throws Exception {
        for (DemoLine line : demo.all()) {
            HttpResponse<String> r = http.productByIccid(line.iccid().digits());
            JsonNode product = assertShaped("product-by-iccid-response", r).get(0);
            assertThat(product.get("id").asText()).isEqualTo(line.productId());
            assertThat(product.get("status").asText()).isEqualTo(line.status().name().toLowerCase());
            List<String> methods = StreamSupport.stream(characteristic(product, "verificationMethods").spliterator(), false)
                    .map(JsonNode::asText).toList();
            assertThat(methods).as(line.key()).containsExactlyElementsOf(
                    line.verificationMethods().stream().map(Enum::name).toList());
            JsonNode msisdn = characteristic(product, "MSISDN");
            assertThat(msisdn == null ? null : msisdn.asText()).as(line.key())
                    .isEqualTo(line.msisdn().map(m -> m.e164()).orElse(null));
        }
    }

    @Test
    void unknownAndForeignSimsAreAnEmptyListAndAMalformedIccidIsABadRequest() throws Exception {
        HttpResponse<String> unknown = http.productByIccid(DemoLines.UNKNOWN_JAPANESE_ICCID.digits());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertDocumented("product-not-found-response", unknown);
        HttpResponse<String> foreign = http.productByIccid(DemoLines.FOREIGN_ICCID.digits());
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertDocumented("product-not-found-response", foreign);
        HttpResponse<String> malformed = http.productByIccid("8981-not-an-iccid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertDocumented("tmf-invalid-argument", malformed);
    }

    @Test
    void sendsAndValidatesACodeWithTheDocumentedRequestsThenFindsTheLineByNumber() throws Exception {
        String number = demo.auPrepaid().msisdn().orElseThrow().e164();
        HttpResponse<String> refused = http.productByNumber(number);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertDocumented("product-by-msisdn-unverified", refused);

        HttpResponse<String> sent = http.post("/one-time-password-sms/v1/send-code",
                EXAMPLES.text("send-code-request"));
        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode challenge = assertShaped("send-code-response", sent);
        SmsOutbox.Sms sms = sim.smsOutbox().latestTo(number).orElseThrow();
        assertThat(sms.text()).isEqualTo(sms.code() + " is your SIM kiosk verification code");
        assertThat(sms.code()).matches("\\d{6}");

        String validate = EXAMPLES.text("validate-code-request")
                .replace("ea0840f3-3663-4149-bd10-c7c6b8912105", challenge.get("authenticationId").asText())
                .replace("482913", sms.code());
        HttpResponse<String> ok = http.post("/one-time-password-sms/v1/validate-code", validate);
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.body()).isEmpty();

        HttpResponse<String> found = http.productByNumber(number);
        assertThat(found.statusCode()).isEqualTo(200);
        assertDocumented("product-by-msisdn-response", found);
    }

    @Test
    void aWrongCodeAnswersInvalidOtp() throws Exception {
        String number = demo.auPrepaid().msisdn().orElseThrow().e164();
        String id = sendCode(number);
        String wrong = codeSentTo(number).equals("000000") ? "111111" : "000000";
        HttpResponse<String> r = http.validateCode(id, wrong);
        assertThat(r.statusCode()).isEqualTo(400);
        assertDocumented("validate-code-invalid-otp", r);
    }

    @Test
    void badSendCodeRequestsAnswerInvalidArgument() throws Exception {
        HttpResponse<String> r = http.post("/one-time-password-sms/v1/send-code",
                "{\"phoneNumber\":\"090-1234-0002\",\"message\":\"{{code}}\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertDocumented("camara-invalid-argument", r);
        HttpResponse<String> noPlaceholder = http.post("/one-time-password-sms/v1/send-code",
                "{\"phoneNumber\":\"+819012340002\",\"message\":\"your code\"}");
        assertThat(noPlaceholder.statusCode()).isEqualTo(400);
        assertThat(http.json(noPlaceholder).get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void matchesTheRegisteredDetailsOfASimWithoutSms() throws Exception {
        HttpResponse<String> id = http.post("/kyc-match/v0.3/match", EXAMPLES.text("kyc-match-id-document-request"));
        assertThat(id.statusCode()).isEqualTo(200);
        assertDocumented("kyc-match-id-document-response", id);
        HttpResponse<String> order = http.post("/kyc-match/v0.3/match", EXAMPLES.text("kyc-match-order-number-request"));
        assertThat(order.statusCode()).isEqualTo(200);
        assertDocumented("kyc-match-order-number-response", order);
        HttpResponse<String> rightOrder = http.post("/kyc-match/v0.3/match", "{\"productId\":\"prd-tourist-3gb-0001\","
                + "\"orderNumber\":\"" + demo.touristData().orderNumber().toLowerCase() + "\"}");
        assertThat(http.json(rightOrder).get("orderNumberMatch").asText()).isEqualTo("true");
    }

    @Test
    void aMethodTheLineDoesNotAllowIsNotAvailableAndNumbersAreRefused() throws Exception {
        DemoLine iij = demo.iijMvno(); // SMS code and order number only
        HttpResponse<String> r = http.post("/kyc-match/v0.3/match",
                "{\"productId\":\"" + iij.productId() + "\",\"idDocument\":\"" + iij.idDocumentLast4() + "\"}");
        assertThat(http.json(r).get("idDocumentMatch").asText()).isEqualTo("not_available");
        HttpResponse<String> byNumber = http.post("/kyc-match/v0.3/match",
                "{\"phoneNumber\":\"+818012340005\",\"idDocument\":\"0442\"}");
        assertThat(byNumber.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = http.post("/kyc-match/v0.3/match",
                "{\"productId\":\"prd-nobody\",\"idDocument\":\"1234\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertDocumented("kyc-match-identifier-not-found", unknown);
    }

    @Test
    void fiveMismatchesLockTheRegisteredDetailCheckForAWhile() throws Exception {
        String body = "{\"productId\":\"prd-tourist-3gb-0001\",\"idDocument\":\"0000\"}";
        for (int i = 0; i < KycMatchApi.MAX_MISMATCHES; i++) {
            assertThat(http.json(http.post("/kyc-match/v0.3/match", body)).get("idDocumentMatch").asText()).isEqualTo("false");
        }
        HttpResponse<String> locked = http.post("/kyc-match/v0.3/match", EXAMPLES.text("kyc-match-id-document-request"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("600");
        assertDocumented("camara-too-many-requests", locked);
        clock.advance(KycMatchApi.MISMATCH_WINDOW);
        assertDocumented("kyc-match-id-document-response",
                http.post("/kyc-match/v0.3/match", EXAMPLES.text("kyc-match-id-document-request")));
    }

    @Test
    void servesTheAuBucketsAsDocumented() throws Exception {
        HttpResponse<String> r = http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.auPrepaid().productId());
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("bucket-list-response", r);
    }

    @Test
    void everyLinesBucketsHaveTheDocumentedShapeAndExpireByTheClock() throws Exception {
        for (DemoLine line : demo.all()) {
            assertShaped("bucket-list-response",
                    http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + line.productId()));
        }
        String expired = http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.expiredTourist().productId()).body();
        assertThat(http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.expiredTourist().productId())).findValuesAsText("status")).containsOnly("expired");
        assertThat(expired).contains("\"usageType\":\"data\"");
        String tourist = "/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + demo.touristData().productId();
        assertThat(http.json(http.get(tourist)).get(0).get("status").asText()).isEqualTo("active");
        clock.advance(java.time.Duration.ofDays(3)); // past 23:59:59 JST of its last day
        http.login(); // the old token has expired too
        assertThat(http.json(http.get(tourist)).get(0).get("status").asText()).isEqualTo("expired");
    }

    @Test
    void theStaggeredLinesTopUpsExpireAtDifferentTimes() throws Exception {
        JsonNode buckets = http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.staggeredTopUps().productId()));
        List<String> ends = buckets.findValues("endDateTime").stream().map(JsonNode::asText).toList();
        assertThat(ends).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(buckets.findValuesAsText("status")).contains("active", "expired");
    }

    @Test
    void servesDailyUsageAsDocumentedFilteredByJapanDay() throws Exception {
        String au = demo.auPrepaid().productId();
        HttpResponse<String> r = http.get("/tmf-api/usageManagement/v4/usage?product.id=" + au + "&usageDate.gte=2026-11-25");
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("usage-list-response", r);
        HttpResponse<String> sameByGt = http.get("/tmf-api/usageManagement/v4/usage?product.id=" + au
                + "&usageDate.gt=" + SimHttp.enc("2026-11-24T23:59:59+09:00"));
        assertThat(http.json(sameByGt)).isEqualTo(http.json(r));
        HttpResponse<String> unencodedPlus = http.get("/tmf-api/usageManagement/v4/usage?product.id=" + au
                + "&usageDate.gt=2026-11-24T23:59:59+09:00");
        assertThat(unencodedPlus.statusCode()).isEqualTo(400);
    }

    @Test
    void everyLineHasAtLeastFourteenDaysOfDataUsage() throws Exception {
        for (DemoLine line : demo.all()) {
            HttpResponse<String> r = http.get("/tmf-api/usageManagement/v4/usage?product.id=" + line.productId()
                    + "&usageDate.gte=2026-11-01");
            JsonNode usage = assertShaped("usage-list-response", r);
            long dataDays = StreamSupport.stream(usage.spliterator(), false)
                    .filter(u -> u.get("usageType").asText().equals("data")).count();
            assertThat(dataDays).as(line.key()).isGreaterThanOrEqualTo(14);
        }
    }

    @Test
    void offersTopUpsToActiveLinesOnly() throws Exception {
        HttpResponse<String> r = http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"
                + "&product.id=" + demo.auPrepaid().productId());
        JsonNode offers = assertShaped("offering-list-response", r);
        JsonNode oneGb = StreamSupport.stream(offers.spliterator(), false)
                .filter(o -> o.get("id").asText().equals("po-topup-1gb-30d")).findFirst().orElseThrow();
        assertThat(oneGb).isEqualTo(EXAMPLES.json("offering-list-response").get(0));
        for (DemoLine inactive : List.of(demo.suspended(), demo.terminated())) {
            assertThat(http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"
                    + "&product.id=" + inactive.productId()))).isEmpty();
        }
    }

    @Test
    void ordersATopUpPaidAtTheRegisterWithinThirtyMinutes() throws Exception {
        HttpResponse<String> r = http.post("/tmf-api/prepayBalanceManagement/v4/topupBalance",
                EXAMPLES.text("topup-request"), "Idempotency-Key", "b6a1f0e2-order-1");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode order = assertShaped("topup-response", r);
        JsonNode example = EXAMPLES.json("topup-response");
        assertThat(r.headers().firstValue("Location")).contains(order.get("href").asText());
        assertThat(order.get("payment").get("amount")).isEqualTo(example.get("payment").get("amount"));
        assertThat(order.get("amount")).isEqualTo(example.get("amount"));
        assertThat(order.get("payment").get("paymentCode").asText()).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(order.get("payment").get("validFor")).isEqualTo(example.get("payment").get("validFor"));
    }

    @Test
    void refusesATopUpForASuspendedLine() throws Exception {
        HttpResponse<String> r = http.post("/tmf-api/prepayBalanceManagement/v4/topupBalance",
                "{\"product\":{\"id\":\"" + demo.suspended().productId() + "\"},\"productOffering\":{\"id\":\"po-topup-1gb-30d\"}}",
                "Idempotency-Key", "k-suspended");
        assertThat(r.statusCode()).isEqualTo(422);
        assertDocumented("topup-line-not-active", r);
    }

    @Test
    void unknownPathsWrongMethodsAndHugeBodiesAreRefusedInTheEndpointsFamily() throws Exception {
        HttpResponse<String> unknown = http.get("/tmf-api/productInventory/v4/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.json(unknown).get("@type").asText()).isEqualTo("Error");
        HttpResponse<String> wrongMethod = http.get("/one-time-password-sms/v1/send-code");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(http.json(wrongMethod).get("status").asInt()).isEqualTo(405);
        HttpResponse<String> huge = http.post("/one-time-password-sms/v1/send-code", "{\"x\":\"" + "9".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(http.json(huge).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void echoesTheCorrelatorTheKioskSends() throws Exception {
        HttpResponse<String> r = http.send(http.request("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.rakuten().productId()).header("x-correlator", "kiosk-42-req-7").GET().build());
        assertThat(r.headers().firstValue("x-correlator")).contains("kiosk-42-req-7");
    }

    @Test
    void servesTheLinesOfADataFileInsteadOfTheBuiltInOnes(@TempDir Path dir) throws Exception {
        String builtIn = new String(getClass().getResourceAsStream(CarrierData.BUILT_IN).readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("lines.json"),
                builtIn.replace("\"amount\": 2480, \"units\": \"JPY\"", "\"amount\": 777, \"units\": \"JPY\""));
        try (CarrierSimulator custom = CarrierSimulator.builder().clock(clock).dataFile(file).start()) {
            SimHttp client = new SimHttp(custom.baseUri()).login();
            JsonNode buckets = client.json(client.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                    + demo.auPrepaid().productId()));
            assertThat(buckets.get(0).get("remainingValue").get("amount").asInt()).isEqualTo(777);
        }
    }

    private static JsonNode characteristic(JsonNode product, String name) {
        for (JsonNode c : product.get("productCharacteristic")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("value");
            }
        }
        return null;
    }
}
