package com.simkiosk.carrier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

    /** The range of instants the kiosk accepts from a carrier (see {@link #instant}). */
    private static final Instant EARLIEST = Instant.parse("-1000000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+1000000-01-01T00:00:00Z");

    /** An ISO 8601 date-time with an offset ({@code 2026-11-26T10:00:00+09:00} or {@code …Z}). */
    public static Instant instant(String isoDateTime) {
        if (isoDateTime == null) {
            throw new IllegalArgumentException("date-time missing");
        }
        Instant usual = usualInstant(isoDateTime);
        if (usual != null) {
            return usual;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(isoDateTime).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time with offset", e);
        }
        // ISO 8601 allows years up to ±999,999,999, whose instants do not fit a day in Japan (dayInJapan would
        // throw): a carrier's date that far away is an unusable answer, not a crash.
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw new IllegalArgumentException("a date-time more than a million years away");
        }
        return parsed;
    }

    /**
     * The form carriers send ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1–9 digits, then {@code Z} or
     * {@code ±HH:MM}) read without {@code DateTimeFormatter}, which costs more than the rest of a bucket on the balance
     * path with C1 (docs/benchmarks.md); {@code null} for any other shape or an impossible value, which
     * {@link OffsetDateTime#parse} then reads or refuses. Same instant as {@code OffsetDateTime.parse} when not null.
     */
    static Instant usualInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59 || oh == 18 && om != 0) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** {@code count} ASCII digits at {@code from} as a number, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
