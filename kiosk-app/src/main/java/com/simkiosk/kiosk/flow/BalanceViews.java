package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.UsageType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one home of what a balance means: totals, days left, the run-out projection at the recent pace, and the
 * {@link Situation}. Pure: the same line, balance, usage, offers and instant always give the same view. The flow
 * asks it once per balance and the screen only reads the answer.
 *
 * <p>Days are Japan days ({@link Units#JAPAN}). The last day of validity is the JST day of the instant just before
 * the expiry (an expiry at 00:00 ends the day before). The recent pace is the average over the whole days before
 * today ({@link #PACE_DAYS} at most, within the usage window); today's partial day is shown, not averaged.
 * Data "runs out before the expiry" when the projected day comes before the last day of validity; on a line
 * without an expiry, when it comes within the warning days.
 */
public final class BalanceViews {

    /** Days before today that set "the recent pace" for the data projection. */
    public static final int PACE_DAYS = 7;

    /** How many JST days of usage to show (today included) and how near an expiry warns. */
    public record Rules(int usageDays, int expiryWarningDays) {
        public Rules {
            if (usageDays < 1 || expiryWarningDays < 0) {
                throw new IllegalArgumentException("usageDays at least 1, expiryWarningDays not negative");
            }
        }

        /** 14 days of use, and a warning from 3 days before the expiry. */
        public static Rules defaults() {
            return new Rules(14, 3);
        }

        public static Rules of(FlowConfig config) {
            return new Rules(config.usageDays(), config.expiryWarningDays());
        }

        /** The first JST day of the usage window that ends today. */
        public LocalDate firstUsageDay(Instant now) {
            return today(now).minusDays(usageDays - 1L);
        }
    }

    private BalanceViews() {}

    /** With the default rules and the offers known. */
    public static BalanceView of(Line line, Balance balance, List<DailyUsage> usage, List<TopUpOffer> offers, Clock clock) {
        return of(line, balance, usage, Optional.of(offers), clock.instant(), Rules.defaults());
    }

    /**
     * @param offers the top-ups on sale for the line; empty when they could not be fetched
     * @param now    when the figures were fetched ("as of")
     */
    public static BalanceView of(Line line, Balance balance, List<DailyUsage> usage, Optional<List<TopUpOffer>> offers,
                                 Instant now, Rules rules) {
        LocalDate today = today(now);
        LocalDate from = rules.firstUsageDay(now);

        Map<LocalDate, Long> byDay = new HashMap<>();
        for (DailyUsage day : usage) {
            byDay.merge(day.dayJst(), day.dataBytes(), Long::sum);
        }
        List<DailyUsage> chart = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            chart.add(new DailyUsage(day, byDay.getOrDefault(day, 0L)));
        }

        boolean hasData = balance.has(UsageType.DATA);
        long remaining = balance.dataBytes();
        Optional<Instant> expires = expiry(balance);
        Optional<LocalDate> lastDay = expires.map(BalanceViews::lastDay);
        Optional<Long> daysLeft = lastDay.map(last -> Math.max(0, ChronoUnit.DAYS.between(today, last)));
        boolean warning = daysLeft.map(days -> days <= rules.expiryWarningDays()).orElse(false);
        int window = Math.min(PACE_DAYS, rules.usageDays() - 1);
        long used = 0;
        for (int i = 1; i <= window; i++) {
            used += byDay.getOrDefault(today.minusDays(i), 0L);
        }
        Optional<Long> pace = used > 0 ? Optional.of(Math.max(1, used / window)) : Optional.empty();
        Optional<LocalDate> runsOut;
        if (!hasData) {
            runsOut = Optional.empty();
        } else if (remaining <= 0) {
            runsOut = Optional.of(today);
        } else if (used > 0) {
            // Whole days the data lasts at used/window a day, without the rounding of the pace shown.
            runsOut = Optional.of(today.plusDays((long) Math.floor(remaining * (double) window / used)));
        } else {
            runsOut = Optional.empty();
        }

        Situation situation;
        if (expires.isPresent() && !expires.get().isAfter(now)) {
            situation = Situation.EXPIRED;
        } else if (hasData && remaining <= 0) {
            situation = Situation.USED_UP;
        } else if (runsOut.isPresent() && lastDay.map(runsOut.get()::isBefore)
                // Without an expiry, only an end within the warning days is news.
                .orElse(ChronoUnit.DAYS.between(today, runsOut.get()) <= rules.expiryWarningDays())) {
            situation = Situation.RUNS_OUT_BEFORE_EXPIRY;
        } else if (warning) {
            situation = Situation.EXPIRES_SOON;
        } else {
            situation = Situation.FINE;
        }

        return new BalanceView(line.planName(), line.msisdn().map(Msisdn::masked),
                ifTheLineHas(balance, UsageType.MONETARY, balance.yen()), remaining, balance.dataInitialBytes(),
                ifTheLineHas(balance, UsageType.VOICE, balance.voiceSeconds()),
                ifTheLineHas(balance, UsageType.SMS, balance.sms()), expires, daysLeft, warning, chart, runsOut,
                hasData, pace, situation, TopUpChoice.of(offers), now);
    }

    /** The day it is in Japan. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, Units.JAPAN);
    }

    /** The last JST day a line expiring at {@code expires} can be used: 23:59 counts its own day, 00:00 the day before. */
    public static LocalDate lastDay(Instant expires) {
        return LocalDate.ofInstant(expires.minusNanos(1), Units.JAPAN);
    }

    /**
     * The line's expiry: the latest end among its active buckets; when none is active any more, the latest end
     * among those that ran out of time (a tourist SIM whose every bucket expired is expired, not merely empty).
     */
    private static Optional<Instant> expiry(Balance balance) {
        if (balance.expires().isPresent() || balance.buckets().stream().anyMatch(Bucket::active)) {
            return balance.expires();
        }
        return balance.buckets().stream().flatMap(b -> b.validUntil().stream()).max(Instant::compareTo);
    }

    /**
     * A kind of balance the line has (a bucket of that type, even used up or expired, or an amount left) versus
     * one it never had: "¥0" on a data-only SIM would be noise, "¥0" on a voice SIM out of credit is the news.
     */
    private static Optional<Long> ifTheLineHas(Balance balance, UsageType type, long amount) {
        return balance.has(type) ? Optional.of(amount) : Optional.empty();
    }
}
