package com.simkiosk.kiosk.voice;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Mandarin in pinyin with tone digits, read by espeak-ng's {@code cmn-latn-pinyin} voice (its hanzi dictionary is
 * incomplete: some characters come out spelled in English). liang3 for a leading 2 before qian1, bai3, a large unit or a measure,
 * ling2 for inner zeros. Taiwan's words where they differ: wei4 yuan2 zu3 (位元組) for bytes, xing1 qi1 ri4 for Sunday.
 */
final class MandarinFigures implements SpokenFigures {
    private static final String[] DIGITS = {"ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"};
    private static final String[] GROUPS = {"", "wan4", "yi4", "zhao4"};
    private static final String[] WEEKDAYS = {"yi1", "er4", "san1", "si4", "wu3", "liu4"};

    private final boolean taiwan;

    MandarinFigures(boolean taiwan) {
        this.taiwan = taiwan;
    }

    static String pinyin(long n) {
        if (n == 0) {
            return "ling2";
        }
        StringBuilder out = new StringBuilder();
        boolean started = false;
        boolean zeroPending = false;
        for (int g = GROUPS.length - 1; g >= 0; g--) {
            long unit = (long) Math.pow(10_000, g);
            int group = (int) (n / unit % 10_000);
            if (group == 0) {
                zeroPending = started;
                continue;
            }
            if (started && (zeroPending || group < 1000)) {
                out.append(" ling2");
            }
            out.append(started ? " " : "").append(group(group, !started, g > 0)).append(g > 0 ? " " + GROUPS[g] : "");
            started = true;
            zeroPending = false;
        }
        return out.toString().trim();
    }

    private static String group(int n, boolean leading, boolean beforeLargeUnit) {
        if (leading && n == 2 && beforeLargeUnit) {
            return "liang3";
        }
        String[] places = {"qian1", "bai3", "shi2", ""};
        int[] digits = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            int d = digits[i];
            if (d == 0) {
                zero = any;
                continue;
            }
            if (zero) {
                b.append(" ling2");
                zero = false;
            }
            String word;
            if (i == 2 && d == 1 && !any && leading) {
                word = "shi2"; // 十五, not 一十五, at the start of a number
            } else if (i < 2 && d == 2 && !any) {
                word = "liang3 " + places[i];
            } else {
                word = DIGITS[d] + (places[i].isEmpty() ? "" : " " + places[i]);
            }
            b.append(any ? " " : "").append(word);
            any = true;
        }
        return b.toString();
    }

    /** Before a measure word: 两次, 两位, but 十二次. */
    private static String counted(long n) {
        return n == 2 ? "liang3" : pinyin(n);
    }

    @Override
    public String number(long n) {
        return pinyin(n);
    }

    @Override
    public String yen(long yen) {
        return pinyin(yen) + " ri4 yuan2";
    }

    @Override
    public String data(long bytes) {
        long[] p = SpokenFigures.dataParts(bytes);
        String figure = p[1] == 0 ? pinyin(p[0]) : pinyin(p[0]) + " dian3 " + DIGITS[(int) p[1]];
        String unit = p[2] == 1 ? "ji2" : "zhao4";
        return figure + " " + unit + (taiwan ? " wei4 yuan2 zu3" : " zi4 jie2");
    }

    @Override
    public String date(LocalDate date) {
        int weekday = date.getDayOfWeek().getValue();
        String day = weekday == 7 ? (taiwan ? "ri4" : "tian1") : WEEKDAYS[weekday - 1];
        return pinyin(date.getMonthValue()) + " yue4 " + pinyin(date.getDayOfMonth()) + " ri4, xing1 qi1 " + day;
    }

    @Override
    public String time(LocalTime time) {
        String hour = (time.getHour() == 2 ? "liang3" : pinyin(time.getHour())) + " dian3";
        return time.getMinute() == 0 ? hour : hour + " " + pinyin(time.getMinute()) + " fen1";
    }

    @Override
    public String days(long days) {
        return counted(days) + " tian1";
    }

    @Override
    public String tries(long tries) {
        return counted(tries) + " ci4";
    }

    @Override
    public String digits(long count) {
        return counted(count) + " wei4";
    }

    @Override
    public String minutes(long minutes) {
        return counted(minutes) + " fen1 zhong1";
    }

    @Override
    public String choices(long count) {
        return counted(count) + " zhong3";
    }

    @Override
    public String messages(long count) {
        return counted(count) + " tiao2";
    }

    @Override
    public String digit(char digit) {
        return DIGITS[digit - '0'];
    }
}
