package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAMARA KYC Match for a SIM in the reader: the last 4 of the identity document ({@code idDocument}) or the
 * order number ({@code orderNumber}, extension), the line named by its TMF637 {@code productId} (extension).
 */
final class KycMatchApi {

    static final int MAX_MISMATCHES = 5;
    static final Duration MISMATCH_WINDOW = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(KycMatchApi.class);

    private final CarrierData data;
    private final Clock clock;
    private final SimJson json;
    private final Map<String, Deque<Instant>> mismatches = new HashMap<>();

    KycMatchApi(CarrierData data, Clock clock, SimJson json) {
        this.data = data;
        this.clock = clock;
        this.json = json;
    }

    SimResponse match(SimRequest request) {
        JsonNode body = request.jsonBody(json.mapper());
        if (body.has("phoneNumber")) {
            // Answering by number would tell which numbers exist; numbers are proven by SMS code instead.
            throw ApiError.badRequest("Name the line by productId; phone numbers are verified by SMS code");
        }
        String productId = body.path("productId").asText("");
        Optional<String> idDocument = text(body, "idDocument");
        Optional<String> orderNumber = text(body, "orderNumber");
        if (productId.isEmpty() || (idDocument.isEmpty() && orderNumber.isEmpty())) {
            throw ApiError.badRequest("productId and idDocument or orderNumber are required");
        }
        CarrierData.Line line = data.lines.stream().filter(l -> l.productId().equals(productId)).findFirst()
                .orElseThrow(() -> new ApiError(404, "IDENTIFIER_NOT_FOUND", "No line found for the given identifier"));
        synchronized (mismatches) {
            Instant now = clock.instant();
            Deque<Instant> recent = mismatches.computeIfAbsent(productId, p -> new ArrayDeque<>());
            recent.removeIf(t -> !t.plus(MISMATCH_WINDOW).isAfter(now));
            if (recent.size() >= MAX_MISMATCHES) {
                long wait = Math.max(1, Duration.between(now, recent.peekFirst().plus(MISMATCH_WINDOW)).toSeconds());
                log.info("kyc-match for {}: refused, {} mismatches in {}", productId, MAX_MISMATCHES, MISMATCH_WINDOW);
                throw new ApiError(429, "TOO_MANY_REQUESTS", "Too many requests, retry after the given time",
                        Map.of("Retry-After", Long.toString(wait)));
            }
            ObjectNode answer = json.object();
            boolean mismatch = false;
            if (idDocument.isPresent()) {
                String result = compare(line, "ID_DOCUMENT", last4(idDocument.get()), last4(line.idDocument()));
                answer.put("idDocumentMatch", result);
                mismatch |= result.equals("false");
            }
            if (orderNumber.isPresent()) {
                String result = compare(line, "ORDER_NUMBER", normal(orderNumber.get()), normal(line.orderNumber()));
                answer.put("orderNumberMatch", result);
                mismatch |= result.equals("false");
            }
            if (mismatch) {
                recent.addLast(now);
            }
            // The line id is not personal; the values compared never reach the log.
            log.info("kyc-match for {}: {}", productId, answer.toString());
            return json.answer(200, answer);
        }
    }

    private static String compare(CarrierData.Line line, String method, String given, String registered) {
        if (!line.allows(method)) {
            return "not_available";
        }
        return given.equals(registered) ? "true" : "false";
    }

    private static Optional<String> text(JsonNode body, String field) {
        String value = body.path(field).asText("");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String normal(String s) {
        return s.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static String last4(String s) {
        String n = normal(s);
        return n.substring(Math.max(0, n.length() - 4));
    }
}
