package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * TMF620 catalog: top-up offerings (category {@code topup}) with their prices as separate
 * {@code productOfferingPrice} resources, and the lines' plans (category {@code plan}, not sold at the kiosk).
 * Lists filter by {@code category.name} and by the extension {@code product.id} (what one active line can buy).
 */
final class CatalogApi {

    static final String TOPUP = "topup";
    static final String PLAN = "plan";

    private final CarrierData data;
    private final SimJson json;

    CatalogApi(CarrierData data, SimJson json) {
        this.data = data;
        this.json = json;
    }

    SimResponse offerings(SimRequest request) {
        Optional<String> category = request.param("category.name");
        Optional<String> productId = request.param("product.id");
        ArrayNode items = json.array();
        if (category.orElse(TOPUP).equals(TOPUP)) {
            forLine(productId).forEach(o -> items.add(offering(request, o)));
        }
        if (category.orElse(PLAN).equals(PLAN) && productId.isEmpty()) { // plans are not bought for a line
            data.plans.forEach(p -> items.add(plan(request, p)));
        }
        return json.list(items);
    }

    SimResponse byId(SimRequest request) {
        Optional<ObjectNode> topUp = data.offerings.stream().filter(o -> o.id().equals(request.id())).findFirst()
                .map(o -> offering(request, o));
        return json.answer(200, topUp.or(() -> data.plans.stream().filter(p -> p.id().equals(request.id()))
                .findFirst().map(p -> plan(request, p))).orElseThrow(ApiError::notFound));
    }

    SimResponse price(SimRequest request) {
        CarrierData.Offering o = data.offerings.stream().filter(of -> of.priceId().equals(request.id())).findFirst()
                .orElseThrow(ApiError::notFound);
        ObjectNode price = json.object()
                .put("id", o.priceId())
                .put("href", request.href(Endpoint.PRODUCT_OFFERING_PRICE.pathOf(o.priceId())))
                .put("name", o.priceName())
                .put("description", "One-time price, tax included")
                .put("priceType", "oneTime");
        price.set("price", json.money(o.priceYen()));
        price.put("lifecycleStatus", "Launched").put("@type", "ProductOfferingPrice");
        return json.answer(200, price);
    }

    /** What the line may buy: nothing for a suspended or terminated line. */
    List<CarrierData.Offering> forLine(Optional<String> productId) {
        if (productId.isEmpty()) {
            return data.offerings;
        }
        return data.lineByProduct(productId.get()).filter(l -> l.status().equals("active"))
                .map(l -> data.offerings.stream().filter(o -> l.topUpOfferings().contains(o.id())).toList())
                .orElse(List.of());
    }

    private ObjectNode offering(SimRequest request, CarrierData.Offering o) {
        ObjectNode node = json.object()
                .put("id", o.id())
                .put("href", request.href(Endpoint.PRODUCT_OFFERING_BY_ID.pathOf(o.id())))
                .put("name", o.name())
                .put("description", "Adds " + o.data().amount().toPlainString() + o.data().units()
                        + " of data, valid " + o.validityDays() + " days")
                .put("lifecycleStatus", "Launched")
                .put("isBundle", false)
                .put("isSellable", true);
        node.putArray("category").add(json.object().put("id", "cat-" + TOPUP).put("name", TOPUP));
        ObjectNode allowance = json.object().put("name", "dataAllowance").put("valueType", "number");
        allowance.putArray("productSpecCharacteristicValue").add(json.object()
                .put("value", o.data().amount()).put("unitOfMeasure", o.data().units()).put("isDefault", true));
        node.putArray("prodSpecCharValueUse").add(allowance);
        node.putArray("productOfferingTerm").add(json.object().put("name", "validity")
                .set("duration", json.object().put("amount", o.validityDays()).put("units", "days")));
        node.putArray("productOfferingPrice").add(json.object().put("id", o.priceId())
                .put("href", request.href(Endpoint.PRODUCT_OFFERING_PRICE.pathOf(o.priceId())))
                .put("name", o.priceName()));
        node.put("@type", "ProductOffering");
        return node;
    }

    private ObjectNode plan(SimRequest request, CarrierData.Plan p) {
        ObjectNode node = json.object()
                .put("id", p.id())
                .put("href", request.href(Endpoint.PRODUCT_OFFERING_BY_ID.pathOf(p.id())))
                .put("name", p.name())
                .put("lifecycleStatus", "Launched")
                .put("isBundle", false)
                .put("isSellable", false);
        node.putArray("category").add(json.object().put("id", "cat-" + PLAN).put("name", PLAN));
        node.put("@type", "ProductOffering");
        return node;
    }
}
