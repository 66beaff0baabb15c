package com.simkiosk.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UnitsTest {

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aGigabyteIsTenToTheNinthBytesAsPrintedOnThePackage() {
        assertThat(Units.bytes(n("3"), "GB")).isEqualTo(3_000_000_000L);
        assertThat(Units.bytes(n("1"), "gb")).isEqualTo(1_000_000_000L);
        assertThat(Units.bytes(n("500"), "MB")).isEqualTo(500_000_000L);
        assertThat(Units.bytes(n("2"), "KB")).isEqualTo(2_000L);
        assertThat(Units.bytes(n("1"), "TB")).isEqualTo(1_000_000_000_000L);
        assertThat(Units.bytes(n("412000000"), "bytes")).isEqualTo(412_000_000L);
        assertThat(Units.bytes(n("7"), "B")).isEqualTo(7L);
    }

    @Test
    void binaryUnitsOnlyWhenSpelledAsSuch() {
        assertThat(Units.bytes(n("1"), "GiB")).isEqualTo(1_073_741_824L);
        assertThat(Units.bytes(n("1"), "MiB")).isEqualTo(1_048_576L);
        assertThat(Units.bytes(n("1"), "KiB")).isEqualTo(1_024L);
    }

    @Test
    void fractionsAreRoundedDownNeverUp() {
        assertThat(Units.bytes(n("12.5"), "GB")).isEqualTo(12_500_000_000L);
        assertThat(Units.bytes(n("0.0000000019"), "GB")).isEqualTo(1L);
        assertThat(Units.seconds(n("1.99"), "seconds")).isEqualTo(1L);
        assertThat(Units.yen(n("99.9"), "JPY")).isEqualTo(99L);
    }

    @Test
    void voiceInSecondsFromSecondsOrMinutes() {
        assertThat(Units.seconds(n("1860"), "seconds")).isEqualTo(1860);
        assertThat(Units.seconds(n("31"), "min")).isEqualTo(1860);
        assertThat(Units.seconds(n("2"), "Minutes")).isEqualTo(120);
    }

    @Test
    void yenOnlyInYen() {
        assertThat(Units.yen(n("2480"), "JPY")).isEqualTo(2480);
        assertThat(Units.yen(n("1200"), "yen")).isEqualTo(1200);
        assertThatThrownBy(() -> Units.yen(n("10"), "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesAreCounted() {
        assertThat(Units.messages(n("50"), "sms")).isEqualTo(50);
        assertThat(Units.baseUnits(UsageType.SMS, n("3"), "messages")).isEqualTo(3);
    }

    @Test
    void validityInDaysOrHours() {
        assertThat(Units.validity(n("30"), "days")).isEqualTo(Duration.ofDays(30));
        assertThat(Units.validity(n("12"), "hours")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void unknownUnitsAndNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> Units.bytes(n("1"), "gigs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.bytes(n("1"), "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.bytes(n("-1"), "GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.seconds(n("1"), "days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.bytes(null, "GB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantsAcceptAnyOffsetAndShowInJapanTime() {
        Instant utc = Units.instant("2026-11-26T14:59:59Z");
        Instant jst = Units.instant("2026-11-26T23:59:59+09:00");
        assertThat(utc).isEqualTo(jst);
        assertThat(Units.showInJapan(utc)).isEqualTo("2026-11-26 23:59 JST");
        assertThatThrownBy(() -> Units.instant("2026-11-26T23:59:59")).isInstanceOf(IllegalArgumentException.class);
    }

    /** ISO 8601 years reach ±999,999,999; such an answer is refused, not a crash when its day in Japan is asked. */
    @Test
    void aDateTimeAtTheEdgeOfIsoYearsIsRefusedAndANeverExpiringOneIsRead() {
        assertThatThrownBy(() -> Units.instant("+999999999-12-31T23:59:59-18:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.instant("-999999999-01-01T00:00:00+18:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Units.dayInJapan(Units.instant("9999-12-31T23:59:59-05:00"))).isEqualTo(LocalDate.of(10000, 1, 1));
    }

    @Test
    void theJapaneseDayStartsAtMidnightJapanTime() {
        assertThat(Units.dayInJapan(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(Units.dayInJapan(Instant.parse("2026-11-25T14:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(Units.startOfDayInJapan(LocalDate.of(2026, 11, 26))).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(Units.isoJst(Instant.parse("2026-11-25T15:00:00.123Z"))).isEqualTo("2026-11-26T00:00+09:00");
    }
}
