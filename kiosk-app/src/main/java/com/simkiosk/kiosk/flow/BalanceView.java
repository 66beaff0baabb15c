package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.privacy.Mask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The balance screen's model. Data in bytes (remaining and what the buckets started with, for a gauge), voice in
 * seconds, expiry as an instant to show in {@link #JST} with whole days left counted in Japan time.
 * {@code dailyUsage} has one entry per JST day, oldest first, zero-filled; {@code dataRunsOut} is the JST day the
 * data ends at the recent pace, empty when nothing was used recently. {@code yen}, {@code voiceSeconds} and
 * {@code sms} are empty when the line has no bucket of that kind at all (a data-only SIM has no yen, no calls):
 * the screen shows "—" there, and 0 only for a bucket that is really used up.
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
        Optional<LocalDate> dataRunsOut) {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    public BalanceView {
        dailyUsage = List.copyOf(dailyUsage);
    }

    /** A customer's balance is personal: amounts stay off logs. */
    @Override
    public String toString() {
        return "BalanceView[" + maskedNumber.orElse("no number") + ", " + Mask.secret(String.valueOf(yen)) + "]";
    }
}
