package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The simulator's own JSON writing (Jackson tree model): times, quantities, answers. */
final class SimJson {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final ObjectMapper mapper;

    SimJson() {
        // 1000000000 stays 1000000000 on the wire, never 1E+9.
        this.mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    ObjectNode quantity(CarrierData.Quantity q) {
        return object().put("amount", q.amount()).put("units", q.units());
    }

    ObjectNode money(long yen) {
        return object().put("unit", "JPY").put("value", yen);
    }

    /** A TMF {@code ProductRef}: the product's id and absolute href. */
    ObjectNode productRef(SimRequest request, String productId) {
        return object().put("id", productId).put("href", request.href(Endpoint.PRODUCT_BY_ID.pathOf(productId)));
    }

    ObjectNode validFor(Instant start, Instant end) {
        return object().put("startDateTime", time(start)).put("endDateTime", time(end));
    }

    SimResponse answer(int status, JsonNode body) {
        return answer(status, body, Map.of());
    }

    SimResponse answer(int status, JsonNode body, Map<String, String> headers) {
        try {
            SimResponse r = new SimResponse(status, headers, mapper.writeValueAsBytes(body));
            return r.withHeader("Content-Type", CONTENT_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A TMF list answer: the array plus its counts. */
    SimResponse list(ArrayNode items) {
        String n = Integer.toString(items.size());
        return answer(200, items, Map.of("X-Total-Count", n, "X-Result-Count", n));
    }
}
