package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.privacy.Mask;
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

    /** TMF Quantity ({@code amount}, {@code units}); bucket money uses it too, with {@code units: "JPY"}. */
    record Quantity(BigDecimal amount, String units) {}

    /** TMF Money ({@code unit}, {@code value}). */
    record Money(String unit, BigDecimal value) {}

    record TimePeriod(String startDateTime, String endDateTime) {}

    record TopupRequest(Ref product, Ref productOffering, String usageType, Channel channel, PaymentMethod paymentMethod) {}

    record Channel(String id, String name) {}

    record PaymentMethod(@JsonProperty("@type") String type) {}

    record Topup(String id, String status, Ref productOffering, Payment payment) {}

    record Payment(String paymentCode, Money amount, TimePeriod validFor) {}

    // ---- TMF635 Usage Management ----

    record Usage(String id, String usageDate, String usageType, List<Characteristic> usageCharacteristic) {}

    // ---- TMF620 Product Catalog ----

    record ProductOffering(String id, String name, List<CharValueUse> prodSpecCharValueUse,
            List<OfferingTerm> productOfferingTerm, List<OfferingPrice> productOfferingPrice) {}

    record CharValueUse(String name, List<CharValue> productSpecCharacteristicValue) {}

    record CharValue(BigDecimal value, String unitOfMeasure, Boolean isDefault) {}

    record OfferingTerm(String name, Quantity duration) {}

    record OfferingPrice(String name, String priceType, Money price) {}

    // ---- CAMARA One-Time-Password-SMS v1 ----

    // Request bodies carry a number, a code or an ID-document number: their toString stays masked.
    record SendCodeRequest(String phoneNumber, String message) {
        @Override
        public String toString() {
            return "SendCodeRequest[" + Mask.msisdn(phoneNumber) + "]";
        }
    }

    /** {@code resendAfterSeconds} is an extension (docs/carrier-api.md §4.1). */
    record SendCodeResponse(String authenticationId, Long resendAfterSeconds) {}

    record ValidateCodeRequest(String authenticationId, String code) {
        @Override
        public String toString() {
            return "ValidateCodeRequest[" + authenticationId + ", " + Mask.secret(code) + "]";
        }
    }

    // ---- CAMARA KYC Match v0.3 (productId and orderNumber are extensions) ----

    /** {@code phoneNumber} (E.164) or, for a line without a number, {@code productId}; the other is left out. */
    record KycMatchRequest(String phoneNumber, String productId, String idDocument, String orderNumber) {
        @Override
        public String toString() {
            return "KycMatchRequest[" + (phoneNumber != null ? Mask.msisdn(phoneNumber) : productId) + ", "
                    + Mask.secret(idDocument) + ", " + Mask.secret(orderNumber) + "]";
        }
    }

    record KycMatchResponse(String idDocumentMatch, String orderNumberMatch) {}
}
