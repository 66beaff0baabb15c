package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Units;
import com.simkiosk.privacy.Mask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The balance screen's model, made only by {@link BalanceViews#of}: the screen reads it and decides nothing.
 * Data in bytes (remaining and what the buckets started with, for a gauge), voice in seconds, expiry as an instant
 * shown in Japan time with whole days left counted in Japan time. {@code dailyUsage} has one entry per JST day,
 * oldest first, zero-filled, today last (today's bar is partial); {@code dataRunsOut} is the JST day the data ends
 * at the recent pace ({@code recentDailyBytes}), empty when nothing was used recently. {@code yen},
 * {@code voiceSeconds} and {@code sms} are empty, and {@code hasData} false, when the line has no bucket of that
 * kind at all (a data-only SIM has no yen, no calls): the screen leaves those tiles out, and shows 0 only for a
 * bucket that is really used up. {@code situation} is the headline; {@code topUp} what the offers on sale allow;
 * {@code asOf} when the figures were fetched.
 */
public record BalanceView(
        String planName,
        Optional<String> maskedNumber,
        Optional<Long> yen,
        long dataRemainingBytes,
        long dataInitialBytes,
        Optional<Long> voiceSeconds,
        Optional<Long> sms,
        Optional<Instant> expires,
        Optional<Long> daysLeft,
        boolean expiryWarning,
        List<DailyUsage> dailyUsage,
        Optional<LocalDate> dataRunsOut,
        boolean hasData,
        Optional<Long> recentDailyBytes,
        Situation situation,
        TopUpChoice topUp,
        Instant asOf) {

    /** Japan time; the same constant as {@link Units#JAPAN} (kept for the screens that format with it). */
    public static final ZoneId JST = Units.JAPAN;

    public BalanceView {
        dailyUsage = List.copyOf(dailyUsage);
    }

    /** The JST day the figures are for: the last bar of {@link #dailyUsage()}. */
    public LocalDate today() {
        return LocalDate.ofInstant(asOf, Units.JAPAN);
    }

    /** The top-up is the screen's primary action: the situation asks for it and something is on sale. */
    public boolean topUpFirst() {
        return situation.needsAction() && topUp.offered();
    }

    /** The run-out day worth drawing: when the data ends before the line does (or has ended). */
    public Optional<LocalDate> runsOutFirst() {
        return situation == Situation.RUNS_OUT_BEFORE_EXPIRY || situation == Situation.USED_UP
                ? dataRunsOut : Optional.empty();
    }

    /** A customer's balance is personal: amounts stay off logs. */
    @Override
    public String toString() {
        return "BalanceView[" + maskedNumber.orElse("no number") + ", " + Mask.secret(String.valueOf(yen)) + ", "
                + situation + "]";
    }
}
