package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The three error-body families of docs/carrier-api.md 1.2, chosen by the endpoint's path. */
enum ErrorStyle {
    /** RFC 6749 5.2: {@code {error, error_description}}. */
    OAUTH,
    /** TMF630: {@code {code, reason, message, status (string), @type}}. */
    TMF,
    /** CAMARA: {@code {status (int), code, message}}. */
    CAMARA;

    ObjectNode body(ObjectMapper json, int status, String code, String message) {
        ObjectNode body = json.createObjectNode();
        switch (this) {
            case OAUTH -> body.put("error", oauthCode(code)).put("error_description", message);
            case TMF -> body.put("code", code).put("reason", reason(status)).put("message", message)
                    .put("status", Integer.toString(status)).put("@type", "Error");
            case CAMARA -> body.put("status", status).put("code", code).put("message", message);
        }
        return body;
    }

    /** RFC 6749 has its own lower-case codes for the generic failures (faults hit the token endpoint too). */
    private static String oauthCode(String code) {
        return switch (code) {
            case "INTERNAL" -> "server_error";
            case "UNAVAILABLE", "TOO_MANY_REQUESTS" -> "temporarily_unavailable";
            case "UNAUTHENTICATED" -> "invalid_client";
            default -> code;
        };
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 422 -> "Unprocessable entity";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Internal server error";
        };
    }
}
