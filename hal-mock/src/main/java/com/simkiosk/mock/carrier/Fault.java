package com.simkiosk.mock.carrier;

import java.time.Duration;

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

    /** The connection closes after the headers of a 200, before its body: the answer is cut off. */
    record DropConnection() implements Fault {}
}
