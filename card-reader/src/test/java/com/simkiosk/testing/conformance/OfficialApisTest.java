package com.simkiosk.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself: it passes what the official documents allow and catches the deviations issue 9 found. */
class OfficialApisTest {

    private static final OfficialApis APIS = OfficialApis.shared();
    private static final String TOPUP = "/tmf-api/prepayBalanceManagement/v4/topupBalance";

    private static List<String> pointers(List<Deviation> deviations) {
        return deviations.stream().map(Deviation::pointer).toList();
    }

    @Test
    void aTopUpAnsweredAsRequestedIsNotAStandardStatus() {
        List<Deviation> found = APIS.validate(Api.TMF654_PREPAY_BALANCE, "TopupBalance",
                "{\"id\":\"tpb-1\",\"status\":\"requested\"}");

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/status");
            assertThat(d.message()).contains("created", "completed");
            assertThat(d.rule()).contains("TMF654").contains("ActionStatusType");
        });
    }

    @Test
    void theOldTopUpRequestMissesWhatTmf654Requires() {
        List<Deviation> found = APIS.validate(Api.TMF654_PREPAY_BALANCE, "TopupBalance_Create",
                "{\"product\":{\"id\":\"prd-1\"},\"productOffering\":{\"id\":\"po-1\"},\"usageType\":\"data\","
                        + "\"paymentMethod\":{\"@type\":\"PayAtRegister\"}}");

        assertThat(found).extracting(Deviation::message)
                .anyMatch(m -> m.contains("amount"))
                .anyMatch(m -> m.contains("bucket"))
                .anyMatch(m -> m.contains("partyAccount"));
        assertThat(pointers(found)).contains("/product", "/paymentMethod");
    }

    @Test
    void theContractV2TopUpRequestConformsWithItsExtensionsAsExtraFields() {
        assertThat(APIS.validateRequest("POST", TOPUP, """
                {"amount":{"amount":1000000000,"units":"bytes"},"usageType":"data",
                 "bucket":{"id":"bkt-au-0002-data"},"partyAccount":{"id":"acc-au-0002"},
                 "product":[{"id":"prd-au-prepaid-0002"}],"channel":{"id":"kiosk","name":"Store kiosk"},
                 "paymentMethod":{"id":"pay-at-register","name":"Pay at register"},
                 "productOffering":{"id":"po-topup-1gb-30d"},"externalId":"kiosk-3f0c"}""")).isEmpty();
    }

    @Test
    void anOfferingWithAnInlinePriceWithoutIdIsNotTmf620() {
        String inline = "{\"id\":\"po-1\",\"productOfferingPrice\":[{\"name\":\"price\",\"priceType\":\"oneTime\","
                + "\"price\":{\"unit\":\"JPY\",\"value\":1200}}]}";
        String reference = "{\"id\":\"po-1\",\"productOfferingPrice\":[{\"id\":\"pop-1\","
                + "\"href\":\"http://127.0.0.1:1/tmf-api/productCatalogManagement/v4/productOfferingPrice/pop-1\"}]}";

        assertThat(APIS.validate(Api.TMF620_PRODUCT_CATALOG, "ProductOffering", inline)).singleElement()
                .satisfies(d -> {
                    assertThat(d.pointer()).isEqualTo("/productOfferingPrice/0");
                    assertThat(d.message()).contains("id");
                });
        assertThat(APIS.validate(Api.TMF620_PRODUCT_CATALOG, "ProductOffering", reference)).isEmpty();
    }

    @Test
    void aUsageHrefMustBeAnAbsoluteUri() {
        assertThat(APIS.validate(Api.TMF635_USAGE, "Usage", "{\"id\":\"u\",\"href\":\"/tmf-api/usageManagement/v4/usage/u\"}"))
                .extracting(Deviation::pointer).containsExactly("/href");
        assertThat(APIS.validate(Api.TMF635_USAGE, "Usage",
                "{\"id\":\"u\",\"href\":\"http://127.0.0.1:8080/tmf-api/usageManagement/v4/usage/u\"}")).isEmpty();
    }

    @Test
    void aListAnswerIsCheckedElementByElement() {
        List<Deviation> found = APIS.validateResponse("GET",
                "/tmf-api/prepayBalanceManagement/v4/bucket?product.id=prd-1", 200,
                "[{\"id\":\"b1\",\"product\":[{\"id\":\"prd-1\"}]},{\"id\":\"b2\",\"product\":{\"id\":\"prd-1\"}}]");

        assertThat(pointers(found)).containsExactly("/1/product");
    }

    @Test
    void aProductIsFoundByItsHrefPath() {
        assertThat(APIS.operation("GET", "/tmf-api/productInventory/v4/product/prd-au-prepaid-0002"))
                .hasValueSatisfying(op -> assertThat(op.pathTemplate()).isEqualTo("/product/{id}"));
        assertThat(APIS.operation("GET", "/tmf-api/productInventory/v4/product?realizingResource.id=8981"))
                .hasValueSatisfying(op -> assertThat(op.pathTemplate()).isEqualTo("/product"));
        assertThat(APIS.validateResponse("POST", "/oauth2/token", 200, "{}")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("no official document"));
    }

    @Test
    void tmfErrorsOutsideTheListedStatusesAreStillTmf630Errors() {
        String error = "{\"code\":\"TOO_MANY_REQUESTS\",\"reason\":\"Too many requests\",\"status\":\"429\"}";

        assertThat(APIS.validateResponse("GET", "/tmf-api/usageManagement/v4/usage", 429, error)).isEmpty();
        assertThat(APIS.validateResponse("GET", "/tmf-api/usageManagement/v4/usage", 429, "{\"message\":\"x\"}"))
                .extracting(Deviation::message).anyMatch(m -> m.contains("code")).anyMatch(m -> m.contains("reason"));
        assertThat(APIS.validateResponse("POST", TOPUP, 200, "{\"status\":\"created\"}"))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("status 200 is not documented"));
    }

    @Test
    void camaraRequestsAreCheckedAgainstTheOperation() {
        assertThat(APIS.validateRequest("POST", "/one-time-password-sms/v1/send-code",
                "{\"phoneNumber\":\"+819012340002\",\"message\":\"{{code}} is your code\"}")).isEmpty();
        assertThat(pointers(APIS.validateRequest("POST", "/one-time-password-sms/v1/send-code",
                "{\"phoneNumber\":\"09012340002\",\"message\":\"no placeholder\"}")))
                .containsExactlyInAnyOrder("/phoneNumber", "/message");
        assertThat(APIS.validateRequest("POST", "/kyc-match/v0.3/match",
                "{\"phoneNumber\":\"+819012340002\",\"idDocument\":\"TK1234567\"}")).isEmpty();
    }

    @Test
    void camaraErrorCodesMustBeTheOnesTheOperationNames() {
        String notAllowed = "{\"status\":403,\"code\":\"ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED\","
                + "\"message\":\"not allowed\"}";
        String invented = "{\"status\":403,\"code\":\"VERIFICATION_REQUIRED\",\"message\":\"x\"}";

        assertThat(APIS.validateResponse("POST", "/one-time-password-sms/v1/send-code", 403, notAllowed)).isEmpty();
        assertThat(APIS.validateResponse("POST", "/one-time-password-sms/v1/send-code", 403, invented))
                .extracting(Deviation::pointer).contains("/code");
        assertThat(APIS.validateResponse("POST", "/one-time-password-sms/v1/validate-code", 400,
                "{\"status\":400,\"code\":\"ONE_TIME_PASSWORD_SMS.INVALID_OTP\",\"message\":\"wrong\"}")).isEmpty();
        assertThat(APIS.validateResponse("POST", "/one-time-password-sms/v1/validate-code", 204, "")).isEmpty();
    }

    @Test
    void aCamaraStatusTheOperationDoesNotListFallsBackToTheCommonGenericAnswer() {
        assertThat(APIS.validateResponse("POST", "/kyc-match/v0.3/match", 503,
                "{\"status\":503,\"code\":\"UNAVAILABLE\",\"message\":\"later\"}")).isEmpty();
        assertThat(APIS.validateResponse("POST", "/kyc-match/v0.3/match", 503,
                "{\"status\":503,\"code\":\"INTERNAL\",\"message\":\"later\"}")).extracting(Deviation::pointer)
                .contains("/code");
        assertThat(APIS.validateResponse("POST", "/kyc-match/v0.3/match", 302, ""))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("status 302 is not documented"));
    }

    @Test
    void aBodyThatIsNotJsonIsADeviation() {
        assertThat(APIS.validateResponse("GET", "/tmf-api/productInventory/v4/product/p", 200, "{\"id\":"))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("not JSON"));
    }

    @Test
    void queryFiltersMustBeAttributesOfTheListedResourceOrDeclaredExtensions() {
        assertThat(APIS.checkQuery("GET", "/tmf-api/usageManagement/v4/usage"
                + "?ratedProductUsage.productRef.id=prd-1&usageDate.gte=2026-11-20&limit=50", Set.of())).isEmpty();
        assertThat(APIS.checkQuery("GET", "/tmf-api/usageManagement/v4/usage?product.id=prd-1", Set.of()))
                .extracting(Deviation::pointer).containsExactly("?product.id");
        assertThat(APIS.checkQuery("GET", "/tmf-api/productInventory/v4/product"
                + "?productCharacteristic.name=msisdn&productCharacteristic.value=%2B819012340002", Set.of())).isEmpty();
        assertThat(APIS.checkQuery("GET", "/tmf-api/productCatalogManagement/v4/productOffering"
                + "?category.name=topup&product.id=prd-1", Set.of("product.id"))).isEmpty();
    }

    @Test
    void aConfiguredDirectoryWithoutTheDocumentsFailsClearly(@TempDir Path empty) {
        String before = System.getProperty(OfficialApis.DIRECTORY_PROPERTY);
        System.setProperty(OfficialApis.DIRECTORY_PROPERTY, empty.toString());
        try {
            assertThatThrownBy(OfficialApis::locate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(empty.toString()).hasMessageContaining("official documents");
        } finally {
            if (before == null) {
                System.clearProperty(OfficialApis.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(OfficialApis.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
