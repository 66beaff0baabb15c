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
                "camara-invalid-argument", "camara-out-of-range", "camara-unauthenticated",
                "camara-authentication-required", "camara-permission-denied", "camara-invalid-token-context",
                "camara-not-found", "camara-too-many-requests", "camara-quota-exceeded", "camara-internal",
                "camara-unavailable", "tmf-invalid-argument", "tmf-unauthenticated", "tmf-not-found",
                "tmf-too-many-requests", "tmf-internal", "tmf-unavailable", "client-assertion-claims",
                "token-response", "token-error-invalid-client", "token-error-unsupported-grant-type",
                "token-error-invalid-scope", "product-by-iccid-response", "product-plain-response",
                "product-not-found-response", "product-by-msisdn-response", "product-by-msisdn-unverified",
                "product-response", "send-code-request", "send-code-response", "send-code-max-otp-codes-exceeded",
                "otp-phone-number-not-allowed", "otp-phone-number-blocked", "send-code-cooldown",
                "validate-code-request", "validate-code-invalid-otp", "validate-code-verification-failed",
                "validate-code-verification-expired", "kyc-match-id-document-request",
                "kyc-match-id-document-response", "kyc-match-product-id-request", "kyc-match-order-number-request",
                "kyc-match-order-number-response", "kyc-id-document-mismatch", "kyc-id-document-required",
                "kyc-invalid-param-combination", "kyc-match-identifier-not-found", "kyc-missing-identifier",
                "kyc-service-not-applicable", "bucket-list-response", "bucket-response", "usage-list-response",
                "offering-list-response", "product-offering-price-response", "topup-request", "topup-response",
                "topup-missing-field", "topup-line-not-active", "topup-completed-response", "topup-lookup-response");
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
            JsonNode listed = characteristic(product, "verificationMethods");
            List<String> methods = listed == null ? List.of()
                    : StreamSupport.stream(listed.spliterator(), false).map(JsonNode::asText).toList();
            assertThat(methods).as(line.key()).containsExactlyElementsOf(
                    line.verificationMethods().stream().map(Enum::name).toList());
            JsonNode msisdn = characteristic(product, "msisdn");
            assertThat(msisdn == null ? null : msisdn.asText()).as(line.key())
                    .isEqualTo(line.msisdn().map(m -> m.e164()).orElse(null));
        }
    }

    @Test
    void aLineWithoutExtensionsIsAPlainStandardProduct() throws Exception {
        HttpResponse<String> r = http.productByIccid(demo.plain020().iccid().digits());
        assertDocumented("product-plain-response", r);
        assertThat(demo.plain020().brand()).isEqualTo("Data Plan 1GB (020)");
        assertThat(demo.plain020().verificationMethods()).isEmpty();
    }

    @Test
    void theHrefOfAProductAnswersTheSameProduct() throws Exception {
        String number = demo.auPrepaid().msisdn().orElseThrow().e164();
        String id = sendCode(number);
        assertThat(http.validateCode(id, codeSentTo(number)).statusCode()).isEqualTo(204);
        JsonNode listed = http.json(http.productByNumber(number)).get(0);
        HttpResponse<String> byHref = http.get(listed.get("href").asText());
        assertThat(byHref.statusCode()).isEqualTo(200);
        assertDocumented("product-response", byHref);
        assertThat(http.json(byHref)).isEqualTo(listed);
        HttpResponse<String> unknown = http.get("/tmf-api/productInventory/v4/product/prd-nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertDocumented("tmf-not-found", unknown);
    }

    @Test
    void everyHrefIsAbsoluteOnTheAddressTheClientUsedAndAnswers() throws Exception {
        DemoLine au = demo.auPrepaid();
        List<JsonNode> answers = List.of(
                http.json(http.productByIccid(au.iccid().digits())),
                http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + au.productId())),
                http.json(http.get("/tmf-api/usageManagement/v4/usage?ratedProductUsage.productRef.id="
                        + au.productId() + "&usageDate.gte=2026-11-25")),
                http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"
                        + "&product.id=" + au.productId())));
        List<String> hrefs = answers.stream().flatMap(a -> a.findValuesAsText("href").stream()).distinct().toList();
        assertThat(hrefs).hasSizeGreaterThan(10)
                .allSatisfy(href -> assertThat(href).startsWith(sim.baseUri() + "/tmf-api/"));
        for (String href : hrefs) {
            HttpResponse<String> r = http.get(href);
            assertThat(r.statusCode()).as(href).isEqualTo(200);
            assertThat(http.json(r).get("href").asText()).isEqualTo(href);
        }
    }

    @Test
    void aNumberLookupNeedsTheStandardCharacteristicFilter() throws Exception {
        String number = demo.auPrepaid().msisdn().orElseThrow().e164();
        String id = sendCode(number);
        http.validateCode(id, codeSentTo(number));
        HttpResponse<String> oldFilter = http.get("/tmf-api/productInventory/v4/product?msisdn=" + SimHttp.enc(number));
        assertThat(oldFilter.statusCode()).as("msisdn is no TMF filter: ignored, so no filter at all").isEqualTo(400);
        HttpResponse<String> upperCase = http.get("/tmf-api/productInventory/v4/product?productCharacteristic.name=MSISDN"
                + "&productCharacteristic.value=" + SimHttp.enc(number));
        assertDocumented("product-by-msisdn-response", upperCase);
        HttpResponse<String> otherCharacteristic = http.get("/tmf-api/productInventory/v4/product"
                + "?productCharacteristic.name=brand&productCharacteristic.value=au");
        assertDocumented("product-not-found-response", otherCharacteristic);
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
    void numbersTheOperatorRefusesSmsToAreToldSoAndGetNoCode() throws Exception {
        String plain = demo.plain020().msisdn().orElseThrow().e164();
        HttpResponse<String> notAllowed = http.sendCode(plain);
        assertThat(notAllowed.statusCode()).isEqualTo(403);
        assertDocumented("otp-phone-number-not-allowed", notAllowed);
        String suspended = demo.suspended().msisdn().orElseThrow().e164();
        HttpResponse<String> blocked = http.sendCode(suspended);
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertDocumented("otp-phone-number-blocked", blocked);
        assertThat(sim.smsOutbox().messages()).isEmpty();
    }

    @Test
    void servesTheAuBucketsAsDocumented() throws Exception {
        HttpResponse<String> r = http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.auPrepaid().productId());
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("bucket-list-response", r);
        HttpResponse<String> one = http.get("/tmf-api/prepayBalanceManagement/v4/bucket/bkt-au-0002-data");
        assertDocumented("bucket-response", one);
        assertThat(http.get("/tmf-api/prepayBalanceManagement/v4/bucket/bkt-nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void bucketsFilterByPartyAccountTooAndWithoutAFilterListEveryLine() throws Exception {
        DemoLine au = demo.auPrepaid();
        assertThat(asDocumented(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?partyAccount.id="
                + au.partyAccountId()))).isEqualTo(EXAMPLES.json("bucket-list-response"));
        JsonNode all = http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket"));
        assertThat(all.findValues("partyAccount").stream().map(a -> a.get("id").asText()).distinct())
                .hasSize(demo.all().size());
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
        String usage = "/tmf-api/usageManagement/v4/usage?ratedProductUsage.productRef.id=" + au;
        HttpResponse<String> r = http.get(usage + "&usageDate.gte=2026-11-25");
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("usage-list-response", r);
        HttpResponse<String> sameByGt = http.get(usage + "&usageDate.gt=" + SimHttp.enc("2026-11-24T23:59:59+09:00"));
        assertThat(http.json(sameByGt)).isEqualTo(http.json(r));
        HttpResponse<String> unencodedPlus = http.get(usage + "&usageDate.gt=2026-11-24T23:59:59+09:00");
        assertThat(unencodedPlus.statusCode()).isEqualTo(400);
        String firstId = http.json(r).get(0).get("id").asText();
        assertThat(asDocumented(http.get("/tmf-api/usageManagement/v4/usage/" + firstId)))
                .isEqualTo(EXAMPLES.json("usage-list-response").get(0));
    }

    @Test
    void anUnsupportedUsageFilterIsIgnoredLikeAStandardServerDoes() throws Exception {
        HttpResponse<String> r = http.get("/tmf-api/usageManagement/v4/usage?product.id="
                + demo.auPrepaid().productId() + "&usageDate.gte=2026-11-26");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(http.json(r).findValues("productRef").stream().map(p -> p.get("id").asText()).distinct())
                .as("every line's usage of the day").hasSize(demo.all().size());
    }

    @Test
    void everyLineHasAtLeastFourteenDaysOfDataUsage() throws Exception {
        for (DemoLine line : demo.all()) {
            HttpResponse<String> r = http.get("/tmf-api/usageManagement/v4/usage?ratedProductUsage.productRef.id="
                    + line.productId() + "&usageDate.gte=2026-11-01");
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
        assertShaped("offering-list-response", r);
        JsonNode oneGb = StreamSupport.stream(asDocumented(r).spliterator(), false)
                .filter(o -> o.get("id").asText().equals("po-topup-1gb-30d")).findFirst().orElseThrow();
        assertThat(oneGb).isEqualTo(EXAMPLES.json("offering-list-response").get(0));
        for (DemoLine inactive : List.of(demo.suspended(), demo.terminated())) {
            assertThat(http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"
                    + "&product.id=" + inactive.productId()))).isEmpty();
        }
    }

    @Test
    void pricesAreReferencesResolvedByTheirOwnResource() throws Exception {
        JsonNode offers = http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"));
        assertThat(offers.findValues("productOfferingPrice")).hasSize(offers.size())
                .allSatisfy(refs -> assertThat(refs.get(0).has("price")).isFalse());
        HttpResponse<String> price = http.get(
                "/tmf-api/productCatalogManagement/v4/productOfferingPrice/pop-topup-1gb-30d");
        assertThat(price.statusCode()).isEqualTo(200);
        assertDocumented("product-offering-price-response", price);
        assertThat(http.get("/tmf-api/productCatalogManagement/v4/productOfferingPrice/pop-nothing").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCatalogAlsoHoldsThePlansProductsReferTo() throws Exception {
        JsonNode plans = http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=plan"));
        assertThat(plans.findValuesAsText("id")).contains("po-au-prepaid-voice", "po-data-1gb-020");
        assertThat(plans.findValuesAsText("isSellable")).containsOnly("false");
        JsonNode topUps = http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=topup"));
        JsonNode all = http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering"));
        assertThat(all.size()).isEqualTo(plans.size() + topUps.size());
        assertThat(http.json(http.get("/tmf-api/productCatalogManagement/v4/productOffering?category.name=sim")))
                .isEmpty();
    }

    @Test
    void unknownPathsWrongMethodsAndHugeBodiesAreRefusedInTheEndpointsFamily() throws Exception {
        HttpResponse<String> unknown = http.get("/tmf-api/productInventory/v4/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.json(unknown).get("@type").asText()).isEqualTo("Error");
        assertDocumented("tmf-not-found", unknown);
        HttpResponse<String> unknownCamara = http.post("/one-time-password-sms/v1/resend-code", "{}");
        assertThat(unknownCamara.statusCode()).isEqualTo(404);
        assertDocumented("camara-not-found", unknownCamara);
        HttpResponse<String> wrongMethod = http.get("/one-time-password-sms/v1/send-code");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(http.json(wrongMethod).get("status").asInt()).isEqualTo(405);
        HttpResponse<String> delete = http.send(http.request("/tmf-api/prepayBalanceManagement/v4/topupBalance")
                .DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("POST, GET");
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
