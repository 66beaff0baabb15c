package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.privacy.Mask;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TMF654 topupBalance paid at the register, the standard way: a {@code TopupBalance_Create} answered
 * {@code 201 created}, then {@code completed} (with the {@code payAtRegister} extension) at the first
 * {@code GET /topupBalance/{id}} once {@code completesAfter} has passed. No Idempotency-Key: like any TMF server
 * the simulator ignores it, and a lost answer is found again with {@code GET /topupBalance?externalId=}.
 */
final class TopUpApi {

    static final Duration PAY_WITHIN = Duration.ofMinutes(30);
    /** Orders older than this are forgotten, so the simulator's memory stays bounded. */
    static final Duration ORDERS_KEPT = Duration.ofHours(24);
    static final int MAX_EXTERNAL_ID = 64;
    private static final Logger log = LoggerFactory.getLogger(TopUpApi.class);
    private static final Set<String> USAGE_TYPES = Set.of("monetary", "voice", "data", "sms", "other");
    private static final Map<String, BigDecimal> BYTES_PER_UNIT = Map.of(
            "b", BigDecimal.ONE, "byte", BigDecimal.ONE, "bytes", BigDecimal.ONE, "kb", BigDecimal.TEN.pow(3),
            "mb", BigDecimal.TEN.pow(6), "gb", BigDecimal.TEN.pow(9), "tb", BigDecimal.TEN.pow(12));

    /** One order; the mutable parts change only under the orders' lock. */
    private static final class Order {
        final String id;
        final String clientId;
        final CarrierData.Line line;
        final CarrierData.Offering offering;
        final String bucketId;
        final Optional<JsonNode> channel;
        final Optional<JsonNode> paymentMethod;
        final Optional<String> externalId;
        final Instant requestedAt;
        final String paymentCode;
        Optional<Instant> completedAt = Optional.empty();
        boolean paid;

        Order(String id, String clientId, CarrierData.Line line, CarrierData.Offering offering, String bucketId,
              Optional<JsonNode> channel, Optional<JsonNode> paymentMethod, Optional<String> externalId,
              Instant requestedAt, String paymentCode) {
            this.id = id;
            this.clientId = clientId;
            this.line = line;
            this.offering = offering;
            this.bucketId = bucketId;
            this.channel = channel;
            this.paymentMethod = paymentMethod;
            this.externalId = externalId;
            this.requestedAt = requestedAt;
            this.paymentCode = paymentCode;
        }

        Instant payBy() {
            return requestedAt.plus(PAY_WITHIN);
        }
    }

    private final CarrierData data;
    private final CatalogApi catalog;
    private final Clock clock;
    private final Duration completesAfter;
    private final SimJson json;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Order> orders = new LinkedHashMap<>();

    TopUpApi(CarrierData data, CatalogApi catalog, Clock clock, Duration completesAfter, SimJson json) {
        this.data = data;
        this.catalog = catalog;
        this.clock = clock;
        this.completesAfter = completesAfter;
        this.json = json;
    }

    /** {@code POST /topupBalance}. */
    SimResponse order(SimRequest request) {
        JsonNode body = request.jsonBody(json.mapper());
        JsonNode amount = required(body, "amount");
        if (!amount.isObject() || !amount.path("amount").isNumber() || !amount.path("units").isTextual()) {
            throw ApiError.badRequest("amount needs a number amount and its units");
        }
        JsonNode usageType = required(body, "usageType");
        if (!usageType.isTextual() || !USAGE_TYPES.contains(usageType.asText())) {
            throw ApiError.badRequest("usageType must be one of " + String.join(", ", USAGE_TYPES));
        }
        String bucketId = refId(required(body, "bucket"), "bucket");
        String accountId = refId(required(body, "partyAccount"), "partyAccount");
        List<String> products = new ArrayList<>();
        if (body.has("product")) {
            if (!body.get("product").isArray()) {
                throw ApiError.badRequest("product must be an array of product references");
            }
            body.get("product").forEach(p -> products.add(refId(p, "product")));
        }
        Optional<String> offeringId = optionalRef(body, "productOffering");
        Optional<JsonNode> channel = optionalRef(body, "channel").map(id -> body.get("channel"));
        Optional<JsonNode> paymentMethod = optionalRef(body, "paymentMethod").map(id -> body.get("paymentMethod"));
        Optional<String> externalId = Optional.ofNullable(body.get("externalId")).map(e -> {
            if (!e.isTextual() || e.asText().isEmpty() || e.asText().length() > MAX_EXTERNAL_ID) {
                throw ApiError.badRequest("externalId must be a string of 1 to " + MAX_EXTERNAL_ID + " characters");
            }
            return e.asText();
        });

        CarrierData.Line line = line(products, bucketId, accountId);
        if (!line.status().equals("active")) {
            throw new ApiError(409, "LINE_NOT_ACTIVE", "Top-ups can only be bought for an active line");
        }
        CarrierData.Offering offering = offering(line, offeringId, usageType.asText(),
                bytes(new CarrierData.Quantity(amount.get("amount").decimalValue(), amount.get("units").asText()))
                        .orElseThrow(() -> ApiError.badRequest("amount units must be a data unit (bytes, KB, MB, GB, TB)")));
        Instant now = clock.instant();
        Order order = new Order("tpb-" + HexFormat.of().formatHex(randomBytes(6)), request.clientId(), line, offering,
                bucketId, channel, paymentMethod, externalId, now, paymentCode());
        synchronized (orders) {
            orders.values().removeIf(o -> o.requestedAt.plus(ORDERS_KEPT).isBefore(now));
            orders.put(order.id, order);
        }
        log.info("top-up {} ordered: {} for {}, payment code {}", order.id, offering.id(), line.productId(),
                Mask.secret(order.paymentCode));
        String href = request.href(Endpoint.TOPUP_BY_ID.pathOf(order.id));
        return json.answer(201, representation(request, order), Map.of("Location", href));
    }

    /** {@code GET /topupBalance/{id}}: the order, completed once its time has come. */
    SimResponse byId(SimRequest request) {
        synchronized (orders) {
            Order order = Optional.ofNullable(orders.get(request.id()))
                    .filter(o -> o.clientId.equals(request.clientId())).orElseThrow(ApiError::notFound);
            Instant now = clock.instant();
            if (order.completedAt.isEmpty() && !now.isBefore(order.requestedAt.plus(completesAfter))) {
                order.completedAt = Optional.of(now);
                log.info("top-up {} completed", order.id);
            }
            return json.answer(200, representation(request, order));
        }
    }

    /** {@code GET /topupBalance}: this client's orders, filtered by {@code externalId}. */
    SimResponse list(SimRequest request) {
        Optional<String> externalId = request.param("externalId");
        ArrayNode items = json.array();
        synchronized (orders) {
            orders.values().stream().filter(o -> o.clientId.equals(request.clientId()))
                    .filter(o -> externalId.isEmpty() || o.externalId.equals(externalId))
                    .forEach(o -> items.add(representation(request, o)));
        }
        return json.list(items);
    }

    /** How many orders were placed (and are still remembered). */
    int count() {
        synchronized (orders) {
            return orders.size();
        }
    }

    /** The register took the money: the data is added as a new bucket. False if unknown, late, or paid. */
    boolean confirmPayment(String paymentCode) {
        Instant now = clock.instant();
        Order order;
        synchronized (orders) {
            order = orders.values().stream().filter(o -> o.paymentCode.equals(paymentCode) && !o.paid).findFirst()
                    .orElse(null);
            if (order == null || now.isAfter(order.payBy())) {
                return false;
            }
            order.paid = true;
        }
        CarrierData.Offering o = order.offering;
        CarrierData.Quantity bytes = new CarrierData.Quantity(bytes(o.data()).orElseThrow(), "bytes");
        order.line.buckets().add(new CarrierData.Bucket("bkt-" + order.id, o.name(), "data", bytes,
                Optional.of(bytes), now, CarrierData.endOfJapanDay(now.plus(Duration.ofDays(o.validityDays())))));
        log.info("top-up {} paid: {} added to {}", order.id, o.id(), order.line.productId());
        return true;
    }

    /** Amount in bytes, rounded down; empty for a unit that is not a data unit. */
    static Optional<BigDecimal> bytes(CarrierData.Quantity q) {
        return Optional.ofNullable(BYTES_PER_UNIT.get(q.units().toLowerCase(Locale.ROOT)))
                .map(f -> q.amount().multiply(f).setScale(0, RoundingMode.DOWN));
    }

    /** The line named by the first product, else by the bucket (or product id in its place), else the account. */
    private CarrierData.Line line(List<String> products, String bucketId, String accountId) {
        CarrierData.Line line;
        if (!products.isEmpty()) {
            line = data.lineByProduct(products.get(0))
                    .orElseThrow(() -> ApiError.badRequest("product " + products.get(0) + " is unknown"));
        } else {
            line = data.lines.stream().filter(l -> l.productId().equals(bucketId)
                            || l.buckets().stream().anyMatch(b -> b.id().equals(bucketId))
                            || l.partyAccountId().equals(accountId)).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("bucket " + bucketId + " is unknown"));
        }
        if (products.stream().anyMatch(p -> !p.equals(line.productId()))) {
            throw ApiError.badRequest("a top-up is for one product");
        }
        if (!bucketId.equals(line.productId()) && line.buckets().stream().noneMatch(b -> b.id().equals(bucketId))) {
            throw ApiError.badRequest("bucket " + bucketId + " is not a bucket of product " + line.productId());
        }
        if (!accountId.equals(line.partyAccountId()) && !accountId.equals(line.productId())) {
            throw ApiError.badRequest("partyAccount " + accountId + " does not own product " + line.productId());
        }
        return line;
    }

    /** The named offering (extension) or, without one, the line's offering that gives exactly this amount. */
    private CarrierData.Offering offering(CarrierData.Line line, Optional<String> offeringId, String usageType,
                                          BigDecimal bytes) {
        List<CarrierData.Offering> buyable = catalog.forLine(Optional.of(line.productId()));
        Predicate<CarrierData.Offering> gives = o -> usageType.equals("data")
                && bytes(o.data()).filter(b -> b.compareTo(bytes) == 0).isPresent();
        if (offeringId.isPresent()) {
            CarrierData.Offering named = buyable.stream().filter(o -> o.id().equals(offeringId.get())).findFirst()
                    .orElseThrow(() -> unknownOffering("This offering cannot be bought for this line"));
            if (!gives.test(named)) {
                throw unknownOffering("amount and usageType must be what the offering gives");
            }
            return named;
        }
        return buyable.stream().filter(gives).findFirst()
                .orElseThrow(() -> unknownOffering("No offering for this line gives this amount"));
    }

    private ObjectNode representation(SimRequest request, Order o) {
        ObjectNode node = json.object()
                .put("id", o.id)
                .put("href", request.href(Endpoint.TOPUP_BY_ID.pathOf(o.id)))
                .put("status", o.completedAt.isPresent() ? "completed" : "created")
                .put("requestedDate", SimJson.time(o.requestedAt));
        o.completedAt.ifPresent(c -> node.put("confirmationDate", SimJson.time(c)));
        node.put("usageType", "data");
        node.set("amount", json.object().put("amount", bytes(o.offering.data()).orElseThrow()).put("units", "bytes"));
        ObjectNode bucket = json.object().put("id", o.bucketId);
        if (!o.bucketId.equals(o.line.productId())) {
            bucket.put("href", request.href(Endpoint.BUCKET_BY_ID.pathOf(o.bucketId)));
        }
        node.set("bucket", bucket);
        node.set("partyAccount", json.object().put("id", o.line.partyAccountId()));
        node.putArray("product").add(json.productRef(request, o.line.productId()));
        o.channel.ifPresent(c -> node.set("channel", c));
        o.paymentMethod.ifPresent(p -> node.set("paymentMethod", p));
        node.set("productOffering", json.object().put("id", o.offering.id()).put("name", o.offering.name()));
        o.externalId.ifPresent(e -> node.put("externalId", e));
        if (o.completedAt.isPresent()) {
            ObjectNode pay = json.object().put("paymentCode", o.paymentCode);
            pay.set("amount", json.money(o.offering.priceYen()));
            pay.set("validFor", json.validFor(o.requestedAt, o.payBy()));
            node.set("payAtRegister", pay);
        }
        node.put("@type", "TopupBalance");
        return node;
    }

    private static ApiError unknownOffering(String message) {
        return new ApiError(400, "UNKNOWN_OFFERING", message);
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest(field + " is required");
        }
        return value;
    }

    /** The id of a TMF reference, which every reference must have. */
    private static String refId(JsonNode ref, String field) {
        if (!ref.isObject() || !ref.path("id").isTextual() || ref.get("id").asText().isEmpty()) {
            throw ApiError.badRequest(field + " must be a reference with an id");
        }
        return ref.get("id").asText();
    }

    private static Optional<String> optionalRef(JsonNode body, String field) {
        return body.hasNonNull(field) ? Optional.of(refId(body.get(field), field)) : Optional.empty();
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
