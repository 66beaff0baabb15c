package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.privacy.Mask;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TMF637 Product Inventory: a line by its SIM (ICCID) or, once verified by SMS code, by its number. */
final class ProductInventoryApi {

    static final String E164 = "\\+[1-9][0-9]{4,14}";
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
        Optional<String> msisdn = request.param("msisdn");
        if (iccid.isPresent()) {
            String digits = iccid.get();
            if (!digits.matches("\\d{18,20}")) {
                throw ApiError.badRequest("realizingResource.id must be an ICCID of 18 to 20 digits");
            }
            Optional<CarrierData.Line> line = data.lines.stream().filter(l -> l.iccid().equals(digits)).findFirst();
            log.info("product lookup by SIM {}: {}", Mask.iccid(digits), line.isPresent() ? "found" : "not found");
            return products(line);
        }
        if (msisdn.isPresent()) {
            String number = msisdn.get();
            if (!number.matches(E164)) {
                throw ApiError.badRequest("msisdn must be E.164, e.g. +819012345678 (URL-encode the +)");
            }
            if (!otp.isVerified(number)) {
                log.info("product lookup by number {}: refused, not verified by SMS code", Mask.msisdn(number));
                throw new ApiError(403, "VERIFICATION_REQUIRED", "Verify the phone number with a one-time code first");
            }
            Optional<CarrierData.Line> line = data.lines.stream()
                    .filter(l -> l.msisdn().filter(number::equals).isPresent()).findFirst();
            log.info("product lookup by number {}: {}", Mask.msisdn(number), line.isPresent() ? "found" : "not found");
            return products(line);
        }
        throw ApiError.badRequest("Give realizingResource.id (ICCID) or msisdn");
    }

    private SimResponse products(Optional<CarrierData.Line> line) {
        ArrayNode items = json.array();
        line.ifPresent(l -> items.add(product(l)));
        return json.list(items);
    }

    private ObjectNode product(CarrierData.Line l) {
        ObjectNode p = json.object()
                .put("id", l.productId())
                .put("href", "/tmf-api/productInventory/v4/product/" + l.productId())
                .put("name", l.planName())
                .put("status", l.status())
                .put("isBundle", false)
                .put("startDate", SimJson.time(l.startedAt()));
        p.set("productOffering", json.object().put("id", l.planOfferingId()).put("name", l.planName()));
        ArrayNode chars = p.putArray("productCharacteristic");
        l.msisdn().ifPresent(n -> chars.add(characteristic("MSISDN", n)));
        chars.add(characteristic("brand", l.brand()));
        chars.add(characteristic("network", l.network()));
        chars.add(characteristic("lineType", l.lineType()));
        ObjectNode methods = json.object().put("name", "verificationMethods").put("valueType", "array");
        ArrayNode values = methods.putArray("value");
        l.verificationMethods().forEach(values::add);
        chars.add(methods);
        p.putArray("realizingResource").add(json.object().put("id", l.iccid()).put("name", "ICCID")
                .put("@referredType", "SIMCard"));
        p.put("@type", "Product");
        return p;
    }

    private ObjectNode characteristic(String name, String value) {
        return json.object().put("name", name).put("valueType", "string").put("value", value);
    }
}
