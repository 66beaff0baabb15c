package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.GB;
import static com.simkiosk.kiosk.flow.FlowFixture.TODAY_JST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.UsageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BalanceViewTest {

    private final FlowFixture kiosk = new FlowFixture();

    private BalanceView shown() {
        return ((State.ShowBalance) kiosk.state()).balance();
    }

    @Test
    void showsPlanMaskedNumberAndEveryAmount() throws Exception {
        kiosk.reachBalanceBySim();

        BalanceView view = shown();
        assertThat(view.planName()).isEqualTo("Travel 5GB");
        assertThat(view.maskedNumber()).contains("090-****-5678");
        assertThat(view.yen()).contains(500L);
        assertThat(view.dataRemainingBytes()).isEqualTo(3 * GB);
        assertThat(view.dataInitialBytes()).isEqualTo(5 * GB);
        assertThat(view.voiceSeconds()).contains(600L);
        assertThat(view.sms()).contains(10L);
        assertThat(view.expires()).contains(Instant.parse("2026-11-28T23:00:00Z"));
    }

    @Test
    void aDataOnlyLineHasNoYenNoMinutesAndNoSmsRatherThanZeroOfEach() throws Exception {
        Instant later = Instant.parse("2026-12-20T00:00:00Z");
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.balance(any())).thenReturn(new Balance(0, GB, 0, 0, Optional.of(later),
                List.of(new Bucket(UsageType.DATA, GB, Optional.of(3 * GB), Optional.of(later), true))));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().yen()).isEmpty();
        assertThat(shown().voiceSeconds()).isEmpty();
        assertThat(shown().sms()).isEmpty();
        assertThat(shown().dataRemainingBytes()).isEqualTo(GB);
    }

    @Test
    void aUsedUpOrExpiredBucketIsAGenuineZero() throws Exception {
        Instant later = Instant.parse("2026-12-20T00:00:00Z");
        Instant gone = Instant.parse("2026-11-20T00:00:00Z");
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.balance(any())).thenReturn(new Balance(0, GB, 0, 0, Optional.of(later), List.of(
                new Bucket(UsageType.DATA, GB, Optional.empty(), Optional.of(later), true),
                new Bucket(UsageType.MONETARY, 0, Optional.empty(), Optional.of(later), true),
                new Bucket(UsageType.VOICE, 1200, Optional.of(3600L), Optional.of(gone), false))));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().yen()).contains(0L);
        assertThat(shown().voiceSeconds()).contains(0L);
        assertThat(shown().sms()).isEmpty();
    }

    @Test
    void daysLeftAreCountedInJapanTimeAndWarnAtThreeDays() throws Exception {
        kiosk.reachBalanceBySim();

        // Expiry is 29 Nov 08:00 in Japan (still 28 Nov in UTC): three Japanese days from 26 Nov.
        assertThat(shown().daysLeft()).contains(3L);
        assertThat(shown().expiryWarning()).isTrue();
    }

    @Test
    void noWarningWhenExpiryIsFurtherAway() throws Exception {
        Instant later = Instant.parse("2026-12-20T00:00:00Z");
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.balance(any())).thenReturn(new Balance(0, GB, 0, 0, Optional.of(later),
                List.of(new Bucket(UsageType.DATA, GB, Optional.empty(), Optional.of(later), true))));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().daysLeft()).contains(24L);
        assertThat(shown().expiryWarning()).isFalse();
        assertThat(shown().dataInitialBytes()).isEqualTo(GB); // no initial from the carrier: the gauge is full
    }

    @Test
    void usageChartHasFourteenJapaneseDaysOldestFirstWithGapsAsZero() throws Exception {
        kiosk.reachBalanceBySim();

        List<DailyUsage> chart = shown().dailyUsage();
        assertThat(chart).hasSize(14);
        assertThat(chart.get(0).dayJst()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(chart.get(13)).isEqualTo(new DailyUsage(TODAY_JST, 0));
        assertThat(chart.get(12)).isEqualTo(new DailyUsage(TODAY_JST.minusDays(1), 100_000_000L));
        assertThat(chart.get(5).dataBytes()).isZero();
        verify(kiosk.carrier).dailyUsage(any(), eq(LocalDate.of(2026, 11, 13)));
    }

    @Test
    void projectsWhenDataRunsOutAtTheRecentPace() throws Exception {
        kiosk.reachBalanceBySim();

        // 3 GB left at 100 MB a day: 30 days.
        assertThat(shown().dataRunsOut()).contains(TODAY_JST.plusDays(30));
    }

    @Test
    void noProjectionWithoutRecentUse() throws Exception {
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.dailyUsage(any(), any())).thenReturn(List.of());
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().dataRunsOut()).isEmpty();
        assertThat(shown().dailyUsage()).hasSize(14).allMatch(day -> day.dataBytes() == 0);
    }

    @Test
    void balanceIsStillShownWhenTheUsageHistoryFails() throws Exception {
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.dailyUsage(any(), any())).thenThrow(new CarrierException(CarrierError.TIMEOUT, "slow"));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().yen()).contains(500L);
        assertThat(shown().dataRunsOut()).isEmpty();
    }

    @Test
    void theFixtureLineExpiresInThreeDaysSoItsSituationSaysSoAndItsOffersPutAddDataFirst() throws Exception {
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(FlowFixture.OFFER_1GB));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().situation()).isEqualTo(Situation.EXPIRES_SOON);
        assertThat(shown().topUp()).isEqualTo(TopUpChoice.ADD_DATA);
        assertThat(shown().topUpFirst()).isTrue();
        assertThat(shown().asOf()).isEqualTo(FlowFixture.NOW);
    }

    @Test
    void withNothingOnSaleEndStaysTheWayForward() throws Exception {
        kiosk.reachBalanceBySim(); // the mocked carrier sells nothing

        assertThat(shown().topUp()).isEqualTo(TopUpChoice.NONE);
        assertThat(shown().topUpFirst()).isFalse();
    }

    @Test
    void offersThatCannotBeFetchedLeaveTheBalanceAndAddDataInPlace() throws Exception {
        kiosk.givenSimWithDetailLine();
        when(kiosk.carrier.topUpOffers(any())).thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "503"));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().topUp()).isEqualTo(TopUpChoice.UNKNOWN);
        assertThat(shown().topUpFirst()).isTrue();
    }

    @Test
    void anExpiredLineWithDataOnSaleShowsItsBalanceWithTheTopUpFirstRatherThanADeadEnd() throws Exception {
        kiosk.givenSimWithDetailLine();
        Instant gone = Instant.parse("2026-11-20T00:00:00Z");
        when(kiosk.carrier.balance(any())).thenReturn(new Balance(0, 0, 0, 0, Optional.empty(),
                List.of(new Bucket(UsageType.DATA, 400_000_000L, Optional.of(3 * GB), Optional.of(gone), false))));
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(FlowFixture.OFFER_1GB));
        kiosk.insertAndVerifyByDetail();

        assertThat(shown().situation()).isEqualTo(Situation.EXPIRED);
        assertThat(shown().topUpFirst()).isTrue();
        kiosk.fire(new Event.ShowTopUps());
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOfSatisfying(State.TopUpOffers.class,
                offers -> assertThat(offers.offers()).containsExactly(FlowFixture.OFFER_1GB));
    }
}
