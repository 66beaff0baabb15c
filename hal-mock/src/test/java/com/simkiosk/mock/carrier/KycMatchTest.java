package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CAMARA KYC Match as docs/carrier-api.md 5 says: by phoneNumber or productId, the whole ID document. */
class KycMatchTest extends SimulatorFixture {

    private String au() {
        return demo.auPrepaid().msisdn().orElseThrow().e164();
    }

    @Test
    void theStandardRequestByPhoneNumberMatchesTheWholeDocument() throws Exception {
        HttpResponse<String> r = http.kycMatch(EXAMPLES.text("kyc-match-id-document-request"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("kyc-match-id-document-response", r);
        assertThat(EXAMPLES.json("kyc-match-id-document-request").get("idDocument").asText())
                .isEqualTo(demo.auPrepaid().idDocument());
    }

    @Test
    void aLineWithoutANumberIsNamedByItsProductId() throws Exception {
        HttpResponse<String> r = http.kycMatch(EXAMPLES.text("kyc-match-product-id-request"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertDocumented("kyc-match-id-document-response", r);
    }

    @Test
    void theDocumentIsComparedWithoutSpacesHyphensOrCase() throws Exception {
        String typed = "mx-772 9136";
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"idDocument\":\"" + typed + "\"}");
        assertDocumented("kyc-match-id-document-response", r);
    }

    @Test
    void onlyTheLastFourCharactersAreAMismatch() throws Exception {
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"idDocument\":\""
                + demo.auPrepaid().idDocumentLast4() + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertDocumented("kyc-id-document-mismatch", r);
    }

    @Test
    void orderNumbersAreAnsweredInTheExtensionField() throws Exception {
        HttpResponse<String> wrong = http.kycMatch(EXAMPLES.text("kyc-match-order-number-request"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertDocumented("kyc-match-order-number-response", wrong);
        HttpResponse<String> right = http.kycMatch("{\"productId\":\"" + demo.touristData().productId()
                + "\",\"orderNumber\":\"" + demo.touristData().orderNumber().toLowerCase() + "\"}");
        assertThat(http.json(right).get("orderNumberMatch").asText()).isEqualTo("true");
        HttpResponse<String> notListed = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"orderNumber\":\""
                + demo.auPrepaid().orderNumber() + "\"}");
        assertThat(http.json(notListed).get("orderNumberMatch").asText()).isEqualTo("not_available");
    }

    @Test
    void nothingToCompareIsIdDocumentRequired() throws Exception {
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + au() + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertDocumented("kyc-id-document-required", r);
    }

    @Test
    void propertiesTheCarrierHoldsNoneOfAreNotAvailable() throws Exception {
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"idDocument\":\""
                + demo.auPrepaid().idDocument() + "\",\"givenName\":\"Hanako\",\"birthdate\":\"1990-01-01\"}");
        assertThat(http.json(r)).isEqualTo(http.json().readTree(
                "{\"idDocumentMatch\":\"true\",\"givenNameMatch\":\"not_available\",\"birthdateMatch\":\"not_available\"}"));
    }

    @Test
    void aLineWhoseCarrierDoesNotAllowTheIdCheckIsServiceNotApplicable() throws Exception {
        DemoLine iij = demo.iijMvno(); // SMS code and order number only
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + iij.msisdn().orElseThrow().e164()
                + "\",\"idDocument\":\"" + iij.idDocument() + "\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertDocumented("kyc-service-not-applicable", r);
    }

    @Test
    void aLineWithoutAListAllowsTheIdCheckAsTheStandardDoes() throws Exception {
        DemoLine plain = demo.plain020();
        HttpResponse<String> r = http.kycMatch("{\"phoneNumber\":\"" + plain.msisdn().orElseThrow().e164()
                + "\",\"idDocument\":\"" + plain.idDocument() + "\"}");
        assertDocumented("kyc-match-id-document-response", r);
    }

    @Test
    void identifiersMustBeGivenExistAndAgree() throws Exception {
        HttpResponse<String> none = http.kycMatch("{\"idDocument\":\"MX7729136\"}");
        assertThat(none.statusCode()).isEqualTo(422);
        assertDocumented("kyc-missing-identifier", none);
        HttpResponse<String> unknownProduct = http.kycMatch("{\"productId\":\"prd-nobody\",\"idDocument\":\"1234\"}");
        assertThat(unknownProduct.statusCode()).isEqualTo(404);
        assertDocumented("kyc-match-identifier-not-found", unknownProduct);
        HttpResponse<String> unknownNumber = http.kycMatch("{\"phoneNumber\":\"" + DemoLines.UNKNOWN_NUMBER.e164()
                + "\",\"idDocument\":\"1234\"}");
        assertDocumented("kyc-match-identifier-not-found", unknownNumber);
        HttpResponse<String> twoLines = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"productId\":\""
                + demo.touristData().productId() + "\",\"idDocument\":\"MX7729136\"}");
        assertThat(twoLines.statusCode()).isEqualTo(400);
        assertDocumented("kyc-invalid-param-combination", twoLines);
        HttpResponse<String> sameLine = http.kycMatch("{\"phoneNumber\":\"" + au() + "\",\"productId\":\""
                + demo.auPrepaid().productId() + "\",\"idDocument\":\"MX7729136\"}");
        assertDocumented("kyc-match-id-document-response", sameLine);
        HttpResponse<String> notE164 = http.kycMatch("{\"phoneNumber\":\"090-1234-0002\",\"idDocument\":\"1\"}");
        assertThat(notE164.statusCode()).isEqualTo(400);
        assertThat(http.json(notE164).get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void fiveMismatchesLockTheRegisteredDetailCheckForAWhile() throws Exception {
        String wrong = "{\"phoneNumber\":\"" + au() + "\",\"idDocument\":\"AA0000000\"}";
        for (int i = 0; i < KycMatchApi.MAX_MISMATCHES; i++) {
            assertThat(http.kycMatch(wrong).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> locked = http.kycMatch(EXAMPLES.text("kyc-match-id-document-request"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("600");
        assertDocumented("camara-too-many-requests", locked);
        assertThat(http.kycMatch(EXAMPLES.text("kyc-match-product-id-request")).statusCode())
                .as("another line is not locked").isEqualTo(200);
        clock.advance(KycMatchApi.MISMATCH_WINDOW);
        assertDocumented("kyc-match-id-document-response", http.kycMatch(EXAMPLES.text("kyc-match-id-document-request")));
    }
}
