package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** TMF620 top-up offerings, all of them or those one active line can buy ({@code product.id}, extension). */
final class CatalogApi {

    private final CarrierData data;
    private final SimJson json;

    CatalogApi(CarrierData data, SimJson json) {
        this.data = data;
        this.json = json;
    }

    SimResponse offerings(SimRequest request) {
        ArrayNode items = json.array();
        if (request.param("category.name").filter(c -> !c.equals("topup")).isPresent()) {
            return json.list(items);
        }
        for (CarrierData.Offering o : forLine(request.param("product.id"))) {
            items.add(offering(o));
        }
        return json.list(items);
    }

    /** What the line may buy: nothing for a suspended or terminated line. */
    List<CarrierData.Offering> forLine(Optional<String> productId) {
        if (productId.isEmpty()) {
            return data.offerings;
        }
        return data.lines.stream().filter(l -> l.productId().equals(productId.get()) && l.status().equals("active"))
                .findFirst()
                .map(l -> data.offerings.stream().filter(o -> l.topUpOfferings().contains(o.id())).toList())
                .orElse(List.of());
    }

    private ObjectNode offering(CarrierData.Offering o) {
        ObjectNode node = json.object()
                .put("id", o.id())
                .put("href", "/tmf-api/productCatalogManagement/v4/productOffering/" + o.id())
                .put("name", o.name())
                .put("description", "Adds " + o.data().amount().toPlainString() + o.data().units()
                        + " of data, valid " + o.validityDays() + " days")
                .put("lifecycleStatus", "Active")
                .put("isSellable", true);
        node.putArray("category").add(json.object().put("id", "cat-topup").put("name", "topup"));
        ObjectNode allowance = json.object().put("name", "dataAllowance").put("valueType", "number");
        allowance.putArray("productSpecCharacteristicValue").add(json.object()
                .put("value", o.data().amount()).put("unitOfMeasure", o.data().units()).put("isDefault", true));
        node.putArray("prodSpecCharValueUse").add(allowance);
        node.putArray("productOfferingTerm").add(json.object().put("name", "validity")
                .set("duration", json.object().put("amount", o.validityDays()).put("units", "days")));
        node.putArray("productOfferingPrice").add(json.object().put("name", "price").put("priceType", "oneTime")
                .set("price", json.money(o.priceYen())));
        node.put("@type", "ProductOffering");
        return node;
    }
}
