package com.simkiosk.testing.standard;

import static com.simkiosk.testing.standard.StandardFixture.DATA_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.DATA_ID_DOCUMENT;
import static com.simkiosk.testing.standard.StandardFixture.DATA_PRODUCT;
import static com.simkiosk.testing.standard.StandardFixture.SUSPENDED_MSISDN;
import static com.simkiosk.testing.standard.StandardFixture.SUSPENDED_PRODUCT;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_1GB;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_1GB_YEN;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_MSISDN;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.conformance.OfficialApis;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The independent carrier itself answers what the official documents say: shapes, enums, required fields, absolute
 * hrefs, pagination headers, and every OTP / KYC Match error code, reached by behaviour where the document describes
 * one and by a switch otherwise. Plain java.net.http, so nothing of the kiosk's client is involved.
 */
class StandardCarrierTest {

    private static final Set<String> PRODUCT_STATUS = Set.of("created", "pendingActive", "cancelled", "active",
            "pendingTerminate", "terminated", "suspended", "aborted ");
    private static final Set<String> BUCKET_STATUS = Set.of("active", "suspended", "expired");
    private static final Set<String> USAGE_TYPES = Set.of("monetary", "voice", "data", "sms", "other");
    private static final String MESSAGE = "{{code}} is your kiosk code";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Noon in Japan. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
    private StandardCarrier carrier;

    @BeforeEach
    void start() throws IOException {
        carrier = StandardFixture.builder(clock).build();
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    // ------------------------------------------------------------------------------------------------ OAuth

    @Test
    void grantsTheRequestedScopeWithClientSecretBasicAndRefusesUnknownScopes() throws Exception {
        HttpResponse<String> ok = tokenResponse(basic(carrier.clientId(), carrier.clientSecret()),
                "grant_type=client_credentials&scope=" + enc(StandardCarrier.OTP_SCOPE));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode token = json.readTree(ok.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("access_token").asText()).isNotEmpty();
        assertThat(token.path("expires_in").asLong()).isEqualTo(300);
        assertThat(token.path("scope").asText()).isEqualTo(StandardCarrier.OTP_SCOPE);
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> unknown = tokenResponse(basic(carrier.clientId(), carrier.clientSecret()),
                "grant_type=client_credentials&scope=balance%3Aread");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("error").asText()).isEqualTo("invalid_scope");

        HttpResponse<String> wrongSecret = tokenResponse(basic(carrier.clientId(), "guess"),
                "grant_type=client_credentials");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrongSecret.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> inBody = tokenResponse(null, "grant_type=client_credentials&client_id="
                + enc(carrier.clientId()) + "&client_secret=" + enc(carrier.clientSecret()));
        assertThat(inBody.statusCode()).as("client_secret_post is not this client's method").isEqualTo(401);

        HttpResponse<String> password = tokenResponse(basic(carrier.clientId(), carrier.clientSecret()),
                "grant_type=password");
        assertThat(json.readTree(password.body()).path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void privateKeyJwtClientsAuthenticateWithAFreshAssertionForThisTokenEndpoint() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        KeyPair rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = ecGenerator.generateKeyPair();
        try (StandardCarrier keyed = StandardFixture.builder(clock).clientKey("kiosk-rsa", rsa.getPublic())
                .clientKey("kiosk-ec", ec.getPublic()).build()) {
            carrier.close();
            carrier = keyed;
            String aud = keyed.baseUri() + StandardCarrier.TOKEN_PATH;
            String once = assertion(rsa, "RS256", "kiosk-rsa", aud, "jti-1", Duration.ofMinutes(1));
            HttpResponse<String> granted = tokenResponse(null, assertionForm(once) + "&scope="
                    + enc(StandardCarrier.KYC_SCOPE));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
            assertThat(json.readTree(granted.body()).path("scope").asText()).isEqualTo(StandardCarrier.KYC_SCOPE);
            assertThat(tokenResponse(null, assertionForm(assertion(ec, "ES256", "kiosk-ec", aud, "jti-2",
                    Duration.ofMinutes(1)))).statusCode()).isEqualTo(200);

            List<String> refused = List.of(once, // replayed jti
                    assertion(rsa, "RS256", "kiosk-rsa", "https://other.example/token", "jti-3", Duration.ofMinutes(1)),
                    assertion(rsa, "RS256", "kiosk-rsa", aud, "jti-4", Duration.ofHours(1)),
                    assertion(rsa, "RS256", "kiosk-rsa", aud, "jti-5", Duration.ofMinutes(-2)),
                    assertion(ec, "ES256", "kiosk-rsa", aud, "jti-6", Duration.ofMinutes(1)), // not its key
                    assertion(rsa, "RS256", "kiosk-unknown", aud, "jti-7", Duration.ofMinutes(1)));
            for (String bad : refused) {
                HttpResponse<String> answer = tokenResponse(null, assertionForm(bad));
                assertThat(answer.statusCode()).isEqualTo(401);
                assertThat(json.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_client");
            }
        }
    }

    @Test
    void tokensExpireOnTheCarriersClock() throws Exception {
        String token = token("");
        assertThat(get("/tmf-api/productInventory/v4/product", token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> expired = get("/tmf-api/productInventory/v4/product", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertTmfError(expired, 401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    // ------------------------------------------------------------------------------------------------ TMF637

    @Test
    void findsAProductByItsSimWithOnlyStandardCharacteristics() throws Exception {
        HttpResponse<String> answer = get(StandardCarrier.PRODUCT_PATH + "?realizingResource.id=" + VOICE_ICCID,
                token(""));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(answer.headers().firstValue("X-Result-Count")).contains("1");
        JsonNode product = single(answer);
        assertProduct(product);
        assertThat(product.path("id").asText()).isEqualTo(VOICE_PRODUCT);
        assertThat(product.has("name")).as("this line has no product name").isFalse();
        assertThat(product.path("productOffering").path("name").asText()).isEqualTo(StandardFixture.VOICE_PLAN);
        assertThat(characteristicNames(product)).contains("msisdn").doesNotContain("brand", "verificationMethods",
                "MSISDN");
        assertThat(characteristic(product, "msisdn")).isEqualTo(VOICE_MSISDN);

        JsonNode byId = json.readTree(get(StandardCarrier.PRODUCT_PATH + "/" + VOICE_PRODUCT, token("")).body());
        assertThat(byId).isEqualTo(product);
        assertThat(URI.create(product.path("href").asText())).isEqualTo(
                carrier.baseUri().resolve(StandardCarrier.PRODUCT_PATH + "/" + VOICE_PRODUCT));
    }

    @Test
    void findsAProductByNumberOnlyWhenThePlusIsEncoded() throws Exception {
        String path = StandardCarrier.PRODUCT_PATH + "?productCharacteristic.name=msisdn&productCharacteristic.value=";
        JsonNode encoded = json.readTree(get(path + enc(VOICE_MSISDN), token("")).body());
        assertThat(encoded).hasSize(1);
        assertThat(encoded.get(0).path("id").asText()).isEqualTo(VOICE_PRODUCT);

        JsonNode raw = json.readTree(get(path + VOICE_MSISDN, token("")).body());
        assertThat(raw).as("a raw + is a space in a query").isEmpty();

        JsonNode otherCharacteristic = json.readTree(get(StandardCarrier.PRODUCT_PATH
                + "?productCharacteristic.name=apn&productCharacteristic.value=" + enc(VOICE_MSISDN), token("")).body());
        assertThat(otherCharacteristic).as("name and value must hold on the same characteristic").isEmpty();
    }

    @Test
    void aDataOnlyLineHasNoNumberAndUnknownFiltersAreIgnored() throws Exception {
        JsonNode data = single(get(StandardCarrier.PRODUCT_PATH + "?realizingResource.id=" + DATA_ICCID
                + "&brand=whatever", token("")));
        assertProduct(data);
        assertThat(characteristicNames(data)).doesNotContain("msisdn");
        assertThat(data.path("name").asText()).isEqualTo(StandardFixture.DATA_NAME);

        HttpResponse<String> all = get(StandardCarrier.PRODUCT_PATH + "?brand=au&fields=id", token(""));
        assertThat(json.readTree(all.body())).hasSize(3);
        json.readTree(all.body()).forEach(StandardCarrierTest::assertProduct);
        assertThat(get(StandardCarrier.PRODUCT_PATH + "?realizingResource.id=" + StandardFixture.UNKNOWN_ICCID,
                token("")).body()).isEqualTo("[]");
    }

    @Test
    void pagesWithOffsetAndLimit() throws Exception {
        HttpResponse<String> page = get(StandardCarrier.PRODUCT_PATH + "?offset=1&limit=1", token(""));
        assertThat(json.readTree(page.body())).hasSize(1);
        assertThat(page.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(page.headers().firstValue("X-Result-Count")).contains("1");
        assertTmfError(get(StandardCarrier.PRODUCT_PATH + "?limit=-1", token("")), 400);
    }

    @Test
    void anUnknownProductIsATmfNotFound() throws Exception {
        assertTmfError(get(StandardCarrier.PRODUCT_PATH + "/nope", token("")), 404);
    }

    // ------------------------------------------------------------------------------------------------ TMF654

    @Test
    void bucketsOfOneProductWithProductArrayPartyAccountAndTheCarriersUnits() throws Exception {
        HttpResponse<String> answer = get(StandardCarrier.BUCKET_PATH + "?product.id=" + VOICE_PRODUCT, token(""));
        JsonNode buckets = json.readTree(answer.body());
        assertThat(buckets).hasSize(5);
        assertThat(answer.headers().firstValue("X-Total-Count")).contains("5");
        Set<String> units = new HashSet<>();
        for (JsonNode b : buckets) {
            assertThat(b.path("id").isTextual()).isTrue();
            assertAbsoluteHref(b);
            assertThat(b.path("product").isArray()).isTrue();
            assertThat(b.path("product").get(0).path("id").asText()).isEqualTo(VOICE_PRODUCT);
            assertThat(b.path("partyAccount").path("id").isTextual()).isTrue();
            assertThat(BUCKET_STATUS).contains(b.path("status").asText());
            assertThat(USAGE_TYPES).contains(b.path("usageType").asText());
            assertThat(b.path("remainingValue").path("amount").isNumber()).isTrue();
            assertThat(b.has("initialValue")).isFalse();
            units.add(b.path("remainingValue").path("units").asText());
        }
        assertThat(units).containsExactlyInAnyOrder("GB", "MB", "JPY", "seconds");
        assertThat(json.readTree(get(StandardCarrier.BUCKET_PATH, token("")).body())).hasSize(7);
    }

    @Test
    void aTopUpIsValidatedCreatedThenCompletedOnTheSecondPoll() throws Exception {
        String token = token("");
        JsonNode bucket = dataBucketOf(VOICE_PRODUCT, token);
        for (String required : List.of("amount", "usageType", "bucket", "partyAccount")) {
            ObjectNode body = topUpBody(bucket, "kiosk-order-1");
            body.remove(required);
            HttpResponse<String> refused = post(StandardCarrier.TOPUP_PATH, body, token);
            assertTmfError(refused, 400);
            assertThat(json.readTree(refused.body()).path("reason").asText() + " "
                    + json.readTree(refused.body()).path("message").asText()).contains(required);
        }
        ObjectNode objectProduct = topUpBody(bucket, "kiosk-order-1");
        objectProduct.set("product", json.createObjectNode().put("id", VOICE_PRODUCT));
        assertTmfError(post(StandardCarrier.TOPUP_PATH, objectProduct, token), 400);
        assertThat(carrier.topUpsApplied()).isZero();

        HttpResponse<String> created = post(StandardCarrier.TOPUP_PATH, topUpBody(bucket, "kiosk-order-1"), token);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        assertThat(order.path("status").asText()).isEqualTo("created");
        assertAbsoluteHref(order);
        assertThat(created.headers().firstValue("Location")).contains(order.path("href").asText());
        assertThat(order.has("payAtRegister")).isFalse();

        String path = StandardCarrier.TOPUP_PATH + "/" + order.path("id").asText();
        assertThat(json.readTree(get(path, token).body()).path("status").asText()).isEqualTo("created");
        JsonNode done = json.readTree(get(path, token).body());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        JsonNode pay = done.path("payAtRegister");
        assertThat(pay.path("paymentCode").asText()).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(pay.path("amount").path("unit").asText()).isEqualTo("JPY");
        assertThat(pay.path("amount").path("value").asLong()).isEqualTo(TOPUP_1GB_YEN);
        assertThat(Instant.parse(pay.path("validFor").path("endDateTime").asText())).isAfter(clock.instant());

        JsonNode found = json.readTree(get(StandardCarrier.TOPUP_PATH + "?externalId=kiosk-order-1", token).body());
        assertThat(found).hasSize(1);
        assertThat(json.readTree(get(StandardCarrier.TOPUP_PATH + "?externalId=other", token).body())).isEmpty();

        assertThat(carrier.confirmPayment(pay.path("paymentCode").asText())).isTrue();
        JsonNode credited = json.readTree(get(StandardCarrier.BUCKET_PATH + "/" + bucket.path("id").asText(), token)
                .body());
        assertThat(credited.path("remainingValue").path("amount").asDouble()).isEqualTo(3.5);
    }

    @Test
    void anIdempotencyKeyIsIgnoredLikeARealTmf654Server() throws Exception {
        String token = token("");
        ObjectNode body = topUpBody(dataBucketOf(VOICE_PRODUCT, token), "kiosk-order-2");
        for (int i = 0; i < 2; i++) {
            HttpRequest request = request(StandardCarrier.TOPUP_PATH, token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", "same-key")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
        assertThat(carrier.topUpsApplied()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionStillAppliesTheOrderWhichTheCorrelatorFinds() throws Exception {
        String token = token("");
        ObjectNode body = topUpBody(dataBucketOf(VOICE_PRODUCT, token), "kiosk-order-3");
        carrier.dropConnectionAfterNextTopUp();
        assertThatThrownBy(() -> post(StandardCarrier.TOPUP_PATH, body, token)).isInstanceOf(IOException.class);
        assertThat(carrier.topUpsApplied()).isEqualTo(1);
        assertThat(json.readTree(get(StandardCarrier.TOPUP_PATH + "?externalId=kiosk-order-3", token).body()))
                .hasSize(1);
        assertThat(post(StandardCarrier.TOPUP_PATH, body, token).statusCode()).as("only the next one").isEqualTo(201);
    }

    @Test
    void aFailedOrderSaysWhy() throws Exception {
        String token = token("");
        carrier.completeTopUpsAfterGets(1);
        carrier.failTopUps("payment channel closed");
        JsonNode order = json.readTree(post(StandardCarrier.TOPUP_PATH,
                topUpBody(dataBucketOf(VOICE_PRODUCT, token), "kiosk-order-4"), token).body());
        JsonNode polled = json.readTree(get(StandardCarrier.TOPUP_PATH + "/" + order.path("id").asText(), token)
                .body());
        assertThat(polled.path("status").asText()).isEqualTo("failed");
        assertThat(polled.path("reason").asText()).isEqualTo("payment channel closed");
    }

    // ------------------------------------------------------------------------------------------------ TMF635

    @Test
    void usageOfOneProductFromAJapaneseDayAndEveryLinesUsageWithoutTheFilter() throws Exception {
        String token = token("");
        JsonNode today = json.readTree(get(StandardCarrier.USAGE_PATH + "?ratedProductUsage.productRef.id="
                + VOICE_PRODUCT + "&usageDate.gte=2026-11-30", token).body());
        assertThat(today).hasSize(1);
        JsonNode usage = today.get(0);
        assertAbsoluteHref(usage);
        assertThat(usage.path("ratedProductUsage").get(0).path("productRef").path("id").asText())
                .isEqualTo(VOICE_PRODUCT);
        assertThat(usage.path("usageCharacteristic").findValuesAsText("name")).containsExactly("volume", "units");
        assertThat(usage.path("status").asText()).isIn("received", "rejected", "recycled", "guided", "rated",
                "rerated", "billed");

        JsonNode sinceYesterday = json.readTree(get(StandardCarrier.USAGE_PATH + "?ratedProductUsage.productRef.id="
                + VOICE_PRODUCT + "&usageDate.gte=2026-11-29", token).body());
        assertThat(sinceYesterday).as("00:30 Japan time yesterday is 15:30 UTC the day before").hasSize(2);

        JsonNode oldFilter = json.readTree(get(StandardCarrier.USAGE_PATH + "?product.id=" + VOICE_PRODUCT, token)
                .body());
        Set<String> products = new HashSet<>(oldFilter.findValuesAsText("id").stream()
                .filter(id -> id.startsWith("std-prd-")).toList());
        assertThat(products).as("a filter that is not TMF's is ignored")
                .contains(VOICE_PRODUCT, DATA_PRODUCT, SUSPENDED_PRODUCT);
    }

    // ------------------------------------------------------------------------------------------------ TMF620

    @Test
    void topUpOfferingsCarryPriceReferencesThatResolve() throws Exception {
        String token = token("");
        JsonNode offerings = json.readTree(get(StandardCarrier.OFFERING_PATH + "?category.name=topup", token).body());
        assertThat(offerings).hasSize(2);
        for (JsonNode o : offerings) {
            assertAbsoluteHref(o);
            assertThat(o.path("prodSpecCharValueUse").get(0).path("name").asText()).isEqualTo("dataAllowance");
            assertThat(o.path("productOfferingTerm").get(0).path("duration").path("amount").isNumber()).isTrue();
            JsonNode ref = o.path("productOfferingPrice").get(0);
            List<String> fields = new ArrayList<>();
            ref.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("id", "href", "name");
            JsonNode price = json.readTree(get(URI.create(ref.path("href").asText()).getPath(), token).body());
            assertThat(price.path("id").asText()).isEqualTo(ref.path("id").asText());
            assertThat(price.path("priceType").asText()).isEqualTo("oneTime");
            assertThat(price.path("price").path("unit").asText()).isEqualTo("JPY");
            assertThat(price.path("price").path("value").isNumber()).isTrue();
        }
        assertThat(json.readTree(get(StandardCarrier.OFFERING_PATH, token).body())).as("plans too").hasSize(4);
        assertThat(json.readTree(get(StandardCarrier.OFFERING_PATH + "?category.name=topup&product.id="
                + DATA_PRODUCT, token).body())).as("product.id is not a TMF620 attribute").hasSize(2);
    }

    // ------------------------------------------------------------------------------------------------ CAMARA OTP

    @Test
    void sendsACodeByOutboxAndValidatesItOnce() throws Exception {
        String token = token(StandardCarrier.OTP_SCOPE);
        HttpResponse<String> sent = post(StandardCarrier.SEND_CODE_PATH, sendBody(VOICE_MSISDN), token);
        assertThat(sent.statusCode()).isEqualTo(200);
        String id = json.readTree(sent.body()).path("authenticationId").asText();
        assertThat(id.length()).isBetween(1, 36);
        String code = carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow();
        assertThat(carrier.outbox().get(0).text()).isEqualTo(code + " is your kiosk code");

        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, wrong(code)), token), 400,
                "ONE_TIME_PASSWORD_SMS.INVALID_OTP");
        HttpResponse<String> ok = post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, code), token);
        assertThat(ok.statusCode()).isEqualTo(204);
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, code), token), 400,
                "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED");
    }

    @Test
    void everyOtpErrorOfTheDocumentIsReachable() throws Exception {
        String token = token(StandardCarrier.OTP_SCOPE);
        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody("0901111222"), token), 400,
                "INVALID_ARGUMENT");
        String id = sendCode(token);
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, "AJY3"), token), 400,
                "OUT_OF_RANGE");
        String code = carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow();
        post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, wrong(code)), token);
        post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, wrong(code)), token);
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, wrong(code)), token), 400,
                "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED");
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(id, code), token), 400,
                "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED");

        String late = sendCode(token);
        clock.advance(Duration.ofMinutes(5));
        token = token(StandardCarrier.OTP_SCOPE);
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH,
                validateBody(late, carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow()), token), 400,
                "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED");
        assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH,
                validateBody("ea0840f3-3663-4149-bd10-c7c6b8912105", "123456"), token), 404, "NOT_FOUND");

        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody(VOICE_MSISDN), null), 401, "UNAUTHENTICATED");
        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody(VOICE_MSISDN), token("")), 403,
                "PERMISSION_DENIED");
        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody("+819099998888"), token), 403,
                "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED");
        carrier.refuseCodes(SUSPENDED_MSISDN, "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED");
        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody(SUSPENDED_MSISDN), token), 403,
                "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED");
        for (int i = 0; i < 3; i++) {
            sendCode(token); // 5 within the hour with the two above
        }
        assertCamaraError(post(StandardCarrier.SEND_CODE_PATH, sendBody(VOICE_MSISDN), token), 403,
                "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED");
        for (String code429 : List.of("QUOTA_EXCEEDED", "TOO_MANY_REQUESTS")) {
            carrier.failNext(StandardCarrier.Call.VALIDATE_CODE, 429, code429);
            assertCamaraError(post(StandardCarrier.VALIDATE_CODE_PATH, validateBody(late, "123456"), token), 429,
                    code429);
        }
    }

    // ------------------------------------------------------------------------------------------------ KYC Match

    @Test
    void kycMatchComparesTheWholeDocumentAsTheOperatorDoes() throws Exception {
        String token = token(StandardCarrier.KYC_SCOPE);
        HttpResponse<String> ok = post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN,
                "idDocument", "tk1234567"), token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ok.body())).isEqualTo(json.createObjectNode().put("idDocumentMatch", "true"));
        HttpResponse<String> data = post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", DATA_PRODUCT,
                "idDocument", DATA_ID_DOCUMENT), token);
        assertThat(json.readTree(data.body()).path("idDocumentMatch").asText()).isEqualTo("true");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN,
                "idDocument", "4567"), token), 403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH");
    }

    @Test
    void everyKycMatchErrorOfTheDocumentIsReachable() throws Exception {
        String token = token(StandardCarrier.KYC_SCOPE);
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN), token), 400,
                "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN, "name", "Taro"),
                token), 403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("idDocument", "TK1234567"), token), 422,
                "MISSING_IDENTIFIER");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", "+819099998888", "idDocument",
                "TK1234567"), token), 404, "IDENTIFIER_NOT_FOUND");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", SUSPENDED_PRODUCT, "idDocument",
                "TK1234567"), token), 422, "SERVICE_NOT_APPLICABLE");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN, "idDocument",
                "TK1234567"), null), 401, "UNAUTHENTICATED");
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN, "idDocument",
                "TK1234567"), token(StandardCarrier.OTP_SCOPE)), 403, "PERMISSION_DENIED");
        for (int i = 0; i < 5; i++) {
            post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", DATA_PRODUCT, "idDocument", "WRONG" + i), token);
        }
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", DATA_PRODUCT, "idDocument",
                DATA_ID_DOCUMENT), token), 429, "TOO_MANY_REQUESTS");
        clock.advance(Duration.ofMinutes(10));
        token = token(StandardCarrier.KYC_SCOPE);
        assertThat(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", DATA_PRODUCT, "idDocument",
                DATA_ID_DOCUMENT), token).statusCode()).as("10 minutes later").isEqualTo(200);
    }

    @Test
    void withoutTheDocumentGateAMismatchIsAnAnswerNotAnError() throws Exception {
        try (StandardCarrier lenient = StandardFixture.builder(clock).kycRequiresIdDocument(false).build()) {
            carrier.close();
            carrier = lenient;
            HttpResponse<String> answer = post(StandardCarrier.KYC_MATCH_PATH, kyc("phoneNumber", VOICE_MSISDN,
                    "idDocument", "4567", "birthdate", "1990-01-01"), token(StandardCarrier.KYC_SCOPE));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json.readTree(answer.body())).isEqualTo(json.createObjectNode()
                    .put("idDocumentMatch", "false").put("birthdateMatch", "not_available"));
        }
    }

    @Test
    void theOrderNumberExtensionIsMatchedExactlyWhenTheOperatorDoesNotGateOnTheDocument() throws Exception {
        String token = token(StandardCarrier.KYC_SCOPE);
        assertCamaraError(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", VOICE_PRODUCT, "orderNumber",
                StandardFixture.VOICE_ORDER_NUMBER), token), 403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED");
        try (StandardCarrier lenient = StandardFixture.builder(clock).kycRequiresIdDocument(false).build()) {
            carrier.close();
            carrier = lenient;
            token = token(StandardCarrier.KYC_SCOPE);
            JsonNode right = json.readTree(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", VOICE_PRODUCT,
                    "orderNumber", StandardFixture.VOICE_ORDER_NUMBER), token).body());
            assertThat(right).isEqualTo(json.createObjectNode().put("orderNumberMatch", "true"));
            JsonNode wrong = json.readTree(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", VOICE_PRODUCT,
                    "orderNumber", "std-2026-000417"), token).body());
            assertThat(wrong).isEqualTo(json.createObjectNode().put("orderNumberMatch", "false"));
            JsonNode none = json.readTree(post(StandardCarrier.KYC_MATCH_PATH, kyc("productId", DATA_PRODUCT,
                    "orderNumber", StandardFixture.VOICE_ORDER_NUMBER), token).body());
            assertThat(none).isEqualTo(json.createObjectNode().put("orderNumberMatch", "not_available"));
        }
    }

    @Test
    void theConformanceCheckEveryAnswerGoesThroughHasTeeth() {
        OfficialApis apis = OfficialApis.shared();
        assertThat(apis.validateResponse("GET", StandardCarrier.BUCKET_PATH + "?product.id=p", 200,
                "[{\"id\":\"b\",\"product\":{\"id\":\"p\"}}]")).as("product must be an array").isNotEmpty();
        assertThat(apis.validateResponse("GET", StandardCarrier.TOPUP_PATH + "/t", 200,
                "{\"id\":\"t\",\"status\":\"requested\"}")).as("not an ActionStatusType").isNotEmpty();
        assertThat(apis.validateResponse("POST", StandardCarrier.SEND_CODE_PATH, 403,
                "{\"status\":\"403\",\"code\":\"PERMISSION_DENIED\",\"message\":\"m\"}"))
                .as("ErrorInfo.status is an integer").isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertProduct(JsonNode product) {
        assertThat(product.path("id").isTextual()).isTrue();
        assertAbsoluteHref(product);
        assertThat(PRODUCT_STATUS).contains(product.path("status").asText());
        assertThat(product.path("productOffering").path("id").isTextual()).isTrue();
        for (JsonNode c : product.path("productCharacteristic")) {
            assertThat(c.has("name") && c.has("value")).as("Characteristic requires name and value").isTrue();
        }
        for (JsonNode r : product.path("realizingResource")) {
            assertThat(r.path("id").isTextual()).as("ResourceRef requires id").isTrue();
        }
    }

    private static void assertAbsoluteHref(JsonNode resource) {
        URI href = URI.create(resource.path("href").asText());
        assertThat(href.isAbsolute()).as("absolute href").isTrue();
        assertThat(href.getPath()).endsWith("/" + resource.path("id").asText());
    }

    private void assertTmfError(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("code").isTextual()).as("TMF Error.code").isTrue();
        assertThat(error.path("reason").isTextual()).as("TMF Error.reason").isTrue();
        assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
    }

    private void assertCamaraError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("status").isInt()).isTrue();
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotEmpty();
    }

    private JsonNode single(HttpResponse<String> response) throws IOException {
        JsonNode array = json.readTree(response.body());
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    private static List<String> characteristicNames(JsonNode product) {
        return product.path("productCharacteristic").findValuesAsText("name");
    }

    private static String characteristic(JsonNode product, String name) {
        for (JsonNode c : product.path("productCharacteristic")) {
            if (c.path("name").asText().equals(name)) {
                return c.path("value").asText();
            }
        }
        return null;
    }

    private JsonNode dataBucketOf(String productId, String token) throws Exception {
        for (JsonNode b : json.readTree(get(StandardCarrier.BUCKET_PATH + "?product.id=" + productId, token).body())) {
            if (b.path("usageType").asText().equals("data") && b.path("status").asText().equals("active")) {
                return b;
            }
        }
        throw new AssertionError("no active data bucket");
    }

    private ObjectNode topUpBody(JsonNode bucket, String externalId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("amount").put("amount", 1_000_000_000L).put("units", "bytes");
        body.put("usageType", "data");
        body.putObject("bucket").put("id", bucket.path("id").asText());
        body.putObject("partyAccount").put("id", bucket.path("partyAccount").path("id").asText());
        body.putArray("product").addObject().put("id", VOICE_PRODUCT);
        body.putObject("channel").put("id", "kiosk").put("name", "Store kiosk");
        body.putObject("paymentMethod").put("id", "pay-at-register").put("name", "Pay at register");
        body.putObject("productOffering").put("id", TOPUP_1GB);
        body.put("externalId", externalId);
        return body;
    }

    private ObjectNode sendBody(String number) {
        return json.createObjectNode().put("phoneNumber", number).put("message", MESSAGE);
    }

    private ObjectNode validateBody(String id, String code) {
        return json.createObjectNode().put("authenticationId", id).put("code", code);
    }

    private ObjectNode kyc(String... fieldsAndValues) {
        ObjectNode body = json.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return body;
    }

    private String sendCode(String token) throws Exception {
        HttpResponse<String> sent = post(StandardCarrier.SEND_CODE_PATH, sendBody(VOICE_MSISDN), token);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return json.readTree(sent.body()).path("authenticationId").asText();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private String token(String scope) throws Exception {
        HttpResponse<String> answer = tokenResponse(basic(carrier.clientId(), carrier.clientSecret()),
                "grant_type=client_credentials" + (scope.isEmpty() ? "" : "&scope=" + enc(scope)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("access_token").asText();
    }

    /** An RFC 7523 client assertion signed with the JDK: iss = sub = client, exp {@code lifetime} from now. */
    private String assertion(KeyPair keys, String alg, String client, String aud, String jti, Duration lifetime)
            throws Exception {
        ObjectNode claims = json.createObjectNode().put("iss", client).put("sub", client).put("aud", aud)
                .put("jti", jti).put("iat", clock.instant().getEpochSecond())
                .put("exp", clock.instant().plus(lifetime).getEpochSecond());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(json.writeValueAsBytes(claims));
        Signature signer = Signature.getInstance(alg.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        signer.initSign(keys.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signer.sign());
    }

    private static String assertionForm(String assertion) {
        return "grant_type=client_credentials&client_assertion_type="
                + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion=" + assertion;
    }

    private HttpResponse<String> tokenResponse(String authorization, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(carrier.baseUri().resolve(StandardCarrier.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6749 2.3.1: id and secret form-encoded, then Base64. */
    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(carrier.baseUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return conforming("GET", pathAndQuery,
                http.send(request(pathAndQuery, token).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(String path, JsonNode body, String token) throws IOException,
            InterruptedException {
        return conforming("POST", path, http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Every answer of the carrier, errors included, is what the official document says for that operation. */
    private static HttpResponse<String> conforming(String method, String pathAndQuery, HttpResponse<String> response) {
        assertThat(OfficialApis.shared().validateResponse(method, pathAndQuery, response.statusCode(),
                response.body())).as(method + " " + pathAndQuery + " " + response.statusCode() + " " + response.body())
                .isEmpty();
        return response;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
