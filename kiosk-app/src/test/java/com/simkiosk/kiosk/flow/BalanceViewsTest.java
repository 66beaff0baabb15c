package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.VerificationMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a balance means, as a table: every row a line's data, expiry, recent use and clock, and what the customer is told. */
class BalanceViewsTest {

    private static final long MB = 1_000_000L;
    private static final Line LINE = new Line("line-1", LineStatus.ACTIVE, "Travel 3GB", "Demo",
            Optional.of(new Msisdn("+819012345678")), List.of(VerificationMethod.SIM_PIN));
    private static final Line DATA_LINE = new Line("line-2", LineStatus.ACTIVE, "Travel 3GB", "Demo",
            Optional.empty(), List.of(VerificationMethod.SIM_PIN));
    private static final TopUpOffer DATA_OFFER = new TopUpOffer("1gb", "1GB", 1_000 * MB, 1200, Duration.ofDays(30));
    private static final TopUpOffer DAYS_OFFER = new TopUpOffer("7d", "+7 days", 0, 300, Duration.ofDays(7));

    /** A Japan wall-clock time as an instant. */
    private static Instant jst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Units.JAPAN).toInstant();
    }

    /** {@code pace} MB on each of the 7 whole days before today, {@code todayMb} so far today; none when pace is null. */
    private static List<DailyUsage> usage(Instant now, Long paceMb, long todayMb) {
        LocalDate today = BalanceViews.today(now);
        List<DailyUsage> days = new ArrayList<>();
        if (paceMb != null) {
            for (int i = 7; i >= 1; i--) {
                days.add(new DailyUsage(today.minusDays(i), paceMb * MB));
            }
        }
        if (todayMb > 0) {
            days.add(new DailyUsage(today, todayMb * MB));
        }
        return days;
    }

    private static BalanceView view(String now, long dataMb, String expiry, Long paceMb, long todayMb) {
        Instant at = jst(now);
        Optional<Instant> until = expiry == null ? Optional.empty() : Optional.of(jst(expiry));
        Balance balance = Balance.of(List.of(new Bucket(UsageType.DATA, dataMb * MB, Optional.of(3_000 * MB), until, true)));
        return BalanceViews.of(DATA_LINE, balance, usage(at, paceMb, todayMb), Optional.of(List.of(DATA_OFFER)), at,
                BalanceViews.Rules.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                       | now (JST)           | data MB | expiry (JST)        | MB/day | today MB | situation              | days left | runs out
            plenty of data, far expiry                   | 2026-11-26T12:00:00 | 5000    | 2026-12-20T23:59:59 | 100    | 30       | FINE                   | 24        | 2027-01-15
            expiry in 4 days is not yet soon             | 2026-11-26T12:00:00 | 3000    | 2026-11-30T23:59:59 | 100    | 0        | FINE                   | 4         | 2026-12-26
            expiry in 3 days is soon                     | 2026-11-26T12:00:00 | 3000    | 2026-11-29T23:59:59 | 100    | 0        | EXPIRES_SOON           | 3         | 2026-12-26
            expires tonight                              | 2026-11-26T12:00:00 | 3000    | 2026-11-26T23:59:59 | 100    | 0        | EXPIRES_SOON           | 0         | 2026-12-26
            the toured tourist SIM: 620 MB, 2 days left  | 2026-11-26T12:00:00 | 620     | 2026-11-28T23:59:59 | 150    | 41       | EXPIRES_SOON           | 2         | 2026-11-30
            data ends before a far expiry                | 2026-11-26T12:00:00 | 620     | 2026-12-05T23:59:59 | 200    | 0        | RUNS_OUT_BEFORE_EXPIRY | 9         | 2026-11-29
            data ends first, and the expiry is soon      | 2026-11-26T12:00:00 | 300     | 2026-11-28T23:59:59 | 200    | 0        | RUNS_OUT_BEFORE_EXPIRY | 2         | 2026-11-27
            data ends on the expiry day: not before      | 2026-11-26T12:00:00 | 600     | 2026-11-29T23:59:59 | 200    | 0        | EXPIRES_SOON           | 3         | 2026-11-29
            less than a day left at the pace             | 2026-11-26T12:00:00 | 50      | 2026-12-20T23:59:59 | 200    | 0        | RUNS_OUT_BEFORE_EXPIRY | 24        | 2026-11-26
            used up                                      | 2026-11-26T12:00:00 | 0       | 2026-12-20T23:59:59 | 200    | 10       | USED_UP                | 24        | 2026-11-26
            used up with no recent use                   | 2026-11-26T12:00:00 | 0       | 2026-12-20T23:59:59 | -      | 0        | USED_UP                | 24        | 2026-11-26
            used up and expired: expired wins            | 2026-11-26T12:00:00 | 0       | 2026-11-26T11:00:00 | 200    | 0        | EXPIRED                | 0         | 2026-11-26
            expired an hour ago                          | 2026-11-26T12:00:00 | 900     | 2026-11-26T11:00:00 | 100    | 0        | EXPIRED                | 0         | 2026-12-05
            expires this very instant                    | 2026-11-26T12:00:00 | 900     | 2026-11-26T12:00:00 | 100    | 0        | EXPIRED                | 0         | 2026-12-05
            no recent use: no projection                 | 2026-11-26T12:00:00 | 1000    | 2026-12-20T23:59:59 | -      | 0        | FINE                   | 24        | -
            only today's use: no projection              | 2026-11-26T12:00:00 | 1000    | 2026-12-20T23:59:59 | -      | 800      | FINE                   | 24        | -
            JST midnight: a new day has begun            | 2026-11-27T00:00:00 | 3000    | 2026-11-29T23:59:59 | 100    | 0        | EXPIRES_SOON           | 2         | 2026-12-27
            a second before JST midnight                 | 2026-11-26T23:59:59 | 3000    | 2026-11-30T23:59:59 | 100    | 0        | FINE                   | 4         | 2026-12-26
            expiry at 00:00 ends the day before          | 2026-11-26T12:00:00 | 3000    | 2026-11-30T00:00:00 | 100    | 0        | EXPIRES_SOON           | 3         | 2026-12-26
            expiry at 00:01 counts its own day           | 2026-11-26T12:00:00 | 3000    | 2026-11-30T00:01:00 | 100    | 0        | FINE                   | 4         | 2026-12-26
            no expiry, plenty                            | 2026-11-26T12:00:00 | 3000    | -                   | 100    | 0        | FINE                   | -         | 2026-12-26
            no expiry, ends within 3 days                | 2026-11-26T12:00:00 | 500     | -                   | 200    | 0        | RUNS_OUT_BEFORE_EXPIRY | -         | 2026-11-28
            no expiry, ends in 4 days                    | 2026-11-26T12:00:00 | 800     | -                   | 200    | 0        | FINE                   | -         | 2026-11-30
            """)
    void situationDaysLeftAndRunOut(String name, String now, long dataMb, String expiry, Long paceMb, long todayMb,
                                    Situation situation, Long daysLeft, LocalDate runsOut) {
        BalanceView view = view(now, dataMb, expiry, paceMb, todayMb);

        assertThat(view.situation()).as("situation").isEqualTo(situation);
        assertThat(view.daysLeft()).as("days left").isEqualTo(Optional.ofNullable(daysLeft));
        assertThat(view.expiryWarning()).as("expiry warning").isEqualTo(daysLeft != null && daysLeft <= 3);
        assertThat(view.dataRunsOut()).as("runs out").isEqualTo(Optional.ofNullable(runsOut));
        assertThat(view.dataRemainingBytes()).isEqualTo(dataMb * MB);
        assertThat(view.asOf()).isEqualTo(jst(now));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                  | now (JST)           | first day  | last day
            midday                                  | 2026-11-26T12:00:00 | 2026-11-13 | 2026-11-26
            JST midnight starts a new window        | 2026-11-27T00:00:00 | 2026-11-14 | 2026-11-27
            still the old day a second before       | 2026-11-26T23:59:59 | 2026-11-13 | 2026-11-26
            across a month                          | 2026-12-03T09:00:00 | 2026-11-20 | 2026-12-03
            """)
    void theChartHasFourteenJapanDaysOldestFirstTodayLastGapsAsZero(String name, String now, LocalDate first, LocalDate last) {
        BalanceView view = view(now, 1000, "2026-12-31T23:59:59", 100L, 30);

        assertThat(view.dailyUsage()).hasSize(14);
        assertThat(view.dailyUsage().get(0).dayJst()).isEqualTo(first);
        assertThat(view.dailyUsage().get(13)).isEqualTo(new DailyUsage(last, 30 * MB));
        assertThat(view.today()).isEqualTo(last);
        assertThat(view.dailyUsage().subList(0, 6)).allMatch(day -> day.dataBytes() == 0); // before the 7 days of use
        assertThat(view.dailyUsage().subList(6, 13)).allMatch(day -> day.dataBytes() == 100 * MB);
        assertThat(view.recentDailyBytes()).contains(100 * MB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | offers       | choice   | primary is the top-up when the situation needs it
            data on sale                    | data         | ADD_DATA | true
            data and days on sale           | data+days    | ADD_DATA | true
            only days on sale               | days         | EXTEND   | true
            nothing on sale                 | none         | NONE     | false
            offers could not be fetched     | unknown      | UNKNOWN  | true
            """)
    void theTopUpButtonFollowsTheOffers(String name, String offers, TopUpChoice choice, boolean topUpFirst) {
        Optional<List<TopUpOffer>> onSale = switch (offers) {
            case "data" -> Optional.of(List.of(DATA_OFFER));
            case "data+days" -> Optional.of(List.of(DAYS_OFFER, DATA_OFFER));
            case "days" -> Optional.of(List.of(DAYS_OFFER));
            case "none" -> Optional.of(List.of());
            default -> Optional.empty();
        };
        Instant now = jst("2026-11-26T12:00:00");
        Instant soon = jst("2026-11-28T23:59:59");
        Balance balance = Balance.of(List.of(new Bucket(UsageType.DATA, 500 * MB, Optional.empty(), Optional.of(soon), true)));

        BalanceView view = BalanceViews.of(DATA_LINE, balance, List.of(), onSale, now, BalanceViews.Rules.defaults());

        assertThat(view.situation()).isEqualTo(Situation.EXPIRES_SOON);
        assertThat(view.topUp()).isEqualTo(choice);
        assertThat(view.topUpFirst()).isEqualTo(topUpFirst);
    }

    @Test
    void whenAllIsFineEndIsPrimaryWhateverIsOnSale() {
        BalanceView view = view("2026-11-26T12:00:00", 5000, "2026-12-20T23:59:59", 100L, 0);

        assertThat(view.situation()).isEqualTo(Situation.FINE);
        assertThat(view.topUp()).isEqualTo(TopUpChoice.ADD_DATA);
        assertThat(view.topUpFirst()).isFalse();
    }

    @Test
    void aDataOnlyLineHasNoYenNoCallsNoSmsAndNoNumberRatherThanZeroOfEach() {
        BalanceView view = view("2026-11-26T12:00:00", 1000, "2026-12-20T23:59:59", 100L, 0);

        assertThat(view.hasData()).isTrue();
        assertThat(view.yen()).isEmpty();
        assertThat(view.voiceSeconds()).isEmpty();
        assertThat(view.sms()).isEmpty();
        assertThat(view.maskedNumber()).isEmpty();
        assertThat(view.dataInitialBytes()).isEqualTo(3_000 * MB);
    }

    @Test
    void aUsedUpOrExpiredBucketIsAGenuineZeroAndAVoiceLineWithoutDataProjectsNothing() {
        Instant now = jst("2026-11-26T12:00:00");
        Instant later = jst("2026-12-20T23:59:59");
        Balance balance = Balance.of(List.of(
                new Bucket(UsageType.MONETARY, 0, Optional.empty(), Optional.of(later), true),
                new Bucket(UsageType.VOICE, 1200, Optional.of(3600L), Optional.of(now.minusSeconds(60)), false)));

        BalanceView view = BalanceViews.of(LINE, balance, usage(now, 100L, 0), Optional.of(List.of()), now,
                BalanceViews.Rules.defaults());

        assertThat(view.yen()).contains(0L);
        assertThat(view.voiceSeconds()).contains(0L);
        assertThat(view.sms()).isEmpty();
        assertThat(view.hasData()).isFalse();
        assertThat(view.dataRunsOut()).isEmpty();
        assertThat(view.situation()).isEqualTo(Situation.FINE);
        assertThat(view.maskedNumber()).contains("090-****-5678");
    }

    @Test
    void aLineWhoseEveryBucketRanOutOfTimeIsExpiredNotMerelyEmpty() {
        Instant now = jst("2026-11-26T12:00:00");
        Instant ended = jst("2026-11-20T23:59:59");
        Balance balance = Balance.of(List.of(new Bucket(UsageType.DATA, 400 * MB, Optional.of(3_000 * MB), Optional.of(ended), false)));

        BalanceView view = BalanceViews.of(DATA_LINE, balance, List.of(), Optional.of(List.of(DATA_OFFER)), now,
                BalanceViews.Rules.defaults());

        assertThat(view.situation()).isEqualTo(Situation.EXPIRED);
        assertThat(view.expires()).contains(ended);
        assertThat(view.dataRemainingBytes()).isZero();
    }

    @Test
    void theWarningDaysAndTheWindowComeFromTheRules() {
        Instant now = jst("2026-11-26T12:00:00");
        Balance balance = Balance.of(List.of(new Bucket(UsageType.DATA, 3_000 * MB, Optional.empty(),
                Optional.of(jst("2026-12-01T23:59:59")), true)));

        BalanceView week = BalanceViews.of(DATA_LINE, balance, usage(now, 100L, 0), Optional.of(List.of()), now,
                new BalanceViews.Rules(7, 5));
        BalanceView oneDay = BalanceViews.of(DATA_LINE, balance, usage(now, 100L, 0), Optional.of(List.of()), now,
                new BalanceViews.Rules(1, 3));

        assertThat(week.situation()).isEqualTo(Situation.EXPIRES_SOON);
        assertThat(week.dailyUsage()).hasSize(7);
        assertThat(week.dataRunsOut()).contains(LocalDate.of(2026, 12, 26)); // pace over the 6 whole days shown
        assertThat(oneDay.situation()).isEqualTo(Situation.FINE);
        assertThat(oneDay.dailyUsage()).hasSize(1);
        assertThat(oneDay.dataRunsOut()).isEmpty(); // only today: no whole day to set a pace
    }
}
