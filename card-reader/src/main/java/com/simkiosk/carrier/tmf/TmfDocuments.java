package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON documents of {@code docs/carrier-api.md}, as the client reads and writes them. Only the fields the
 * kiosk uses are declared; anything else a carrier sends is ignored. Required fields are checked where the
 * documents become kiosk values ({@link TmfCarrierClient}), so a missing one is reported by name.
 */
final class TmfDocuments {
    private TmfDocuments() {}

    // ---- TMF637 Product Inventory ----

    record Product(String id, String name, String status, Ref productOffering,
            List<Characteristic> productCharacteristic, List<Ref> realizingResource) {}

    record Ref(String id, String name, @JsonProperty("@referredType") String referredType) {}

    /** TMF characteristic: a name and a value of any JSON type. */
    record Characteristic(String name, String valueType, JsonNode value) {}

    // ---- TMF654 Prepay Balance Management ----

    record Bucket(String id, String name, String usageType, String status, Quantity remainingValue,
            Quantity initialValue, TimePeriod validFor) {}

    /** TMF Quantity ({@code amount}, {@code units}); money uses the same shape with {@code units: "JPY"}. */
    record Quantity(BigDecimal amount, String units) {}

    record TimePeriod(String startDateTime, String endDateTime) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TopupRequest(Ref product, Ref productOffering, Quantity amount, Channel channel, String type,
            String description) {}

    record Channel(String name) {}

    record Topup(String id, String status, Ref productOffering, Quantity amount,
            List<Characteristic> characteristic, String paymentCode, String payBy) {}

    // ---- TMF635 Usage Management ----

    record Usage(String id, String usageDate, String usageType, List<Characteristic> usageCharacteristic) {}

    // ---- TMF620 Product Catalog ----

    record ProductOffering(String id, String name, List<ProductOfferingPrice> productOfferingPrice,
            List<Characteristic> prodSpecCharValueUse, List<Characteristic> characteristic) {}

    record ProductOfferingPrice(String name, String priceType, Price price) {}

    record Price(Money taxIncludedAmount, Money dutyFreeAmount) {}

    /** TMF Money ({@code unit}, {@code value}). */
    record Money(String unit, BigDecimal value) {}

    // ---- CAMARA One-Time-Password-SMS v1 ----

    record SendCodeRequest(String phoneNumber, String message) {}

    record SendCodeResponse(String authenticationId) {}

    record ValidateCodeRequest(String authenticationId, String code) {}

    // ---- CAMARA KYC Match (registered detail) ----

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KycMatchRequest(String phoneNumber, String idDocument) {}

    record KycMatchResponse(String idDocumentMatch) {}
}
