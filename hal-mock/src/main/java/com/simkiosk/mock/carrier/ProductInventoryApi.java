package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.privacy.Mask;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TMF637 Product Inventory: a line by its SIM ({@code realizingResource.id}), by its number once verified by SMS
 * code ({@code productCharacteristic.name=msisdn&productCharacteristic.value=}), or by its id.
 */
final class ProductInventoryApi {

    static final String E164 = "\\+[1-9][0-9]{4,14}";
    static final String MSISDN = "msisdn";
    private static final Logger log = LoggerFactory.getLogger(ProductInventoryApi.class);

    private final CarrierData data;
    private final OtpService otp;
    private final SimJson json;

    ProductInventoryApi(CarrierData data, OtpService otp, SimJson json) {
        this.data = data;
        this.otp = otp;
        this.json = json;
    }

    SimResponse find(SimRequest request) {
        Optional<String> iccid = request.param("realizingResource.id");
        Optional<String> characteristic = request.param("productCharacteristic.name");
        Optional<String> value = request.param("productCharacteristic.value");
        if (iccid.isPresent()) {
            String digits = iccid.get();
            if (!digits.matches("\\d{18,20}")) {
                throw ApiError.badRequest("realizingResource.id must be an ICCID of 18 to 20 digits");
            }
            Optional<CarrierData.Line> line = data.lines.stream().filter(l -> l.iccid().equals(digits)).findFirst();
            log.info("product lookup by SIM {}: {}", Mask.iccid(digits), line.isPresent() ? "found" : "not found");
            return products(request, line);
        }
        if (characteristic.isPresent() && value.isPresent()) {
            if (!characteristic.get().toLowerCase(Locale.ROOT).equals(MSISDN)) {
                return products(request, Optional.empty()); // no other characteristic is searchable
            }
            String number = value.get();
            if (!number.matches(E164)) {
                throw ApiError.badRequest("productCharacteristic.value must be an E.164 number, e.g. +819012345678 "
                        + "(URL-encode the +)");
            }
            if (!otp.isVerified(number)) {
                log.info("product lookup by number {}: refused, not verified by SMS code", Mask.msisdn(number));
                throw new ApiError(403, "VERIFICATION_REQUIRED", "Verify the phone number with a one-time code first");
            }
            Optional<CarrierData.Line> line = data.lines.stream()
                    .filter(l -> l.msisdn().filter(number::equals).isPresent()).findFirst();
            log.info("product lookup by number {}: {}", Mask.msisdn(number), line.isPresent() ? "found" : "not found");
            return products(request, line);
        }
        throw ApiError.badRequest("Filter by realizingResource.id (ICCID) or by productCharacteristic.name=msisdn "
                + "and productCharacteristic.value");
    }

    SimResponse byId(SimRequest request) {
        CarrierData.Line line = data.lineByProduct(request.id()).orElseThrow(ApiError::notFound);
        return json.answer(200, product(request, line));
    }

    private SimResponse products(SimRequest request, Optional<CarrierData.Line> line) {
        ArrayNode items = json.array();
        line.ifPresent(l -> items.add(product(request, l)));
        return json.list(items);
    }

    private ObjectNode product(SimRequest request, CarrierData.Line l) {
        ObjectNode p = json.object()
                .put("id", l.productId())
                .put("href", request.href(Endpoint.PRODUCT_BY_ID.pathOf(l.productId())))
                .put("name", l.planName())
                .put("status", l.status())
                .put("isBundle", false)
                .put("isCustomerVisible", true)
                .put("startDate", SimJson.time(l.startedAt()));
        p.set("productOffering", json.object().put("id", l.planOfferingId())
                .put("href", request.href(Endpoint.PRODUCT_OFFERING_BY_ID.pathOf(l.planOfferingId())))
                .put("name", l.planName()));
        ArrayNode chars = p.putArray("productCharacteristic");
        l.msisdn().ifPresent(n -> chars.add(characteristic(MSISDN, n)));
        l.brand().ifPresent(b -> chars.add(characteristic("brand", b)));
        l.network().ifPresent(n -> chars.add(characteristic("network", n)));
        l.lineType().ifPresent(t -> chars.add(characteristic("lineType", t)));
        l.verificationMethods().ifPresent(listed -> {
            ObjectNode methods = json.object().put("name", "verificationMethods").put("valueType", "array");
            ArrayNode values = methods.putArray("value");
            listed.forEach(values::add);
            chars.add(methods);
        });
        p.putArray("realizingResource").add(json.object().put("id", l.iccid()).put("name", "ICCID")
                .put("@referredType", "SIMCard"));
        p.put("@type", "Product");
        return p;
    }

    private ObjectNode characteristic(String name, String value) {
        return json.object().put("name", name).put("valueType", "string").put("value", value);
    }
}
