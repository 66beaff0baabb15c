package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayDatesTest {

    /** Wednesday 2 December 2026, 23:59 in Japan (14:59 UTC, still the 2nd in UTC too). */
    private static final Instant END = Instant.parse("2026-12-02T14:59:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            JA      | 12月2日（水）         | 12月2日（水）23:59まで                    | 12月2日（水）23:59
            EN      | Wed 2 Dec            | until Wed 2 Dec, 23:59 JST               | Wed 2 Dec, 23:59 JST
            ZH_HANS | 12月2日（周三）        | 至12月2日（周三）23:59（日本时间）         | 12月2日（周三）23:59（日本时间）
            ZH_HANT | 12月2日（週三）        | 至12月2日（週三）23:59（日本時間）         | 12月2日（週三）23:59（日本時間）
            KO      | 12월 2일 (수)         | 12월 2일 (수) 23:59 (일본 시간)까지        | 12월 2일 (수) 23:59 (일본 시간)
            """)
    void everyLanguageWritesTheDayWithItsWeekdayInJapanTime(Language language, String day, String until, String moment) {
        assertThat(DisplayDates.day(LocalDate.of(2026, 12, 2), language)).isEqualTo(day);
        assertThat(DisplayDates.until(END, language)).isEqualTo(until);
        assertThat(DisplayDates.moment(END, language)).isEqualTo(moment);
    }

    @ParameterizedTest(name = "{0} UTC")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-27T14:59:59Z | 2026-11-27 | 23:59 | 11/27
            2026-11-27T15:00:00Z | 2026-11-28 | 00:00 | 11/28
            2026-11-30T15:30:00Z | 2026-12-01 | 00:30 | 12/1
            """)
    void japanMidnightTurnsTheDayWhateverTheUtcDate(Instant at, LocalDate today, String time, String shortDay) {
        assertThat(DisplayDates.today(at)).isEqualTo(today);
        assertThat(DisplayDates.time(at)).isEqualTo(time);
        assertThat(DisplayDates.shortDay(today)).isEqualTo(shortDay);
    }
}
