package com.simkiosk.kiosk.config;

import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.tmf.BackendProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A back end's {@code "profile": {…}} (contract v2): every key optional, defaults = {@link BackendProfile#standard()}.
 * Each mistake is recorded with its path ({@code backends[0].profile.usageQuery: unknown placeholder {product} …}).
 */
final class ProfileReader {
    private static final Set<String> NAMES = Set.of("msisdnCharacteristic", "brandCharacteristic",
            "verificationCharacteristic", "dataAllowanceCharacteristic", "usageVolumeCharacteristic",
            "usageUnitsCharacteristic");
    private static final Set<String> QUERIES = Set.of("iccidQuery", "msisdnQuery", "bucketQuery", "usageQuery", "offeringQuery");

    private ProfileReader() {}

    static BackendProfile read(Optional<JsonFields> object) {
        if (object.isEmpty()) {
            return BackendProfile.standard();
        }
        JsonFields p = object.get();
        Set<String> known = new java.util.HashSet<>(NAMES);
        known.addAll(QUERIES);
        known.addAll(Set.of("topUpCorrelatorField", "payAtRegisterMethodId", "units", "productStatus", "topUpPoll",
                "supportPhone", "supportUrl"));
        known.addAll(OAuthConfig.KEYS); // read by OAuthConfig from the same object
        p.allowOnly(known);
        BackendProfile profile = BackendProfile.standard();
        profile = apply(p, profile, "msisdnCharacteristic", BackendProfile::msisdnCharacteristic,
                (b, v) -> b.withMsisdnCharacteristic(v));
        profile = apply(p, profile, "brandCharacteristic", BackendProfile::brandCharacteristic,
                (b, v) -> b.withCharacteristics(v, b.verificationCharacteristic(), b.dataAllowanceCharacteristic(),
                        b.usageVolumeCharacteristic(), b.usageUnitsCharacteristic()));
        profile = apply(p, profile, "verificationCharacteristic", BackendProfile::verificationCharacteristic,
                (b, v) -> b.withCharacteristics(b.brandCharacteristic(), v, b.dataAllowanceCharacteristic(),
                        b.usageVolumeCharacteristic(), b.usageUnitsCharacteristic()));
        profile = apply(p, profile, "dataAllowanceCharacteristic", BackendProfile::dataAllowanceCharacteristic,
                (b, v) -> b.withCharacteristics(b.brandCharacteristic(), b.verificationCharacteristic(), v,
                        b.usageVolumeCharacteristic(), b.usageUnitsCharacteristic()));
        profile = apply(p, profile, "usageVolumeCharacteristic", BackendProfile::usageVolumeCharacteristic,
                (b, v) -> b.withCharacteristics(b.brandCharacteristic(), b.verificationCharacteristic(),
                        b.dataAllowanceCharacteristic(), v, b.usageUnitsCharacteristic()));
        profile = apply(p, profile, "usageUnitsCharacteristic", BackendProfile::usageUnitsCharacteristic,
                (b, v) -> b.withCharacteristics(b.brandCharacteristic(), b.verificationCharacteristic(),
                        b.dataAllowanceCharacteristic(), b.usageVolumeCharacteristic(), v));
        profile = apply(p, profile, "iccidQuery", BackendProfile::iccidQuery,
                (b, v) -> b.withQueries(v, b.msisdnQuery(), b.bucketQuery(), b.usageQuery(), b.offeringQuery()));
        profile = apply(p, profile, "msisdnQuery", BackendProfile::msisdnQuery,
                (b, v) -> b.withQueries(b.iccidQuery(), v, b.bucketQuery(), b.usageQuery(), b.offeringQuery()));
        profile = apply(p, profile, "bucketQuery", BackendProfile::bucketQuery,
                (b, v) -> b.withQueries(b.iccidQuery(), b.msisdnQuery(), v, b.usageQuery(), b.offeringQuery()));
        profile = apply(p, profile, "usageQuery", BackendProfile::usageQuery, BackendProfile::withUsageQuery);
        profile = apply(p, profile, "offeringQuery", BackendProfile::offeringQuery, BackendProfile::withOfferingQuery);
        profile = apply(p, profile, "topUpCorrelatorField", BackendProfile::topUpCorrelatorField,
                (b, v) -> b.withTopUp(v, b.payAtRegisterMethodId(), b.topUpPoll()));
        profile = apply(p, profile, "payAtRegisterMethodId", BackendProfile::payAtRegisterMethodId,
                (b, v) -> b.withTopUp(b.topUpCorrelatorField(), v, b.topUpPoll()));
        profile = profile.withUnits(units(p));
        profile = profile.withProductStatus(statuses(p));
        Optional<BackendProfile.TopUpPoll> poll = p.optionalObject("topUpPoll").flatMap(ProfileReader::poll);
        if (poll.isPresent()) {
            profile = profile.withTopUpPoll(poll.get());
        }
        // issue 10 will show these; read and checked now so that a config written for it is accepted
        return profile.withSupport(p.optionalText("supportPhone"), p.optionalText("supportUrl"));
    }

    /** One text key through a {@code with…} copy; the profile's own check becomes a problem at that key. */
    private static BackendProfile apply(JsonFields p, BackendProfile profile, String key,
            Function<BackendProfile, String> current, BiFunction<BackendProfile, String, BackendProfile> with) {
        Optional<String> value = p.optionalText(key);
        if (value.isEmpty() || value.get().equals(current.apply(profile))) {
            return profile;
        }
        try {
            return with.apply(profile, value.get());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            p.problem(key, message.startsWith(key + ": ") ? message.substring(key.length() + 2) : message);
            return profile;
        }
    }

    /** {@code {"gigabytes":"GB"}}: each value must be a spelling the kiosk already knows. */
    private static Map<String, String> units(JsonFields p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts(p, "units").entrySet()) {
            if (knownUnit(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            } else {
                p.problem("units." + e.getKey(), "'" + e.getValue()
                        + "' is not a unit the kiosk knows (e.g. GB, MB, bytes, seconds, minutes, days, JPY)");
            }
        }
        return out;
    }

    private static Map<String, LineStatus> statuses(JsonFields p) {
        Map<String, LineStatus> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts(p, "productStatus").entrySet()) {
            try {
                out.put(e.getKey(), LineStatus.valueOf(e.getValue().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAStatus) {
                p.problem("productStatus." + e.getKey(), "must be ACTIVE, SUSPENDED or TERMINATED (was '" + e.getValue() + "')");
            }
        }
        return out;
    }

    /** An object of strings; anything else is a problem per entry. */
    private static Map<String, String> texts(JsonFields p, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        p.optionalObject(field).ifPresent(object -> object.fields().forEach((name, value) -> {
            if (value.isTextual() && !value.asText().isBlank() && name.length() <= JsonFields.MAX_ID) {
                out.put(name, value.asText());
            } else {
                p.problem(field + "." + name, "must be a non-empty string");
            }
        }));
        return out;
    }

    private static Optional<BackendProfile.TopUpPoll> poll(JsonFields poll) {
        poll.allowOnly(Set.of("interval", "max"));
        Duration interval = duration(poll, "interval", BackendProfile.TopUpPoll.STANDARD.interval());
        Duration max = duration(poll, "max", BackendProfile.TopUpPoll.STANDARD.max());
        try {
            return Optional.of(new BackendProfile.TopUpPoll(interval, max));
        } catch (IllegalArgumentException e) {
            poll.problem("", e.getMessage().replaceFirst("^topUpPoll(\\.max)?: ", ""));
            return Optional.empty();
        }
    }

    private static Duration duration(JsonFields poll, String field, Duration fallback) {
        Optional<String> text = poll.optionalText(field);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            poll.problem(field, "must be an ISO 8601 duration such as PT0.2S or PT5S (was '" + text.get() + "')");
            return fallback;
        }
    }

    private static boolean knownUnit(String unit) {
        for (Function<String, ?> table : java.util.List.<Function<String, ?>>of(u -> Units.bytes(BigDecimal.ONE, u),
                u -> Units.seconds(BigDecimal.ONE, u), u -> Units.messages(BigDecimal.ONE, u),
                u -> Units.yen(BigDecimal.ONE, u), u -> Units.validity(BigDecimal.ONE, u))) {
            try {
                table.apply(unit);
                return true;
            } catch (IllegalArgumentException unknown) {
                // try the next table
            }
        }
        return false;
    }
}
