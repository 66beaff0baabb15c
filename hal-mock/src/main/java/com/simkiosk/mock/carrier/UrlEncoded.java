package com.simkiosk.mock.carrier;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code a=1&b=2} as in query strings and form bodies; {@code +} decodes to a space, as the standard says. */
final class UrlEncoded {

    private UrlEncoded() {}

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
