package com.simkiosk.carrier.conformance;

import static com.simkiosk.testing.conformance.CarrierPaths.BUCKET;
import static com.simkiosk.testing.conformance.CarrierPaths.KYC_MATCH;
import static com.simkiosk.testing.conformance.CarrierPaths.OFFERING;
import static com.simkiosk.testing.conformance.CarrierPaths.OFFERING_PRICE;
import static com.simkiosk.testing.conformance.CarrierPaths.PRODUCT;
import static com.simkiosk.testing.conformance.CarrierPaths.SEND_CODE;
import static com.simkiosk.testing.conformance.CarrierPaths.TOPUP;
import static com.simkiosk.testing.conformance.CarrierPaths.USAGE;
import static com.simkiosk.testing.conformance.CarrierPaths.VALIDATE_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.carrier.tmf.ContractExamples;
import com.simkiosk.testing.conformance.Deviation;
import com.simkiosk.testing.conformance.OfficialApis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON example of {@code docs/carrier-api.md} conforms to the official document of the exchange it illustrates.
 * Each example is classified below; a new example that is not fails until it is, and so does a classification whose
 * example is gone.
 */
class CarrierApiExamplesConformTest {


    /** What an example illustrates: a request or an answer of a documented operation, or an OAuth token exchange. */
    private sealed interface Illustrates {
        List<Deviation> deviations(OfficialApis apis, String json) throws IOException;
    }

    private record Request(String method, String path) implements Illustrates {
        @Override
        public List<Deviation> deviations(OfficialApis apis, String json) {
            return apis.validateRequest(method, path, json);
        }
    }

    private record Answer(String method, String path, int status) implements Illustrates {
        @Override
        public List<Deviation> deviations(OfficialApis apis, String json) {
            return apis.validateResponse(method, path, status, json);
        }
    }

    /** RFC 6749 token endpoint: in no TMF or CAMARA document, checked for the fields RFC 6749 requires. */
    private record OAuthToken(boolean success) implements Illustrates {
        @Override
        public List<Deviation> deviations(OfficialApis apis, String json) throws IOException {
            return oauth(success, new ObjectMapper().readTree(json));
        }
    }

    private static final Map<String, Illustrates> CLASSIFIED = Map.ofEntries(
            // Generic errors (§1.2), each on an operation whose document lists that code.
            Map.entry("camara-invalid-argument", new Answer("POST", SEND_CODE, 400)),
            Map.entry("camara-out-of-range", new Answer("POST", VALIDATE_CODE, 400)),
            Map.entry("camara-unauthenticated", new Answer("POST", SEND_CODE, 401)),
            Map.entry("camara-authentication-required", new Answer("POST", KYC_MATCH, 401)),
            Map.entry("camara-permission-denied", new Answer("POST", SEND_CODE, 403)),
            Map.entry("camara-invalid-token-context", new Answer("POST", KYC_MATCH, 403)),
            Map.entry("camara-not-found", new Answer("POST", SEND_CODE, 404)),
            Map.entry("camara-too-many-requests", new Answer("POST", SEND_CODE, 429)),
            Map.entry("camara-quota-exceeded", new Answer("POST", SEND_CODE, 429)),
            Map.entry("camara-internal", new Answer("POST", SEND_CODE, 500)),
            Map.entry("camara-unavailable", new Answer("POST", SEND_CODE, 503)),
            Map.entry("tmf-invalid-argument", new Answer("GET", PRODUCT, 400)),
            Map.entry("tmf-unauthenticated", new Answer("GET", PRODUCT, 401)),
            Map.entry("tmf-not-found", new Answer("GET", PRODUCT + "/prd-unknown", 404)),
            Map.entry("tmf-too-many-requests", new Answer("GET", PRODUCT, 429)),
            Map.entry("tmf-internal", new Answer("GET", PRODUCT, 500)),
            Map.entry("tmf-unavailable", new Answer("GET", PRODUCT, 503)),
            // §2 OAuth (RFC 6749 / RFC 7523).
            Map.entry("client-assertion-claims", new ClientAssertion()),
            Map.entry("token-response", new OAuthToken(true)),
            Map.entry("token-error-invalid-client", new OAuthToken(false)),
            Map.entry("token-error-unsupported-grant-type", new OAuthToken(false)),
            Map.entry("token-error-invalid-scope", new OAuthToken(false)),
            // §3 TMF637.
            Map.entry("product-by-iccid-response", new Answer("GET", PRODUCT, 200)),
            Map.entry("product-plain-response", new Answer("GET", PRODUCT, 200)),
            Map.entry("product-not-found-response", new Answer("GET", PRODUCT, 200)),
            Map.entry("product-by-msisdn-response", new Answer("GET", PRODUCT, 200)),
            Map.entry("product-by-msisdn-unverified", new Answer("GET", PRODUCT, 403)),
            Map.entry("product-response", new Answer("GET", PRODUCT + "/prd-au-prepaid-0002", 200)),
            // §4 CAMARA OTP SMS.
            Map.entry("send-code-request", new Request("POST", SEND_CODE)),
            Map.entry("send-code-response", new Answer("POST", SEND_CODE, 200)),
            Map.entry("send-code-max-otp-codes-exceeded", new Answer("POST", SEND_CODE, 403)),
            Map.entry("otp-phone-number-not-allowed", new Answer("POST", SEND_CODE, 403)),
            Map.entry("otp-phone-number-blocked", new Answer("POST", SEND_CODE, 403)),
            Map.entry("send-code-cooldown", new Answer("POST", SEND_CODE, 429)),
            Map.entry("validate-code-request", new Request("POST", VALIDATE_CODE)),
            Map.entry("validate-code-invalid-otp", new Answer("POST", VALIDATE_CODE, 400)),
            Map.entry("validate-code-verification-failed", new Answer("POST", VALIDATE_CODE, 400)),
            Map.entry("validate-code-verification-expired", new Answer("POST", VALIDATE_CODE, 400)),
            // §5 CAMARA KYC Match.
            Map.entry("kyc-match-id-document-request", new Request("POST", KYC_MATCH)),
            Map.entry("kyc-match-id-document-response", new Answer("POST", KYC_MATCH, 200)),
            Map.entry("kyc-match-product-id-request", new Request("POST", KYC_MATCH)),
            Map.entry("kyc-match-order-number-request", new Request("POST", KYC_MATCH)),
            Map.entry("kyc-match-order-number-response", new Answer("POST", KYC_MATCH, 200)),
            Map.entry("kyc-id-document-mismatch", new Answer("POST", KYC_MATCH, 403)),
            Map.entry("kyc-id-document-required", new Answer("POST", KYC_MATCH, 403)),
            Map.entry("kyc-invalid-param-combination", new Answer("POST", KYC_MATCH, 400)),
            Map.entry("kyc-match-identifier-not-found", new Answer("POST", KYC_MATCH, 404)),
            Map.entry("kyc-missing-identifier", new Answer("POST", KYC_MATCH, 422)),
            Map.entry("kyc-service-not-applicable", new Answer("POST", KYC_MATCH, 422)),
            // §6–8 TMF654 buckets, TMF635 usage, TMF620 catalog.
            Map.entry("bucket-list-response", new Answer("GET", BUCKET, 200)),
            Map.entry("bucket-response", new Answer("GET", BUCKET + "/bkt-au-0002-data", 200)),
            Map.entry("usage-list-response", new Answer("GET", USAGE, 200)),
            Map.entry("offering-list-response", new Answer("GET", OFFERING, 200)),
            Map.entry("product-offering-price-response", new Answer("GET", OFFERING_PRICE + "/pop-topup-1gb-30d", 200)),
            // §9 TMF654 top-up.
            Map.entry("topup-request", new Request("POST", TOPUP)),
            Map.entry("topup-response", new Answer("POST", TOPUP, 201)),
            Map.entry("topup-missing-field", new Answer("POST", TOPUP, 400)),
            Map.entry("topup-line-not-active", new Answer("POST", TOPUP, 409)),
            Map.entry("topup-completed-response", new Answer("GET", TOPUP + "/tpb-7c1d2e3f4a5b", 200)),
            Map.entry("topup-failed-response", new Answer("GET", TOPUP + "/tpb-7c1d2e3f4a5b", 200)),
            Map.entry("topup-lookup-response", new Answer("GET", TOPUP, 200)));

    /** RFC 7523 §3: the claims a JWT client assertion must carry (and {@code jti} against replay). */
    private record ClientAssertion() implements Illustrates {
        @Override
        public List<Deviation> deviations(OfficialApis apis, String json) throws IOException {
            JsonNode claims = new ObjectMapper().readTree(json);
            List<Deviation> found = new ArrayList<>();
            for (String claim : List.of("iss", "sub", "aud", "exp", "jti")) {
                if (!claims.has(claim)) {
                    found.add(new Deviation("/" + claim, "RFC 7523 §3 requires the claim " + claim, "RFC 7523"));
                }
            }
            return found;
        }
    }

    /** RFC 6749 §5.2 error codes. */
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope", "server_error", "temporarily_unavailable");

    private final OfficialApis apis = OfficialApis.shared();
    private final ContractExamples examples = ContractExamples.load();

    @TestFactory
    Stream<DynamicTest> everyExampleConformsToTheDocumentItIllustrates() {
        Map<String, String> all = examples.all();
        Set<String> names = new TreeSet<>(all.keySet());
        names.addAll(CLASSIFIED.keySet());
        return names.stream().map(name -> dynamicTest(name, () -> {
            assertThat(all).as("docs/carrier-api.md has no example %s any more: drop its classification", name)
                    .containsKey(name);
            assertThat(CLASSIFIED).as("example %s is not classified: say which exchange it illustrates", name)
                    .containsKey(name);
            assertThat(CLASSIFIED.get(name).deviations(apis, all.get(name)))
                    .as("example %s against %s", name, CLASSIFIED.get(name)).isEmpty();
        }));
    }

    private static List<Deviation> oauth(boolean success, JsonNode body) {
        List<Deviation> found = new ArrayList<>();
        if (success) {
            for (String field : List.of("access_token", "token_type")) {
                if (!body.path(field).isTextual()) {
                    found.add(new Deviation("/" + field, "RFC 6749 §5.1 requires a string " + field, "RFC 6749"));
                }
            }
        } else if (!OAUTH_ERRORS.contains(body.path("error").asText())) {
            found.add(new Deviation("/error", "not an RFC 6749 §5.2 error code: " + body.path("error"), "RFC 6749"));
        }
        return found;
    }
}
