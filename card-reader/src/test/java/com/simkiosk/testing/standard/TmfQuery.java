package com.simkiosk.testing.standard;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A TMF630-style query as a strict server reads it: form-decoded ({@code +} is a space, so an E.164 number must be
 * sent as {@code %2B}), attribute filters in dot notation over the resource's schema attributes, operators as a
 * suffix ({@code usageDate.gte}), comma-separated values meaning "any of", and {@code offset}/{@code limit}.
 * A parameter naming an attribute the resource does not have is ignored, as real servers do.
 *
 * <p>Conditions whose first attribute is an array must hold on one and the same element
 * ({@code productCharacteristic.name=msisdn&productCharacteristic.value=…} means one characteristic with both).
 */
final class TmfQuery {

    private static final Set<String> RESERVED = Set.of("fields", "offset", "limit", "sort", "depth", "expand");
    private static final Set<String> OPERATORS = Set.of("eq", "gt", "gte", "lt", "lte");

    private record Condition(List<String> path, String operator, List<String> values) {}

    private final Map<String, List<Condition>> byAttribute = new LinkedHashMap<>();
    final Integer offset;
    final Integer limit;

    private TmfQuery(Map<String, List<String>> params, Set<String> attributes) {
        Integer off = null;
        Integer lim = null;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().get(e.getValue().size() - 1);
            if (key.equals("offset")) {
                off = nonNegative(key, value);
            } else if (key.equals("limit")) {
                lim = nonNegative(key, value);
            }
            if (RESERVED.contains(key)) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(key.split("\\.")));
            String operator = "eq";
            if (path.size() > 1 && OPERATORS.contains(path.get(path.size() - 1))) {
                operator = path.remove(path.size() - 1);
            }
            if (!attributes.contains(path.get(0))) {
                continue; // not an attribute of this resource: ignored, not refused
            }
            for (String v : e.getValue()) {
                byAttribute.computeIfAbsent(path.get(0), k -> new ArrayList<>())
                        .add(new Condition(path.subList(1, path.size()), operator, List.of(v.split(","))));
            }
        }
        this.offset = off;
        this.limit = lim;
    }

    /** Parses a raw query string; throws {@link IllegalArgumentException} (→ 400) for a bad offset or limit. */
    static TmfQuery parse(String rawQuery, Set<String> attributes) {
        return new TmfQuery(params(rawQuery), attributes);
    }

    /** Form-decoded parameters in order; a key may repeat. */
    static Map<String, List<String>> params(String rawQuery) {
        return Stream.of(rawQuery == null ? new String[0] : rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(kv -> decode(kv[0]), LinkedHashMap::new,
                        Collectors.mapping(kv -> kv.length > 1 ? decode(kv[1]) : "", Collectors.toList())));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    boolean matches(JsonNode resource, ZoneId zone) {
        for (Map.Entry<String, List<Condition>> e : byAttribute.entrySet()) {
            JsonNode node = resource.get(e.getKey());
            if (node == null) {
                return false;
            }
            List<Condition> conditions = e.getValue();
            if (node.isArray()) {
                boolean one = false;
                for (JsonNode element : node) {
                    one |= all(element, conditions, zone);
                }
                if (!one) {
                    return false;
                }
            } else if (!all(node, conditions, zone)) {
                return false;
            }
        }
        return true;
    }

    <T> List<T> page(List<T> all) {
        int from = Math.min(offset == null ? 0 : offset, all.size());
        int to = limit == null ? all.size() : (int) Math.min((long) from + limit, all.size());
        return all.subList(from, to);
    }

    private static boolean all(JsonNode node, List<Condition> conditions, ZoneId zone) {
        for (Condition c : conditions) {
            if (!holds(node, c.path, c, zone)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(JsonNode node, List<String> path, Condition c, ZoneId zone) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holds(element, path, c, zone)) {
                    return true;
                }
            }
            return false;
        }
        if (!path.isEmpty()) {
            return holds(node.get(path.get(0)), path.subList(1, path.size()), c, zone);
        }
        if (!node.isValueNode()) {
            return false;
        }
        for (String wanted : c.values) {
            if (compare(node, c.operator, wanted, zone)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(JsonNode leaf, String operator, String wanted, ZoneId zone) {
        if (operator.equals("eq")) {
            return leaf.asText().equals(wanted);
        }
        int order;
        if (leaf.isNumber()) {
            try {
                order = Double.compare(leaf.asDouble(), Double.parseDouble(wanted));
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            Instant have = instant(leaf.asText(), zone);
            Instant bound = instant(wanted, zone);
            if (have == null || bound == null) {
                return false;
            }
            order = have.compareTo(bound);
        }
        return switch (operator) {
            case "gt" -> order > 0;
            case "gte" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
    }

    /** A date-time with offset, or a bare date meaning the start of that day where this carrier is. */
    private static Instant instant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static int nonNegative(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a non-negative integer");
    }
}
