package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAMARA KYC Match v0.3.0 for a SIM in the reader. The line is named by {@code phoneNumber} (standard) or, for a
 * line without a number, by {@code productId} (extension). Like an operator that validates the ID document first,
 * a wrong {@code idDocument} (the whole number) is {@code 403 ID_DOCUMENT_MISMATCH}; the order number
 * ({@code orderNumber}, extension) is answered in {@code orderNumberMatch}.
 */
final class KycMatchApi {

    static final int MAX_MISMATCHES = 5;
    static final Duration MISMATCH_WINDOW = Duration.ofMinutes(10);
    /** The other properties of KYC_MatchRequestBody: the simulator holds none of them on file. */
    private static final List<String> NOT_ON_FILE = List.of("name", "givenName", "familyName", "nameKanaHankaku",
            "nameKanaZenkaku", "middleNames", "familyNameAtBirth", "address", "streetName", "streetNumber",
            "postalCode", "region", "locality", "country", "houseNumberExtension", "birthdate", "email", "gender");
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
        CarrierData.Line line = line(text(body, "phoneNumber"), text(body, "productId"));
        Optional<String> idDocument = text(body, "idDocument");
        Optional<String> orderNumber = text(body, "orderNumber");
        synchronized (mismatches) {
            Instant now = clock.instant();
            Deque<Instant> recent = mismatches.computeIfAbsent(line.productId(), p -> new ArrayDeque<>());
            recent.removeIf(t -> !t.plus(MISMATCH_WINDOW).isAfter(now));
            if (recent.size() >= MAX_MISMATCHES) {
                long wait = Math.max(1, Duration.between(now, recent.peekFirst().plus(MISMATCH_WINDOW)).toSeconds());
                log.info("kyc-match for {}: refused, {} mismatches in {}", line.productId(), MAX_MISMATCHES,
                        MISMATCH_WINDOW);
                throw new ApiError(429, "TOO_MANY_REQUESTS", "Too many requests, retry after the given time",
                        Map.of("Retry-After", Long.toString(wait)));
            }
            if (idDocument.isEmpty() && orderNumber.isEmpty()) {
                throw new ApiError(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED",
                        "The idDocument is required to perform the properties validation");
            }
            ObjectNode answer = json.object();
            if (idDocument.isPresent()) {
                if (!line.allows("ID_DOCUMENT")) {
                    log.info("kyc-match for {}: the ID document check is not applicable", line.productId());
                    throw new ApiError(422, "SERVICE_NOT_APPLICABLE",
                            "The service is not applicable for the provided phone number");
                }
                if (!normal(idDocument.get()).equals(normal(line.idDocument()))) {
                    recent.addLast(now);
                    // The line id is not personal; the values compared never reach the log.
                    log.info("kyc-match for {}: ID document mismatch ({} of {})", line.productId(), recent.size(),
                            MAX_MISMATCHES);
                    throw new ApiError(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH",
                            "The idDocument needs to match the one associated with the provided phoneNumber");
                }
                answer.put("idDocumentMatch", "true");
            }
            if (orderNumber.isPresent()) {
                String given = orderNumber.get().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
                String result = !line.allows("ORDER_NUMBER") ? "not_available"
                        : given.equals(line.orderNumber()) ? "true" : "false";
                answer.put("orderNumberMatch", result);
                if (result.equals("false")) {
                    recent.addLast(now);
                }
            }
            NOT_ON_FILE.stream().filter(body::hasNonNull).forEach(p -> answer.put(p + "Match", "not_available"));
            log.info("kyc-match for {}: {}", line.productId(), answer.toString());
            return json.answer(200, answer);
        }
    }

    /** The line of the number or product id; both given, they must name the same line. */
    private CarrierData.Line line(Optional<String> phoneNumber, Optional<String> productId) {
        if (phoneNumber.isEmpty() && productId.isEmpty()) {
            throw new ApiError(422, "MISSING_IDENTIFIER", "No phone number has been provided");
        }
        if (phoneNumber.filter(p -> !p.matches(ProductInventoryApi.E164)).isPresent()) {
            throw ApiError.badRequest("phoneNumber must be E.164, e.g. +819012345678");
        }
        Optional<CarrierData.Line> byNumber = phoneNumber.flatMap(p -> data.lines.stream()
                .filter(l -> l.msisdn().filter(p::equals).isPresent()).findFirst());
        Optional<CarrierData.Line> byProduct = productId.flatMap(data::lineByProduct);
        if (phoneNumber.isPresent() && byNumber.isEmpty() || productId.isPresent() && byProduct.isEmpty()) {
            throw new ApiError(404, "IDENTIFIER_NOT_FOUND", "No line found for the given identifier");
        }
        if (byNumber.isPresent() && byProduct.isPresent() && byNumber.get() != byProduct.get()) {
            throw new ApiError(400, "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION",
                    "Indicated parameter combination is invalid");
        }
        return byNumber.or(() -> byProduct).orElseThrow();
    }

    private static Optional<String> text(JsonNode body, String field) {
        String value = body.path(field).asText("");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Spaces and hyphens removed, upper-cased, as the kiosk sends a document number. */
    private static String normal(String s) {
        return s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
