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

/** TMF635 usage: one record per Japan day and usage type, filtered by {@code usageDate.gt/gte}. */
final class UsageApi {

    private static final DateTimeFormatter DAY_ID = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DAY_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private record Day(LocalDate day, String type, CarrierData.UsageSeries series, int index) {}

    private final CarrierData data;
    private final SimJson json;

    UsageApi(CarrierData data, SimJson json) {
        this.data = data;
        this.json = json;
    }

    SimResponse usage(SimRequest request) {
        String productId = request.param("product.id")
                .orElseThrow(() -> ApiError.badRequest("product.id is required"));
        Optional<Instant> after = request.param("usageDate.gt").map(UsageApi::instant);
        Optional<Instant> from = request.param("usageDate.gte").map(UsageApi::instant);
        List<Day> days = new ArrayList<>();
        data.lines.stream().filter(l -> l.productId().equals(productId)).findFirst().ifPresent(line -> {
            for (Map.Entry<String, CarrierData.UsageSeries> e : line.dailyUsage().entrySet()) {
                CarrierData.UsageSeries s = e.getValue();
                for (int i = 0; i < s.values().size(); i++) {
                    days.add(new Day(s.firstDayJst().plusDays(i), e.getKey(), s, i));
                }
            }
        });
        days.sort(Comparator.comparing(Day::day).thenComparing(d -> d.type().equals("data") ? "" : d.type()));
        ArrayNode items = json.array();
        for (Day d : days) {
            Instant start = d.day().atStartOfDay(CarrierData.JAPAN).toInstant();
            if (after.filter(a -> !start.isAfter(a)).isPresent() || from.filter(start::isBefore).isPresent()) {
                continue;
            }
            items.add(record(productId, d));
        }
        return json.list(items);
    }

    private ObjectNode record(String productId, Day d) {
        String id = "use-" + productId.replaceFirst("^prd-", "") + "-" + DAY_ID.format(d.day()) + "-" + d.type();
        ObjectNode node = json.object()
                .put("id", id)
                .put("href", "/tmf-api/usageManagement/v4/usage/" + id)
                .put("usageDate", DAY_START.format(d.day().atStartOfDay(CarrierData.JAPAN)))
                .put("usageType", d.type())
                .put("status", "rated")
                .put("description", (d.type().equals("data") ? "Mobile data used on " : "Calls on ")
                        + d.day() + " (JST)");
        ArrayNode chars = node.putArray("usageCharacteristic");
        chars.add(json.object().put("name", "volume").put("valueType", "number")
                .put("value", d.series().values().get(d.index())));
        chars.add(json.object().put("name", "units").put("valueType", "string").put("value", d.series().units()));
        node.putArray("ratedProductUsage").add(json.object().set("productRef", json.object().put("id", productId)));
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
