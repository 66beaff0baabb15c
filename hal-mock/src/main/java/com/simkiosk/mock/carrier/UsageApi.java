package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TMF635 usage: one record per line, Japan day and usage type, filtered by the standard
 * {@code ratedProductUsage.productRef.id} and {@code usageDate.gt/gte}. Other parameters are ignored, as a TMF
 * server ignores filters it does not support: without the product filter every line's usage is listed.
 */
final class UsageApi {

    static final String PRODUCT_FILTER = "ratedProductUsage.productRef.id";
    private static final DateTimeFormatter DAY_ID = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DAY_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private record Day(String productId, LocalDate day, String type, CarrierData.UsageSeries series, int index) {

        String id() {
            return "use-" + productId.replaceFirst("^prd-", "") + "-" + DAY_ID.format(day) + "-" + type;
        }
    }

    private final CarrierData data;
    private final SimJson json;

    UsageApi(CarrierData data, SimJson json) {
        this.data = data;
        this.json = json;
    }

    SimResponse usage(SimRequest request) {
        Optional<String> productId = request.param(PRODUCT_FILTER);
        Optional<Instant> after = request.param("usageDate.gt").map(UsageApi::instant);
        Optional<Instant> from = request.param("usageDate.gte").map(UsageApi::instant);
        ArrayNode items = json.array();
        for (Day d : days(productId)) {
            Instant start = d.day().atStartOfDay(CarrierData.JAPAN).toInstant();
            if (after.filter(a -> !start.isAfter(a)).isPresent() || from.filter(start::isBefore).isPresent()) {
                continue;
            }
            items.add(record(request, d));
        }
        return json.list(items);
    }

    SimResponse byId(SimRequest request) {
        return days(Optional.empty()).stream().filter(d -> d.id().equals(request.id())).findFirst()
                .map(d -> json.answer(200, record(request, d))).orElseThrow(ApiError::notFound);
    }

    /** The records of one line or of all, oldest day first, data before the other types of a day. */
    private List<Day> days(Optional<String> productId) {
        List<Day> days = new ArrayList<>();
        data.lines.stream().filter(l -> productId.filter(id -> !id.equals(l.productId())).isEmpty()).forEach(line -> {
            for (Map.Entry<String, CarrierData.UsageSeries> e : line.dailyUsage().entrySet()) {
                CarrierData.UsageSeries s = e.getValue();
                for (int i = 0; i < s.values().size(); i++) {
                    days.add(new Day(line.productId(), s.firstDayJst().plusDays(i), e.getKey(), s, i));
                }
            }
        });
        days.sort(Comparator.comparing(Day::day).thenComparing(Day::productId)
                .thenComparing(d -> d.type().equals("data") ? "" : d.type()));
        return days;
    }

    private ObjectNode record(SimRequest request, Day d) {
        ObjectNode node = json.object()
                .put("id", d.id())
                .put("href", request.href(Endpoint.USAGE_BY_ID.pathOf(d.id())))
                .put("usageDate", DAY_START.format(d.day().atStartOfDay(CarrierData.JAPAN)))
                .put("usageType", d.type())
                .put("status", "rated")
                .put("description", (d.type().equals("data") ? "Mobile data used on " : "Calls on ")
                        + d.day() + " (JST)");
        ArrayNode chars = node.putArray("usageCharacteristic");
        chars.add(json.object().put("name", "volume").put("valueType", "number")
                .put("value", d.series().values().get(d.index())));
        chars.add(json.object().put("name", "units").put("valueType", "string").put("value", d.series().units()));
        node.putArray("ratedProductUsage").add(json.object().set("productRef", json.productRef(request, d.productId())));
        node.put("@type", "Usage");
        return node;
    }

    /** A Japan calendar day ({@code 2026-11-12}) or a date-time with offset. */
    private static Instant instant(String value) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(CarrierData.JAPAN).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("usageDate filters take YYYY-MM-DD or a date-time with offset (+ as %2B)");
        }
    }
}
