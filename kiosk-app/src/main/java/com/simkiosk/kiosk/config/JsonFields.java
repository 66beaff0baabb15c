package com.simkiosk.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one JSON object field by field and collects every problem with its path ({@code backends[1].baseUrl}),
 * so that an operator sees all mistakes at once instead of the first exception.
 */
final class JsonFields {
    /** No configured text is longer (paths, URLs, secrets); a longer one is a mistake or an attack. */
    static final int MAX_TEXT = 2_048;
    static final int MAX_ID = 64;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String where(String field) {
        if (field.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String message) {
        problems.add(where(field) + ": " + message);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** Whether {@code field} holds an object (a secret's reference rather than its text, say). */
    boolean isObject(String field) {
        return node.path(field).isObject();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return Optional.empty();
        }
        String text = value.asText();
        if (text.length() > MAX_TEXT) {
            problem(field, "too long (" + text.length() + " characters; at most " + MAX_TEXT + ")");
            return Optional.empty();
        }
        Optional<Integer> control = text.codePoints().filter(Character::isISOControl).boxed().findFirst();
        if (control.isPresent()) {
            problem(field, "contains a control character (U+%04X)".formatted(control.get()));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * A required name that ends up in logs, slips and file names: 1 to {@value #MAX_ID} letters, digits, '.', '_'
     * or '-', starting with a letter or digit. "" when missing or refused (the problem is recorded).
     */
    String id(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            return "";
        }
        if (text.length() > MAX_ID || !ID.matcher(text).matches()) {
            problem(field, "must be 1 to " + MAX_ID + " letters, digits, '.', '_' or '-' (e.g. store-0042)");
            return "";
        }
        return text;
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    /** A required non-blank string; "" when missing (the problem is recorded). */
    String text(String field) {
        Optional<String> value = optionalText(field);
        if (value.isEmpty() || value.get().isBlank()) {
            if (value.isEmpty() && !has(field)) {
                problem(field, "missing");
            } else if (value.isPresent()) {
                problem(field, "must not be empty");
            }
            return "";
        }
        return value.get();
    }

    int integer(String field, int fallback, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            problem(field, "must be a whole number from " + min + " to " + max + " (was " + value + ")");
            return fallback;
        }
        return value.asInt();
    }

    Optional<JsonFields> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problem(field, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(value, where(field), problems));
    }

    /** A required object; an empty one when missing (the problem is recorded). */
    JsonFields object(String field) {
        Optional<JsonFields> value = optionalObject(field);
        if (value.isEmpty() && !has(field)) {
            problem(field, "missing");
        }
        return value.orElseGet(() -> new JsonFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), where(field), problems));
    }

    List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            problem(field, "must be a list");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = where(field) + "[" + i + "]";
            if (value.get(i).isObject()) {
                out.add(new JsonFields(value.get(i), itemPath, problems));
            } else {
                problems.add(itemPath + ": must be an object");
            }
        }
        return out;
    }

    Optional<List<String>> optionalTexts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isTextual()) {
                out.add(item.asText());
            } else {
                problem(field, "must be a list of strings (found " + item + ")");
            }
        }
        return Optional.of(out);
    }

    /** Every field of this object, in file order (for maps such as a profile's {@code units}). */
    java.util.Map<String, JsonNode> fields() {
        java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Typos in field names are the most common config mistake: name them. */
    void allowOnly(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
