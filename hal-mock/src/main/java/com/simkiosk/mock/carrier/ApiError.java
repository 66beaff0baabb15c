package com.simkiosk.mock.carrier;

import java.util.Map;

/** A refusal an endpoint answers with, rendered in the endpoint's {@link ErrorStyle}. No personal data inside. */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final Map<String, String> headers;

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** An unknown resource id or path (TMF {@code NOT_FOUND}; CAMARA's generic code is the same). */
    static ApiError notFound() {
        return new ApiError(404, "NOT_FOUND", "No such resource");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "INVALID_ARGUMENT", message);
    }
}
