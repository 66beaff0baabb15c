package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Figures written for a synthesizer, per language, with the language's own counters: Japanese in kana
 * (六百二十円 → ろっぴゃくにじゅうえん, 4月 → しがつ, 2日 → ふつか), Korean with Sino numbers for money, data and
 * dates and native ones for hours and counts (열한 시, 세 번), Mandarin in pinyin with tone digits (liu4 bai3
 * er4 shi2 ri4 yuan2). English keeps digits: espeak-ng reads them well. Every figure in a speech script comes from
 * here, never from the screen's formatting.
 */
public interface SpokenFigures {

    /** A whole number as a figure (a balance, a count). */
    String number(long n);

    String yen(long yen);

    /** Data in decimal units, as the screen shows them: whole megabytes below 1 GB, gigabytes to one decimal. */
    String data(long bytes);

    /** Month, day and weekday. */
    String date(LocalDate date);

    String time(LocalTime time);

    /** "3 days" (left before the expiry). */
    String days(long days);

    /** "2 tries" (left). */
    String tries(long tries);

    /** "11 digits" (typed). */
    String digits(long count);

    /** "45 minutes" (of calls). */
    String minutes(long minutes);

    /** "3 choices" (of top-up). */
    String choices(long count);

    /** "12 messages" (SMS left). */
    String messages(long count);

    /** One digit as said on a keypad: "5". */
    String digit(char digit);

    /** Digits one by one, e.g. the last four of a masked number. */
    default String digitsOneByOne(String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (Character.isDigit(c)) {
                b.append(b.length() == 0 ? "" : separator()).append(digit(c));
            }
        }
        return b.toString();
    }

    /** What goes between digits said one by one (a short pause). */
    default String separator() {
        return ", ";
    }

    static SpokenFigures of(Language language) {
        return switch (language) {
            case JA -> new JapaneseFigures();
            case EN -> new EnglishFigures();
            case ZH_HANS -> new MandarinFigures(false);
            case ZH_HANT -> new MandarinFigures(true);
            case KO -> new KoreanFigures();
        };
    }

    /** Tenths of a gigabyte or whole megabytes: {@code [whole, tenth, isGigabytes]}. */
    static long[] dataParts(long bytes) {
        if (bytes >= 1_000_000_000L) {
            long tenths = bytes / 100_000_000L;
            return new long[] {tenths / 10, tenths % 10, 1};
        }
        return new long[] {bytes / 1_000_000L, 0, 0};
    }
}
