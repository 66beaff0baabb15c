package com.simkiosk.carrier.conformance;

import static com.simkiosk.testing.conformance.CarrierPaths.BUCKET;
import static com.simkiosk.testing.conformance.CarrierPaths.KYC_MATCH;
import static com.simkiosk.testing.conformance.CarrierPaths.OFFERING;
import static com.simkiosk.testing.conformance.CarrierPaths.PRODUCT;
import static com.simkiosk.testing.conformance.CarrierPaths.SEND_CODE;
import static com.simkiosk.testing.conformance.CarrierPaths.TOPUP;
import static com.simkiosk.testing.conformance.CarrierPaths.USAGE;
import static com.simkiosk.testing.conformance.CarrierPaths.VALIDATE_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carrier simulator answers what the official documents say: every endpoint is driven with plain HTTP requests
 * written from the standard (contract v2 filters and bodies), and every answer, success or error, is validated
 * against the TMF / CAMARA document of its operation and status.
 */
class SimulatorAnswersConformTest {
    /** 12:00 in Japan on Thursday 26 November 2026; the demo data's dates are relative to it. */
    private static final Instant START = Instant.parse("2026-11-26T03:00:00Z");
    private static final Duration TIMEOUT = TestTime.bound(Duration.ofSeconds(5));
    private static final String SMS = "{{code}} is your SIM kiosk verification code";

    private final MutableClock clock = new MutableClock(START);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ConformanceReport report = new ConformanceReport();
    private CarrierSimulator sim;
    private DemoLines lines;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sim = CarrierSimulator.builder().clock(clock).start();
        lines = sim.demoLines();
        token = token("one-time-password-sms:send-validate kyc-match:match");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void productInventoryAnswersConform() throws Exception {
        DemoLine au = lines.auPrepaid();
        JsonNode found = get(PRODUCT + "?realizingResource.id=" + au.iccid().digits(), 200);
        report.expect(found.size() == 1, "one product for the SIM " + au.key());
        get(found.path(0).path("href").asText(PRODUCT + "/" + au.productId()), 200);
        get(PRODUCT + "/prd-no-such-line", 404);
        get(PRODUCT + "?realizingResource.id=" + DemoLines.UNKNOWN_JAPANESE_ICCID.digits(), 200);
        get(PRODUCT + "?realizingResource.id=12AB", 400);
        get(PRODUCT + "?realizingResource.id=" + lines.plain020().iccid().digits(), 200); // nothing but the standard

        Msisdn number = au.msisdn().orElseThrow();
        String byNumber = PRODUCT + "?productCharacteristic.name=msisdn&productCharacteristic.value=" + enc(number.e164());
        get(byNumber, 403); // not verified yet
        verifyByCode(number);
        get(byNumber, 200);
        report.assertConforms();
    }

    @Test
    void otpSmsAnswersConform() throws Exception {
        Msisdn number = lines.rakuten().msisdn().orElseThrow();
        String authenticationId = sendCode(number.e164(), 200).path("authenticationId").asText();
        String code = sim.smsOutbox().latestTo(number.e164()).orElseThrow().code();
        post(VALIDATE_CODE, validateBody(authenticationId, wrong(code)), 400);      // INVALID_OTP
        post(VALIDATE_CODE, validateBody(authenticationId, code), 204);
        post(VALIDATE_CODE, validateBody(authenticationId, code), 400);             // used up: VERIFICATION_EXPIRED
        post(VALIDATE_CODE, validateBody(UUID.randomUUID().toString(), code), 400); // never issued

        String failing = sendCodeAfterCooldown(number.e164());
        for (int i = 0; i < 5; i++) {
            post(VALIDATE_CODE, validateBody(failing, wrong(code)), 400);           // …then VERIFICATION_FAILED
        }
        sendCode(number.e164(), 429);                                               // cooldown
        sendCodeAfterCooldown(number.e164());
        clock.advance(Duration.ofSeconds(31));
        sendCode(number.e164(), 403);                                               // MAX_OTP_CODES_EXCEEDED
        sendCode("090-1234-0002", 400);                                             // not E.164
        sendCode(DemoLines.UNKNOWN_NUMBER.e164(), 200);                             // no enumeration
        sendCode(lines.suspended().msisdn().orElseThrow().e164(), 403);             // PHONE_NUMBER_BLOCKED
        report.assertConforms();
    }

    @Test
    void kycMatchAnswersConform() throws Exception {
        DemoLine au = lines.auPrepaid();
        String auNumber = au.msisdn().orElseThrow().e164();
        JsonNode standard = post(KYC_MATCH, kyc("phoneNumber", auNumber, au.idDocument()), 200);
        report.expect("true".equals(standard.path("idDocumentMatch").asText()),
                "idDocumentMatch \"true\" for the standard request with the registered document, got " + standard);

        DemoLine tourist = lines.touristData();
        post(KYC_MATCH, kyc("productId", tourist.productId(), tourist.idDocument()), 200); // a line without number
        post(KYC_MATCH, json.createObjectNode().put("productId", tourist.productId())
                .put("orderNumber", tourist.orderNumber()).toString(), 200);
        post(KYC_MATCH, kyc("phoneNumber", DemoLines.UNKNOWN_NUMBER.e164(), "TK0000000"), 404);  // IDENTIFIER_NOT_FOUND
        post(KYC_MATCH, json.createObjectNode().put("idDocument", au.idDocument()).toString(), 422); // MISSING_IDENTIFIER
        post(KYC_MATCH, json.createObjectNode().put("phoneNumber", auNumber).toString(), 403);   // ID_DOCUMENT_REQUIRED
        post(KYC_MATCH, json.createObjectNode().put("phoneNumber", auNumber).put("productId", tourist.productId())
                .put("idDocument", au.idDocument()).toString(), 400);                            // INVALID_PARAM_COMBINATION
        DemoLine noIdCheck = lines.iijMvno();                                                    // lists no ID_DOCUMENT
        post(KYC_MATCH, kyc("phoneNumber", noIdCheck.msisdn().orElseThrow().e164(), noIdCheck.idDocument()), 422);
        for (int i = 0; i < 5; i++) {
            post(KYC_MATCH, kyc("productId", tourist.productId(), "XX000000" + i), 403);          // ID_DOCUMENT_MISMATCH
        }
        post(KYC_MATCH, kyc("productId", tourist.productId(), "XX0000009"), 429);                // brute-force guard
        report.assertConforms();
    }

    @Test
    void balanceUsageAndCatalogAnswersConform() throws Exception {
        String product = lines.auPrepaid().productId();
        JsonNode buckets = get(BUCKET + "?product.id=" + product, 200);
        JsonNode usage = get(USAGE + "?ratedProductUsage.productRef.id=" + product + "&usageDate.gte=2026-11-20", 200);
        JsonNode offerings = get(OFFERING + "?category.name=topup&product.id=" + product, 200);
        report.expect(!offerings.isEmpty(), "top-up offerings for an active line");
        // Each resource by its own href, as a TMF client may follow them.
        for (JsonNode listed : List.of(buckets.path(0), usage.path(0), offerings.path(0))) {
            if (listed.has("href")) {
                get(listed.get("href").asText(), 200);
            }
        }
        get(BUCKET + "/bkt-no-such-bucket", 404);
        for (JsonNode offering : offerings) {
            for (JsonNode price : offering.path("productOfferingPrice")) {
                if (price.has("href")) {
                    get(price.get("href").asText(), 200); // TMF620 ProductOfferingPrice
                }
            }
        }
        report.assertConforms();
    }

    @Test
    void topUpAnswersConform() throws Exception {
        DemoLine au = lines.auPrepaid();
        String externalId = "kiosk-" + UUID.randomUUID();
        JsonNode created = post(TOPUP, topUp(au.productId(), externalId), 201);
        if (created.hasNonNull("id")) {
            get(created.path("href").asText(TOPUP + "/" + created.get("id").asText()), 200);
        }
        JsonNode byCorrelator = get(TOPUP + "?externalId=" + externalId, 200);
        report.expect(byCorrelator.size() == 1, "the order found again by its externalId");
        get(TOPUP + "/tpb-no-such-order", 404);
        post(TOPUP, topUp(lines.suspended().productId(), "kiosk-" + UUID.randomUUID()), 409); // LINE_NOT_ACTIVE
        report.assertConforms();
    }

    @Test
    void injectedFaultsAnswerTheFamilysErrorShape() throws Exception {
        String product = lines.auPrepaid().productId();
        String bucket = BUCKET + "?product.id=" + product;
        String sendCode = "{\"phoneNumber\":\"" + lines.auPrepaid().msisdn().orElseThrow().e164()
                + "\",\"message\":\"" + SMS + "\"}";
        Map<Fault, Integer> faults = Map.of(new Fault.ServerError(), 500, new Fault.Unavailable(1), 503,
                new Fault.RateLimited(1), 429, new Fault.ExpiredToken(), 401);
        for (Map.Entry<Fault, Integer> planned : faults.entrySet()) {
            Fault fault = planned.getKey();
            int status = planned.getValue();
            sim.faults().inject(Endpoint.BUCKET, fault, 1);
            get(bucket, status);
            sim.faults().inject(Endpoint.SEND_CODE, fault, 1);
            post(SEND_CODE, sendCode, status);
            sim.faults().inject(Endpoint.KYC_MATCH, fault, 1);
            post(KYC_MATCH, kyc("productId", product, "MX0000000"), status);
        }
        // The CAMARA codes the simulator never produces by itself, in its error family.
        sim.faults().inject(Endpoint.SEND_CODE, new Fault.ErrorAnswer(403, "PERMISSION_DENIED", ""), 1);
        post(SEND_CODE, sendCode, 403);
        sim.faults().inject(Endpoint.SEND_CODE, new Fault.ErrorAnswer(404, "NOT_FOUND", ""), 1);
        post(SEND_CODE, sendCode, 404);
        sim.faults().inject(Endpoint.SEND_CODE, new Fault.ErrorAnswer(429, "QUOTA_EXCEEDED", ""), 1);
        post(SEND_CODE, sendCode, 429);
        sim.faults().inject(Endpoint.VALIDATE_CODE, new Fault.ErrorAnswer(400, "OUT_OF_RANGE", ""), 1);
        post(VALIDATE_CODE, validateBody(UUID.randomUUID().toString(), "123456"), 400);
        sim.faults().inject(Endpoint.KYC_MATCH, new Fault.ErrorAnswer(401, "AUTHENTICATION_REQUIRED", ""), 1);
        post(KYC_MATCH, kyc("productId", product, "MX0000000"), 401);
        sim.faults().inject(Endpoint.KYC_MATCH, new Fault.ErrorAnswer(403, "INVALID_TOKEN_CONTEXT", ""), 1);
        post(KYC_MATCH, kyc("productId", product, "MX0000000"), 403);
        report.assertConforms();
    }

    // ------------------------------------------------------------------------------------------------ journeys

    private void verifyByCode(Msisdn number) throws Exception {
        String authenticationId = sendCode(number.e164(), 200).path("authenticationId").asText();
        String code = sim.smsOutbox().latestTo(number.e164()).orElseThrow().code();
        post(VALIDATE_CODE, validateBody(authenticationId, code), 204);
    }

    private JsonNode sendCode(String e164, int expected) throws Exception {
        return post(SEND_CODE, "{\"phoneNumber\":\"" + e164 + "\",\"message\":\"" + SMS + "\"}", expected);
    }

    private String sendCodeAfterCooldown(String e164) throws Exception {
        clock.advance(Duration.ofSeconds(31));
        return sendCode(e164, 200).path("authenticationId").asText();
    }

    private static String validateBody(String authenticationId, String code) {
        return "{\"authenticationId\":\"" + authenticationId + "\",\"code\":\"" + code + "\"}";
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private String kyc(String identifierField, String identifier, String idDocument) {
        ObjectNode body = json.createObjectNode().put(identifierField, identifier).put("idDocument", idDocument);
        return body.toString();
    }

    /** The standard TMF654 TopupBalance_Create of contract v2, on the line's active data bucket. */
    private String topUp(String productId, String externalId) throws Exception {
        JsonNode buckets = get(BUCKET + "?product.id=" + productId, 200);
        JsonNode chosen = null;
        for (JsonNode b : buckets) {
            if (chosen == null || ("data".equals(b.path("usageType").asText()) && "active".equals(b.path("status").asText()))) {
                chosen = b;
            }
        }
        String bucketId = chosen == null ? productId : chosen.path("id").asText(productId);
        String account = chosen == null ? productId : chosen.path("partyAccount").path("id").asText(productId);
        ObjectNode body = json.createObjectNode();
        body.putObject("amount").put("amount", 1_000_000_000L).put("units", "bytes");
        body.put("usageType", "data");
        body.putObject("bucket").put("id", bucketId);
        body.putObject("partyAccount").put("id", account);
        body.putArray("product").addObject().put("id", productId);
        body.putObject("channel").put("id", "kiosk").put("name", "Store kiosk");
        body.putObject("paymentMethod").put("id", "pay-at-register").put("name", "Pay at register");
        body.putObject("productOffering").put("id", "po-topup-1gb-30d");
        body.put("externalId", externalId);
        return body.toString();
    }

    // ---------------------------------------------------------------------------------------------------- HTTP

    private String token(String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (DemoLines.CLIENT_ID + ":" + DemoLines.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/oauth2/token"))
                .timeout(TIMEOUT).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + enc(scope))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("token: %s", r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("access_token").asText();
    }

    private JsonNode get(String pathOrUrl, int expected) throws Exception {
        return exchange("GET", pathOrUrl, null, expected);
    }

    private JsonNode post(String path, String body, int expected) throws Exception {
        return exchange("POST", path, body, expected);
    }

    private JsonNode exchange(String method, String pathOrUrl, String body, int expected) throws Exception {
        URI uri = sim.baseUri().resolve(pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        report.answer(method, pathAndQuery, expected, r.statusCode(), r.body());
        try {
            return r.body().isBlank() ? json.missingNode() : json.readTree(r.body());
        } catch (IOException notJson) {
            return json.missingNode(); // reported as a deviation already
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
