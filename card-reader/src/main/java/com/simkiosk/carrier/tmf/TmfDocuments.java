package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String id, String name, String status, Ref productOffering,
            List<Characteristic> productCharacteristic, List<Ref> realizingResource) {}

    /** A TMF reference ({@code id} required by every *Ref schema). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(String id, String href, String name, @JsonProperty("@referredType") String referredType) {
        static Ref to(String id) {
            return new Ref(id, null, null, null);
        }

        static Ref to(String id, String name) {
            return new Ref(id, null, name, null);
        }
    }

    /** TMF characteristic: a name and a value of any JSON type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Characteristic(String name, String valueType, JsonNode value) {}

    // ---- TMF654 Prepay Balance Management ----

    /**
     * {@code product} is an array of ProductRef in TMF654 v4; a single object is accepted too (older carriers).
     * {@code initialValue} is an extension.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(String id, String name, String usageType, String status, Quantity remainingValue,
            Quantity initialValue, TimePeriod validFor,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Ref> product, Ref partyAccount) {}

    /** TMF Quantity ({@code amount}, {@code units}); bucket money uses it too, with {@code units: "JPY"}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quantity(BigDecimal amount, String units) {}

    /** TMF Money ({@code unit}, {@code value}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Money(String unit, BigDecimal value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimePeriod(String startDateTime, String endDateTime) {}

    /**
     * TMF654 TopupBalance_Create: {@code amount}, {@code usageType}, {@code bucket}, {@code partyAccount} are required
     * by the schema. {@code productOffering} and the correlator field (default {@code externalId}) are extensions;
     * the correlator's name comes from the back-end profile, so the client adds that field to the written tree.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopupRequest(Quantity amount, String usageType, Ref bucket, Ref partyAccount, List<Ref> product, Ref channel,
            Ref paymentMethod, Ref productOffering) {}

    /** TMF654 TopupBalance; {@code status} is ActionStatusType (created, completed, failed, cancelled). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Topup(String id, String status, String reason, Ref productOffering, PayAtRegister payAtRegister) {}

    /** Extension: what the customer pays at the register, present once the carrier has it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PayAtRegister(String paymentCode, Money amount, TimePeriod validFor) {
        /** The payment code pays for the top-up: it stays off logs. */
        @Override
        public String toString() {
            return "PayAtRegister[" + Mask.secret(paymentCode) + "]";
        }
    }

    // ---- TMF635 Usage Management ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(String id, String usageDate, String usageType, List<Characteristic> usageCharacteristic,
            List<RatedProductUsage> ratedProductUsage) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RatedProductUsage(Ref productRef) {}

    // ---- TMF620 Product Catalog ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductOffering(String id, String name, List<CharValueUse> prodSpecCharValueUse,
            List<OfferingTerm> productOfferingTerm, List<OfferingPrice> productOfferingPrice) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CharValueUse(String name, List<CharValue> productSpecCharacteristicValue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CharValue(BigDecimal value, String unitOfMeasure, Boolean isDefault) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfferingTerm(String name, Quantity duration) {}

    /**
     * A ProductOfferingPriceRef ({@code id}, resolved with {@code GET /productOfferingPrice/{id}}) or, as carriers
     * used to send, the price inline; the resolved ProductOfferingPrice has the same fields.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfferingPrice(String id, String name, String priceType, Money price) {}

    // ---- CAMARA One-Time-Password-SMS v1 ----

    // Request bodies carry a number, a code or an ID-document number: their toString stays masked.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendCodeRequest(String phoneNumber, String message) {
        @Override
        public String toString() {
            return "SendCodeRequest[" + Mask.msisdn(phoneNumber) + "]";
        }
    }

    /** {@code resendAfterSeconds} is an extension (docs/carrier-api.md §4.1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendCodeResponse(String authenticationId, Long resendAfterSeconds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValidateCodeRequest(String authenticationId, String code) {
        @Override
        public String toString() {
            return "ValidateCodeRequest[" + authenticationId + ", " + Mask.secret(code) + "]";
        }
    }

    // ---- CAMARA KYC Match v0.3 (productId and orderNumber are extensions) ----

    /** {@code phoneNumber} (E.164) or, for a line without a number, {@code productId}; the other is left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KycMatchRequest(String phoneNumber, String productId, String idDocument, String orderNumber) {
        @Override
        public String toString() {
            return "KycMatchRequest[" + (phoneNumber != null ? Mask.msisdn(phoneNumber) : productId) + ", "
                    + Mask.secret(idDocument) + ", " + Mask.secret(orderNumber) + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KycMatchResponse(String idDocumentMatch, String orderNumberMatch) {}
}
