package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** TMF654 buckets of a line; a bucket past its end is reported {@code expired}. */
final class BalanceApi {

    private final CarrierData data;
    private final Clock clock;
    private final SimJson json;

    BalanceApi(CarrierData data, Clock clock, SimJson json) {
        this.data = data;
        this.clock = clock;
        this.json = json;
    }

    SimResponse buckets(SimRequest request) {
        String productId = request.param("product.id")
                .orElseThrow(() -> ApiError.badRequest("product.id is required"));
        Instant now = clock.instant();
        ArrayNode items = json.array();
        data.lines.stream().filter(l -> l.productId().equals(productId))
                .flatMap(l -> l.buckets().stream())
                .forEach(b -> items.add(bucket(b, productId, now)));
        return json.list(items);
    }

    private ObjectNode bucket(CarrierData.Bucket b, String productId, Instant now) {
        ObjectNode node = json.object()
                .put("id", b.id())
                .put("href", "/tmf-api/prepayBalanceManagement/v4/bucket/" + b.id())
                .put("name", b.name())
                .put("usageType", b.usageType())
                .put("status", now.isBefore(b.end()) ? "active" : "expired")
                .put("isShared", false);
        node.set("remainingValue", json.quantity(b.remaining()));
        node.put("remainingValueName", readable(b.usageType(), b.remaining()));
        b.initial().ifPresent(i -> node.set("initialValue", json.quantity(i)));
        node.set("validFor", json.validFor(b.start(), b.end()));
        node.set("product", json.object().put("id", productId));
        node.put("@type", "Bucket");
        return node;
    }

    private static String dataLabel(BigDecimal bytes) {
        return bytes.compareTo(BigDecimal.TEN.pow(9)) >= 0
                ? bytes.movePointLeft(9).setScale(1, RoundingMode.DOWN).toPlainString() + " GB"
                : bytes.movePointLeft(6).setScale(0, RoundingMode.DOWN).toPlainString() + " MB";
    }

    /** A label for people reading the raw answer; the kiosk computes its own from the amount. */
    private static String readable(String usageType, CarrierData.Quantity q) {
        BigDecimal amount = q.amount();
        String units = q.units().toLowerCase(Locale.ROOT);
        return switch (usageType) {
            case "monetary" -> String.format(Locale.ROOT, "¥%,d", amount.longValue());
            case "voice" -> (units.startsWith("min") ? amount.longValue()
                    : amount.divide(BigDecimal.valueOf(60), 0, RoundingMode.DOWN).longValue()) + " min";
            case "sms" -> amount.longValue() + " SMS";
            default -> dataLabel(TopUpApi.bytes(q));
        };
    }
}
