package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** TMF654 buckets (list and by id); a bucket past its end is reported {@code expired}. */
final class BalanceApi {

    private final CarrierData data;
    private final Clock clock;
    private final SimJson json;

    BalanceApi(CarrierData data, Clock clock, SimJson json) {
        this.data = data;
        this.clock = clock;
        this.json = json;
    }

    /** Filtered by {@code product.id} and {@code partyAccount.id} (TMF630); without a filter, every bucket. */
    SimResponse buckets(SimRequest request) {
        Optional<String> productId = request.param("product.id");
        Optional<String> account = request.param("partyAccount.id");
        Instant now = clock.instant();
        ArrayNode items = json.array();
        data.lines.stream()
                .filter(l -> productId.filter(id -> !id.equals(l.productId())).isEmpty())
                .filter(l -> account.filter(id -> !id.equals(l.partyAccountId())).isEmpty())
                .forEach(l -> l.buckets().forEach(b -> items.add(bucket(request, l, b, now))));
        return json.list(items);
    }

    SimResponse byId(SimRequest request) {
        Instant now = clock.instant();
        for (CarrierData.Line l : data.lines) {
            for (CarrierData.Bucket b : l.buckets()) {
                if (b.id().equals(request.id())) {
                    return json.answer(200, bucket(request, l, b, now));
                }
            }
        }
        throw ApiError.notFound();
    }

    private ObjectNode bucket(SimRequest request, CarrierData.Line line, CarrierData.Bucket b, Instant now) {
        ObjectNode node = json.object()
                .put("id", b.id())
                .put("href", request.href(Endpoint.BUCKET_BY_ID.pathOf(b.id())))
                .put("name", b.name())
                .put("usageType", b.usageType())
                .put("status", now.isBefore(b.end()) ? "active" : "expired")
                .put("isShared", false);
        node.set("remainingValue", json.quantity(b.remaining()));
        node.put("remainingValueName", readable(b.usageType(), b.remaining()));
        b.initial().ifPresent(i -> node.set("initialValue", json.quantity(i)));
        node.set("validFor", json.validFor(b.start(), b.end()));
        node.putArray("product").add(json.productRef(request, line.productId()));
        node.set("partyAccount", json.object().put("id", line.partyAccountId()));
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
            default -> TopUpApi.bytes(q).map(BalanceApi::dataLabel).orElse(amount.toPlainString() + " " + q.units());
        };
    }
}
