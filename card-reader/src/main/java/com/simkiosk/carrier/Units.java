package com.simkiosk.carrier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the carrier's quantities become the kiosk's: yen as whole numbers, data in bytes,
 * durations in seconds, times as instants shown in Japan time.
 *
 * <p>Data units follow SI as the carriers print them on the package: {@code 1 GB = 1 000 000 000 bytes}
 * (so "3 GB" on a tourist SIM is 3 × 10⁹ bytes). Binary units are accepted only when spelled as such
 * ({@code GiB = 2³⁰ bytes}). Units are those of {@code docs/carrier-api.md} §1.1, case-insensitive; fractions
 * are rounded down; anything else is refused with {@link IllegalArgumentException}.
 */
public final class Units {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    // The accepted spellings are those of docs/carrier-api.md §1.1, compared case-insensitively; no others.
    private static final Map<String, Long> BYTES_PER_UNIT = Map.ofEntries(
            Map.entry("b", 1L), Map.entry("byte", 1L), Map.entry("bytes", 1L),
            Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L), Map.entry("gb", 1_000_000_000L),
            Map.entry("tb", 1_000_000_000_000L),
            Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("gib", 1L << 30));

    private static final Map<String, Long> SECONDS_PER_UNIT = Map.of(
            "s", 1L, "sec", 1L, "second", 1L, "seconds", 1L,
            "min", 60L, "minute", 60L, "minutes", 60L);

    private static final Map<String, Long> SECONDS_PER_PERIOD = Map.of(
            "hour", 3_600L, "hours", 3_600L, "day", 86_400L, "days", 86_400L);

    private static final Map<String, Long> COUNT_UNITS = Map.of("sms", 1L, "message", 1L, "messages", 1L, "count", 1L);

    private static final Map<String, Long> YEN = Map.of("jpy", 1L, "yen", 1L);

    private static final DateTimeFormatter JST_DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'", Locale.ROOT);

    private Units() {}

    /** A TMF Money or Quantity in yen; any other currency is refused. */
    public static long yen(BigDecimal amount, String currency) {
        return whole(amount, factor(YEN, currency, "currency"));
    }

    /** A data quantity in bytes. */
    public static long bytes(BigDecimal amount, String unit) {
        return whole(amount, factor(BYTES_PER_UNIT, unit, "data"));
    }

    /** A voice quantity in seconds. */
    public static long seconds(BigDecimal amount, String unit) {
        return whole(amount, factor(SECONDS_PER_UNIT, unit, "voice"));
    }

    /** A number of messages. */
    public static long messages(BigDecimal amount, String unit) {
        return whole(amount, factor(COUNT_UNITS, unit, "message count"));
    }

    /** A bucket's remaining value in the kiosk's base unit for its usage type. */
    public static long baseUnits(UsageType type, BigDecimal amount, String unit) {
        return switch (type) {
            case MONETARY -> yen(amount, unit);
            case DATA -> bytes(amount, unit);
            case VOICE -> seconds(amount, unit);
            case SMS -> messages(amount, unit);
        };
    }

    /** An ISO 8601 date-time with an offset ({@code 2026-11-26T10:00:00+09:00} or {@code …Z}). */
    public static Instant instant(String isoDateTime) {
        if (isoDateTime == null) {
            throw new IllegalArgumentException("date-time missing");
        }
        try {
            return OffsetDateTime.parse(isoDateTime).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time with offset", e);
        }
    }

    public static Optional<Instant> optionalInstant(String isoDateTime) {
        return isoDateTime == null || isoDateTime.isBlank() ? Optional.empty() : Optional.of(instant(isoDateTime));
    }

    /** The date-time as the carrier APIs want it in a query: Japan offset, seconds precision. */
    public static String isoJst(Instant instant) {
        return OffsetDateTime.ofInstant(instant, JAPAN).withNano(0).toString();
    }

    /** The day in Japan on which an instant falls (usage is charted per Japanese day). */
    public static LocalDate dayInJapan(Instant instant) {
        return ZonedDateTime.ofInstant(instant, JAPAN).toLocalDate();
    }

    /** The start of a Japanese day as an instant. */
    public static Instant startOfDayInJapan(LocalDate day) {
        return day.atStartOfDay(JAPAN).toInstant();
    }

    /** For screens and slips: {@code 2026-11-30 23:59 JST}. */
    public static String showInJapan(Instant instant) {
        return JST_DISPLAY.format(ZonedDateTime.ofInstant(instant, JAPAN));
    }

    /** A validity such as TMF620's {@code {"amount": 30, "units": "days"}}. */
    public static Duration validity(BigDecimal amount, String unit) {
        return Duration.ofSeconds(whole(amount, factor(SECONDS_PER_PERIOD, unit, "validity")));
    }

    private static long factor(Map<String, Long> table, String unit, String what) {
        requireUnit(unit, what + " unit");
        Long factor = table.get(unit.trim().toLowerCase(Locale.ROOT));
        if (factor == null) {
            throw new IllegalArgumentException("unknown " + what + " unit " + unit);
        }
        return factor;
    }

    /** Base units, rounded down: a carrier saying 12.5 GB never shows as more than it is. */
    private static long whole(BigDecimal amount, long factor) {
        if (amount == null) {
            throw new IllegalArgumentException("amount missing");
        }
        BigDecimal scaled = amount.multiply(BigDecimal.valueOf(factor));
        if (scaled.signum() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        try {
            return scaled.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount too large", e);
        }
    }

    private static void requireUnit(String unit, String what) {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException(what + " missing");
        }
    }
}
