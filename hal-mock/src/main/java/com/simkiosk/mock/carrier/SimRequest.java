package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request after routing and authentication. {@code id} is the resource id of a one-resource endpoint
 * ({@code ""} otherwise); {@code base} is {@code http://host:port} as the client addressed the simulator, for
 * absolute {@code href}s.
 */
record SimRequest(Endpoint endpoint, String id, Map<String, List<String>> query, Map<String, List<String>> headers,
                  byte[] body, String clientId, String base) {

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Header names compared case-insensitively, as HTTP says. */
    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The absolute URI of a path on this simulator. */
    String href(String path) {
        return base + path;
    }

    JsonNode jsonBody(ObjectMapper json) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("The request body is not valid JSON");
        }
    }
}
