package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.tmf.BackendProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A back end's {@code "profile"} in the kiosk configuration (contract v2): defaults, overrides, one-line problems. */
class BackendProfileConfigTest {
    private static String withProfile(String profile) {
        String json = KioskConfigTest.minimal("");
        return profile.isEmpty() ? json
                : json.replace("\"iccidPrefixes\": [\"8981\"]", "\"iccidPrefixes\": [\"8981\"], \"profile\": " + profile);
    }

    private static BackendProfile profile(String profile) throws ConfigException {
        return KioskConfig.parse(withProfile(profile), "test.json", Optional.empty()).backends().get(0).profile();
    }

    private static List<String> problems(String profile) {
        try {
            KioskConfig.parse(withProfile(profile), "test.json", Optional.empty());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the profile to be refused");
    }

    @Test
    void withoutAProfileABackEndGetsTheStandardOne() throws Exception {
        assertThat(profile("")).isEqualTo(BackendProfile.standard());
        assertThat(profile("{}")).isEqualTo(BackendProfile.standard());
    }

    @Test
    void everyKeyOverridesItsDefaultAndLeavesTheOthers() throws Exception {
        BackendProfile p = profile("""
                {"msisdnCharacteristic": "MSISDN", "brandCharacteristic": "label",
                 "usageQuery": "product.id={productId}&usageDate.gte={fromDate}",
                 "offeringQuery": "category.name=topup&product.id={productId}",
                 "topUpCorrelatorField": "kioskOrderId", "payAtRegisterMethodId": "cash",
                 "units": {"gigabytes": "GB", "mins": "minutes"},
                 "productStatus": {"pendingTerminate": "suspended", "live": "ACTIVE"},
                 "topUpPoll": {"interval": "PT0.5S", "max": "PT10S"},
                 "supportPhone": "0120-000-000", "supportUrl": "https://support.example.jp"}""");

        assertThat(p.msisdnCharacteristic()).isEqualTo("MSISDN");
        assertThat(p.brandCharacteristic()).isEqualTo("label");
        assertThat(p.verificationCharacteristic()).isEqualTo("verificationMethods");
        assertThat(p.usageQuery()).isEqualTo("product.id={productId}&usageDate.gte={fromDate}");
        assertThat(p.iccidQuery()).isEqualTo("realizingResource.id={iccid}");
        assertThat(p.offeringQuery()).isEqualTo("category.name=topup&product.id={productId}");
        assertThat(p.topUpCorrelatorField()).isEqualTo("kioskOrderId");
        assertThat(p.payAtRegisterMethodId()).isEqualTo("cash");
        assertThat(p.unit("Gigabytes")).isEqualTo("GB");
        assertThat(p.lineStatus("pendingTerminate")).contains(LineStatus.SUSPENDED);
        assertThat(p.lineStatus("live")).contains(LineStatus.ACTIVE);
        assertThat(p.lineStatus("terminated")).contains(LineStatus.TERMINATED);
        assertThat(p.topUpPoll()).isEqualTo(new BackendProfile.TopUpPoll(Duration.ofMillis(500), Duration.ofSeconds(10)));
        assertThat(p.supportPhone()).contains("0120-000-000");
    }

    @Test
    void mistakesAreListedOneLineEachWithTheirPlace() {
        assertThat(problems("""
                {"msisdnCharacteristic": "msisdn number", "usageQuery": "product.id={product}",
                 "iccidQuery": "?realizingResource.id={iccid}", "units": {"gigabytes": "gigabits"},
                 "productStatus": {"live": "WORKING"}, "topUpPoll": {"interval": "200ms"}, "tokenAuthh": "x"}"""))
                .containsExactlyInAnyOrder(
                        "backends[0].profile.tokenAuthh: unknown field (known: brandCharacteristic, bucketQuery, clientKey, "
                                + "dataAllowanceCharacteristic, iccidQuery, msisdnCharacteristic, msisdnQuery, offeringQuery, "
                                + "payAtRegisterMethodId, productStatus, scopes, supportPhone, supportUrl, tokenAuth, "
                                + "topUpCorrelatorField, topUpPoll, units, usageQuery, usageUnitsCharacteristic, "
                                + "usageVolumeCharacteristic, verificationCharacteristic)",
                        "backends[0].profile.msisdnCharacteristic: must be a field name of 1 to 64 letters, digits, '_', '.', '@' or '-' (was 'msisdn number')",
                        "backends[0].profile.usageQuery: unknown placeholder {product} (allowed: {fromDate}, {productId})",
                        "backends[0].profile.iccidQuery: must be a query string without '?', '#' or spaces (e.g. realizingResource.id={iccid})",
                        "backends[0].profile.units.gigabytes: 'gigabits' is not a unit the kiosk knows (e.g. GB, MB, bytes, seconds, minutes, days, JPY)",
                        "backends[0].profile.productStatus.live: must be ACTIVE, SUSPENDED or TERMINATED (was 'WORKING')",
                        "backends[0].profile.topUpPoll.interval: must be an ISO 8601 duration such as PT0.2S or PT5S (was '200ms')");
        assertThat(problems("{\"topUpPoll\": {\"interval\": \"PT2S\", \"max\": \"PT1S\"}}")).containsExactly(
                "backends[0].profile.topUpPoll: interval must be positive and max at least the interval");
    }

    @Test
    void theDocumentedExampleConfiguresItsSecondCarrierByProfile() throws Exception {
        Path example = Path.of("..", "docs", "examples", "kiosk.json");
        KioskConfig config = KioskConfig.parse(Files.readString(example), "kiosk.json", Optional.empty());

        assertThat(config.backends().get(0).profile()).isEqualTo(BackendProfile.standard());
        BackendProfile kddi = config.backends().get(1).profile();
        assertThat(kddi.msisdnCharacteristic()).isEqualTo("MSISDN");
        assertThat(kddi.unit("gigabytes")).isEqualTo("GB");
        assertThat(kddi.lineStatus("pendingTerminate")).contains(LineStatus.SUSPENDED);
        assertThat(kddi.msisdnQuery()).isEqualTo("productCharacteristic.name=MSISDN&productCharacteristic.value={msisdn}");
    }
}
