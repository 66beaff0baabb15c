package com.simkiosk.card.network;

import java.util.ArrayList;
import java.util.List;

/** The comma-separated fields of an AT answer, quotes respected ({@code "26/11/30,12:00:00+36"} is one field). */
final class AtFields {
    private AtFields() {}

    /** The fields after the {@code +XXXX:} prefix, quotes removed. */
    static List<String> of(String line) {
        int colon = line.indexOf(':');
        String body = colon >= 0 && line.startsWith("+") ? line.substring(colon + 1) : line;
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : body.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString().strip());
        return fields;
    }

    static int intOr(List<String> fields, int index, int fallback) {
        if (index >= fields.size()) {
            return fallback;
        }
        try {
            return Integer.parseInt(fields.get(index));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
