package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Dates with their weekday, countdowns that never exceed the wait, notices that never glue two sentences. */
class MessagesFormatTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final ZonedDateTime LAST_MINUTE = WEDNESDAY.atTime(23, 59).atZone(ZoneId.of("Asia/Tokyo"));

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "JA      | 12月2日（水）    | 12月2日（水）23:59",
            "EN      | Wed 2 Dec       | Wed 2 Dec, 23:59",
            "ZH_HANS | 12月2日（周三）  | 12月2日（周三）23:59",
            "ZH_HANT | 12月2日（週三）  | 12月2日（週三）23:59",
            "KO      | 12월 2일 (수)    | 12월 2일 (수) 23:59",
    })
    void everyLanguageShowsTheWeekdayInOneFormat(Language language, String date, String dateTime) {
        Messages m = Messages.of(language);
        assertThat(m.date(WEDNESDAY)).isEqualTo(date);
        assertThat(m.dateTime(LAST_MINUTE)).isEqualTo(dateTime);
    }

    @Test
    void aThirtySecondWaitCountsDownFromThirtyNeverThirtyOne() {
        Instant start = Instant.parse("2026-12-02T05:00:00Z");
        Instant allowed = start.plusSeconds(30);
        assertThat(Messages.secondsLeft(start, allowed)).isEqualTo(30);
        assertThat(Messages.secondsLeft(start.plusMillis(1), allowed)).isEqualTo(30);
        assertThat(Messages.secondsLeft(start.plusMillis(29_001), allowed)).isEqualTo(1);
        assertThat(Messages.secondsLeft(allowed, allowed)).isZero();
        assertThat(Messages.secondsLeft(allowed.plus(Duration.ofSeconds(5)), allowed)).isZero();
        for (long ms = 0; ms <= 30_000; ms += 250) {
            assertThat(Messages.secondsLeft(start.plusMillis(ms), allowed)).isBetween(0L, 30L);
        }
        assertThat(Messages.of(Language.JA).get("sms.resendIn", Messages.secondsLeft(start, allowed))).startsWith("30秒後");
    }

    @Test
    void englishSaysSecondsInWords() {
        Messages en = Messages.of(Language.EN);
        assertThat(en.get("sms.resendIn", 30L)).isEqualTo("You can ask for a new code in 30 seconds.");
        assertThat(en.get("sms.resendIn", 1L)).isEqualTo("You can ask for a new code in 1 second.");
        assertThat(en.get("idle.body", 10)).endsWith("in 10 seconds.");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aNoticeEndsItsFirstSentenceBeforeTheSecond(Language language) {
        Messages m = Messages.of(language);
        String notice = m.notice("error.wrongCode");
        String title = m.get("error.wrongCode.title");
        assertThat(notice).startsWith(title);
        char after = notice.charAt(title.length());
        assertThat(after).as("after the title in %s: %s", language, notice).isIn('.', '。');
        if (language == Language.EN) {
            assertThat(notice).isEqualTo("That code is not right. Please check the SMS and enter the code again.");
        }
    }
}
