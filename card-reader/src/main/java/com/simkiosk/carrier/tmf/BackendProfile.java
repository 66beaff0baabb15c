package com.simkiosk.carrier.tmf;

import com.simkiosk.carrier.LineStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the TM Forum and CAMARA documents leave to each carrier: characteristic names, query filters, unit spellings,
 * the status mapping, top-up details. {@link #standard()} holds the standard's choices (contract v2, "Back-end
 * profile"); a carrier that chose otherwise is integrated by configuration ({@code "profile": {…}} per back end),
 * never by code.
 *
 * @param msisdnCharacteristic       product characteristic holding the E.164 number (names match case-insensitively)
 * @param brandCharacteristic        extension; absent → the offering's name → the back end's display name
 * @param verificationCharacteristic extension; absent → the methods the kiosk can offer for the line type
 * @param dataAllowanceCharacteristic offering {@code prodSpecCharValueUse} with the data amount
 * @param usageVolumeCharacteristic  TMF635 usageCharacteristic with the amount used
 * @param usageUnitsCharacteristic   TMF635 usageCharacteristic with its unit
 * @param iccidQuery                 product lookup by SIM; {@code {iccid}}
 * @param msisdnQuery                product lookup by number; {@code {msisdn}} (E.164)
 * @param bucketQuery                TMF654 bucket list; {@code {productId}}
 * @param usageQuery                 TMF635 usage list; {@code {productId}}, {@code {fromDate}} (yyyy-MM-dd, Japan day)
 * @param offeringQuery              TMF620 offering list; may use {@code {productId}}
 * @param topUpCorrelatorField       TopupBalance field (and list filter) carrying the kiosk's own order id; {@code ""}
 *                                   for a carrier that keeps none (a lost order answer is then reported, never resent)
 * @param payAtRegisterMethodId      {@code paymentMethod.id} sent with a top-up
 * @param units                      extra unit spellings (lower-cased) → a spelling of the built-in table
 * @param productStatus              TMF637 product status (lower-cased) → kiosk line status
 * @param topUpPoll                  how often and how long a created top-up is polled
 * @param supportPhone               the carrier's support number (issue 10; read, not used yet)
 * @param supportUrl                 the carrier's support page (issue 10; read, not used yet)
 */
public record BackendProfile(
        String msisdnCharacteristic,
        String brandCharacteristic,
        String verificationCharacteristic,
        String dataAllowanceCharacteristic,
        String usageVolumeCharacteristic,
        String usageUnitsCharacteristic,
        String iccidQuery,
        String msisdnQuery,
        String bucketQuery,
        String usageQuery,
        String offeringQuery,
        String topUpCorrelatorField,
        String payAtRegisterMethodId,
        Map<String, String> units,
        Map<String, LineStatus> productStatus,
        TopUpPoll topUpPoll,
        Optional<String> supportPhone,
        Optional<String> supportUrl) {

    /** TMF637 ProductStatusType → the kiosk's line status. */
    public static final Map<String, LineStatus> STANDARD_PRODUCT_STATUS = Map.of(
            "active", LineStatus.ACTIVE, "pendingterminate", LineStatus.ACTIVE,
            "created", LineStatus.SUSPENDED, "pendingactive", LineStatus.SUSPENDED, "suspended", LineStatus.SUSPENDED,
            "cancelled", LineStatus.TERMINATED, "terminated", LineStatus.TERMINATED, "aborted", LineStatus.TERMINATED);

    /** The placeholders each query may use. */
    private static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            "iccidQuery", Set.of("iccid"),
            "msisdnQuery", Set.of("msisdn"),
            "bucketQuery", Set.of("productId"),
            "usageQuery", Set.of("productId", "fromDate"),
            "offeringQuery", Set.of("productId"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** A characteristic or field name: what TMF names look like, nothing that could break a query or JSON. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@-]{0,63}");

    /** GET /topupBalance/{id} every {@code interval} until a final status, for at most {@code max} in total. */
    public record TopUpPoll(Duration interval, Duration max) {
        public static final TopUpPoll STANDARD = new TopUpPoll(Duration.ofMillis(200), Duration.ofSeconds(5));

        public TopUpPoll {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(max, "max");
            if (interval.isNegative() || interval.isZero() || max.isNegative() || max.compareTo(interval) < 0) {
                throw new IllegalArgumentException("topUpPoll: interval must be positive and max at least the interval");
            }
            if (max.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("topUpPoll.max: at most PT5M (a customer is waiting)");
            }
        }
    }

    public BackendProfile {
        for (var name : Map.of("msisdnCharacteristic", msisdnCharacteristic, "brandCharacteristic", brandCharacteristic,
                "verificationCharacteristic", verificationCharacteristic,
                "dataAllowanceCharacteristic", dataAllowanceCharacteristic,
                "usageVolumeCharacteristic", usageVolumeCharacteristic, "usageUnitsCharacteristic", usageUnitsCharacteristic,
                "payAtRegisterMethodId", payAtRegisterMethodId).entrySet()) {
            requireName(name.getKey(), name.getValue());
        }
        if (!"".equals(topUpCorrelatorField)) {
            requireName("topUpCorrelatorField", topUpCorrelatorField);
        }
        for (var query : Map.of("iccidQuery", iccidQuery, "msisdnQuery", msisdnQuery, "bucketQuery", bucketQuery,
                "usageQuery", usageQuery, "offeringQuery", offeringQuery).entrySet()) {
            requireQuery(query.getKey(), query.getValue());
        }
        if (!PLACEHOLDER.matcher(iccidQuery).find() || !PLACEHOLDER.matcher(msisdnQuery).find()) {
            throw new IllegalArgumentException("iccidQuery and msisdnQuery must use {iccid} / {msisdn}: else every lookup finds the same line");
        }
        units = lowerKeys(Objects.requireNonNull(units, "units"));
        productStatus = lowerKeys(Objects.requireNonNull(productStatus, "productStatus"));
        Objects.requireNonNull(topUpPoll, "topUpPoll");
        Objects.requireNonNull(supportPhone, "supportPhone");
        Objects.requireNonNull(supportUrl, "supportUrl");
    }

    /** The standard's choices (contract v2). */
    public static BackendProfile standard() {
        return new BackendProfile("msisdn", "brand", "verificationMethods", "dataAllowance", "volume", "units",
                "realizingResource.id={iccid}", "productCharacteristic.name=msisdn&productCharacteristic.value={msisdn}",
                "product.id={productId}", "ratedProductUsage.productRef.id={productId}&usageDate.gte={fromDate}",
                "category.name=topup", "externalId", "pay-at-register", Map.of(), STANDARD_PRODUCT_STATUS,
                TopUpPoll.STANDARD, Optional.empty(), Optional.empty());
    }

    /** The line status for a TMF637 product status (case-insensitive), empty for one this profile does not know. */
    public Optional<LineStatus> lineStatus(String status) {
        return Optional.ofNullable(productStatus.get(status.toLowerCase(Locale.ROOT)));
    }

    /** A carrier's unit spelling as the built-in table knows it ({@code gigabytes} → {@code GB}); others unchanged. */
    public String unit(String spelling) {
        return spelling == null ? null : units.getOrDefault(spelling.trim().toLowerCase(Locale.ROOT), spelling);
    }

    /**
     * A query template with its placeholders replaced, each value URL-encoded ({@code +} of an E.164 number becomes
     * {@code %2B}). Placeholders were checked when the profile was made.
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Objects.requireNonNull(values.get(m.group(1)), m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public BackendProfile withMsisdnCharacteristic(String name) {
        return new BackendProfile(name, brandCharacteristic, verificationCharacteristic, dataAllowanceCharacteristic,
                usageVolumeCharacteristic, usageUnitsCharacteristic, iccidQuery, msisdnQuery, bucketQuery, usageQuery,
                offeringQuery, topUpCorrelatorField, payAtRegisterMethodId, units, productStatus, topUpPoll, supportPhone, supportUrl);
    }

    public BackendProfile withCharacteristics(String brand, String verification, String dataAllowance, String usageVolume,
            String usageUnits) {
        return new BackendProfile(msisdnCharacteristic, brand, verification, dataAllowance, usageVolume, usageUnits,
                iccidQuery, msisdnQuery, bucketQuery, usageQuery, offeringQuery, topUpCorrelatorField,
                payAtRegisterMethodId, units, productStatus, topUpPoll, supportPhone, supportUrl);
    }

    public BackendProfile withQueries(String iccid, String msisdn, String bucket, String usage, String offering) {
        return new BackendProfile(msisdnCharacteristic, brandCharacteristic, verificationCharacteristic,
                dataAllowanceCharacteristic, usageVolumeCharacteristic, usageUnitsCharacteristic, iccid, msisdn, bucket,
                usage, offering, topUpCorrelatorField, payAtRegisterMethodId, units, productStatus, topUpPoll,
                supportPhone, supportUrl);
    }

    public BackendProfile withUsageQuery(String usage) {
        return withQueries(iccidQuery, msisdnQuery, bucketQuery, usage, offeringQuery);
    }

    public BackendProfile withOfferingQuery(String offering) {
        return withQueries(iccidQuery, msisdnQuery, bucketQuery, usageQuery, offering);
    }

    public BackendProfile withTopUp(String correlatorField, String payAtRegisterMethod, TopUpPoll poll) {
        return new BackendProfile(msisdnCharacteristic, brandCharacteristic, verificationCharacteristic,
                dataAllowanceCharacteristic, usageVolumeCharacteristic, usageUnitsCharacteristic, iccidQuery, msisdnQuery,
                bucketQuery, usageQuery, offeringQuery, correlatorField, payAtRegisterMethod, units, productStatus, poll,
                supportPhone, supportUrl);
    }

    public BackendProfile withTopUpPoll(TopUpPoll poll) {
        return withTopUp(topUpCorrelatorField, payAtRegisterMethodId, poll);
    }

    /** Extra unit spellings, added to those already set. */
    public BackendProfile withUnits(Map<String, String> extra) {
        return withTables(merged(units, extra), productStatus);
    }

    /** Status mappings overriding (or adding to) those already set, per value. */
    public BackendProfile withProductStatus(Map<String, LineStatus> overrides) {
        return withTables(units, merged(productStatus, overrides));
    }

    private BackendProfile withTables(Map<String, String> unitTable, Map<String, LineStatus> statusTable) {
        return new BackendProfile(msisdnCharacteristic, brandCharacteristic, verificationCharacteristic,
                dataAllowanceCharacteristic, usageVolumeCharacteristic, usageUnitsCharacteristic, iccidQuery, msisdnQuery,
                bucketQuery, usageQuery, offeringQuery, topUpCorrelatorField, payAtRegisterMethodId, unitTable, statusTable,
                topUpPoll, supportPhone, supportUrl);
    }

    private static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> extra) {
        Map<String, V> all = new TreeMap<>(base);
        extra.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), v));
        return all;
    }

    public BackendProfile withSupport(Optional<String> phone, Optional<String> url) {
        return new BackendProfile(msisdnCharacteristic, brandCharacteristic, verificationCharacteristic,
                dataAllowanceCharacteristic, usageVolumeCharacteristic, usageUnitsCharacteristic, iccidQuery, msisdnQuery,
                bucketQuery, usageQuery, offeringQuery, topUpCorrelatorField, payAtRegisterMethodId, units, productStatus,
                topUpPoll, phone, url);
    }

    private static void requireName(String key, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": must be a field name of 1 to 64 letters, digits, '_', '.', '@' or '-' (was "
                    + (value == null ? "missing" : "'" + value + "'") + ")");
        }
    }

    private static void requireQuery(String key, String template) {
        if (template == null || template.length() > 512 || template.startsWith("?") || template.contains("#")
                || template.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(key + ": must be a query string without '?', '#' or spaces (e.g. "
                    + standardQuery(key) + ")");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.get(key).contains(m.group(1))) {
                throw new IllegalArgumentException(key + ": unknown placeholder {" + m.group(1) + "} (allowed: "
                        + String.join(", ", PLACEHOLDERS.get(key).stream().sorted().map(p -> "{" + p + "}").toList()) + ")");
            }
        }
    }

    private static String standardQuery(String key) {
        return switch (key) {
            case "iccidQuery" -> "realizingResource.id={iccid}";
            case "msisdnQuery" -> "productCharacteristic.name=msisdn&productCharacteristic.value={msisdn}";
            case "bucketQuery" -> "product.id={productId}";
            case "usageQuery" -> "ratedProductUsage.productRef.id={productId}&usageDate.gte={fromDate}";
            default -> "category.name=topup";
        };
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> map) {
        Map<String, V> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(Objects.requireNonNull(k).trim().toLowerCase(Locale.ROOT), Objects.requireNonNull(v)));
        return Map.copyOf(out);
    }
}
