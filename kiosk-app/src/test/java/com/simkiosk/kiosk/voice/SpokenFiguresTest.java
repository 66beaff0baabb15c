package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Figures as a person says them, with each language's counters. */
class SpokenFiguresTest {
    private static final LocalDate DEC_2 = LocalDate.of(2026, 12, 2); // a Wednesday

    @Test
    void japaneseInKanaWithCounters() {
        SpokenFigures ja = SpokenFigures.of(Language.JA);
        assertThat(ja.data(620_000_000L)).isEqualTo("ろっぴゃくにじゅうメガバイト");
        assertThat(ja.data(3_500_000_000L)).isEqualTo("さんてんごギガバイト");
        assertThat(ja.yen(1_280)).isEqualTo("せんにひゃくはちじゅうえん");
        assertThat(ja.yen(38_000)).isEqualTo("さんまんはっせんえん");
        assertThat(ja.date(DEC_2)).isEqualTo("じゅうにがつふつか、すいようび");
        assertThat(ja.date(LocalDate.of(2027, 4, 20))).isEqualTo("しがつはつか、かようび");
        assertThat(ja.time(LocalTime.of(23, 59))).isEqualTo("にじゅうさんじごじゅうきゅうふん");
        assertThat(ja.time(LocalTime.of(9, 10))).isEqualTo("くじじゅっぷん");
        assertThat(ja.tries(1)).isEqualTo("いっかい");
        assertThat(ja.days(3)).isEqualTo("みっか");
        assertThat(ja.digits(11)).isEqualTo("じゅういっけた");
    }

    @Test
    void koreanSinoForMoneyAndDatesNativeForHoursAndCounts() {
        SpokenFigures ko = SpokenFigures.of(Language.KO);
        assertThat(ko.data(620_000_000L)).isEqualTo("육백이십 메가바이트");
        assertThat(ko.yen(11_000)).isEqualTo("만천 엔");
        assertThat(ko.date(DEC_2)).isEqualTo("십이월 이일 수요일");
        assertThat(ko.date(LocalDate.of(2027, 6, 10))).startsWith("유월");
        assertThat(ko.date(LocalDate.of(2027, 10, 1))).startsWith("시월");
        assertThat(ko.time(LocalTime.of(23, 59))).isEqualTo("오후 열한 시 오십구 분");
        assertThat(ko.tries(3)).isEqualTo("세 번");
        assertThat(ko.digits(11)).isEqualTo("열한 자리");
    }

    @Test
    void mandarinInPinyinWithTones() {
        SpokenFigures zh = SpokenFigures.of(Language.ZH_HANS);
        assertThat(zh.data(620_000_000L)).isEqualTo("liu4 bai3 er4 shi2 zhao4 zi4 jie2");
        assertThat(zh.yen(1_500)).isEqualTo("yi1 qian1 wu3 bai3 ri4 yuan2");
        assertThat(zh.yen(2_005)).isEqualTo("liang3 qian1 ling2 wu3 ri4 yuan2");
        assertThat(zh.number(15)).isEqualTo("shi2 wu3");
        assertThat(zh.yen(1_280)).isEqualTo("yi1 qian1 er4 bai3 ba1 shi2 ri4 yuan2");
        assertThat(zh.number(20_000)).isEqualTo("liang3 wan4");
        assertThat(zh.date(DEC_2)).isEqualTo("shi2 er4 yue4 er4 ri4, xing1 qi1 san1");
        assertThat(zh.time(LocalTime.of(23, 59))).isEqualTo("er4 shi2 san1 dian3 wu3 shi2 jiu3 fen1");
        assertThat(zh.tries(2)).isEqualTo("liang3 ci4");
        assertThat(SpokenFigures.of(Language.ZH_HANT).data(620_000_000L)).isEqualTo("liu4 bai3 er4 shi2 zhao4 wei4 yuan2 zu3");
    }

    @Test
    void englishKeepsDigitsAndSaysTheClock() {
        SpokenFigures en = SpokenFigures.of(Language.EN);
        assertThat(en.data(620_000_000L)).isEqualTo("620 megabytes");
        assertThat(en.data(1_000_000_000L)).isEqualTo("1 gigabyte");
        assertThat(en.date(DEC_2)).isEqualTo("Wednesday, December 2nd");
        assertThat(en.time(LocalTime.of(23, 59))).isEqualTo("11 59 P M");
        assertThat(en.tries(1)).isEqualTo("1 try");
    }
}
