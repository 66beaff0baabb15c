package com.simkiosk.kiosk.screen.balance;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.UsageType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the balance screen shows, computed without JavaFX: totals, expiry in Japan time with days left, the last
 * 14 days of use (missing days are zero) and how long the data lasts at the recent pace.
 */
public record BalanceSummary(
        long yen,
        long dataLeftBytes,
        OptionalLong dataTotalBytes,
        boolean hasData,
        long voiceSeconds,
        long sms,
        Optional<LocalDate> expiryDayJst,
        OptionalLong daysLeft,
        boolean expiryWarning,
        String planName,
        String maskedNumber,
        List<DailyUsage> last14Days,
        Projection projection) {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    /** Expiry shows in the warning colour from this many days left. */
    public static final int WARNING_DAYS = 3;
    static final int CHART_DAYS = 14;
    /** The pace is the average of the last week, and needs at least this many days of history. */
    static final int PACE_DAYS = 7;
    static final int MIN_HISTORY_DAYS = 3;

    public BalanceSummary {
        last14Days = List.copyOf(last14Days);
    }

    /** How long the data lasts at the recent pace. */
    public sealed interface Projection {
        record LastsDays(long days, LocalDate untilJst) implements Projection {}

        record LastsUntilExpiry() implements Projection {}

        record Unknown() implements Projection {}
    }

    public static BalanceSummary of(Line line, Balance balance, List<DailyUsage> usage, Instant now) {
        LocalDate today = now.atZone(JST).toLocalDate();
        boolean hasData = balance.buckets().stream().anyMatch(b -> b.type() == UsageType.DATA);
        OptionalLong total = dataTotal(balance.buckets());
        Optional<LocalDate> expiry = balance.expires().map(i -> i.atZone(JST).toLocalDate());
        OptionalLong daysLeft = expiry.map(d -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(today, d))))
                .orElse(OptionalLong.empty());
        boolean warning = daysLeft.isPresent() && daysLeft.getAsLong() <= WARNING_DAYS;
        List<DailyUsage> days = lastDays(usage, today);
        Projection projection = project(balance.dataBytes(), usage, today, expiry);
        String masked = line.msisdn().map(m -> m.masked()).orElse("");
        return new BalanceSummary(balance.yen(), balance.dataBytes(), total, hasData, balance.voiceSeconds(), balance.sms(),
                expiry, daysLeft, warning, line.planName(), masked, days, projection);
    }

    /** Share of data left, 0..1, when the carrier says what the buckets started with. */
    public double dataFraction() {
        if (dataTotalBytes.isEmpty() || dataTotalBytes.getAsLong() <= 0) {
            return dataLeftBytes > 0 ? 1.0 : 0.0;
        }
        return Math.min(1.0, dataLeftBytes / (double) dataTotalBytes.getAsLong());
    }

    private static OptionalLong dataTotal(List<Bucket> buckets) {
        long sum = 0;
        boolean any = false;
        for (Bucket b : buckets) {
            if (b.type() == UsageType.DATA && b.active() && b.initial().isPresent()) {
                sum += b.initial().get();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    private static List<DailyUsage> lastDays(List<DailyUsage> usage, LocalDate today) {
        Map<LocalDate, Long> byDay = new HashMap<>();
        usage.forEach(u -> byDay.merge(u.dayJst(), u.dataBytes(), Long::sum));
        List<DailyUsage> out = new ArrayList<>(CHART_DAYS);
        for (int i = CHART_DAYS - 1; i >= 0; i--) {
            LocalDate d = today.minusDays(i);
            out.add(new DailyUsage(d, byDay.getOrDefault(d, 0L)));
        }
        return out;
    }

    static Projection project(long dataLeft, List<DailyUsage> usage, LocalDate today, Optional<LocalDate> expiry) {
        // Today is partial: the pace is taken over the full days before it.
        LocalDate from = today.minusDays(PACE_DAYS);
        List<DailyUsage> window = usage.stream()
                .filter(u -> !u.dayJst().isBefore(from) && u.dayJst().isBefore(today))
                .toList();
        long daysWithHistory = window.stream().map(DailyUsage::dayJst).distinct().count();
        long used = window.stream().mapToLong(DailyUsage::dataBytes).sum();
        if (daysWithHistory < MIN_HISTORY_DAYS || used <= 0 || dataLeft <= 0) {
            return new Projection.Unknown();
        }
        double perDay = used / (double) PACE_DAYS;
        long days = (long) Math.floor(dataLeft / perDay);
        LocalDate until = today.plusDays(days);
        if (expiry.isPresent() && !until.isBefore(expiry.get())) {
            return new Projection.LastsUntilExpiry();
        }
        return new Projection.LastsDays(days, until);
    }
}
