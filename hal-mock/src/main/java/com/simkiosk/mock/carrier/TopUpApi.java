package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.privacy.Mask;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TMF654 topupBalance paid at the register. The Idempotency-Key makes a retried order return the first answer:
 * never a second order, never a second charge.
 */
final class TopUpApi {

    static final Duration PAY_WITHIN = Duration.ofMinutes(30);
    static final Duration KEYS_KEPT = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(TopUpApi.class);
    private static final Map<String, BigDecimal> BYTES_PER_UNIT = Map.of(
            "bytes", BigDecimal.ONE, "kb", BigDecimal.TEN.pow(3), "mb", BigDecimal.TEN.pow(6),
            "gb", BigDecimal.TEN.pow(9), "tb", BigDecimal.TEN.pow(12));

    private static final class Remembered {
        final JsonNode request;
        final Instant at;
        SimResponse answer; // null while the first request is being processed

        Remembered(JsonNode request, Instant at) {
            this.request = request;
            this.at = at;
        }
    }

    private record Order(String orderId, CarrierData.Line line, CarrierData.Offering offering, Instant payBy) {}

    private final CarrierData data;
    private final CatalogApi catalog;
    private final Clock clock;
    private final SimJson json;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> keys = new HashMap<>();
    private final Map<String, Order> unpaid = new HashMap<>();

    TopUpApi(CarrierData data, CatalogApi catalog, Clock clock, SimJson json) {
        this.data = data;
        this.catalog = catalog;
        this.clock = clock;
        this.json = json;
    }

    SimResponse order(SimRequest request) {
        String key = request.header("Idempotency-Key")
                .orElseThrow(() -> ApiError.badRequest("The Idempotency-Key header is required"));
        if (!key.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiError.badRequest("Idempotency-Key must be 1 to 64 characters of A-Z a-z 0-9 - _");
        }
        JsonNode body = request.jsonBody(json.mapper());
        String scoped = request.clientId() + " " + key;
        Remembered mine;
        synchronized (keys) {
            Instant now = clock.instant();
            keys.values().removeIf(r -> r.answer != null && !r.at.plus(KEYS_KEPT).isAfter(now));
            Remembered earlier = keys.get(scoped);
            if (earlier != null) {
                if (!earlier.request.equals(body)) {
                    throw new ApiError(422, "IDEMPOTENCY_KEY_REUSED",
                            "This Idempotency-Key was used for a different request");
                }
                if (earlier.answer == null) {
                    throw new ApiError(409, "IDEMPOTENCY_KEY_IN_USE",
                            "A request with this Idempotency-Key is still being processed", Map.of("Retry-After", "1"));
                }
                log.info("top-up replayed for an Idempotency-Key seen before: no new order");
                return earlier.answer.withHeader("Idempotent-Replayed", "true");
            }
            mine = new Remembered(body, now);
            keys.put(scoped, mine);
        }
        try {
            request.processingPause().run();
            SimResponse answer = place(body);
            synchronized (keys) {
                mine.answer = answer;
            }
            return answer;
        } catch (RuntimeException e) {
            synchronized (keys) {
                keys.remove(scoped); // a refused order used nothing up: the same key may try again
            }
            throw e;
        }
    }

    /** The register took the money: the data is added as a new bucket. False if unknown, late, or paid. */
    boolean confirmPayment(String paymentCode) {
        Order order;
        synchronized (keys) {
            order = unpaid.remove(paymentCode);
        }
        Instant now = clock.instant();
        if (order == null || now.isAfter(order.payBy())) {
            return false;
        }
        CarrierData.Offering o = order.offering();
        CarrierData.Quantity bytes = new CarrierData.Quantity(bytes(o.data()), "bytes");
        order.line().buckets().add(new CarrierData.Bucket("bkt-" + order.orderId(), o.name(), "data", bytes,
                Optional.of(bytes), now, CarrierData.endOfJapanDay(now.plus(Duration.ofDays(o.validityDays())))));
        log.info("top-up {} paid: {} added to {}", order.orderId(), o.id(), order.line().productId());
        return true;
    }

    private SimResponse place(JsonNode body) {
        String productId = body.path("product").path("id").asText("");
        String offeringId = body.path("productOffering").path("id").asText("");
        if (productId.isEmpty() || offeringId.isEmpty()) {
            throw ApiError.badRequest("product.id and productOffering.id are required");
        }
        CarrierData.Line line = data.lines.stream().filter(l -> l.productId().equals(productId)).findFirst()
                .orElseThrow(() -> new ApiError(404, "NOT_FOUND", "No such product"));
        if (!line.status().equals("active")) {
            throw new ApiError(422, "LINE_NOT_ACTIVE", "Top-ups can only be bought for an active line");
        }
        CarrierData.Offering offering = catalog.forLine(Optional.of(productId)).stream()
                .filter(o -> o.id().equals(offeringId)).findFirst()
                .orElseThrow(() -> new ApiError(422, "UNKNOWN_OFFERING", "This offering cannot be bought for this line"));
        Instant now = clock.instant();
        String orderId = "tpb-" + HexFormat.of().formatHex(randomBytes(6));
        String paymentCode = paymentCode();
        Instant payBy = now.plus(PAY_WITHIN);
        synchronized (keys) {
            unpaid.values().removeIf(o -> now.isAfter(o.payBy()));
            unpaid.put(paymentCode, new Order(orderId, line, offering, payBy));
        }
        ObjectNode answer = json.object()
                .put("id", orderId)
                .put("href", "/tmf-api/prepayBalanceManagement/v4/topupBalance/" + orderId)
                .put("status", "requested")
                .put("requestedDate", SimJson.time(now))
                .put("usageType", "data");
        answer.set("amount", json.object().put("amount", bytes(offering.data())).put("units", "bytes"));
        answer.set("product", json.object().put("id", productId));
        answer.set("productOffering", json.object().put("id", offering.id()).put("name", offering.name()));
        if (body.has("channel")) {
            answer.set("channel", body.get("channel"));
        }
        ObjectNode payment = json.object().put("@type", "PayAtRegister").put("paymentCode", paymentCode);
        payment.set("amount", json.money(offering.priceYen()));
        payment.set("validFor", json.validFor(now, payBy));
        answer.set("payment", payment);
        answer.put("@type", "TopupBalance");
        log.info("top-up {} ordered: {} for {}, payment code {}", orderId, offering.id(), productId,
                Mask.secret(paymentCode));
        return json.answer(201, answer, Map.of("Location", "/tmf-api/prepayBalanceManagement/v4/topupBalance/" + orderId));
    }

    static BigDecimal bytes(CarrierData.Quantity q) {
        BigDecimal factor = BYTES_PER_UNIT.get(q.units().toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalStateException("offering data in unknown units " + q.units());
        }
        return q.amount().multiply(factor).setScale(0, java.math.RoundingMode.DOWN);
    }

    private String paymentCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
