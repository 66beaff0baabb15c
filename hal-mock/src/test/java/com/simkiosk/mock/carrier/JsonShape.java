package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the shape of two JSON documents: the same field names in every object and the same JSON types.
 * An element of an actual array must have the shape of one of the example's elements (buckets with and
 * without {@code initialValue}, characteristics with a string or an array value).
 */
final class JsonShape {

    private JsonShape() {}

    /** Empty when {@code actual} has the example's shape, else where it differs. */
    static List<String> differences(JsonNode example, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", example, actual, out);
        return out;
    }

    private static void compare(String at, JsonNode example, JsonNode actual, List<String> out) {
        if (example.getNodeType() != actual.getNodeType()) {
            out.add(at + ": expected " + example.getNodeType() + " but was " + actual.getNodeType());
            return;
        }
        if (example.isObject()) {
            Set<String> want = new TreeSet<>();
            example.fieldNames().forEachRemaining(want::add);
            Set<String> have = new TreeSet<>();
            actual.fieldNames().forEachRemaining(have::add);
            if (!want.equals(have)) {
                out.add(at + ": fields " + have + " instead of " + want);
                return;
            }
            for (String field : want) {
                compare(at + "." + field, example.get(field), actual.get(field), out);
            }
        } else if (example.isArray() && !example.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                JsonNode element = actual.get(i);
                boolean fits = false;
                List<String> closest = List.of();
                for (JsonNode candidate : example) {
                    List<String> diff = new ArrayList<>();
                    compare(at + "[" + i + "]", candidate, element, diff);
                    if (diff.isEmpty()) {
                        fits = true;
                        break;
                    }
                    closest = diff;
                }
                if (!fits) {
                    out.addAll(closest);
                }
            }
        }
    }
}
