package com.simkiosk.mock.carrier;

import java.time.Duration;
import java.util.Map;

/** Something going wrong between the kiosk and the carrier, injected through {@link Faults}. */
public sealed interface Fault {

    /** The answer comes this much later (then normally, unless another fault applies). */
    record Latency(Duration delay) implements Fault {
        public Latency {
            if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("latency between 0 and 1 minute");
            }
        }
    }

    /** 500 with the endpoint's error body. */
    record ServerError() implements Fault {}

    /** 503 + Retry-After. */
    record Unavailable(int retryAfterSeconds) implements Fault {}

    /** 429 + Retry-After. */
    record RateLimited(int retryAfterSeconds) implements Fault {}

    /** 200 with a body that is not JSON (cut off mid-object). */
    record MalformedJson() implements Fault {}

    /** 401 as if the bearer token had expired or been revoked. */
    record ExpiredToken() implements Fault {}

    /** The connection closes after the headers of a 200, before its body: the answer is cut off, nothing is done. */
    record DropConnection() implements Fault {}

    /**
     * The request is carried out (an order is placed), then the connection closes after the answer's headers,
     * before its body: the client cannot know whether its request arrived.
     */
    record ApplyThenDrop() implements Fault {}

    /**
     * An error answer with this status and code in the endpoint's error family, for the codes the simulator never
     * produces by itself ({@code 403 PERMISSION_DENIED}, {@code 429 QUOTA_EXCEEDED}, ...). 429 and 503 carry
     * {@code Retry-After: 1}.
     */
    record ErrorAnswer(int status, String code, String message) implements Fault {
        private static final Map<String, String> MESSAGES = Map.of(
                "PERMISSION_DENIED", "Client does not have sufficient permissions to perform this action.",
                "AUTHENTICATION_REQUIRED", "New authentication is required.",
                "INVALID_TOKEN_CONTEXT", "phoneNumber is not consistent with access token.",
                "QUOTA_EXCEEDED", "Out of resource quota.",
                "OUT_OF_RANGE", "Client specified an invalid range.",
                "NOT_FOUND", "No such resource");

        public ErrorAnswer {
            if (status < 400 || status > 599 || code.isBlank()) {
                throw new IllegalArgumentException("an error answer has a 4xx or 5xx status and a code");
            }
        }

        /** With the message of docs/carrier-api.md for the known codes. */
        public ErrorAnswer(int status, String code) {
            this(status, code, MESSAGES.getOrDefault(code, "Injected error " + code));
        }
    }
}
