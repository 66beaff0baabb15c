package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.Iccid;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.privacy.Mask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's accounts: lines, their buckets and daily usage, top-up offerings, OAuth clients. Read from
 * {@code carrier-sim/demo-lines.json} (or a file of the same shape); times in the file are relative to "now".
 */
final class CarrierData {

    static final ZoneId JAPAN = Units.JAPAN;
    static final String BUILT_IN = "/carrier-sim/demo-lines.json";
    /** K and OPc of 3GPP TS 35.208 test set 1: the virtual USIM's, so the genuine demo cards and the BSF agree. */
    static final String TEST_SET_1_K = UsimKeys.DEMO.k();
    static final String TEST_SET_1_OPC = UsimKeys.DEMO.opc();
    private static final Set<String> STATUSES = Set.of("active", "suspended", "terminated");
    private static final Set<String> USAGE_TYPES = Set.of("data", "voice", "sms", "monetary");

    record Quantity(BigDecimal amount, String units) {}

    record Offering(String id, String name, Quantity data, int validityDays, long priceYen) {
        /** TMF620 prices are resources of their own, referenced by id. */
        String priceId() {
            return "pop-" + id.replaceFirst("^po-", "");
        }

        String priceName() {
            return name + " price";
        }
    }

    /**
     * What the carrier's authentication centre holds for a line's USIM: IMSI (and the MNC's length, for the IMPI of
     * TS 23.003 §13.3), K and OPc. Never printed.
     */
    record Usim(String imsi, int mncLength, String k, String opc) {
        @Override
        public String toString() {
            return "Usim[IMSI " + imsi.substring(0, 3) + Mask.secret(imsi) + ", K ******, OPc ******]";
        }
    }

    /** A line's plan, as an offering in the catalog (what a product's {@code productOffering} refers to). */
    record Plan(String id, String name) {}

    record Bucket(String id, String name, String usageType, Quantity remaining, Optional<Quantity> initial,
                  Instant start, Instant end) {}

    /** Daily usage of one type, oldest day first; the last value is the load day (Japan time). */
    record UsageSeries(String units, LocalDate firstDayJst, List<BigDecimal> values) {}

    /**
     * One line. {@code brand}, {@code network}, {@code lineType} and {@code verificationMethods} are optional: a
     * line without them is served as a plain standard product. {@code smsRefusal} is the CAMARA code send-code
     * answers for its number when the operator refuses SMS to it.
     */
    record Line(String key, String label, String productId, String partyAccountId, String iccid,
                Optional<String> msisdn, String simPin, String status, String planName, String planOfferingId,
                Optional<String> brand, Optional<String> network, Optional<String> lineType,
                Optional<List<String>> verificationMethods, Optional<String> smsRefusal, String idDocument,
                String orderNumber, Instant startedAt, List<String> topUpOfferings, List<Bucket> buckets,
                Map<String, UsageSeries> dailyUsage, Optional<Usim> usim) {

        /**
         * What the carrier lets the customer prove the line with: its list, or without one what a standard kiosk
         * offers (docs/carrier-api.md 3.3; ORDER_NUMBER is an extension, only when listed).
         */
        boolean allows(String method) {
            return verificationMethods.map(m -> m.contains(method)).orElseGet(() -> switch (method) {
                case "SIM_PIN", "ID_DOCUMENT" -> true;
                case "SMS_CODE" -> msisdn.isPresent() && smsRefusal.isEmpty();
                default -> false;
            });
        }

        String idDocumentLast4() {
            return idDocument.substring(Math.max(0, idDocument.length() - 4));
        }

        /** Demo people are still people on screen and in logs: ICCID, number, PIN and documents stay masked. */
        @Override
        public String toString() {
            return "Line[" + key + ", " + productId + ", SIM " + Mask.iccid(iccid) + ", " + msisdn.map(Mask::msisdn).orElse("no number")
                    + ", " + status + "]";
        }
    }

    final Map<String, String> clients;
    final List<Offering> offerings;
    final List<Line> lines;
    final List<Plan> plans;

    private CarrierData(Map<String, String> clients, List<Offering> offerings, List<Line> lines) {
        this.clients = Map.copyOf(clients);
        this.offerings = List.copyOf(offerings);
        this.lines = List.copyOf(lines);
        this.plans = lines.stream().map(l -> new Plan(l.planOfferingId(), l.planName())).distinct().toList();
    }

    Optional<Line> lineByProduct(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    static JsonNode readBuiltIn(ObjectMapper json) {
        try (InputStream in = CarrierData.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("demo data " + BUILT_IN + " missing from the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + BUILT_IN + " unreadable", e);
        }
    }

    static JsonNode readFile(ObjectMapper json, Path file) throws IOException {
        return json.readTree(Files.readAllBytes(file));
    }

    /** Parses and checks the data; a mistake in a hand-written file fails here with its line key. */
    static CarrierData parse(JsonNode root, Instant now) {
        Map<String, String> clients = new LinkedHashMap<>();
        for (JsonNode c : root.path("clients")) {
            // A client registered by public key (private_key_jwt, read by OAuthTokenApi) has no secret: "" never matches.
            clients.put(text(c, "clientId"), c.has("publicKeyPem") ? "" : text(c, "clientSecret"));
        }
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("demo data: no clients");
        }
        List<Offering> offerings = new ArrayList<>();
        for (JsonNode o : root.path("offerings")) {
            offerings.add(new Offering(text(o, "id"), text(o, "name"), quantity(o.path("data"), "offering data"),
                    o.path("validityDays").asInt(30), o.path("priceYen").asLong()));
        }
        Set<String> offeringIds = new HashSet<>();
        offerings.forEach(o -> offeringIds.add(o.id()));
        LocalDate today = now.atZone(JAPAN).toLocalDate();
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode l : root.path("lines")) {
            Line line = line(l, now, today, offeringIds);
            List<String> uniques = new ArrayList<>(List.of("key:" + line.key(), "product:" + line.productId(),
                    "iccid:" + line.iccid(), "msisdn:" + line.msisdn().orElse(line.key()),
                    "imsi:" + line.usim().map(Usim::imsi).orElse(line.key())));
            line.buckets().forEach(b -> uniques.add("bucket:" + b.id()));
            for (String unique : uniques) {
                if (!seen.add(unique)) {
                    throw new IllegalArgumentException("demo data: duplicate " + unique.replaceFirst(":.*", "")
                            + " in line " + line.key());
                }
            }
            lines.add(line);
        }
        return new CarrierData(clients, offerings, lines);
    }

    private static Line line(JsonNode l, Instant now, LocalDate today, Set<String> offeringIds) {
        String key = text(l, "key");
        String iccid = text(l, "iccid");
        if (!Iccid.parse(iccid).luhnValid()) {
            throw new IllegalArgumentException("demo data: line " + key + " has an ICCID failing its Luhn check");
        }
        Optional<String> msisdn = l.hasNonNull("msisdn")
                ? Optional.of(new Msisdn(l.get("msisdn").asText()).e164()) : Optional.empty();
        String status = text(l, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("demo data: line " + key + " has status " + status);
        }
        Optional<List<String>> methods = Optional.empty();
        if (l.has("verificationMethods")) {
            List<String> listed = new ArrayList<>();
            for (JsonNode m : l.get("verificationMethods")) {
                listed.add(VerificationMethod.valueOf(m.asText()).name());
            }
            methods = Optional.of(List.copyOf(listed));
        }
        if (l.path("smsBlocked").asBoolean() && l.path("smsNotAllowed").asBoolean()) {
            throw new IllegalArgumentException("demo data: line " + key + " is both smsBlocked and smsNotAllowed");
        }
        Optional<String> smsRefusal = l.path("smsBlocked").asBoolean()
                ? Optional.of("ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED")
                : l.path("smsNotAllowed").asBoolean()
                        ? Optional.of("ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED") : Optional.empty();
        List<String> topUps = new ArrayList<>();
        for (JsonNode t : l.path("topUpOfferings")) {
            if (!offeringIds.contains(t.asText())) {
                throw new IllegalArgumentException("demo data: line " + key + " offers unknown " + t.asText());
            }
            topUps.add(t.asText());
        }
        List<Bucket> buckets = new CopyOnWriteArrayList<>();
        for (JsonNode b : l.path("buckets")) {
            String type = text(b, "usageType");
            if (!USAGE_TYPES.contains(type)) {
                throw new IllegalArgumentException("demo data: line " + key + " has a bucket of type " + type);
            }
            Optional<Quantity> initial = b.has("initial")
                    ? Optional.of(quantity(b.get("initial"), key)) : Optional.empty();
            buckets.add(new Bucket(text(b, "id"), text(b, "name"), type, quantity(b.path("remaining"), key), initial,
                    now.minus(duration(b, "startedAgo")), endOfJapanDay(now.plus(duration(b, "endsIn")))));
        }
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        l.path("dailyUsage").fields().forEachRemaining(e -> {
            List<BigDecimal> values = new ArrayList<>();
            e.getValue().path("values").forEach(v -> values.add(v.decimalValue()));
            usage.put(e.getKey(), new UsageSeries(text(e.getValue(), "units"),
                    today.minusDays(values.size() - 1L), List.copyOf(values)));
        });
        String productId = text(l, "productId");
        String account = optionalText(l, "partyAccountId").orElse("acc-" + productId.replaceFirst("^prd-", ""));
        return new Line(key, text(l, "label"), productId, account, iccid, msisdn, text(l, "simPin"), status,
                text(l, "planName"), text(l, "planOfferingId"), optionalText(l, "brand"), optionalText(l, "network"),
                optionalText(l, "lineType"), methods, smsRefusal, text(l, "idDocument"), text(l, "orderNumber"),
                now.minus(duration(l, "startedAgo")), List.copyOf(topUps), buckets, Map.copyOf(usage), usim(l, key));
    }

    /** The optional USIM of a line; K and OPc default to TS 35.208 test set 1 (public test data, like UsimKeys.DEMO). */
    private static Optional<Usim> usim(JsonNode l, String key) {
        if (!l.hasNonNull("imsi")) {
            return Optional.empty();
        }
        String imsi = text(l, "imsi");
        int mncLength = l.path("mncLength").asInt(2);
        String k = optionalText(l, "usimK").orElse(TEST_SET_1_K);
        String opc = optionalText(l, "usimOpc").orElse(TEST_SET_1_OPC);
        if (!imsi.matches("\\d{6,15}") || (mncLength != 2 && mncLength != 3)
                || !k.matches("[0-9A-Fa-f]{32}") || !opc.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("demo data: line " + key + " has a malformed imsi, mncLength, usimK or usimOpc");
        }
        return Optional.of(new Usim(imsi, mncLength, k, opc));
    }

    /** Prepaid validity ends at 23:59:59 Japan time of its last day, as Japanese carriers print it. */
    static Instant endOfJapanDay(Instant instant) {
        return instant.atZone(JAPAN).toLocalDate().atTime(23, 59, 59).atZone(JAPAN).toInstant();
    }

    private static Quantity quantity(JsonNode q, String where) {
        if (!q.path("amount").isNumber() || !q.path("units").isTextual()) {
            throw new IllegalArgumentException("demo data: " + where + " has a quantity without amount and units");
        }
        return new Quantity(q.get("amount").decimalValue(), q.get("units").asText());
    }

    private static Duration duration(JsonNode node, String field) {
        return Duration.parse(text(node, field));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("demo data: missing " + field);
        }
        return v.asText();
    }
}
