package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.DailyUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The balance screen's model. Data in bytes (remaining and what the buckets started with, for a gauge), voice in
 * seconds, expiry as an instant to show in {@link #JST} with whole days left counted in Japan time.
 * {@code dailyUsage} has one entry per JST day, oldest first, zero-filled; {@code dataRunsOut} is the JST day the
 * data ends at the recent pace, empty when nothing was used recently.
 */
public record BalanceView(
        String planName,
        Optional<String> maskedNumber,
        long yen,
        long dataRemainingBytes,
        long dataInitialBytes,
        long voiceSeconds,
        long sms,
        Optional<Instant> expires,
        Optional<Long> daysLeft,
        boolean expiryWarning,
        List<DailyUsage> dailyUsage,
        Optional<LocalDate> dataRunsOut) {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    public BalanceView {
        dailyUsage = List.copyOf(dailyUsage);
    }
}
