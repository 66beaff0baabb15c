package com.simkiosk.kiosk.screen.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.VerificationMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceSummaryTest {
    private static final long GB = 1_000_000_000L;
    // 2026-11-26 10:00 JST
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Line LINE = new Line("p1", LineStatus.ACTIVE, "Travel 10GB", "Demo", Optional.of(new Msisdn("+819012345678")),
            List.of(VerificationMethod.SMS_CODE));

    private static Balance balance(long dataLeft, long dataInitial, Instant expires) {
        return new Balance(500, dataLeft, 600, 10, Optional.of(expires), List.of(
                new Bucket(UsageType.DATA, dataLeft, Optional.of(dataInitial), Optional.of(expires), true),
                new Bucket(UsageType.MONETARY, 500, Optional.empty(), Optional.empty(), true)));
    }

    private static List<DailyUsage> daily(long bytesPerDay, int days) {
        List<DailyUsage> out = new ArrayList<>();
        for (int i = days; i >= 0; i--) {
            out.add(new DailyUsage(TODAY.minusDays(i), bytesPerDay));
        }
        return out;
    }

    @Test
    void expiryIsShownAsTheJapanDayWithDaysLeftAndWarnsAtThreeDays() {
        // 2026-11-29 14:59 UTC is 23:59 JST on the 29th: three days from the 26th.
        BalanceSummary s = BalanceSummary.of(LINE, balance(GB, 10 * GB, Instant.parse("2026-11-29T14:59:00Z")), List.of(), NOW);
        assertThat(s.expiryDayJst()).contains(LocalDate.of(2026, 11, 29));
        assertThat(s.daysLeft()).hasValue(3);
        assertThat(s.expiryWarning()).isTrue();
    }

    @Test
    void fourDaysLeftIsNoWarning() {
        BalanceSummary s = BalanceSummary.of(LINE, balance(GB, 10 * GB, Instant.parse("2026-11-30T10:00:00Z")), List.of(), NOW);
        assertThat(s.daysLeft()).hasValue(4);
        assertThat(s.expiryWarning()).isFalse();
    }

    @Test
    void utcEveningIsAlreadyTheNextDayInJapan() {
        // 2026-12-01T16:00Z = 2026-12-02 01:00 JST
        BalanceSummary s = BalanceSummary.of(LINE, balance(GB, 10 * GB, Instant.parse("2026-12-01T16:00:00Z")), List.of(), NOW);
        assertThat(s.expiryDayJst()).contains(LocalDate.of(2026, 12, 2));
    }

    @Test
    void dataFractionIsLeftOverWhatTheBucketsStartedWith() {
        BalanceSummary s = BalanceSummary.of(LINE, balance(2 * GB, 8 * GB, Instant.parse("2027-01-01T00:00:00Z")), List.of(), NOW);
        assertThat(s.dataFraction()).isEqualTo(0.25);
        assertThat(s.maskedNumber()).isEqualTo("090-****-5678");
    }

    @Test
    void chartHasFourteenDaysEndingTodayWithMissingDaysAsZero() {
        List<DailyUsage> usage = List.of(new DailyUsage(TODAY.minusDays(2), 300_000_000L));
        BalanceSummary s = BalanceSummary.of(LINE, balance(GB, 10 * GB, Instant.parse("2027-01-01T00:00:00Z")), usage, NOW);
        assertThat(s.last14Days()).hasSize(14);
        assertThat(s.last14Days().get(13).dayJst()).isEqualTo(TODAY);
        assertThat(s.last14Days().get(0).dayJst()).isEqualTo(TODAY.minusDays(13));
        assertThat(s.last14Days().get(11).dataBytes()).isEqualTo(300_000_000L);
        assertThat(s.last14Days().get(10).dataBytes()).isZero();
    }

    @Test
    void atHalfAGigabyteADayThreeGigabytesLastSixDays() {
        BalanceSummary s = BalanceSummary.of(LINE, balance(3 * GB, 10 * GB, Instant.parse("2027-01-01T00:00:00Z")), daily(GB / 2, 10), NOW);
        assertThat(s.projection()).isEqualTo(new BalanceSummary.Projection.LastsDays(6, TODAY.plusDays(6)));
    }

    @Test
    void dataThatOutlastsTheExpirySaysSo() {
        BalanceSummary s = BalanceSummary.of(LINE, balance(9 * GB, 10 * GB, Instant.parse("2026-11-28T00:00:00Z")), daily(GB / 10, 10), NOW);
        assertThat(s.projection()).isInstanceOf(BalanceSummary.Projection.LastsUntilExpiry.class);
    }

    @Test
    void twoDaysOfHistoryAreTooFewToProject() {
        BalanceSummary s = BalanceSummary.of(LINE, balance(3 * GB, 10 * GB, Instant.parse("2027-01-01T00:00:00Z")), daily(GB, 2), NOW);
        assertThat(s.projection()).isInstanceOf(BalanceSummary.Projection.Unknown.class);
    }
}
